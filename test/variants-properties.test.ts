import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { normalizeDomain } from '../src/normalize';
import {
  FUZZER_IDS,
  generateVariants,
  KEYBOARD_LAYOUTS,
  registryRefusal,
  type FuzzerId,
  type Variant,
  type VariantOptions,
} from '../src/variants';

const require = createRequire(import.meta.url);
const COMMON = require('email-providers/common.json') as string[];

/** The input as the generator reads it: registrable domain, label and suffix, and the PSL section in use. */
interface Input {
  readonly registrable: string;
  readonly label: string;
  readonly suffix: string;
  readonly privateSuffixes: boolean;
}

function inputOf(domain: string, privateSuffixes: boolean): Input | undefined {
  for (const p of privateSuffixes ? [true, false] : [false]) {
    const r = normalizeDomain(domain, { privateSuffixes: p });
    if (r.ok && r.registrableDomain !== null && r.label !== null && r.publicSuffix !== null) {
      return { registrable: r.registrableDomain, label: r.label, suffix: r.publicSuffix, privateSuffixes: p };
    }
  }
  return undefined;
}

/** Real domains (common.json) that have a registrable domain; `web.id`-style bare suffixes are left out. */
const DOMAINS = COMMON.filter((d) => inputOf(d, false) !== undefined);

const optionsArb: fc.Arbitrary<VariantOptions> = fc.record({
  fuzzers: fc.subarray([...FUZZER_IDS], { minLength: 1, maxLength: 4 }),
  keyboards: fc.subarray([...KEYBOARD_LAYOUTS], { minLength: 1 }),
  idn: fc.boolean(),
  idnPolicy: fc.constantFrom('any' as const, 'registry' as const),
  privateSuffixes: fc.boolean(),
});

const HOST_FUZZERS: readonly FuzzerId[] = ['subdomain', 'level-squat'];

/**
 * Applies the recorded label edits to the input label (edits do not overlap; applied right to left).
 * @returns The edited label, or a problem.
 */
function applyChanges(label: string, v: Variant): string | { problem: string } {
  const chars = [...label];
  const changes = [...v.detail.changes].sort((a, b) => b.position - a.position);
  for (const c of changes) {
    const from = [...c.from];
    if (chars.slice(c.position, c.position + from.length).join('') !== c.from) return { problem: `change ${JSON.stringify(c)} does not match the input` };
    if (c.fromCodePoints.length !== from.length || c.toCodePoints.length !== [...c.to].length) return { problem: 'code point lists' };
    chars.splice(c.position, from.length, c.to);
  }
  return chars.join('');
}

/**
 * Every invariant of one variant of `input`. Plain comparisons (no `expect` per check: a run has
 * tens of thousands of variants); the caller asserts that no problem was found.
 * @returns undefined, or what is wrong.
 */
function problemOf(v: Variant, input: Input): string | undefined {
  const r = normalizeDomain(v.domain, { privateSuffixes: input.privateSuffixes });
  if (!r.ok) return `not a valid domain: ${r.message}`;
  // UTS #46 round trip: the Unicode and ASCII forms are what the normalizer makes of the variant.
  if (r.unicode !== v.domain) return `normalizes to ${r.unicode}`;
  if (r.ascii !== v.ascii) return `ASCII form is ${r.ascii}, not ${v.ascii}`;
  if (r.hidden.length > 0) return 'hidden characters';
  for (const label of v.ascii.split('.')) {
    if (label.length > 63 || label.startsWith('-') || label.endsWith('-')) return `bad label ${label}`;
  }
  // Registrable under a PSL suffix, and not the input.
  if (r.registrableDomain === null) return 'no registrable domain';
  if (r.registrableDomain !== v.detail.registrableDomain) return `registrable domain ${r.registrableDomain}, detail says ${v.detail.registrableDomain}`;
  if (r.registrableDomain === input.registrable) return 'same registrable domain as the input';
  if (HOST_FUZZERS.includes(v.fuzzer)) {
    if (v.domain !== r.registrableDomain && !v.domain.endsWith(`.${r.registrableDomain}`)) return 'not under its registrable domain';
  } else if (r.registrableDomain !== v.domain) return `registrable domain is ${r.registrableDomain}`;
  // The detail describes the change exactly.
  const suffix = v.detail.suffix?.to ?? input.suffix;
  if (v.detail.suffix !== undefined && v.detail.suffix.from !== input.suffix) return 'suffix.from is not the input suffix';
  if (v.fuzzer === 'level-squat' && v.detail.form === 'subdomain') {
    return v.domain === `${input.registrable}.${suffix}` ? undefined : 'level-squat host';
  }
  const label = applyChanges(input.label, v);
  if (typeof label !== 'string') return label.problem;
  return v.domain === `${label}.${suffix}` ? undefined : `changes give ${label}.${suffix}`;
}

/** Checks a whole run; returns the problems found (at most 5) and the count. */
function checkRun(domain: string, options: VariantOptions, input: Input): { problems: string[]; count: number } {
  const problems: string[] = [];
  const seen = new Set<string>();
  let count = 0;
  const note = (v: Variant, p: string): void => {
    if (problems.length < 5) problems.push(`${domain} → ${v.domain} [${v.fuzzer}]: ${p}`);
  };
  for (const v of generateVariants(domain, options)) {
    count++;
    const p = problemOf(v, input);
    if (p !== undefined) note(v, p);
    if (seen.has(v.ascii)) note(v, 'emitted twice');
    seen.add(v.ascii);
    if (options.fuzzers !== undefined && !options.fuzzers.includes(v.fuzzer)) note(v, 'fuzzer not requested');
    if (options.idn === false && v.ascii !== v.domain) note(v, 'IDN with idn: false');
    if (options.idnPolicy === 'registry') {
      const labels = v.detail.registrableDomain.split('.');
      const refusal = registryRefusal(labels[0]!, labels.slice(1).join('.'));
      if (refusal !== undefined) note(v, `registry policy: ${refusal}`);
    }
  }
  return { problems, count };
}

describe('variant invariants over real domains (email-providers common.json)', () => {
  it('every variant is valid, registrable, different from the input, described exactly, and unique', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOMAINS), optionsArb, (domain, options) => {
        const input = inputOf(domain, options.privateSuffixes ?? true)!;
        expect(checkRun(domain, options, input).problems).toEqual([]);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it.each(['gmail.com', 'yahoo.co.jp', 'uol.com.br', 't-online.de', 'mail.ru', 'spb.ru'].map((d) => ({ description: `all fuzzers on ${d}`, domain: d })))(
    '$description: every variant valid and unique',
    ({ domain }) => {
      const { problems, count } = checkRun(domain, {}, inputOf(domain, true)!);
      expect(problems).toEqual([]);
      expect(count).toBeGreaterThan(1000);
    },
  );

  it('output is deterministic: two runs give the same variants in the same order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOMAINS), optionsArb, (domain, options) => {
        expect([...generateVariants(domain, options)]).toEqual([...generateVariants(domain, options)]);
      }),
      { seed: 42, numRuns: 25 },
    );
  });

  it('limit is honoured: the first n variants of the unlimited run', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOMAINS), optionsArb, fc.nat({ max: 300 }), (domain, options, limit) => {
        const all = [...generateVariants(domain, options)];
        expect([...generateVariants(domain, { ...options, limit })]).toEqual(all.slice(0, limit));
      }),
      { seed: 42, numRuns: 25 },
    );
  });

  it('credit rule: each variant goes to the first fuzzer, in table order, that makes it alone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOMAINS), fc.subarray([...FUZZER_IDS], { minLength: 2 }), (domain, fuzzers) => {
        const firstMaker = new Map<string, FuzzerId>();
        for (const f of FUZZER_IDS) {
          if (!fuzzers.includes(f)) continue;
          for (const v of generateVariants(domain, { fuzzers: [f] })) if (!firstMaker.has(v.domain)) firstMaker.set(v.domain, f);
        }
        const full = [...generateVariants(domain, { fuzzers })];
        expect(full).toHaveLength(firstMaker.size);
        for (const v of full) expect(v.fuzzer, v.domain).toBe(firstMaker.get(v.domain));
      }),
      { seed: 42, numRuns: 12 },
    );
  });

  it('idnPolicy registry only removes variants: it keeps a subsequence of the unfiltered output', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOMAINS), optionsArb, (domain, options) => {
        const any = [...generateVariants(domain, { ...options, idnPolicy: 'any' })].map((v) => v.ascii);
        const registry = new Set([...generateVariants(domain, { ...options, idnPolicy: 'registry' })].map((v) => v.ascii));
        expect(any.filter((a) => registry.has(a))).toEqual([...registry]);
      }),
      { seed: 42, numRuns: 25 },
    );
  });
});

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createDetector, DEFAULT_DETECTOR_OPTIONS } from '../src/detector';
import { normalizeDomain } from '../src/normalize';
import { FUZZERS, generateVariants, type FuzzerId } from '../src/variants';

// The round trip: a detector that trusts D flags every variant generateVariants(D) makes,
// with a reason code that names the fuzzer's technique (FUZZERS[].reasonCodes). Checked for every
// fuzzer, including bitsquatting (documented as not confusable, but the detector still reports it).

const require = createRequire(import.meta.url);
const COMMON = require('email-providers/common.json') as string[];

/** About 50 real domains: every 7th entry of common.json that has a registrable domain. */
const DOMAINS = COMMON.filter((d) => {
  const r = normalizeDomain(d, { privateSuffixes: false });
  return r.ok && r.registrableDomain !== null;
}).filter((_, i) => i % 7 === 0);

const CODES = new Map(FUZZERS.map((f) => [f.id, f.reasonCodes as readonly string[]]));

/**
 * The detector's documented length policy (README "Policy"): typo edits count only on trusted
 * labels of 5+ code points (`ubs.com` is not a lookalike of `ups.com`), and a brand joins words in a
 * combo only from 3 code points. The generator still lists such variants (a team may want to
 * register them); the round trip leaves exactly these out and counts them.
 */
const TYPO_FUZZERS = new Set<FuzzerId>(['transposition', 'repetition', 'plural', 'omission', 'vowel-swap', 'replacement', 'hyphenation', 'insertion', 'bitsquatting', 'addition']);
function outsidePolicy(fuzzer: FuzzerId, labelLength: number): boolean {
  if (TYPO_FUZZERS.has(fuzzer)) return labelLength < DEFAULT_DETECTOR_OPTIONS.minLengthOneEdit;
  if (fuzzer === 'combo') return labelLength < 3;
  return false;
}

interface Tally {
  total: number;
  failed: number;
  examples: string[];
}

describe('round trip with the detector', () => {
  it('uses about 50 real domains', () => {
    expect(DOMAINS.length).toBeGreaterThanOrEqual(45);
  });

  // One test per trusted domain (each has its own timeout); the message tallies failures per fuzzer.
  it.each(DOMAINS.map((domain) => ({ description: `a detector trusting ${domain} flags all its variants, naming the technique`, domain })))(
    '$description',
    ({ domain }) => {
      const tally = new Map<FuzzerId, Tally>();
      const detector = createDetector([domain]);
      const label = detector.entries[0]!.label;
      const labelLength = [...label].length;
      let excluded = 0;
      for (const v of generateVariants(domain)) {
        if (outsidePolicy(v.fuzzer, labelLength)) {
          excluded++;
          continue;
        }
        const t = tally.get(v.fuzzer) ?? { total: 0, failed: 0, examples: [] };
        tally.set(v.fuzzer, t);
        t.total++;
        const result = detector.check(v.domain);
        const codes = new Set(result.reasons.map((r) => r.code as string));
        const named = (CODES.get(v.fuzzer) ?? []).some((c) => codes.has(c));
        if (result.verdict === 'lookalike' && named) continue;
        t.failed++;
        if (t.examples.length < 3) t.examples.push(`${v.domain} → ${result.verdict} [${[...codes].join(', ')}]`);
      }
      const failures = [...tally]
        .filter(([, t]) => t.failed > 0)
        .map(([f, t]) => `${f}: ${t.failed}/${t.total} not flagged as ${CODES.get(f)?.join('/')}; e.g. ${t.examples.join('; ')}`);
      expect(failures, failures.join('\n')).toEqual([]);
      // Visual and structural fuzzers always take part; typo fuzzers whenever the label is long enough.
      expect(tally.size).toBeGreaterThan(labelLength < 5 ? 4 : 10);
      if (labelLength >= 5) expect(excluded).toBe(0);
    },
  );
});

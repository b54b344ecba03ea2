/**
 * Positives from sosie's variant generator: for each target trusted domain, a deterministic sample
 * of at most `capPerFuzzer` variants per fuzzer, labelled with the fuzzer and its expected reason
 * codes (FUZZERS[i].reasonCodes). A variant that is itself trusted (its registrable domain is on the
 * list: `gmx.net` generated from `gmx.de` when both are trusted) is not an attack on that list and is
 * left out; so is a variant that is not a valid domain (a generator defect, counted and listed).
 */

import { normalizeDomain } from '../src/normalize';
import { FUZZERS, generateVariants } from '../src/variants';
import type { RealDomain } from './domains';
import type { Example } from './metrics';
import { hash32, hashUnit, splitOf } from './seed';

/** Safety cap on the variants read per target (the generator is lazy; long labels give many). */
export const MAX_VARIANTS_PER_TARGET = 50_000;

/** What the sampling kept and left out. */
export interface GeneratorSample {
  readonly examples: Example[];
  readonly generated: number;
  readonly excludedTrusted: number;
  readonly invalid: readonly { readonly target: string; readonly fuzzer: string; readonly domain: string; readonly reason: string }[];
  readonly targetsWithoutVariants: readonly string[];
}

/** The expected reason codes of each fuzzer id. */
export function fuzzerCodes(): Map<string, readonly string[]> {
  return new Map(FUZZERS.map((f) => [f.id as string, f.reasonCodes as readonly string[]]));
}

/**
 * Samples generator positives for `targets`, taken from `trustedList` (the whole list: variants that
 * are trusted themselves are dropped, and a match on a same-label entry counts as the target). The sender is `ap@<variant>`, written
 * in its ASCII (punycode) form for a hash-chosen half of the non-ASCII variants, as headers carry both.
 */
export function generatorPositives(targets: readonly RealDomain[], trustedList: readonly RealDomain[], capPerFuzzer: number): GeneratorSample {
  const codes = fuzzerCodes();
  const trusted = new Set(trustedList.map((d) => d.domain));
  const byLabel = new Map<string, string[]>();
  for (const d of trustedList) {
    const list = byLabel.get(d.label);
    if (list === undefined) byLabel.set(d.label, [d.domain]);
    else list.push(d.domain);
  }
  const examples: Example[] = [];
  const invalid: { target: string; fuzzer: string; domain: string; reason: string }[] = [];
  const targetsWithoutVariants: string[] = [];
  let generated = 0;
  let excludedTrusted = 0;
  for (const target of targets) {
    const byFuzzer = new Map<string, { domain: string; ascii: string; h: number }[]>();
    let n = 0;
    for (const v of generateVariants(target.domain)) {
      if (++n > MAX_VARIANTS_PER_TARGET) break;
      let list = byFuzzer.get(v.fuzzer);
      if (list === undefined) byFuzzer.set(v.fuzzer, (list = []));
      list.push({ domain: v.domain, ascii: v.ascii, h: hash32(`variant:${v.domain}`) });
    }
    generated += Math.min(n, MAX_VARIANTS_PER_TARGET);
    if (byFuzzer.size === 0) targetsWithoutVariants.push(target.domain);
    const split = splitOf(`trusted:${target.domain}`);
    const sameBrand = (byLabel.get(target.label) ?? []).filter((d) => d !== target.domain);
    for (const [fuzzer, list] of byFuzzer) {
      list.sort((a, b) => a.h - b.h || (a.domain < b.domain ? -1 : 1));
      let kept = 0;
      for (const v of list) {
        if (kept >= capPerFuzzer) break;
        const norm = normalizeDomain(v.domain, { privateSuffixes: true });
        if (!norm.ok) {
          invalid.push({ target: target.domain, fuzzer, domain: v.domain, reason: norm.message });
          continue;
        }
        if (norm.registrableDomain !== null && trusted.has(norm.registrableDomain)) {
          excludedTrusted++;
          continue;
        }
        kept++;
        const useAscii = v.ascii !== v.domain && hashUnit(`form:${v.domain}`) < 0.5;
        examples.push({
          id: `generator:${target.domain}:${fuzzer}:${v.domain}`,
          source: 'generator',
          split,
          sender: `ap@${useAscii ? v.ascii : v.domain}`,
          positive: true,
          target: target.domain,
          ...(sameBrand.length === 0 ? {} : { sameBrand }),
          technique: fuzzer,
          expectedCodes: codes.get(fuzzer) ?? [],
        });
      }
    }
  }
  return { examples, generated, excludedTrusted, invalid, targetsWithoutVariants };
}

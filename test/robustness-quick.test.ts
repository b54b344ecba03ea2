import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../src/detector';
import { amplification, categories, EXTREMES, malformation, ROBUSTNESS_TRUSTED } from '../eval/arbitraries';

// Quick robustness profile (issue 5): hostile input of every category must give a well-formed
// result, never an exception, never the detector's internal-error path. Seeded, so a failure
// reproduces. The long profile is `npm run fuzz:long` (eval/fuzz-long.ts), which also measures
// the slowest input per category; time is not asserted here.

const detector = createDetector([...ROBUSTNESS_TRUSTED]);
const RUNS = 500;

describe('quick hostile-input profile', () => {
  it.each(categories(3_000).map((c, i) => ({ ...c, seed: 42 + i })))('$name: check returns a well-formed result', ({ arb, seed }) => {
    fc.assert(
      fc.property(arb, (input) => {
        let result;
        try {
          result = detector.check(input);
        } catch (error) {
          throw new Error(`check threw on ${JSON.stringify(input.slice(0, 200))}: ${String(error)}`);
        }
        const problem = malformation(input, result);
        if (problem !== undefined) throw new Error(`${problem} for ${JSON.stringify(input.slice(0, 200))}`);
      }),
      { seed, numRuns: RUNS },
    );
  });

  it.each(EXTREMES)('$description: well-formed result', ({ build }) => {
    const input = build();
    const result = detector.check(input);
    expect(malformation(input, result)).toBeUndefined();
  });

  it.each(EXTREMES)('$description: bounded result size', ({ build }) => {
    const input = build();
    expect(amplification(input, detector.check(input))).toBeUndefined();
  });

  it('keeps results small on hostile input of every category', () => {
    fc.assert(
      fc.property(fc.oneof(...categories(3_000).map((c) => c.arb)), (input) => {
        expect(amplification(input, detector.check(input))).toBeUndefined();
      }),
      { seed: 13, numRuns: 500 },
    );
  });

  it('is deterministic on hostile input', () => {
    fc.assert(
      fc.property(fc.oneof(...categories(200).map((c) => c.arb)), (input) => {
        expect(JSON.stringify(detector.check(input))).toBe(JSON.stringify(detector.check(input)));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('does not treat hostile input as trusted unless a trusted host is really there', () => {
    // A trusted verdict must name an entry whose domain is the sender's domain or a parent of it.
    fc.assert(
      fc.property(fc.oneof(...categories(200).map((c) => c.arb)), (input) => {
        const r = detector.check(input);
        if (r.verdict !== 'trusted') return;
        const domain = r.sender?.domain ?? '';
        const trusted = r.match?.domain ?? '';
        expect(domain === trusted || domain.endsWith(`.${trusted}`)).toBe(true);
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});

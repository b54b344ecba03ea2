import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../src/trust-index/hash';

/** FNV-1a 32 (Fowler–Noll–Vo) written out step by step, then murmur3's fmix32: the reference. */
function reference(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

describe('hash', () => {
  it('fnv1a32 agrees with the step-by-step reference (seeded, Unicode, with and without a seed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.integer({ min: 0, max: 0x7fffffff }), (s, seed) => {
        expect(fnv1a32(s, seed)).toBe(reference(s, seed));
        expect(fnv1a32(s)).toBe(reference(s, 0));
      }),
      { seed: 46, numRuns: 2000 },
    );
  });

  it('spreads neighbouring strings over many bits', () => {
    let bits = 0;
    for (let x = (fnv1a32('contoso1') ^ fnv1a32('contoso2')) >>> 0; x !== 0; x &= x - 1) bits++;
    expect(bits).toBeGreaterThan(8);
  });
});

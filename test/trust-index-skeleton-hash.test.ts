import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skeleton } from '../src/skeleton';
import { fnv1a32 } from '../src/trust-index/hash';
import { skeletonFnv1a32 } from '../src/trust-index/skeleton-hash';
import { compileTrustedList } from '../src/trust-index';

describe('skeletonFnv1a32: the hash of the skeleton, without building it', () => {
  it.each([
    { description: 'a label that is its own skeleton', text: 'contoso' },
    { description: 'm, i and digits, which the skeleton rewrites', text: 'mailbox1-m0' },
    { description: 'capitals', text: 'PayPaI' },
    { description: 'Cyrillic and Greek homoglyphs', text: 'nоrthwіnd-αpp' },
    { description: 'a diacritic and a combining mark', text: 'cöntoso-e\u0301' },
    { description: 'an astral code point (mathematical bold a)', text: '\u{1d41a}dventure' },
    { description: 'a lone high surrogate at the end', text: 'abc\ud835' },
    { description: 'a lone low surrogate in the middle', text: 'ab\udc1ac' },
    { description: 'the empty string', text: '' },
    { description: 'every ASCII code unit, one-unit and longer skeletons alike', text: String.fromCharCode(...Array.from({ length: 128 }, (_, c) => c)) },
  ])('$description', ({ text }) => {
    expect(skeletonFnv1a32(text)).toBe(fnv1a32(skeleton(text)));
  });

  it('agrees with fnv1a32(skeleton(s)) on arbitrary UTF-16 strings (seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        expect(skeletonFnv1a32(s)).toBe(fnv1a32(skeleton(s)));
      }),
      { seed: 391, numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdilmnorsuvwx01-аеіοрсԁ'.split('')), maxLength: 20 }), (s) => {
        expect(skeletonFnv1a32(s)).toBe(fnv1a32(skeleton(s)));
      }),
      { seed: 392, numRuns: 3000 },
    );
  });

  it("the index's skeleton filter never rejects a trusted label's skeleton", () => {
    const labels = ['contoso', 'northwind', 'microsoft', 'adventure-works', 'wingtiptoys', 'fabrikam', 'münchen', 'αλφα'];
    const index = compileTrustedList(labels.map((l) => `${l}.com`));
    for (const label of labels) {
      expect(index.skeletonFilter.mayHaveHash(skeletonFnv1a32(label))).toBe(true);
      // Also through a homoglyph that shares the skeleton.
      expect(index.skeletonFilter.mayHaveHash(skeletonFnv1a32(label.replace('o', 'о')))).toBe(true);
    }
  });
});

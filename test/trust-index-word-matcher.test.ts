import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordMatcher } from '../src/trust-index/word-matcher';
import { BUSINESS_WORDS } from '../src/variants/business-words';
import { ReferenceWordMatcher } from './helpers/word-matcher-reference';

const userWords = ['zahlung', 'über', 'rechnung', 'façade', 'ärzte-portal', 'x1'];
const fast = new WordMatcher([...BUSINESS_WORDS, ...userWords]);
const reference = new ReferenceWordMatcher([...BUSINESS_WORDS, ...userWords]);

describe('word matcher', () => {
  it.each([
    { description: 'a brand with a word glued after it', label: 'contosopayments', core: 'contoso' },
    { description: 'a word and a hyphen before the brand', label: 'login-contoso', core: 'contoso' },
    { description: 'words on both sides', label: 'secure-contoso-billing', core: 'contoso' },
    { description: "a user's non-ASCII word", label: 'über-northwind', core: 'northwind' },
  ])('finds the core ($description)', ({ label, core }) => {
    expect(fast.splits(label, 3).map((s) => s.core)).toContain(core);
  });

  it('finds nothing in a label with no word at either end', () => {
    expect(fast.splits('zqxjkvb', 3)).toEqual([]);
    expect(reference.splits('zqxjkvb', 3)).toEqual([]);
  });

  it('splits exactly like the Map-based reference (seeded labels built from words, brands and noise)', () => {
    const pieces = [...BUSINESS_WORDS.slice(0, 40), ...userWords, 'contoso', 'northwind', 'fabrikam', '-', 'x', 'q', 'ü', 'ç', 'É', '1'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 5 }), fc.integer({ min: 1, max: 6 }), (parts, minCore) => {
        const label = parts.join('');
        expect(fast.splits(label, minCore)).toEqual(reference.splits(label, minCore));
      }),
      { seed: 5150, numRuns: 4000 },
    );
  });

  it('holds the same word set as the reference', () => {
    expect([...fast.words].sort()).toEqual([...reference.words].sort());
  });
});

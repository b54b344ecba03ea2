import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeScripts, isDiacriticOf, skeletonUnits } from '../src/skeleton';
import { typoKey } from '../src/trust-index/typo-key';
import { referenceAnalyzeScripts, referenceIsDiacriticOf } from './helpers/explain-reference';

// Letters of the scripts lookalikes mix (and the UTS #39 §5.1 augmented families), digits, marks,
// an astral letter, a lone surrogate, and m/w/d whose skeletons are the rn/vv/cl pairs.
const UNITS = [
  'a', 'c', 'm', 'w', 'd', 'I', '0', '-', 'о', 'с', 'р', 'ӏ', 'ο', 'α', 'ö', 'é', 'ø', 'ł', '\u0301', '\u0338', '日', 'ひ', 'カ', '한', 'ㄅ',
  'ب', '𝐚', '\ud800', '\u00ad', 'ー', 'ﬁ',
];
const text = fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 8 });

describe('analyzeScripts (arrays instead of a Set per character)', () => {
  it('agrees with the original on seeded mixed-script labels', () => {
    fc.assert(
      fc.property(text, (label) => {
        expect(JSON.stringify(analyzeScripts(label))).toBe(JSON.stringify(referenceAnalyzeScripts(label)));
      }),
      { seed: 51, numRuns: 4000 },
    );
  });

  it.each([
    { description: 'Latin with one Cyrillic letter is mixed', label: 'cоntoso', scripts: ['Cyrillic', 'Latin'], mixedScript: true, wholeScriptConfusable: false },
    { description: 'all Cyrillic reading as Latin is whole-script', label: 'аррӏе', scripts: ['Cyrillic'], mixedScript: false, wholeScriptConfusable: true },
    { description: 'Han, Hiragana and Katakana resolve to Jpan', label: '日本ひらカタ', scripts: ['Han', 'Hiragana', 'Katakana'], mixedScript: false, wholeScriptConfusable: false },
    { description: 'Hangul with Han resolves to Kore', label: '한국漢', scripts: ['Han', 'Hangul'], mixedScript: false, wholeScriptConfusable: false },
    { description: 'Hiragana with Hangul is mixed', label: 'ひ한', scripts: ['Hangul', 'Hiragana'], mixedScript: true, wholeScriptConfusable: false },
    { description: 'digits only: no script, no letter', label: '0123', scripts: [], mixedScript: false, wholeScriptConfusable: false },
  ])('$description', ({ label, scripts, mixedScript, wholeScriptConfusable }) => {
    expect(analyzeScripts(label)).toEqual({ scripts, mixedScript, wholeScriptConfusable });
  });
});

describe('isDiacriticOf (memoised for short pairs)', () => {
  it('agrees with the original on seeded pairs, asked twice (the second answer from the memo)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const expected = referenceIsDiacriticOf(a, b);
        expect(isDiacriticOf(a, b)).toBe(expected);
        expect(isDiacriticOf(a, b)).toBe(expected);
      }),
      { seed: 52, numRuns: 4000 },
    );
  });

  it.each([
    { description: 'precomposed accent', a: 'ö', b: 'o', expected: true },
    { description: 'stroke letter', a: 'ø', b: 'o', expected: true },
    { description: 'case only', a: 'O', b: 'o', expected: false },
    { description: 'Cyrillic о is not an accent', a: 'о', b: 'o', expected: false },
    { description: 'keys cannot collide across the split (ab|c vs a|bc)', a: 'öb', b: 'c', expected: false },
    { description: 'the other split of the same characters', a: 'ö', b: 'oc', expected: false },
    { description: 'long pairs skip the memo', a: `${'é'.repeat(20)}x`, b: `${'e'.repeat(20)}x`, expected: true },
    { description: 'over 1,024 characters is false', a: 'é'.repeat(1025), b: 'e'.repeat(1025), expected: false },
  ])('$description', ({ a, b, expected }) => {
    expect(isDiacriticOf(a, b)).toBe(expected);
    expect(referenceIsDiacriticOf(a, b)).toBe(expected);
  });
});

describe('typoKey on non-ASCII labels', () => {
  it('agrees with the per-unit definition', () => {
    fc.assert(
      fc.property(text, (label) => {
        const slow = skeletonUnits(label).map((u) => ({ rn: 'm', vv: 'w', cl: 'd' })[u.output] ?? u.output).join('');
        expect(typoKey(label)).toBe(slow);
      }),
      { seed: 53, numRuns: 3000 },
    );
  });
});

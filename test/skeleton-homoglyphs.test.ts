import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { homoglyphsOf, isDiacriticOf, multiCharLookalikes, scriptOf, skeleton } from '../src/skeleton';

const rank = (c: string): number => {
  const cp = c.codePointAt(0) ?? 0;
  if (cp < 128) return 0;
  const s = scriptOf(cp);
  return s === 'Latin' ? 1 : s === 'Cyrillic' ? 2 : s === 'Greek' ? 3 : 4;
};

interface HomoglyphCase {
  readonly description: string;
  readonly ch: string;
  readonly includes: readonly string[];
  readonly excludes: readonly string[];
}

const homoglyphCases: readonly HomoglyphCase[] = [
  {
    description: 'o: digit zero, Cyrillic о, Greek ο, accented o',
    ch: 'o',
    includes: ['0', '\u043E', '\u03BF', 'ö', 'ø'],
    excludes: ['o', 'O', 'a', 'Ο'],
  },
  {
    description: 'l: digit one, small i, Cyrillic і and palochka ӏ',
    ch: 'l',
    includes: ['1', 'i', '\u0456', '\u04CF', 'ı'],
    excludes: ['l', 'L', 'I', '|'],
  },
  { description: 'a: Cyrillic а, Greek α, accented a', ch: 'a', includes: ['\u0430', '\u03B1', 'á'], excludes: ['a', 'A', 'ａ'] },
  { description: 'p: Cyrillic р, Greek ρ', ch: 'p', includes: ['\u0440', '\u03C1'], excludes: ['p', 'P'] },
  { description: 'd: Cyrillic ԁ (via d → cl)', ch: 'd', includes: ['\u0501', 'ḍ'], excludes: ['d', 'D', 'b'] },
  { description: 'w: Cyrillic ԝ (via w → vv)', ch: 'w', includes: ['\u051D', 'ŵ'], excludes: ['w', 'W'] },
  { description: 'a capital asks for the lowercase class', ch: 'O', includes: ['0', '\u043E'], excludes: ['o', 'O'] },
  { description: 'Cyrillic о gives Latin o and digit 0', ch: '\u043E', includes: ['o', '0', '\u03BF'], excludes: ['\u043E', '\u041E'] },
];

describe('homoglyphsOf', () => {
  it.each(homoglyphCases)('$description', ({ ch, includes, excludes }) => {
    const found = homoglyphsOf(ch);
    for (const c of includes) expect(found).toContain(c);
    for (const c of excludes) expect(found).not.toContain(c);
  });

  it.each([
    { description: 'empty string', ch: '' },
    { description: 'two characters', ch: 'ab' },
    { description: 'lone surrogate', ch: '\uD800' },
    { description: 'a combining mark (empty skeleton)', ch: '\u0301' },
    { description: 'a non-string', ch: 42 as unknown as string },
  ])('returns nothing for $description', ({ ch }) => {
    expect(homoglyphsOf(ch)).toEqual([]);
  });

  it('orders ASCII first, then Latin, Cyrillic, Greek, others; by code point within', () => {
    for (const ch of ['o', 'l', 'a', 'e', 'p', 'c', 'x', 'y']) {
      const found = homoglyphsOf(ch);
      const sorted = [...found].sort((a, b) => rank(a) - rank(b) || (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
      expect(found).toEqual(sorted);
    }
    expect(homoglyphsOf('o')[0]).toBe('0');
  });

  it('returns only label characters that share the skeleton, each once', () => {
    for (const ch of 'abcdefghijklmnopqrstuvwxyz0123456789') {
      const found = homoglyphsOf(ch);
      expect(new Set(found).size).toBe(found.length);
      for (const c of found) {
        expect(skeleton(c)).toBe(skeleton(ch));
        expect(c.normalize('NFKC')).toBe(c);
        expect(c.toLowerCase()).toBe(c);
        expect(c).toMatch(/^[\p{L}\p{Nd}]$/u);
      }
    }
  });

  it('is cached: the same frozen array comes back', () => {
    const first = homoglyphsOf('e');
    expect(homoglyphsOf('e')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});

describe('multiCharLookalikes', () => {
  it.each([
    { description: 'm looks like rn (UTS #39)', ch: 'm', expected: ['rn'] },
    { description: 'w looks like vv (extra table)', ch: 'w', expected: ['vv'] },
    { description: 'd looks like cl (extra table)', ch: 'd', expected: ['cl'] },
    { description: 'capital M is treated as m', ch: 'M', expected: ['rn'] },
    { description: 'æ looks like ae', ch: 'æ', expected: ['ae'] },
    { description: 'o has none', ch: 'o', expected: [] },
    { description: 'empty string', ch: '', expected: [] },
  ])('$description', ({ ch, expected }) => {
    expect(multiCharLookalikes(ch)).toEqual(expected);
  });

  it.each([
    { description: 'rn → m first', seq: 'rn', first: 'm' },
    { description: 'vv → w', seq: 'vv', first: 'w' },
    { description: 'cl → d', seq: 'cl', first: 'd' },
    { description: 'case-insensitive: CL → d', seq: 'CL', first: 'd' },
    { description: 'ae → æ', seq: 'ae', first: 'æ' },
  ])('vice versa: $description', ({ seq, first }) => {
    expect(multiCharLookalikes(seq)[0]).toBe(first);
  });

  it('pairs render alike: skeleton(single) === skeleton(multi)', () => {
    for (const ch of 'abcdefghijklmnopqrstuvwxyzæœ') {
      for (const multi of multiCharLookalikes(ch)) expect(skeleton(multi)).toBe(skeleton(ch));
    }
  });
});

interface DiacriticCase {
  readonly description: string;
  readonly a: string;
  readonly b: string;
  readonly expected: boolean;
}

const diacriticCases: readonly DiacriticCase[] = [
  { description: 'diaeresis added', a: 'ö', b: 'o', expected: true },
  { description: 'diaeresis removed (symmetric)', a: 'o', b: 'ö', expected: true },
  { description: 'diacritic changed', a: 'ö', b: 'ó', expected: true },
  { description: 'whole label', a: 'cöntoso', b: 'contoso', expected: true },
  { description: 'decomposed input', a: 'co\u0308ntoso', b: 'contoso', expected: true },
  { description: 'stroke letter ø (UTS #39 o + overlay)', a: 'ø', b: 'o', expected: true },
  { description: 'stroke letter ł', a: 'łodz', b: 'lodz', expected: true },
  { description: 'capital with diacritic against small base', a: 'Ö', b: 'o', expected: true },
  { description: 'identical', a: 'ö', b: 'ö', expected: false },
  { description: 'NFC and NFD of the same text', a: 'ö', b: 'o\u0308', expected: false },
  { description: 'case only', a: 'O', b: 'o', expected: false },
  { description: 'Cyrillic о is a homoglyph, not a diacritic', a: '\u043E', b: 'o', expected: false },
  { description: 'different base letters', a: 'ö', b: 'a', expected: false },
  { description: 'an extra letter is not a diacritic', a: 'cöntosso', b: 'contoso', expected: false },
  { description: 'zero width space is not a diacritic', a: 'o\u200B', b: 'o', expected: false },
  { description: 'empty strings', a: '', b: '', expected: false },
];

describe('isDiacriticOf', () => {
  it.each(diacriticCases)('$description: ($a, $b) → $expected', ({ a, b, expected }) => {
    expect(isDiacriticOf(a, b)).toBe(expected);
  });

  it('is symmetric and implies equal skeletons', () => {
    const letters = fc.constantFrom(...'aeiouönóøłcçdđ\u0301\u0308'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: letters, maxLength: 6 }), fc.string({ unit: letters, maxLength: 6 }), (a, b) => {
        const r = isDiacriticOf(a, b);
        return r === isDiacriticOf(b, a) && (!r || skeleton(a) === skeleton(b));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

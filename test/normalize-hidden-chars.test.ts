import fc from 'fast-check';
import regexes from 'tr46/lib/regexes.js';
import { describe, expect, it } from 'vitest';
import { findHiddenChars, normalizeDomain } from '../src/normalize';
import { mayBeBidi } from '../src/normalize/convert-domain';
import type { HiddenChar } from '../src/types';

interface HiddenCase {
  readonly description: string;
  readonly input: string;
  /** The expected cleaned text. */
  readonly cleaned: string;
  readonly found: readonly Omit<HiddenChar, 'where'>[];
}

// Names checked against UnicodeData.txt (Python unicodedata.name) while writing the table.
const hiddenCases: readonly HiddenCase[] = [
  {
    description: 'U+00AD SOFT HYPHEN',
    input: 'pay\u00ADpal',
    cleaned: 'paypal',
    found: [{ codePoint: 'U+00AD', name: 'SOFT HYPHEN', kind: 'invisible', position: 3 }],
  },
  {
    description: 'U+200B ZERO WIDTH SPACE',
    input: 'p\u200Baypal',
    cleaned: 'paypal',
    found: [{ codePoint: 'U+200B', name: 'ZERO WIDTH SPACE', kind: 'invisible', position: 1 }],
  },
  {
    description: 'U+200C ZERO WIDTH NON-JOINER',
    input: 'pay\u200Cpal',
    cleaned: 'paypal',
    found: [{ codePoint: 'U+200C', name: 'ZERO WIDTH NON-JOINER', kind: 'invisible', position: 3 }],
  },
  {
    description: 'U+200D ZERO WIDTH JOINER',
    input: 'paypal\u200D',
    cleaned: 'paypal',
    found: [{ codePoint: 'U+200D', name: 'ZERO WIDTH JOINER', kind: 'invisible', position: 6 }],
  },
  {
    description: 'U+2060 WORD JOINER and U+2064 INVISIBLE PLUS',
    input: 'a\u2060b\u2064c',
    cleaned: 'abc',
    found: [
      { codePoint: 'U+2060', name: 'WORD JOINER', kind: 'invisible', position: 1 },
      { codePoint: 'U+2064', name: 'INVISIBLE PLUS', kind: 'invisible', position: 3 },
    ],
  },
  {
    description: 'U+FEFF ZERO WIDTH NO-BREAK SPACE at the start',
    input: '\uFEFFcontoso',
    cleaned: 'contoso',
    found: [{ codePoint: 'U+FEFF', name: 'ZERO WIDTH NO-BREAK SPACE', kind: 'invisible', position: 0 }],
  },
  {
    description: 'U+034F COMBINING GRAPHEME JOINER',
    input: 'a\u034Fb',
    cleaned: 'ab',
    found: [{ codePoint: 'U+034F', name: 'COMBINING GRAPHEME JOINER', kind: 'invisible', position: 1 }],
  },
  {
    description: 'U+180E MONGOLIAN VOWEL SEPARATOR',
    input: 'a\u180Eb',
    cleaned: 'ab',
    found: [{ codePoint: 'U+180E', name: 'MONGOLIAN VOWEL SEPARATOR', kind: 'invisible', position: 1 }],
  },
  {
    description: 'the four Hangul fillers',
    input: '\u115Fa\u1160b\u3164c\uFFA0',
    cleaned: 'abc',
    found: [
      { codePoint: 'U+115F', name: 'HANGUL CHOSEONG FILLER', kind: 'invisible', position: 0 },
      { codePoint: 'U+1160', name: 'HANGUL JUNGSEONG FILLER', kind: 'invisible', position: 2 },
      { codePoint: 'U+3164', name: 'HANGUL FILLER', kind: 'invisible', position: 4 },
      { codePoint: 'U+FFA0', name: 'HALFWIDTH HANGUL FILLER', kind: 'invisible', position: 6 },
    ],
  },
  {
    description: 'variation selectors of both blocks, positions in code points after an astral one',
    input: 'a\uFE0F\u{E0100}b\uFE00',
    cleaned: 'ab',
    found: [
      { codePoint: 'U+FE0F', name: 'VARIATION SELECTOR-16', kind: 'invisible', position: 1 },
      { codePoint: 'U+E0100', name: 'VARIATION SELECTOR-17', kind: 'invisible', position: 2 },
      { codePoint: 'U+FE00', name: 'VARIATION SELECTOR-1', kind: 'invisible', position: 4 },
    ],
  },
  {
    description: 'tag characters (U+E0000 block)',
    input: 'x\u{E0001}\u{E0061}\u{E0041}\u{E0030}\u{E0020}\u{E007F}',
    cleaned: 'x',
    found: [
      { codePoint: 'U+E0001', name: 'LANGUAGE TAG', kind: 'invisible', position: 1 },
      { codePoint: 'U+E0061', name: 'TAG LATIN SMALL LETTER A', kind: 'invisible', position: 2 },
      { codePoint: 'U+E0041', name: 'TAG LATIN CAPITAL LETTER A', kind: 'invisible', position: 3 },
      { codePoint: 'U+E0030', name: 'TAG DIGIT ZERO', kind: 'invisible', position: 4 },
      { codePoint: 'U+E0020', name: 'TAG SPACE', kind: 'invisible', position: 5 },
      { codePoint: 'U+E007F', name: 'CANCEL TAG', kind: 'invisible', position: 6 },
    ],
  },
  {
    description: 'an unassigned default-ignorable code point gets its code point label',
    input: 'a\u2065',
    cleaned: 'a',
    found: [{ codePoint: 'U+2065', name: '<reserved-2065>', kind: 'invisible', position: 1 }],
  },
  {
    description: 'U+200E LEFT-TO-RIGHT MARK and U+200F RIGHT-TO-LEFT MARK',
    input: '\u200Eab\u200F',
    cleaned: 'ab',
    found: [
      { codePoint: 'U+200E', name: 'LEFT-TO-RIGHT MARK', kind: 'bidi', position: 0 },
      { codePoint: 'U+200F', name: 'RIGHT-TO-LEFT MARK', kind: 'bidi', position: 3 },
    ],
  },
  {
    description: 'U+061C ARABIC LETTER MARK',
    input: 'a\u061Cb',
    cleaned: 'ab',
    found: [{ codePoint: 'U+061C', name: 'ARABIC LETTER MARK', kind: 'bidi', position: 1 }],
  },
  {
    description: 'Trojan Source embeddings and overrides U+202A..U+202E (CVE-2021-42574)',
    input: '\u202A\u202B\u202C\u202D\u202Ex',
    cleaned: 'x',
    found: [
      { codePoint: 'U+202A', name: 'LEFT-TO-RIGHT EMBEDDING', kind: 'bidi', position: 0 },
      { codePoint: 'U+202B', name: 'RIGHT-TO-LEFT EMBEDDING', kind: 'bidi', position: 1 },
      { codePoint: 'U+202C', name: 'POP DIRECTIONAL FORMATTING', kind: 'bidi', position: 2 },
      { codePoint: 'U+202D', name: 'LEFT-TO-RIGHT OVERRIDE', kind: 'bidi', position: 3 },
      { codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', kind: 'bidi', position: 4 },
    ],
  },
  {
    description: 'bidi isolates U+2066..U+2069',
    input: 'x\u2066\u2067\u2068\u2069',
    cleaned: 'x',
    found: [
      { codePoint: 'U+2066', name: 'LEFT-TO-RIGHT ISOLATE', kind: 'bidi', position: 1 },
      { codePoint: 'U+2067', name: 'RIGHT-TO-LEFT ISOLATE', kind: 'bidi', position: 2 },
      { codePoint: 'U+2068', name: 'FIRST STRONG ISOLATE', kind: 'bidi', position: 3 },
      { codePoint: 'U+2069', name: 'POP DIRECTIONAL ISOLATE', kind: 'bidi', position: 4 },
    ],
  },
  {
    description: 'a lone surrogate is an ordinary code point and keeps positions right',
    input: '\uD800\u200Bx',
    cleaned: '\uD800x',
    found: [{ codePoint: 'U+200B', name: 'ZERO WIDTH SPACE', kind: 'invisible', position: 1 }],
  },
  {
    description: 'visible look-alikes of spaces are not hidden (NBSP, ideographic space, braille blank)',
    input: 'a\u00A0b\u3000c\u2800',
    cleaned: 'a\u00A0b\u3000c\u2800',
    found: [],
  },
];

describe('findHiddenChars', () => {
  it.each(hiddenCases)('$description', ({ input, cleaned, found }) => {
    const result = findHiddenChars(input, 'display-name');
    expect(result.cleaned).toBe(cleaned);
    expect(result.found).toEqual(found.map((h) => ({ ...h, where: 'display-name' })));
  });

  it('returns the same string and no records for clean text', () => {
    const text = 'Ana Pereira <ap@contoso.com>';
    const result = findHiddenChars(text, 'local-part');
    expect(result.cleaned).toBe(text);
    expect(result.found).toEqual([]);
  });

  it('copies `where` into every record', () => {
    const result = findHiddenChars('a\u200Bb', 'local-part');
    expect(result.found.map((h) => h.where)).toEqual(['local-part']);
  });

  // The table is hand-written; this compares it with the engine's Unicode 17 property data for all code points.
  it('finds exactly Default_Ignorable_Code_Point ∪ Bidi_Control, with kind bidi for Bidi_Control', () => {
    const ignorable = /^\p{Default_Ignorable_Code_Point}$/u;
    const bidi = /^\p{Bidi_Control}$/u;
    const mismatches: string[] = [];
    let hidden = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const expected = ignorable.test(ch) || bidi.test(ch);
      const { found } = findHiddenChars(ch, 'domain');
      if (found.length !== (expected ? 1 : 0)) mismatches.push(`U+${cp.toString(16)}`);
      const record = found[0];
      if (record === undefined) continue;
      hidden++;
      if (record.kind !== (bidi.test(ch) ? 'bidi' : 'invisible')) mismatches.push(`kind of U+${cp.toString(16)}`);
      if (record.codePoint !== `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`) mismatches.push(`label of U+${cp.toString(16)}`);
      if (!/^(?:[A-Z0-9 -]+|<reserved-[0-9A-F]{4,5}>)$/.test(record.name)) mismatches.push(`name of U+${cp.toString(16)}: ${record.name}`);
    }
    expect(mismatches).toEqual([]);
    expect(hidden).toBe(4174); // sum of the 17 Default_Ignorable_Code_Point ranges (4,096 of them in U+E0000..U+E0FFF)
  });

  it('property: cleaned never holds a hidden character and is the input minus the found ones', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom('\u200B', '\u202E', '\u00AD', '\u{E0041}', '\uFE0F', '\uD800', '\uDC00'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const { cleaned, found } = findHiddenChars(text, 'domain');
        expect(findHiddenChars(cleaned, 'domain').found).toEqual([]);
        const points = Array.from(text);
        const positions = new Set(found.map((h) => h.position));
        for (const h of found) expect(points[h.position]?.codePointAt(0)).toBe(Number.parseInt(h.codePoint.slice(2), 16));
        expect(cleaned).toBe(points.filter((_, i) => !positions.has(i)).join(''));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

interface DomainHiddenCase {
  readonly description: string;
  readonly input: string;
  readonly unicode: string;
  readonly ascii: string;
  readonly found: readonly Pick<HiddenChar, 'codePoint' | 'position'>[];
}

const domainCases: readonly DomainHiddenCase[] = [
  {
    description: 'a soft hyphen UTS #46 would drop silently is reported',
    input: 'pay\u00ADpal.com',
    unicode: 'paypal.com',
    ascii: 'paypal.com',
    found: [{ codePoint: 'U+00AD', position: 3 }],
  },
  {
    description: 'an RLO before the name is reported and removed',
    input: '\u202Epaypal.com',
    unicode: 'paypal.com',
    ascii: 'paypal.com',
    found: [{ codePoint: 'U+202E', position: 0 }],
  },
  {
    description: 'hidden characters are removed before trimming and the root dot',
    input: 'contoso.com.\u200B',
    unicode: 'contoso.com',
    ascii: 'contoso.com',
    found: [{ codePoint: 'U+200B', position: 12 }],
  },
  {
    description: 'a ZWJ between Latin letters (fails ContextJ) is reported and removed',
    input: 'pay\u200Dpal.com',
    unicode: 'paypal.com',
    ascii: 'paypal.com',
    found: [{ codePoint: 'U+200D', position: 3 }],
  },
  {
    description: 'ZWJs of an emoji sequence are reported and removed',
    input: '👨\u200D👩.com',
    unicode: '👨👩.com',
    ascii: 'xn--qq8hc.com',
    found: [{ codePoint: 'U+200D', position: 1 }],
  },
  {
    description: 'a Persian ZWNJ that passes ContextJ is part of the name (IdnaTestV2 row)',
    input: '\u0646\u0627\u0645\u0647\u200C\u0627\u06CC.com',
    unicode: '\u0646\u0627\u0645\u0647\u200C\u0627\u06CC.com',
    ascii: 'xn--mgba3gch31f060k.com',
    found: [],
  },
  {
    description: 'a Sinhala ZWJ after a virama is part of the name (IdnaTestV2 row)',
    input: 'www.ශ\u0DCA\u200Dර\u0DD3.com',
    unicode: 'www.ශ\u0DCA\u200Dර\u0DD3.com',
    ascii: 'www.xn--10cl1a0b660p.com',
    found: [],
  },
  {
    description: 'a ZWNJ after a Devanagari virama is kept even with a soft hyphen between them',
    input: 'a\u094D\u00AD\u200Cb.com',
    unicode: 'a\u094D\u200Cb.com',
    ascii: 'xn--ab-fsf604u.com',
    found: [{ codePoint: 'U+00AD', position: 2 }],
  },
];

describe('normalizeDomain: hidden characters', () => {
  it.each(domainCases)('$description', ({ input, unicode, ascii, found }) => {
    const result = normalizeDomain(input);
    expect(result).toMatchObject({ ok: true, unicode, ascii });
    expect(result.hidden.map(({ codePoint, position }) => ({ codePoint, position }))).toEqual(found);
    for (const h of result.hidden) expect(h.where).toBe('domain');
  });

  it('reports hidden characters on a failure too', () => {
    const result = normalizeDomain('\u200B\u2066');
    expect(result).toMatchObject({ ok: false, code: 'empty' });
    expect(result.hidden.map((h) => h.codePoint)).toEqual(['U+200B', 'U+2066']);
  });
});

describe('mayBeBidi', () => {
  it('is true for every character tr46 counts as right-to-left (R, AL, AN)', () => {
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (regexes.bidiDomain.test(ch) && !mayBeBidi(ch)) missed.push(`U+${cp.toString(16)}`);
    }
    expect(missed).toEqual([]);
  });

  it('is false for Latin, Cyrillic, Greek, CJK and Devanagari text', () => {
    expect(mayBeBidi('contoso-пример-βόλος-例え-कखग')).toBe(false);
  });
});

import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compareLabels } from '../src/score';
import { describeCodePoint, describeText, homoglyphsOf } from '../src/skeleton';
import { osaAlign } from '../src/trust-index/osa';
import { referenceCompareLabels, referenceDescribeCodePoint, referenceOsaAlign } from './helpers/explain-reference';

const require = createRequire(import.meta.url);
const disposable: string[] = require('disposable-email-domains');

// Real registrable labels (deterministic sample) plus brands with the multi-letter lookalikes m, w, d.
const TRUSTED = [
  ...new Set(disposable.filter((_, i) => i % 97 === 0).map((d) => d.split('.')[0]!)),
  'microsoft', 'wellsfargo', 'dropbox', 'amazon', 'paypal', 'adventure-works', 'münchen-bau', 'commonwealth', 'daddy',
].slice(0, 1500);

// Characters a lookalike can bring in: homoglyphs from other scripts, accents (precomposed and
// combining), the multi-letter lookalikes, capitals, an astral letter, an ignorable, a lone surrogate.
const EXTRA = ['0', '1', 'I', 'rn', 'vv', 'cl', 'm', 'w', 'd', '-', 'а', 'е', 'о', 'р', 'ѕ', 'і', 'ο', 'ö', 'é', '\u0301', '\u00ad', '𝐚', '\ud800', 'ﬁ', 'æ'];

/** Applies seeded edits of the kinds lookalikes use: typos, homoglyphs, pairs, case, marks. */
function mutate(label: string, ops: readonly number[]): string {
  let out = label;
  for (const op of ops) {
    const p = op % Math.max(1, out.length);
    const c = out[p] ?? '';
    const pick = Math.floor(op / 7);
    switch (op % 7) {
      case 0: out = out.slice(0, p) + out.slice(p + 1); break;
      case 1: out = out.slice(0, p) + 'abcdefghijklmnopqrstuvwxyz-'[pick % 27] + out.slice(p); break;
      case 2: out = out.slice(0, p) + 'qwertyuiopasdfghjklzxcvbnm'[pick % 26] + out.slice(p + 1); break;
      case 3: out = out.slice(0, p) + (out[p + 1] ?? '') + c + out.slice(p + 2); break;
      case 4: {
        const glyphs = homoglyphsOf(c);
        out = out.slice(0, p) + (glyphs.length > 0 ? glyphs[pick % glyphs.length]! : c) + out.slice(p + 1);
        break;
      }
      case 5: out = out.slice(0, p) + EXTRA[pick % EXTRA.length]! + out.slice(p + (pick % 2)); break;
      default: out = out.slice(0, p) + c.toUpperCase() + out.slice(p + 1);
    }
  }
  return out;
}

const pair = fc
  .record({
    trusted: fc.constantFrom(...TRUSTED),
    ops: fc.array(fc.nat({ max: 10_000 }), { minLength: 0, maxLength: 4 }),
    offset: fc.constantFrom(0, 0, 3),
  })
  .map(({ trusted, ops, offset }) => ({ sender: mutate(trusted, ops), trusted, offset }));

// Arbitrary short strings over the same awkward alphabet, including pairs that share nothing.
const awkward = fc.string({ unit: fc.constantFrom('a', 'm', 'r', 'n', 'w', 'v', 'd', 'c', 'l', 'o', 'I', '-', ...EXTRA), maxLength: 10 });

describe('osaAlign (reused matrix, integer symbols)', () => {
  it('gives the same distance and edit script as the original on seeded label pairs, non-ASCII included', () => {
    fc.assert(
      fc.property(pair, ({ sender, trusted }) => {
        const a = [...sender.toLowerCase()];
        const b = [...trusted];
        expect(osaAlign(a, b)).toEqual(referenceOsaAlign(a, b));
      }),
      { seed: 11, numRuns: 3000 },
    );
    fc.assert(
      fc.property(awkward, awkward, (x, y) => {
        expect(osaAlign([...x], [...y])).toEqual(referenceOsaAlign([...x], [...y]));
      }),
      { seed: 12, numRuns: 3000 },
    );
  });

  it.each([
    { description: 'numbers, compared with ===', a: [1, 2, 3, 4], b: [1, 3, 2, 4, 5] },
    { description: 'NaN never matches, not even itself', a: [Number.NaN, 1], b: [Number.NaN, 1] },
    { description: 'an empty side', a: [], b: ['x', 'y'] },
    { description: 'a long input beyond the reused matrix', a: [...'ab'.repeat(300)], b: [...'ba'.repeat(290)] },
  ])('$description', ({ a, b }) => {
    expect(osaAlign<unknown>(a, b)).toEqual(referenceOsaAlign<unknown>(a, b));
  });
});

describe('compareLabels against the original implementation', () => {
  it('gives byte-identical comparisons on seeded lookalikes of real labels', () => {
    fc.assert(
      fc.property(pair, ({ sender, trusted, offset }) => {
        expect(JSON.stringify(compareLabels(sender, trusted, offset))).toBe(JSON.stringify(referenceCompareLabels(sender, trusted, offset)));
      }),
      { seed: 21, numRuns: 4000 },
    );
  });

  it('gives byte-identical comparisons on arbitrary strings of lookalike characters', () => {
    fc.assert(
      fc.property(awkward, awkward, (sender, trusted) => {
        expect(JSON.stringify(compareLabels(sender, trusted))).toBe(JSON.stringify(referenceCompareLabels(sender, trusted)));
      }),
      { seed: 22, numRuns: 4000 },
    );
  });

  it.each([
    { description: 'a sender far longer than any label', sender: `${'contoso-'.repeat(700)}cоntoso`, trusted: 'contoso' },
    { description: 'a trusted text far longer than any label', sender: 'rnicrosoft', trusted: `${'microsoft'.repeat(500)}` },
    { description: 'many multi-letter skeletons (ﬀ, ㎒) on both sides', sender: 'ﬀ㎒'.repeat(900), trusted: 'ff'.repeat(40) },
  ])('$description: same as the original, and the next ordinary comparison too', ({ sender, trusted }) => {
    expect(JSON.stringify(compareLabels(sender, trusted))).toBe(JSON.stringify(referenceCompareLabels(sender, trusted)));
    expect(JSON.stringify(compareLabels('cöntoso', 'contoso'))).toBe(JSON.stringify(referenceCompareLabels('cöntoso', 'contoso')));
  });

  it('results do not share state between calls (scratch buffers are reused)', () => {
    const first = compareLabels('rnicrosoft', 'microsoft');
    const snapshot = JSON.stringify(first);
    compareLabels('wellsfargo-secure-payments-department', 'wellsfargo');
    expect(JSON.stringify(first)).toBe(snapshot);
  });
});

describe('compareLabels findings', () => {
  const latin = (c: string, cp: string) => ({ char: c, codePoint: cp, script: 'Latin' });
  it.each([
    {
      description: 'rn for m is one homoglyph, not two typos',
      sender: 'rnicrosoft',
      trusted: 'microsoft',
      expected: {
        distance: 0,
        similarity: 0.98,
        visual: [{ code: 'homoglyph', detail: { position: 0, trustedPosition: 0, sender: 'rn', trusted: 'm', senderChars: [latin('r', 'U+0072'), latin('n', 'U+006E')], trustedChars: [latin('m', 'U+006D')] } }],
        typos: [],
      },
    },
    {
      description: 'a doubled m is one repetition on the typo key, not two edits on the skeleton',
      sender: 'mmicrosoft',
      trusted: 'microsoft',
      expected: { distance: 1, similarity: 0.9, visual: [], typos: [{ code: 'repetition', detail: { position: 0, char: 'm' } }, { code: 'insertion', detail: { position: 0, char: 'm' } }] },
    },
    {
      description: 'a Cyrillic о and a transposition in one label',
      sender: 'cоnotso',
      trusted: 'contoso',
      expected: {
        distance: 1,
        visual: [{ code: 'homoglyph', detail: { position: 1, trustedPosition: 1, sender: 'о', trusted: 'o', senderChars: [{ char: 'о', codePoint: 'U+043E', script: 'Cyrillic' }] } }],
        typos: [{ code: 'transposition', detail: { position: 3, positions: [3, 4], sender: 'ot', trusted: 'to' } }],
      },
    },
    {
      description: 'a combining accent folds away; the letter under it is a vowel swap and a bit flip',
      sender: 'paype\u0301l',
      trusted: 'paypal',
      expected: {
        distance: 1,
        visual: [],
        typos: [
          { code: 'replacement', detail: { position: 4, trustedPosition: 4, trusted: 'a', sender: 'e' } },
          { code: 'vowel-swap', detail: { position: 4, trustedPosition: 4, trusted: 'a', sender: 'e' } },
          { code: 'bitsquat', detail: { position: 4, trustedPosition: 4, trusted: 'a', sender: 'e', bit: 2 } },
        ],
      },
    },
    {
      description: 'a precomposed accent is a diacritic',
      sender: 'cöntoso',
      trusted: 'contoso',
      expected: { distance: 0, similarity: 0.98, visual: [{ code: 'diacritic', detail: { position: 1, trustedPosition: 1, sender: 'ö', trusted: 'o' } }], typos: [] },
    },
    {
      description: 'a capital I for the last l, with the other l omitted',
      sender: 'paypaI',
      trusted: 'paypall',
      expected: {
        distance: 1,
        visual: [{ code: 'homoglyph', detail: { position: 5, trustedPosition: 6, sender: 'I', trusted: 'l' } }],
        typos: [{ code: 'omission', detail: { position: 5, trustedPosition: 5, char: 'l' } }],
      },
    },
    {
      description: 'a hyphen inserted into the name',
      sender: 'micro-soft',
      trusted: 'microsoft',
      expected: { distance: 1, similarity: 0.9, visual: [], typos: [{ code: 'hyphenation', detail: { position: 5, char: '-' } }, { code: 'insertion', detail: { position: 5, char: '-' } }] },
    },
  ])('$description', ({ sender, trusted, expected }) => {
    const cmp = compareLabels(sender, trusted);
    expect(cmp).toMatchObject(expected);
    expect(cmp.visual).toHaveLength(expected.visual.length);
    expect(cmp.typos).toHaveLength(expected.typos.length);
  });
});

describe('describeCodePoint and describeText (cached per code point)', () => {
  const samples = ['a', 'о', 'ö', '\u0301', '𝐚', '\ud800', '\udc00', '-', '日', 'ﬁ', ''];

  it.each(samples.map((char) => ({ description: JSON.stringify(char), char })))('describes $description as before', ({ char }) => {
    expect(JSON.stringify(describeCodePoint(char))).toBe(JSON.stringify(referenceDescribeCodePoint(char)));
    expect(JSON.stringify(describeCodePoint(char))).toBe(JSON.stringify(describeCodePoint(char)));
  });

  it('describeText is [...text].map(describeCodePoint), lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...samples.filter((s) => s !== ''), 'x'), maxLength: 8 }), (text) => {
        expect(JSON.stringify(describeText(text))).toBe(JSON.stringify([...text].map(referenceDescribeCodePoint)));
      }),
      { seed: 31, numRuns: 1000 },
    );
  });

  it('a caller editing a description does not change later ones', () => {
    const first = describeCodePoint('о') as { char: string };
    first.char = 'tampered';
    expect(describeCodePoint('о').char).toBe('о');
    const list = describeText('оо');
    expect(list[0]).not.toBe(list[1]);
  });
});

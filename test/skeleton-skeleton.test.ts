import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skeleton, skeletonUnits } from '../src/skeleton';
import { skeletonOfCodePoint } from '../src/skeleton/skeleton';

interface PairCase {
  readonly description: string;
  readonly a: string;
  readonly b: string;
}

// Every string of a group must share one skeleton with the first (the trusted form).
const collisions: readonly PairCase[] = [
  { description: 'digit zero for o', a: 'contoso', b: 'c0ntoso' },
  { description: 'Greek small omicron U+03BF for o', a: 'contoso', b: 'c\u03BFntoso' },
  { description: 'Cyrillic small o U+043E for o', a: 'contoso', b: 'cont\u043Eso' },
  { description: 'Cyrillic с U+0441 and о U+043E throughout', a: 'contoso', b: '\u0441\u043Ent\u043Es\u043E' },
  { description: 'diaeresis folds: cöntoso', a: 'contoso', b: 'cöntoso' },
  { description: 'acute folds: cóntoso', a: 'contoso', b: 'cóntoso' },
  { description: 'decomposed diaeresis (o + U+0308) folds', a: 'contoso', b: 'co\u0308ntoso' },
  { description: 'rn for m (UTS #39)', a: 'microsoft', b: 'rnicrosoft' },
  { description: 'rn for m and zero for o', a: 'microsoft', b: 'rnicros0ft' },
  { description: 'vv for w (extra table)', a: 'wellsfargo', b: 'vvellsfargo' },
  { description: 'cl for d (extra table)', a: 'dropbox', b: 'clropbox' },
  { description: 'capital I for l (UTS #39)', a: 'paypal', b: 'paypaI' },
  { description: 'digit one for l (UTS #39)', a: 'paypal', b: 'paypa1' },
  { description: 'small i for l (extra table: case-insensitivity with I ≡ l forces i ≡ l)', a: 'paypal', b: 'paypai' },
  { description: 'vertical bar for l (UTS #39)', a: 'paypal', b: 'paypa|' },
  { description: 'Cyrillic а U+0430 for a', a: 'apple', b: '\u0430pple' },
  { description: 'all-Cyrillic аррӏе (palochka U+04CF for l)', a: 'apple', b: '\u0430\u0440\u0440\u04CF\u0435' },
  { description: 'case: upper-case label', a: 'microsoft', b: 'MICROSOFT' },
  { description: 'case: mixed case with capital W and D', a: 'wd', b: 'WD' },
  { description: 'capital Greek Beta looks like B', a: 'bank', b: '\u0392ANK' },
  { description: 'fullwidth letters (addition from confusables)', a: 'bank', b: '\uFF42ank' },
  { description: 'circled letter (addition from confusables)', a: 'bank', b: '\u24D1ank' },
  { description: 'small capital (addition from confusables)', a: 'bank', b: '\u0299ank' },
  { description: 'mathematical bold letters (UTS #39)', a: 'paypal', b: '\u{1D429}\u{1D41A}\u{1D432}\u{1D429}\u{1D41A}\u{1D425}' },
  { description: 'o with stroke (UTS #39 ø → o + overlay, overlay removed)', a: 'contoso', b: 'cøntoso' },
  { description: 'zero width space is dropped (Default_Ignorable)', a: 'paypal', b: 'pay\u200Bpal' },
  { description: 'soft hyphen is dropped (Default_Ignorable)', a: 'paypal', b: 'pay\u00ADpal' },
  { description: 'w with acute folds to w, then vv', a: 'wellsfargo', b: '\u1E83ellsfargo' },
];

const nonCollisions: readonly PairCase[] = [
  { description: 'b and p differ', a: 'ubs', b: 'ups' },
  { description: 'o and a differ', a: 'contoso', b: 'contosa' },
  { description: 'a real Russian word is not a Latin one', a: 'primer', b: 'пример' },
  { description: 'Greek small beta does not look like b', a: 'bank', b: '\u03B2ank' },
  { description: 'n and h differ', a: 'nike', b: 'hike' },
  { description: 'rn is not nn', a: 'microsoft', b: 'nnicrosoft' },
  { description: '5 is not s', a: 'sony', b: '5ony' },
  { description: 'a hyphen is kept', a: 'ab-c', b: 'abc' },
];

describe('skeleton: required collisions', () => {
  it.each(collisions)('$description: $a ≡ $b', ({ a, b }) => {
    expect(skeleton(b)).toBe(skeleton(a));
  });
});

describe('skeleton: non-collisions', () => {
  it.each(nonCollisions)('$description: $a ≢ $b', ({ a, b }) => {
    expect(skeleton(b)).not.toBe(skeleton(a));
  });
});

interface ValueCase {
  readonly description: string;
  readonly input: string;
  readonly expected: string;
}

const values: readonly ValueCase[] = [
  { description: 'already folded ASCII is returned unchanged', input: 'contoso-42.net', expected: 'contoso-42.net' },
  { description: 'm → rn, i → l', input: 'microsoft', expected: 'rnlcrosoft' },
  { description: 'w → vv, d → cl', input: 'wd', expected: 'vvcl' },
  { description: 'upper case → lower case', input: 'PAYPAL', expected: 'paypal' },
  { description: 'zero → o, one → l', input: '01', expected: 'ol' },
  { description: 'empty string', input: '', expected: '' },
  { description: 'a combining mark alone vanishes', input: '\u0301', expected: '' },
  { description: 'a lone high surrogate becomes U+FFFD', input: 'a\uD800b', expected: 'a\uFFFDb' },
  { description: 'a lone low surrogate becomes U+FFFD', input: '\uDC00', expected: '\uFFFD' },
  {
    description: 'surrogate halves split by an invisible do not pair up into 𝐚 on a second pass',
    input: '\uD835\u200B\uDC1A',
    expected: '\uFFFD\uFFFD',
  },
  { description: 'controls stay', input: 'a\u0000\u0007', expected: 'a\u0000\u0007' },
];

describe('skeleton: values', () => {
  it.each(values)('$description', ({ input, expected }) => {
    expect(skeleton(input)).toBe(expected);
  });

  it('returns the input itself (no copy) on the ASCII fast path', () => {
    const s = ['con', 'toso'].join('');
    expect(skeleton(s)).toBe(s);
  });

  it('treats a non-string as empty instead of throwing', () => {
    expect(skeleton(undefined as unknown as string)).toBe('');
    expect(skeletonUnits(null as unknown as string)).toEqual([]);
  });
});

describe('skeletonUnits', () => {
  it('reports source, UTF-16 offset, code-point position and output per code point', () => {
    expect(skeletonUnits('m\u{1D41A}ö\u200B')).toEqual([
      { source: 'm', offset: 0, position: 0, output: 'rn' },
      { source: '\u{1D41A}', offset: 1, position: 1, output: 'a' },
      { source: 'ö', offset: 3, position: 2, output: 'o' },
      { source: '\u200B', offset: 4, position: 3, output: '' },
    ]);
  });

  it('keeps a lone surrogate as its own unit', () => {
    expect(skeletonUnits('\uD83Dx')).toEqual([
      { source: '\uD83D', offset: 0, position: 0, output: '\uFFFD' },
      { source: 'x', offset: 1, position: 1, output: 'x' },
    ]);
  });
});

// Text that exercises the interesting parts: any code point, raw UTF-16 units (lone surrogates),
// ASCII, and characters with confusable mappings, marks and invisibles.
const tricky = fc.constantFrom(
  ...'аеорсхіӏѕԁԝ0O1Il|mwdMWDİıßſǳæﬁ\u0301\u0308\u0338\u20DD\u200B\u200D\u00AD\uFE0F\u2028ΒβΣσςÅ🅭𝐚ⓐＡ'.split(''),
);
const anyText = fc.string({
  unit: fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
    fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
    tricky,
  ),
  maxLength: 40,
});

describe('skeleton: properties', () => {
  it('is idempotent: skeleton(skeleton(x)) === skeleton(x)', () => {
    fc.assert(
      fc.property(anyText, (x) => skeleton(skeleton(x)) === skeleton(x)),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('is the concatenation of its units', () => {
    fc.assert(
      fc.property(anyText, (x) => skeletonUnits(x).map((u) => u.output).join('') === skeleton(x)),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('units cover the input exactly, in order', () => {
    fc.assert(
      fc.property(anyText, (x) => {
        const units = skeletonUnits(x);
        return (
          units.map((u) => u.source).join('') === x &&
          units.every((u, k) => u.position === k && x.slice(u.offset, u.offset + u.source.length) === u.source)
        );
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('never throws, on lone surrogates and controls too', () => {
    fc.assert(
      fc.property(anyText, (x) => {
        skeleton(x);
        skeletonUnits(x);
        return true;
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('is case-insensitive on ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (x) => {
        return skeleton(x.toUpperCase()) === skeleton(x.toLowerCase()) && skeleton(x) === skeleton(x.toLowerCase());
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('maps letters, digits and hyphens (LDH) to lowercase LDH', () => {
    const ldh = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: ldh, maxLength: 40 }), (x) => /^[a-z0-9-]*$/.test(skeleton(x))),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe('skeleton: every code point', () => {
  // Exhaustive over U+0000..U+10FFFF (about 0.5 s): each code point's output is a fixpoint, so the
  // iteration converges and idempotence holds for any concatenation.
  it('maps every code point to a fixpoint of the skeleton', () => {
    const failures: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const out = skeletonOfCodePoint(cp);
      if (skeleton(out) !== out && failures.length < 10) failures.push(cp.toString(16));
    }
    expect(failures).toEqual([]);
  });

  it('maps no ASCII character to a capital or to i, m, w, d (they all have lookalike forms)', () => {
    for (let cp = 0; cp < 128; cp++) {
      expect(skeletonOfCodePoint(cp)).not.toMatch(/[A-Zimwd]/);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAscii } from '../src/normalize/is-ascii';

describe('isAscii', () => {
  it.each([
    { description: 'a plain host', s: 'contoso.com', ascii: true },
    { description: 'the empty string', s: '', ascii: true },
    { description: 'DEL (U+007F), the last ASCII code unit', s: 'a\u007f', ascii: true },
    { description: 'U+0080, the first that is not', s: 'a\u0080', ascii: false },
    { description: 'a Cyrillic о in a sliced string', s: 'x@c\u043entoso.com'.slice(2), ascii: false },
    { description: 'a surrogate pair at the end', s: 'abc\u{1F600}', ascii: false },
  ])('$description', ({ s, ascii }) => {
    expect(isAscii(s)).toBe(ascii);
  });

  it('agrees with a regular expression over arbitrary UTF-16 strings (seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(isAscii(s)).toBe(/^[\x00-\x7f]*$/.test(s));
      }),
      { seed: 2811, numRuns: 2000 },
    );
  });
});

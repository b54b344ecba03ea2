import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeUnitAt } from '../src/parse/code-unit-at';

/** Strings of the representations the check path meets: what `codeUnitAt` must read alike. */
const flat = JSON.parse('"contoso.com"') as string;
const cases: readonly { description: string; s: string }[] = [
  { description: 'sequential one-byte', s: flat },
  { description: 'sliced one-byte (a host cut out of an address)', s: 'ana.pereira@contoso.com'.slice(12) },
  { description: 'cons one-byte (a joined key)', s: ['cont', 'oso'].join('') + `.${flat.slice(8)}` },
  { description: 'two-byte (Cyrillic о)', s: 'c\u043entoso.com' },
  { description: 'sliced two-byte', s: 'x@c\u043entoso.com'.slice(2) },
  { description: 'surrogate pair (emoji)', s: 'a\u{1F600}b' },
  { description: 'internalized literal', s: 'example.com' },
  { description: 'empty', s: '' },
];

describe('codeUnitAt', () => {
  it.each(cases)('reads $description like charCodeAt, in range and out of it', ({ s }) => {
    for (let i = -1; i <= s.length; i++) expect(codeUnitAt(s, i)).toBe(s.charCodeAt(i));
    // Out of range is NaN, as for charCodeAt: loops that read one past the end compare it false.
    expect(codeUnitAt(s, s.length)).toBeNaN();
  });

  it('agrees with charCodeAt on arbitrary UTF-16 strings and indexes (seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.integer({ min: -2, max: 42 }), (s, i) => {
        expect(Object.is(codeUnitAt(s, i), s.charCodeAt(i))).toBe(true);
      }),
      { seed: 1127, numRuns: 2000 },
    );
  });
});

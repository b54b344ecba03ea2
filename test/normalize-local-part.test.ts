import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLocalPart } from '../src/normalize';

const cases = [
  { description: 'lowercases ASCII', input: 'Ana.Pereira', expected: 'ana.pereira' },
  { description: 'removes an RFC 5233 +tag', input: 'ana+invoices', expected: 'ana' },
  { description: 'removes the tag from the first + on', input: 'Ana+Tag+More', expected: 'ana' },
  { description: 'removes an empty tag', input: 'ana+', expected: 'ana' },
  { description: 'keeps a local part that starts with +', input: '+15551234567', expected: '+15551234567' },
  { description: 'keeps a local part starting with + whole, tags included', input: '+Ana+tag', expected: '+ana+tag' },
  { description: 'keeps + inside a quoted local part (RFC 5322 quoted-string)', input: '"Ana+Tag"', expected: '"ana+tag"' },
  { description: 'lowercases Unicode (RFC 6532)', input: 'JÖRG+news', expected: 'jörg' },
  { description: 'lowercases Greek capital sigma', input: 'ΣΟΦΙΑ', expected: 'σοφια' },
  { description: 'leaves a plain lowercase local part alone', input: 'ap', expected: 'ap' },
  { description: 'an empty local part stays empty', input: '', expected: '' },
];

describe('normalizeLocalPart', () => {
  it.each(cases)('$description', ({ input, expected }) => {
    expect(normalizeLocalPart(input)).toBe(expected);
  });

  it('returns an empty string for a non-string', () => {
    expect(normalizeLocalPart(undefined as unknown as string)).toBe('');
  });

  it('property: idempotent, lowercase, and a prefix of the lowercased input', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', '+', '.', '"', 'Ö', 'ß', 'İ', '-', '_', '1'), maxLength: 20 });
    fc.assert(
      fc.property(text, (input) => {
        const once = normalizeLocalPart(input);
        expect(normalizeLocalPart(once)).toBe(once);
        expect(once).toBe(once.toLowerCase());
        expect(input.toLowerCase().startsWith(once)).toBe(true);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

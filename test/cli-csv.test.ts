import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './helpers/csv';
import { csvCell, csvRow } from '../src/cli/csv';
import { clip, visible } from '../src/cli/visible';


describe('csvCell (RFC 4180 §2 and formula escaping)', () => {
  it.each([
    { description: 'plain text unchanged', value: 'ap@contoso.com', expected: 'ap@contoso.com' },
    { description: 'a comma quoted', value: 'a,b', expected: '"a,b"' },
    { description: 'a double quote doubled and quoted', value: '"Ana" <a@b.c>', expected: '"""Ana"" <a@b.c>"' },
    { description: 'CR and LF quoted', value: 'a\r\nb', expected: '"a\r\nb"' },
    { description: 'an empty cell', value: '', expected: '' },
    { description: '= escaped', value: '=HYPERLINK("http://x")', expected: '"\'=HYPERLINK(""http://x"")"' },
    { description: '+ escaped', value: '+1', expected: "'+1" },
    { description: '- escaped', value: '-2+3', expected: "'-2+3" },
    { description: '@ escaped', value: '@SUM(A1)', expected: "'@SUM(A1)" },
    { description: 'a leading tab escaped', value: '\t=1', expected: "'\t=1" },
    { description: '= not at the start unchanged', value: 'a=b', expected: 'a=b' },
  ])('$description', ({ value, expected }) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes formula-like cells verbatim when escaping is off', () => {
    expect(csvCell('=1+2', false)).toBe('=1+2');
    expect(csvCell('=a,b', false)).toBe('"=a,b"');
  });

  it('round-trips any row through a strict RFC 4180 reader (property)', () => {
    const cellArb = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é', '=', '@', '-', '+', '\t'), maxLength: 10 });
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 1, maxLength: 6 }), (cells) => {
        expect(parseCsv(csvRow(cells, false))).toEqual([cells]);
        const escaped = parseCsv(csvRow(cells, true))[0]!;
        cells.forEach((c, i) => {
          expect(escaped[i]).toBe(/^[=+\-@\t\r]/u.test(c) ? `'${c}` : c);
        });
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('visible (terminal-safe text)', () => {
  it.each([
    { description: 'plain text unchanged', text: 'ap@contoso.com', expected: 'ap@contoso.com' },
    { description: 'non-Latin letters unchanged', text: 'аррӏе.com', expected: 'аррӏе.com' },
    { description: 'a bidi override shown', text: 'ap\u202e@x.com', expected: 'ap<U+202E>@x.com' },
    { description: 'a zero-width space shown', text: 'con\u200btoso', expected: 'con<U+200B>toso' },
    { description: 'an ANSI escape shown', text: '\u001b[31mred', expected: '<U+001B>[31mred' },
    { description: 'a soft hyphen shown', text: 'con\u00adtoso', expected: 'con<U+00AD>toso' },
    { description: 'a tag character shown', text: 'a\u{e0041}', expected: 'a<U+E0041>' },
    { description: 'a Hangul filler shown', text: 'a\u3164b', expected: 'a<U+3164>b' },
    { description: 'a newline shown', text: 'a\nb', expected: 'a<U+000A>b' },
  ])('$description', ({ text, expected }) => {
    expect(visible(text)).toBe(expected);
  });

  it.each([
    { description: 'short text unchanged', text: 'abc', max: 5, expected: 'abc' },
    { description: 'long text cut with an ellipsis', text: 'abcdefgh', max: 5, expected: 'abcd…' },
    { description: 'astral characters counted as one', text: '😀😀😀', max: 3, expected: '😀😀😀' },
    { description: 'astral characters never split', text: '😀😀😀😀', max: 3, expected: '😀😀…' },
  ])('clip: $description', ({ text, max, expected }) => {
    expect(clip(text, max)).toBe(expected);
  });
});

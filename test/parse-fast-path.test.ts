import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSimpleNameAddr } from '../src/parse/fast-path';
import { parseHeader } from '../src/parse/parse-header';

describe('parseSimpleNameAddr (the name-addr fast path)', () => {
  it.each([
    { description: 'quoted name', input: '"Ana Pereira" <ana@contoso.com>', name: 'Ana Pereira' },
    { description: 'bare phrase', input: 'Ana Pereira <ana@contoso.com>', name: 'Ana Pereira' },
    { description: 'non-ASCII phrase (RFC 6532)', input: 'José Müller <jose@contoso.de>', name: 'José Müller' },
    { description: 'quoted name with specials inside', input: '"Pereira, Ana (AP)" <ana@contoso.com>', name: 'Pereira, Ana (AP)' },
    { description: 'spaces before the angle bracket', input: 'Ana   <ana@contoso.com>', name: 'Ana' },
    { description: 'one encoded word (Q)', input: '=?ISO-8859-1?Q?Am=E9lie_M=FCller?= <amuller@contoso.com>', name: 'Amélie Müller' },
    { description: 'one encoded word (B)', input: '=?UTF-8?B?Q2hsb8OpIENoZW4=?= <chloe@contoso.com>', name: 'Chloé Chen' },
    { description: 'adjacent encoded words', input: '=?UTF-8?Q?Ana?= =?UTF-8?Q?_Pereira?= <ana@contoso.com>', name: 'Ana Pereira' },
    { description: 'an encoded word after plain text', input: 'Ana =?UTF-8?Q?M=C3=BCller?= <ana@contoso.com>', name: 'Ana Müller' },
    { description: 'an unknown charset, left as written', input: '=?x-nope?Q?Ana?= <ana@contoso.com>', name: '=?x-nope?Q?Ana?=' },
  ])('answers: $description', ({ input, name }) => {
    const fast = parseSimpleNameAddr(input);
    expect(fast).toEqual(parseHeader(input, false));
    expect(fast?.ok === true ? fast.mailboxes[0]?.displayName : undefined).toBe(name);
  });

  it.each([
    { description: 'encoded word inside quotes', input: '"=?utf-8?Q?Ana?=" <ana@contoso.com>' },
    { description: 'escaped quote', input: '"Ana \\"AP\\"" <ana@contoso.com>' },
    { description: 'Outlook "Last, First"', input: 'Pereira, Ana <ana@contoso.com>' },
    { description: 'comment', input: 'Ana (AP) <ana@contoso.com>' },
    { description: 'dot in an unquoted name (obs-phrase)', input: 'A. Pereira <ana@contoso.com>' },
    { description: 'double space inside the name', input: 'Ana  Pereira <ana@contoso.com>' },
    { description: 'tab', input: 'Ana\tPereira <ana@contoso.com>' },
    { description: 'no display name', input: '<ana@contoso.com>' },
    { description: 'no space before the bracket', input: 'Ana<ana@contoso.com>' },
    { description: 'two mailboxes', input: 'Ana <ana@contoso.com>, Bo <bo@contoso.com>' },
    { description: 'domain only in brackets', input: 'Ana <contoso.com>' },
    { description: 'address literal', input: 'Ana <ana@[192.0.2.1]>' },
    { description: 'quoted local part', input: 'Ana <"a b"@contoso.com>' },
    { description: 'text after the bracket', input: 'Ana <ana@contoso.com> x' },
  ])('leaves to the header parser: $description', ({ input }) => {
    expect(parseSimpleNameAddr(input)).toBeUndefined();
  });

  it('whenever it answers, the header parser gives the same result (seeded)', () => {
    const piece = fc.constantFrom(
      'Ana', 'Pereira', 'José', ' ', '  ', '"', '\\', '=?', '?=', '.', ',', '(', ')', '<', '>', '@', '\t', '\u0001',
      'contoso.com', 'a.b', 'xn--80ak6aa92e.com', 'ана', '!#$%', "'", 'ß', '\u200b',
    );
    const word = fc.constantFrom(
      'Ana', 'Pereira', 'José', 'ана', "O'Brien", '!#$%', 'ß', 'x\u200by', 'AP',
      // RFC 2047 words, valid and broken: the fast path decodes them as the header parser does.
      '=?UTF-8?B?Q2hsb8OpIENoZW4=?=', '=?ISO-8859-1?Q?Am=E9lie_M=FCller?=', '=?utf-8?q?a_b?=', '=?UTF-8?B????=', '=?x?Q?y?=', '=?UTF-8?Q?=20?=', '=', '=?', 'a=b',
    );
    const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((a) => a.join(' '));
    // Mostly near-valid names (so the fast path answers often), plus arbitrary pieces around them.
    const name = fc.oneof(
      fc.array(piece, { maxLength: 8 }).map((a) => a.join('')),
      words,
      words.map((w) => `"${w}"`),
      fc.tuple(words, piece, words).map(([a, p, b]) => `"${a}${p}${b}"`),
    );
    const local = fc.constantFrom('ana', 'a.b', 'a..b', '.a', 'ana+tag', 'а', '', 'a"b');
    const domain = fc.constantFrom('contoso.com', 'contoso', '-x.com', 'c.com.', 'xn--80ak6aa92e.com', 'аа.com', '[1.2.3.4]', 'a..b');
    let answered = 0;
    fc.assert(
      fc.property(name, local, domain, fc.constantFrom('', ' '), (n, l, d, sp) => {
        const s = `${n}${sp}<${l}@${d}>`.trim();
        if (s === '') return;
        const fast = parseSimpleNameAddr(s);
        if (fast === undefined) return;
        answered++;
        expect(fast).toEqual(parseHeader(s, false));
      }),
      { seed: 2026, numRuns: 20_000 },
    );
    // Not vacuous: a fair share of the generated headers took the fast path.
    expect(answered).toBeGreaterThan(1_000);
  });
});

import { describe, expect, it } from 'vitest';
import { LIMITS, parseSender, type ParsedMailbox } from '../src/parse';
import type { InvalidCode } from '../src/types';

interface OkCase {
  readonly description: string;
  readonly input: string;
  readonly form: 'header' | 'address' | 'domain';
  readonly mailboxes: readonly ParsedMailbox[];
}

interface FailCase {
  readonly description: string;
  readonly input: string;
  readonly code: InvalidCode;
}

const box = (localPart: string, domain: string, displayName?: string, ipLiteral = false): ParsedMailbox =>
  displayName === undefined ? { localPart, domain, ipLiteral } : { displayName, localPart, domain, ipLiteral };

const okCases: readonly OkCase[] = [
  // bare forms (fast path)
  { description: 'bare address', input: 'ap@contoso.com', form: 'address', mailboxes: [box('ap', 'contoso.com')] },
  { description: 'bare domain', input: 'contoso.com', form: 'domain', mailboxes: [{ domain: 'contoso.com', ipLiteral: false }] },
  { description: 'bare single-label domain', input: 'localhost', form: 'domain', mailboxes: [{ domain: 'localhost', ipLiteral: false }] },
  { description: 'bare domain with trailing dot kept', input: 'contoso.com.', form: 'domain', mailboxes: [{ domain: 'contoso.com.', ipLiteral: false }] },
  { description: 'address with trailing-dot domain kept', input: 'ap@contoso.com.', form: 'address', mailboxes: [box('ap', 'contoso.com.')] },
  { description: 'case kept as written', input: 'AP.Billing@Contoso.COM', form: 'address', mailboxes: [box('AP.Billing', 'Contoso.COM')] },
  { description: 'surrounding ASCII whitespace trimmed', input: ' \t ap@contoso.com \r\n', form: 'address', mailboxes: [box('ap', 'contoso.com')] },
  { description: 'atext punctuation in the local part', input: "o'neil+tag!#$%&*/=?^_`{|}~-x@contoso.com", form: 'address', mailboxes: [box("o'neil+tag!#$%&*/=?^_`{|}~-x", 'contoso.com')] },
  { description: 'punycode domain kept as written', input: 'ap@xn--80ak6aa92e.com', form: 'address', mailboxes: [box('ap', 'xn--80ak6aa92e.com')] },
  { description: 'RFC 6532 UTF-8 local part and domain', input: 'ана@пример.рф', form: 'address', mailboxes: [box('ана', 'пример.рф')] },
  { description: 'mixed-script domain kept as written', input: 'ap@cоntoso.com', form: 'address', mailboxes: [box('ap', 'c\u043entoso.com')] },
  { description: 'invisible character kept for the normalize stage', input: 'ap@con\u200btoso.com', form: 'address', mailboxes: [box('ap', 'con\u200btoso.com')] },
  { description: 'Unicode no-break space at the end is not trimmed', input: 'ap@contoso.com\u00a0', form: 'address', mailboxes: [box('ap', 'contoso.com\u00a0')] },
  { description: 'non-ASCII label longer than 63 code units is left to normalize', input: `ap@${'é'.repeat(64)}.com`, form: 'address', mailboxes: [box('ap', `${'é'.repeat(64)}.com`)] },
  { description: 'local part of exactly 64 and address of exactly 254', input: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, form: 'address', mailboxes: [box('a'.repeat(64), `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`)] },

  // field name
  { description: 'From: field name removed', input: 'From: ap@contoso.com', form: 'header', mailboxes: [box('ap', 'contoso.com')] },
  { description: 'obs-from: lower case, space before the colon', input: 'from :ap@contoso.com', form: 'header', mailboxes: [box('ap', 'contoso.com')] },
  { description: 'From: with a bare domain stays a domain', input: 'From: contoso.com', form: 'domain', mailboxes: [{ domain: 'contoso.com', ipLiteral: false }] },

  // display names
  { description: 'quoted display name', input: '"Ana Pereira" <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana Pereira')] },
  { description: 'bare display name', input: 'Ana Pereira <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana Pereira')] },
  { description: 'display name without space before <', input: 'Ana<ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana')] },
  { description: 'quoted Last, First', input: '"Pereira, Ana" <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Pereira, Ana')] },
  { description: 'unquoted Last, First kept as one display name', input: 'Pereira, Ana <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Pereira, Ana')] },
  { description: 'unquoted name with several commas', input: 'Pereira, Ana, CFO <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Pereira, Ana, CFO')] },
  { description: 'escapes in a quoted name resolved', input: '"Ana \\"AP\\" Pereira \\\\ Finance" <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana "AP" Pereira \\ Finance')] },
  { description: 'quoted name holding an address-like text', input: '"ceo@contoso.com" <evil@attacker.net>', form: 'header', mailboxes: [box('evil', 'attacker.net', 'ceo@contoso.com')] },
  { description: 'quoted name holding angle brackets', input: '"Ana <ana@contoso.com>" <evil@attacker.net>', form: 'header', mailboxes: [box('evil', 'attacker.net', 'Ana <ana@contoso.com>')] },
  { description: 'whitespace inside a quoted name collapsed', input: '"  Ana \t  Pereira  " <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana Pereira')] },
  { description: 'empty quoted name is absent', input: '"" <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com')] },
  { description: 'obs-phrase with dots', input: 'Dr. A. Pereira <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Dr. A. Pereira')] },
  { description: 'mixed quoted and bare words', input: 'Ana "AP" Pereira <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana AP Pereira')] },
  { description: 'unquoted UTF-8 display name (RFC 6532)', input: 'Zoë Müller <zoe@exämple.de>', form: 'header', mailboxes: [box('zoe', 'exämple.de', 'Zoë Müller')] },
  { description: 'invisible character in a display name kept', input: 'Pay\u200bPal <service@paypal.com>', form: 'header', mailboxes: [box('service', 'paypal.com', 'Pay\u200bPal')] },

  // comments
  { description: 'comment inside a display name dropped', input: 'Ana (CEO) Pereira <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana Pereira')] },
  { description: 'nested comments dropped', input: 'Ana (a (b (c)) d) Pereira <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana Pereira')] },
  { description: 'comment with escaped parenthesis', input: 'Ana (x \\( y) <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana')] },
  { description: 'comments around the local part and domain (CFWS)', input: '(x)ana(y)@(z)contoso.com(w)', form: 'header', mailboxes: [box('ana', 'contoso.com', 'w')] },
  { description: 'old-style trailing comment used as the display name', input: 'ana@contoso.com (Ana Pereira)', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana Pereira')] },
  { description: 'nested trailing comment keeps its inner parentheses', input: 'ana@contoso.com (Ana (Finance))', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana (Finance)')] },
  { description: 'comment after an angle address is dropped', input: '<ana@contoso.com> (Ana)', form: 'header', mailboxes: [box('ana', 'contoso.com')] },

  // folding
  { description: 'folded quoted name (CRLF + WSP unfolded)', input: '"Ana\r\n Pereira" <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana Pereira')] },
  { description: 'folded bare name', input: 'Ana\r\n\tPereira\r\n <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana Pereira')] },
  { description: 'folded after the field name', input: 'From:\r\n "Ana" <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana')] },

  // angle addresses
  { description: 'angle address without a name', input: '<ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com')] },
  { description: 'spaces inside angle brackets', input: '< ana@contoso.com >', form: 'header', mailboxes: [box('ana', 'contoso.com')] },
  { description: 'obs-route ignored', input: '<@relay1.example,@relay2.example:ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com')] },
  { description: 'obs-local-part and obs-domain with CFWS', input: 'ana . pereira @ contoso . com', form: 'address', mailboxes: [box('ana.pereira', 'contoso.com')] },

  // quoted local parts
  { description: 'quoted local part: quotes removed', input: '"ana pereira"@contoso.com', form: 'address', mailboxes: [box('ana pereira', 'contoso.com')] },
  { description: 'quoted local part: escapes resolved', input: '"a\\"b\\\\c"@contoso.com', form: 'address', mailboxes: [box('a"b\\c', 'contoso.com')] },
  { description: 'quoted local part holding @', input: '"ceo@contoso.com"@attacker.net', form: 'address', mailboxes: [box('ceo@contoso.com', 'attacker.net')] },
  { description: 'obs local part mixing quoted and atom words', input: '"ana".pereira@contoso.com', form: 'address', mailboxes: [box('ana.pereira', 'contoso.com')] },

  // groups and lists
  { description: 'group with members', input: 'Team: ap@contoso.com, "B" <b@fabrikam.com>;', form: 'header', mailboxes: [box('ap', 'contoso.com'), box('b', 'fabrikam.com', 'B')] },
  { description: 'group then a mailbox', input: 'Team: a@contoso.com; Carol <c@fabrikam.com>', form: 'header', mailboxes: [box('a', 'contoso.com'), box('c', 'fabrikam.com', 'Carol')] },
  { description: 'group without its closing ;', input: 'Team: a@contoso.com', form: 'header', mailboxes: [box('a', 'contoso.com')] },
  { description: 'several mailboxes in order', input: 'a@contoso.com, "B" <b@fabrikam.com>, C <c@northwind.com>', form: 'header', mailboxes: [box('a', 'contoso.com'), box('b', 'fabrikam.com', 'B'), box('c', 'northwind.com', 'C')] },
  { description: 'a failing member is skipped', input: 'ap@, b@fabrikam.com', form: 'header', mailboxes: [box('b', 'fabrikam.com')] },
  { description: 'null members skipped (obs-mbox-list)', input: 'a@contoso.com,,b@fabrikam.com,', form: 'header', mailboxes: [box('a', 'contoso.com'), box('b', 'fabrikam.com')] },
  { description: 'commas inside quotes do not split', input: '"Pereira, Ana" <ana@contoso.com>, bob@fabrikam.com', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Pereira, Ana'), box('bob', 'fabrikam.com')] },

  // IP literals
  { description: 'IPv4 literal', input: 'ap@[192.0.2.1]', form: 'address', mailboxes: [box('ap', '[192.0.2.1]', undefined, true)] },
  { description: 'IPv6 literal', input: 'ap@[IPv6:2001:db8::1]', form: 'address', mailboxes: [box('ap', '[IPv6:2001:db8::1]', undefined, true)] },
  { description: 'full IPv6 literal, lower-case tag', input: 'ap@[ipv6:2001:db8:0:0:0:0:0:1]', form: 'address', mailboxes: [box('ap', '[ipv6:2001:db8:0:0:0:0:0:1]', undefined, true)] },
  { description: 'IPv6 literal with IPv4 tail', input: 'ap@[IPv6:::ffff:192.0.2.1]', form: 'address', mailboxes: [box('ap', '[IPv6:::ffff:192.0.2.1]', undefined, true)] },
  { description: 'general address literal (RFC 5321 §4.1.3)', input: 'ap@[x-tag:abc]', form: 'address', mailboxes: [box('ap', '[x-tag:abc]', undefined, true)] },
  { description: 'IP literal in a name-addr', input: '"Ops" <root@[192.0.2.1]>', form: 'header', mailboxes: [box('root', '[192.0.2.1]', 'Ops', true)] },
  { description: 'bare IP literal is a domain', input: '[192.0.2.1]', form: 'domain', mailboxes: [{ domain: '[192.0.2.1]', ipLiteral: true }] },

  // lenient fallbacks
  { description: 'specials in an unquoted name before the last <...>', input: 'Ana @ Contoso [HQ] <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana @ Contoso [HQ]')] },
  { description: 'text after > ignored', input: 'Ana <ana@contoso.com> trailing junk', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana')] },
  { description: 'last angle address wins', input: 'Ana <x> <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana <x>')] },
  { description: 'unclosed quote: last <...> of the raw text', input: '"Ana Pereira <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana Pereira')] },
  { description: 'unclosed comment: last <...> of the raw text', input: 'Ana (Finance <ana@contoso.com>', form: 'header', mailboxes: [box('ana', 'contoso.com', 'Ana (Finance')] },
  { description: 'RFC 2047 word with specials in Q text stays one word', input: '=?utf-8?Q?Smith,_John?= <john@contoso.com>', form: 'header', mailboxes: [box('john', 'contoso.com', 'Smith, John')] },
];

const failCases: readonly FailCase[] = [
  { description: 'empty string', input: '', code: 'empty' },
  { description: 'only whitespace', input: ' \t\r\n ', code: 'empty' },
  { description: 'only the field name', input: 'From:  ', code: 'empty' },
  { description: 'longer than LIMITS.maxInput', input: 'a'.repeat(LIMITS.maxInput + 1), code: 'too-long' },
  { description: '1 MB of text', input: `${'x'.repeat(1_000_000)}@contoso.com`, code: 'too-long' },
  { description: 'whitespace counts toward maxInput (checked before trimming)', input: `${' '.repeat(LIMITS.maxInput)}a@b.c`, code: 'too-long' },
  { description: 'local part of 65', input: `${'a'.repeat(65)}@contoso.com`, code: 'too-long' },
  { description: 'address of 255', input: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, code: 'too-long' },
  { description: 'domain of 256', input: `ap@${'abcdefghi.'.repeat(25)}abcdef`, code: 'too-long' },
  { description: 'bare domain of 256', input: `${'abcdefghi.'.repeat(25)}abcdef`, code: 'too-long' },
  { description: 'ASCII label of 64', input: `ap@${'a'.repeat(64)}.com`, code: 'too-long' },
  { description: 'long local part in a name-addr', input: `Ana <${'a'.repeat(65)}@contoso.com>`, code: 'too-long' },
  { description: 'nothing after @', input: 'ap@', code: 'no-domain' },
  { description: 'angle address without @', input: 'Ana <ap>', code: 'no-domain' },
  { description: 'angle address holding only a domain', input: 'PayPal <paypal.com>', code: 'no-domain' },
  { description: 'empty angle brackets', input: '<>', code: 'no-domain' },
  { description: 'nothing before @', input: '@contoso.com', code: 'invalid-local-part' },
  { description: 'local part starts with a dot', input: '.ap@contoso.com', code: 'invalid-local-part' },
  { description: 'local part ends with a dot', input: 'ap.@contoso.com', code: 'invalid-local-part' },
  { description: 'two dots in the local part', input: 'a..p@contoso.com', code: 'invalid-local-part' },
  { description: 'two @', input: 'a@b@contoso.com', code: 'invalid-local-part' },
  { description: 'words not joined by dots', input: 'Ana Pereira ana@contoso.com', code: 'invalid-local-part' },
  { description: 'NUL in the local part', input: 'a\u0000p@contoso.com', code: 'invalid-local-part' },
  { description: 'control character in a quoted local part', input: '"a\u0001p"@contoso.com', code: 'invalid-local-part' },
  { description: 'comma in the local part of an angle address', input: 'X <a,b@contoso.com>', code: 'invalid-local-part' },
  { description: 'domain starts with a dot', input: 'ap@.contoso.com', code: 'invalid-domain' },
  { description: 'empty label in the domain', input: 'ap@contoso..com', code: 'invalid-domain' },
  { description: 'two trailing dots', input: 'ap@contoso.com..', code: 'invalid-domain' },
  { description: 'lone dot', input: '.', code: 'invalid-domain' },
  { description: 'domain words not joined by dots', input: 'ap@contoso com', code: 'invalid-domain' },
  { description: 'control character in the domain', input: 'ap@conto\u0007so.com', code: 'invalid-domain' },
  { description: 'quoted string as domain', input: 'ap@"contoso.com"', code: 'invalid-domain' },
  { description: 'IPv4 literal out of range', input: 'ap@[300.0.2.1]', code: 'invalid-domain' },
  { description: 'IPv4 literal with three parts', input: 'ap@[192.0.2]', code: 'invalid-domain' },
  { description: 'IPv6 literal with two ::', input: 'ap@[IPv6:2001::db8::1]', code: 'invalid-domain' },
  { description: 'IPv6 literal with too many groups', input: 'ap@[IPv6:1:2:3:4:5:6:7:8:9]', code: 'invalid-domain' },
  { description: 'IPv6 literal without tag', input: 'ap@[2001:db8::1]', code: 'invalid-domain' },
  { description: 'literal that is not an address literal', input: 'ap@[contoso]', code: 'invalid-domain' },
  { description: 'display name without an address', input: 'Ana Pereira', code: 'unparseable' },
  { description: 'empty group', input: 'Undisclosed recipients:;', code: 'unparseable' },
  { description: 'unclosed quoted string without <...>', input: '"ana@contoso.com', code: 'unparseable' },
  { description: 'unclosed comment without <...>', input: 'ana@contoso.com (Ana', code: 'unparseable' },
  { description: 'unclosed angle bracket', input: 'Ana <ana@contoso.com', code: 'unparseable' },
  { description: 'stray >', input: 'ana@contoso.com>', code: 'unparseable' },
  { description: 'comments nested too deep', input: `${'('.repeat(65)}${')'.repeat(65)} ana@contoso.com`, code: 'unparseable' },
  { description: 'only a comment', input: '(just a comment)', code: 'unparseable' },
  { description: 'bare domain with a space', input: 'contoso .com', code: 'unparseable' },
];

describe('parseSender: valid input', () => {
  it.each(okCases)('$description', ({ input, form, mailboxes }) => {
    expect(parseSender(input)).toStrictEqual({ ok: true, form, mailboxes });
  });
});

describe('parseSender: invalid input', () => {
  it.each(failCases)('$description', ({ input, code }) => {
    const result = parseSender(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message.length).toBeGreaterThan(0);
    // Messages never echo the input (it may be huge or hostile).
    expect(result.message.length).toBeLessThan(160);
  });
});

describe('parseSender: contract', () => {
  it('exposes the RFC 5321 limits', () => {
    expect(LIMITS).toStrictEqual({ maxInput: 16_384, maxAddress: 254, maxLocalPart: 64, maxDomain: 255, maxLabel: 63 });
    expect(Object.isFrozen(LIMITS)).toBe(true);
  });

  it.each([
    { description: 'undefined', value: undefined },
    { description: 'null', value: null },
    { description: 'a number', value: 42 },
    { description: 'an object', value: { toString: () => 'ap@contoso.com' } },
  ])('does not throw on a non-string input: $description', ({ value }) => {
    const result = parseSender(value as unknown as string);
    expect(result).toMatchObject({ ok: false, code: 'unparseable' });
  });

  it('accepts exactly LIMITS.maxInput code units', () => {
    const input = `ana@contoso.com${' '.repeat(LIMITS.maxInput - 'ana@contoso.com'.length)}`;
    expect(input.length).toBe(LIMITS.maxInput);
    expect(parseSender(input)).toMatchObject({ ok: true, mailboxes: [{ localPart: 'ana', domain: 'contoso.com' }] });
  });
});

describe('parseSender: hostile input returns quickly', () => {
  const K = LIMITS.maxInput;
  const hostile = [
    { description: '16 KB of (', input: '('.repeat(K) },
    { description: '16 KB of ( ending in an address', input: `${'('.repeat(K - 20)} ana@contoso.com` },
    { description: '16 KB of )', input: ')'.repeat(K) },
    { description: '16 KB of @', input: '@'.repeat(K) },
    { description: '16 KB of "', input: '"'.repeat(K) },
    { description: 'a quote then 16 KB of backslashes', input: `"${'\\'.repeat(K - 1)}` },
    { description: '16 KB of <', input: '<'.repeat(K) },
    { description: '16 KB of <>', input: '<>'.repeat(K / 2) },
    { description: '16 KB of ,', input: ','.repeat(K) },
    { description: '16 KB of :', input: ':'.repeat(K) },
    { description: 'a phrase then 8 KB of :', input: `${'a '.repeat(K / 4)}${':'.repeat(K / 2)}` },
    { description: 'unclosed [ with escapes', input: '[\\'.repeat(K / 2) },
    { description: '16 KB of [', input: '['.repeat(K) },
    { description: 'repeated encoded-word openers', input: '=?a?Q?,'.repeat(Math.floor(K / 7)) },
    { description: 'repeated encoded words', input: '=?utf-8?B?w6k=?= '.repeat(Math.floor(K / 17)) },
    { description: '16 KB of NUL', input: '\u0000'.repeat(K) },
    { description: '16 KB of lone surrogates', input: '\ud800'.repeat(K) },
    { description: 'lone surrogates and @', input: '\udc00@'.repeat(K / 2) },
    { description: '2,340 addresses', input: 'a@b.co,'.repeat(Math.floor(K / 7)) },
    { description: '2,048 groups', input: 'g:a@b.c;'.repeat(K / 8) },
    { description: 'repeated unclosed angle', input: 'a <'.repeat(Math.floor(K / 3)) },
    { description: 'many angle addresses after an unclosed quote', input: `"${'<a@b.c>'.repeat(Math.floor((K - 1) / 7))}` },
  ];

  // Time is not asserted here (shared, noisy machines): `npm run fuzz:long` records the slowest
  // input per category and bench/ measures the parser. These cases prove a result comes back.
  it.each(hostile)('$description', ({ input }) => {
    expect(input.length).toBeLessThanOrEqual(K);
    const result = parseSender(input);
    expect(typeof result.ok).toBe('boolean');
    expect(result).toEqual(parseSender(input));
  });

  it('finds every mailbox of a long list', () => {
    const result = parseSender('a@b.co,'.repeat(Math.floor(K / 7)));
    expect(result.ok && result.mailboxes.length).toBe(Math.floor(K / 7));
  });
});

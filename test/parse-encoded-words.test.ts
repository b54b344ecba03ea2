import { describe, expect, it } from 'vitest';
import { decodeEncodedWords, parseSender } from '../src/parse';

interface DecodeCase {
  readonly description: string;
  readonly input: string;
  readonly expected: string;
}

const decodeCases: readonly DecodeCase[] = [
  // RFC 2047 §4.2 Q encoding
  { description: 'no encoded word: unchanged', input: 'Ana Pereira', expected: 'Ana Pereira' },
  { description: 'Q, UTF-8', input: '=?UTF-8?Q?Andr=C3=A9?=', expected: 'André' },
  { description: 'Q, underscore is a space', input: '=?utf-8?Q?Ana_Pereira?=', expected: 'Ana Pereira' },
  { description: 'Q, lower-case encoding letter and hex', input: '=?utf-8?q?caf=c3=a9?=', expected: 'café' },
  { description: 'Q, ISO-8859-1', input: '=?ISO-8859-1?Q?Andr=E9?=', expected: 'André' },
  { description: 'Q, Windows-1252', input: '=?windows-1252?Q?Andr=E9_M=FCller?=', expected: 'André Müller' },
  { description: 'Q, Windows-1252 euro sign (0x80)', input: '=?windows-1252?Q?=80_100?=', expected: '€ 100' },
  { description: 'Q, ISO-8859-1 decoded as Windows-1252 (WHATWG), as mail clients do', input: '=?iso-8859-1?Q?=93Hi=94?=', expected: '\u201cHi\u201d' },
  { description: 'Q, Windows-1252 smart quote, Y diaeresis and an undefined byte', input: '=?cp1252?Q?it=92s_=9F_=81?=', expected: 'it\u2019s \u0178 \u0081' },
  { description: 'Q, us-ascii label (WHATWG windows-1252)', input: '=?us-ascii?Q?plain_text?=', expected: 'plain text' },
  { description: 'Q, ISO-8859-15 through TextDecoder', input: '=?iso-8859-15?Q?=A4uro?=', expected: '€uro' },
  { description: 'Q, a = not followed by two hex digits is kept', input: '=?utf-8?Q?a=ZZb=4?=', expected: 'a=ZZb=4' },
  { description: 'Q, invalid UTF-8 byte becomes U+FFFD', input: '=?utf-8?Q?a=FFb?=', expected: 'a\ufffdb' },
  // RFC 2047 §4.1 B encoding
  { description: 'B, UTF-8 Cyrillic name', input: '=?UTF-8?B?0JDQvdC90LAg0J/QtdGA0LXQudGA0LA=?=', expected: 'Анна Перейра' },
  { description: 'B, UTF-8 Greek, lower-case b', input: '=?utf-8?b?zpXOu86tzr3Otw==?=', expected: 'Ελένη' },
  { description: 'B, ISO-8859-1', input: '=?ISO-8859-1?B?SvZyZw==?=', expected: 'Jörg' },
  { description: 'B, padding omitted', input: '=?utf-8?B?SGk?=', expected: 'Hi' },
  { description: 'B, byte-order mark kept (not stripped here)', input: '=?utf-8?B?77u/YQ==?=', expected: '\ufeffa' },
  // charset handling
  { description: 'charset matched case-insensitively', input: '=?uTf-8?Q?=C3=A9?=', expected: 'é' },
  { description: 'RFC 2231 *language suffix ignored', input: '=?utf-8*en-US?Q?Hello?=', expected: 'Hello' },
  { description: 'KOI8-R', input: '=?koi8-r?Q?=F0=D2=C9=D7=C5=D4?=', expected: 'Привет' },
  { description: 'unknown charset left as written', input: '=?x-unknown?Q?abc?=', expected: '=?x-unknown?Q?abc?=' },
  { description: 'replacement-mapped charset left as written', input: '=?iso-2022-kr?Q?abc?=', expected: '=?iso-2022-kr?Q?abc?=' },
  // RFC 2047 §6.2 adjacent words
  { description: 'adjacent words joined without the space', input: '=?utf-8?Q?Ana?= =?utf-8?Q?_Pereira?=', expected: 'Ana Pereira' },
  { description: 'adjacent words across folding joined', input: '=?utf-8?Q?a?=\r\n =?utf-8?Q?b?=\t=?utf-8?Q?c?=', expected: 'abc' },
  { description: 'a UTF-8 character split across two B words', input: '=?utf-8?B?ww==?= =?utf-8?B?qQ==?=', expected: 'é' },
  { description: 'adjacent words in different charsets', input: '=?iso-8859-1?Q?=E9?= =?utf-8?Q?=C3=A9?=', expected: 'éé' },
  { description: 'space between an encoded word and text kept', input: 'Dr. =?utf-8?Q?Jos=C3=A9?= Silva', expected: 'Dr. José Silva' },
  { description: 'word glued to text decoded (lenient)', input: 'x=?utf-8?Q?=C3=A9?=y', expected: 'xéy' },
  { description: 'space after an undecodable word kept', input: '=?x-unknown?Q?a?= =?utf-8?Q?b?=', expected: '=?x-unknown?Q?a?= b' },
  // malformed words left as written
  { description: 'bad base64 character', input: '=?utf-8?B?%%%%?=', expected: '=?utf-8?B?%%%%?=' },
  { description: 'base64 with one character too many', input: '=?utf-8?B?QUJDR?=', expected: '=?utf-8?B?QUJDR?=' },
  { description: 'base64 padding in the middle', input: '=?utf-8?B?QQ==QQ==?=', expected: '=?utf-8?B?QQ==QQ==?=' },
  { description: 'unknown encoding letter', input: '=?utf-8?X?abc?=', expected: '=?utf-8?X?abc?=' },
  { description: 'missing terminator', input: '=?utf-8?Q?abc', expected: '=?utf-8?Q?abc' },
  { description: 'space inside encoded text', input: '=?utf-8?Q?a b?=', expected: '=?utf-8?Q?a b?=' },
  { description: 'empty charset', input: '=??Q?abc?=', expected: '=??Q?abc?=' },
  { description: 'non-ASCII inside encoded text', input: '=?utf-8?Q?é?=', expected: '=?utf-8?Q?é?=' },
  { description: 'empty encoded text decodes to nothing', input: 'a =?utf-8?Q??= b', expected: 'a  b' },
  { description: 'a failed opener before a good word', input: '=?=?utf-8?Q?ok?=', expected: '=?ok' },
];

describe('decodeEncodedWords', () => {
  it.each(decodeCases)('$description', ({ input, expected }) => {
    expect(decodeEncodedWords(input)).toBe(expected);
  });

  it('returns an empty string for a non-string input instead of throwing', () => {
    expect(decodeEncodedWords(undefined as unknown as string)).toBe('');
  });

  it('survives hundreds of distinct unknown charsets (bounded decoder cache)', () => {
    const text = Array.from({ length: 500 }, (_, i) => `=?x-cs-${i}?Q?a?=`).join(' ');
    expect(decodeEncodedWords(text)).toBe(text);
    expect(decodeEncodedWords('=?utf-8?Q?=C3=A9?=')).toBe('é');
  });
});

interface NameCase {
  readonly description: string;
  readonly input: string;
  readonly displayName: string;
  readonly localPart: string;
}

const nameCases: readonly NameCase[] = [
  { description: 'Windows-1252 Q name', input: '=?windows-1252?Q?Andr=E9_M=FCller?= <andre@contoso.com>', displayName: 'André Müller', localPart: 'andre' },
  { description: 'ISO-8859-1 Q name', input: '=?ISO-8859-1?Q?Fran=E7ois?= <f@contoso.com>', displayName: 'François', localPart: 'f' },
  { description: 'B-encoded UTF-8 Cyrillic name', input: '=?UTF-8?B?0JDQvdC90LAg0J/QtdGA0LXQudGA0LA=?= <anna@contoso.com>', displayName: 'Анна Перейра', localPart: 'anna' },
  { description: 'words split and folded by the sender', input: 'From: =?utf-8?Q?Ana?=\r\n =?utf-8?Q?_Pereira?= <ana@contoso.com>', displayName: 'Ana Pereira', localPart: 'ana' },
  { description: 'word mixed with plain words', input: 'Dr. =?utf-8?Q?Jos=C3=A9?= Silva <jose@contoso.com>', displayName: 'Dr. José Silva', localPart: 'jose' },
  { description: 'word inside a quoted string (lenient, as clients do)', input: '"=?utf-8?Q?Jos=C3=A9?=" <jose@contoso.com>', displayName: 'José', localPart: 'jose' },
  { description: 'word in an old-style trailing comment', input: 'jose@contoso.com (=?utf-8?Q?Jos=C3=A9?=)', displayName: 'José', localPart: 'jose' },
  { description: 'decoded whitespace collapsed', input: '=?utf-8?Q?_Ana__=09Pereira_?= <ana@contoso.com>', displayName: 'Ana Pereira', localPart: 'ana' },
  { description: 'decoded comma does not split the list', input: '=?utf-8?Q?Pereira,_Ana?= <ana@contoso.com>', displayName: 'Pereira, Ana', localPart: 'ana' },
  { description: 'decoded address-like name kept for impersonation checks', input: '=?utf-8?Q?ceo=40contoso.com?= <x@attacker.net>', displayName: 'ceo@contoso.com', localPart: 'x' },
  { description: 'unknown charset left as written', input: '=?x-unknown?Q?Ana?= <ana@contoso.com>', displayName: '=?x-unknown?Q?Ana?=', localPart: 'ana' },
  { description: 'encoded word in a local part is not decoded', input: 'Ana <=?utf-8?Q?a?=@contoso.com>', displayName: 'Ana', localPart: '=?utf-8?Q?a?=' },
];

describe('parseSender: RFC 2047 display names', () => {
  it.each(nameCases)('$description', ({ input, displayName, localPart }) => {
    const result = parseSender(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mailboxes).toHaveLength(1);
    expect(result.mailboxes[0]).toMatchObject({ displayName, localPart, domain: localPart === 'x' ? 'attacker.net' : 'contoso.com' });
  });

  it('rejects a local part holding specials from an encoded word', () => {
    expect(parseSender('Ana <=?utf-8?Q?a,b?=@contoso.com>')).toMatchObject({ ok: false, code: 'invalid-local-part' });
  });
});

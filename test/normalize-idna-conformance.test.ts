import { describe, expect, it } from 'vitest';
import { toAsciiDomain, toUnicodeDomain } from '../src/normalize';

/**
 * Rows copied from the UTS #46 conformance file IdnaTestV2.txt, Unicode 17.0.0 (2025-05-01), row data only:
 * columns 1–5 as written there (source; toUnicode; toUnicodeStatus; toAsciiN; toAsciiNStatus), `line` = line number
 * in that file. tr46@6 implements Unicode 17.0.0, so no row depends on characters newer than the implementation
 * (all 6,391 rows of the file agreed when checked in a scratch run with the flags below).
 *
 * Column rules (from the file's header): a blank toUnicode means "same as source"; a blank toAsciiN means "same as
 * toUnicode"; a blank toAsciiNStatus means "same as toUnicodeStatus"; `""` is the empty string; \uXXXX escapes.
 *
 * Our flags differ from the file's defaults only as the header allows, by ignoring the matching status codes:
 * CheckHyphens=false ignores V2 and V3. VerifyDnsLength (A4_1, A4_2) applies to toASCII only, and X4_2 is the
 * toUnicode echo of A4_2 for an empty label, so toUnicode ignores A4_* and X4_2.
 */
const rows = [
  { line: 106, source: 'fass.de', toUnicode: '', toUnicodeStatus: '', toAsciiN: '', toAsciiNStatus: '' }, // fass.de
  { line: 107, source: 'faß.de', toUnicode: '', toUnicodeStatus: '', toAsciiN: 'xn--fa-hia.de', toAsciiNStatus: '' }, // faß.de
  { line: 108, source: 'Faß.de', toUnicode: 'faß.de', toUnicodeStatus: '', toAsciiN: 'xn--fa-hia.de', toAsciiNStatus: '' }, // faß.de
  { line: 109, source: 'xn--fa-hia.de', toUnicode: 'faß.de', toUnicodeStatus: '', toAsciiN: 'xn--fa-hia.de', toAsciiNStatus: '' }, // faß.de
  { line: 200, source: '¡', toUnicode: '', toUnicodeStatus: '', toAsciiN: 'xn--7a', toAsciiNStatus: '' }, // ¡
  { line: 204, source: '""', toUnicode: '', toUnicodeStatus: '[X4_2]', toAsciiN: '', toAsciiNStatus: '[A4_1, A4_2]' }, //
  { line: 206, source: '.', toUnicode: '', toUnicodeStatus: '[X4_2]', toAsciiN: '', toAsciiNStatus: '[A4_1, A4_2]' }, // .
  { line: 209, source: '1234567890ä1234567890123456789012345678901234567890123456', toUnicode: '', toUnicodeStatus: '', toAsciiN: 'xn--12345678901234567890123456789012345678901234567890123456-fxe', toAsciiNStatus: '[A4_2]' }, // 1234567890ä1234567890123456789012345678901234567890123456
  { line: 214, source: 'www.eXample.cOm', toUnicode: 'www.example.com', toUnicodeStatus: '', toAsciiN: '', toAsciiNStatus: '' }, // www.example.com
  { line: 215, source: 'Bücher.de', toUnicode: 'bücher.de', toUnicodeStatus: '', toAsciiN: 'xn--bcher-kva.de', toAsciiNStatus: '' }, // bücher.de
  { line: 216, source: 'Bu\u0308cher.de', toUnicode: 'bücher.de', toUnicodeStatus: '', toAsciiN: 'xn--bcher-kva.de', toAsciiNStatus: '' }, // bücher.de
  { line: 219, source: 'BÜCHER.DE', toUnicode: 'bücher.de', toUnicodeStatus: '', toAsciiN: 'xn--bcher-kva.de', toAsciiNStatus: '' }, // bücher.de
  { line: 221, source: 'xn--bcher-kva.de', toUnicode: 'bücher.de', toUnicodeStatus: '', toAsciiN: 'xn--bcher-kva.de', toAsciiNStatus: '' }, // bücher.de
  { line: 222, source: 'ÖBB', toUnicode: 'öbb', toUnicodeStatus: '', toAsciiN: 'xn--bb-eka', toAsciiNStatus: '' }, // öbb
  { line: 229, source: 'FAẞ.de', toUnicode: 'faß.de', toUnicodeStatus: '', toAsciiN: 'xn--fa-hia.de', toAsciiNStatus: '' }, // faß.de
  { line: 231, source: 'βόλος.com', toUnicode: '', toUnicodeStatus: '', toAsciiN: 'xn--nxasmm1c.com', toAsciiNStatus: '' }, // βόλος.com
  { line: 233, source: 'ΒΟ\u0301ΛΟΣ.COM', toUnicode: 'βόλοσ.com', toUnicodeStatus: '', toAsciiN: 'xn--nxasmq6b.com', toAsciiNStatus: '' }, // βόλοσ.com
  { line: 242, source: 'xn--nxasmm1c.com', toUnicode: 'βόλος.com', toUnicodeStatus: '', toAsciiN: 'xn--nxasmm1c.com', toAsciiNStatus: '' }, // βόλος.com
  { line: 255, source: 'www.ශ\u0DCA\u200Dර\u0DD3.com', toUnicode: '', toUnicodeStatus: '', toAsciiN: 'www.xn--10cl1a0b660p.com', toAsciiNStatus: '' }, // www.ශ්රී.com
  { line: 258, source: 'www.xn--10cl1a0b.com', toUnicode: 'www.ශ\u0DCAර\u0DD3.com', toUnicodeStatus: '', toAsciiN: 'www.xn--10cl1a0b.com', toAsciiNStatus: '' }, // www.ශ්රී.com
  { line: 268, source: '\u0646\u0627\u0645\u0647\u200C\u0627\u06CC.com', toUnicode: '', toUnicodeStatus: '', toAsciiN: 'xn--mgba3gch31f060k.com', toAsciiNStatus: '' }, // نامهای.com
  { line: 270, source: 'xn--mgba3gch31f.com', toUnicode: '\u0646\u0627\u0645\u0647\u0627\u06CC.com', toUnicodeStatus: '', toAsciiN: 'xn--mgba3gch31f.com', toAsciiNStatus: '' }, // نامهای.com
  { line: 273, source: 'a.b．c。d｡', toUnicode: 'a.b.c.d.', toUnicodeStatus: '', toAsciiN: '', toAsciiNStatus: '[A4_2]' }, // a.b.c.d.
  { line: 280, source: 'U\u0308.xn--tda', toUnicode: 'ü.ü', toUnicodeStatus: '', toAsciiN: 'xn--tda.xn--tda', toAsciiNStatus: '' }, // ü.ü
  { line: 295, source: 'xn--u-ccb', toUnicode: 'u\u0308', toUnicodeStatus: '[V1]', toAsciiN: 'xn--u-ccb', toAsciiNStatus: '' }, // ü
  { line: 296, source: 'a⒈com', toUnicode: '', toUnicodeStatus: '[V7]', toAsciiN: 'xn--acom-0w1b', toAsciiNStatus: '' }, // a⒈com
  { line: 297, source: 'a1.com', toUnicode: '', toUnicodeStatus: '', toAsciiN: '', toAsciiNStatus: '' }, // a1.com
  { line: 302, source: 'xn--0.pt', toUnicode: '', toUnicodeStatus: '[P4]', toAsciiN: '', toAsciiNStatus: '' }, // xn--0.pt
  { line: 312, source: 'xn--xn--a--gua.pt', toUnicode: 'xn--a-ä.pt', toUnicodeStatus: '[V2, V4]', toAsciiN: 'xn--xn--a--gua.pt', toAsciiNStatus: '' }, // xn--a-ä.pt
  { line: 543, source: '$', toUnicode: '', toUnicodeStatus: '[U1]', toAsciiN: '', toAsciiNStatus: '' }, // $
  { line: 545, source: '(4).four', toUnicode: '', toUnicodeStatus: '[U1]', toAsciiN: '', toAsciiNStatus: '' }, // (4).four
  { line: 548, source: 'a\uD900z', toUnicode: '', toUnicodeStatus: '[V7]', toAsciiN: '', toAsciiNStatus: '[V7, A3]' }, // az
  { line: 551, source: 'xn---', toUnicode: '', toUnicodeStatus: '[P4]', toAsciiN: '', toAsciiNStatus: '' }, // xn---
  { line: 552, source: 'xn--ASCII-', toUnicode: 'ascii', toUnicodeStatus: '[P4]', toAsciiN: '', toAsciiNStatus: '' }, // ascii
  { line: 113, source: 'à\u05D0', toUnicode: '', toUnicodeStatus: '[B5, B6]', toAsciiN: 'xn--0ca24w', toAsciiNStatus: '' }, // àא
  { line: 118, source: '0à.\u05D0', toUnicode: '', toUnicodeStatus: '[B1]', toAsciiN: 'xn--0-sfa.xn--4db', toAsciiNStatus: '' }, // 0à.א
  { line: 133, source: '\u0308.\u05D0', toUnicode: '', toUnicodeStatus: '[B1, V6]', toAsciiN: 'xn--ssa.xn--4db', toAsciiNStatus: '' }, // ̈.א
  { line: 145, source: 'à\u0308.\u05D0', toUnicode: '', toUnicodeStatus: '', toAsciiN: 'xn--0ca81i.xn--4db', toAsciiNStatus: '' }, // à̈.א
  { line: 153, source: 'a\u200Cb', toUnicode: '', toUnicodeStatus: '[C1]', toAsciiN: 'xn--ab-j1t', toAsciiNStatus: '' }, // ab
  { line: 158, source: 'a\u094D\u200Cb', toUnicode: '', toUnicodeStatus: '', toAsciiN: 'xn--ab-fsf604u', toAsciiNStatus: '' }, // a्b
  { line: 165, source: 'xn--ab-fsf604u', toUnicode: 'a\u094D\u200Cb', toUnicodeStatus: '', toAsciiN: 'xn--ab-fsf604u', toAsciiNStatus: '' }, // a्b
  { line: 179, source: 'a\u200Db', toUnicode: '', toUnicodeStatus: '[C2]', toAsciiN: 'xn--ab-m1t', toAsciiNStatus: '' }, // ab
  { line: 466, source: '\u05D0a\u05C7', toUnicode: '', toUnicodeStatus: '[B2, B3]', toAsciiN: 'xn--a-ihcz', toAsciiNStatus: '' }, // אaׇ
  { line: 2355, source: 'છ.嵨', toUnicode: '', toUnicodeStatus: '', toAsciiN: 'xn--6dc.xn--tot', toAsciiNStatus: '' }, // છ.嵨
  { line: 3513, source: '⾆．ꡈ５>\u0338Ss', toUnicode: '舌.ꡈ5≯ss', toUnicodeStatus: '', toAsciiN: 'xn--tc1a.xn--5ss-3m2a5009e', toAsciiNStatus: '' }, // 舌.ꡈ5≯ss
] as const;

/** `[B5, B6]` → ['B5', 'B6']; '' → []. */
function statusCodes(column: string): string[] {
  return column === '' ? [] : column.replace(/[[\]]/g, '').split(',').map((code) => code.trim());
}

function columnValue(column: string, blank: string): string {
  if (column === '') return blank;
  return column === '""' ? '' : column;
}

const IGNORED_ALWAYS = new Set(['V2', 'V3']);
const IGNORED_IN_TO_UNICODE = new Set(['A4_1', 'A4_2', 'X4_2']);

const cases = rows.map((row) => {
  const source = columnValue(row.source, '');
  const toUnicode = columnValue(row.toUnicode, source);
  const unicodeStatus = statusCodes(row.toUnicodeStatus);
  const toAscii = columnValue(row.toAsciiN, toUnicode);
  const asciiStatus = row.toAsciiNStatus === '' ? unicodeStatus : statusCodes(row.toAsciiNStatus);
  const unicodeErrors = unicodeStatus.filter((code) => !IGNORED_ALWAYS.has(code) && !IGNORED_IN_TO_UNICODE.has(code));
  const asciiErrors = asciiStatus.filter((code) => !IGNORED_ALWAYS.has(code));
  const label = [...unicodeErrors, ...asciiErrors].length === 0 ? 'valid' : `errors ${[...new Set([...unicodeErrors, ...asciiErrors])].join(',')}`;
  return {
    description: `line ${row.line}: ${JSON.stringify(source)} (${label})`,
    source,
    expectedUnicode: unicodeErrors.length > 0 ? null : toUnicode,
    expectedAscii: asciiErrors.length > 0 ? null : toAscii,
  };
});

describe('UTS #46 conformance (IdnaTestV2.txt 17.0.0, selected rows)', () => {
  it.each(cases)('$description', ({ source, expectedUnicode, expectedAscii }) => {
    expect(toAsciiDomain(source)).toBe(expectedAscii);
    expect(toUnicodeDomain(source)).toBe(expectedUnicode);
  });

  it('the selection holds both valid rows and rows with errors', () => {
    expect(cases.filter((c) => c.expectedAscii !== null).length).toBeGreaterThan(20);
    expect(cases.filter((c) => c.expectedAscii === null).length).toBeGreaterThan(8);
  });
});

describe('toAsciiDomain / toUnicodeDomain guards', () => {
  it('return null for input over the length cap', () => {
    expect(toAsciiDomain('a'.repeat(2000))).toBeNull();
    expect(toUnicodeDomain('a'.repeat(2000))).toBeNull();
  });

  it('return null for a non-string', () => {
    expect(toAsciiDomain(null as unknown as string)).toBeNull();
    expect(toUnicodeDomain(null as unknown as string)).toBeNull();
  });

  it('do not remove hidden characters (that is normalizeDomain’s job)', () => {
    expect(toAsciiDomain('pay\u00ADpal.com')).toBe('paypal.com'); // UTS #46 maps U+00AD away silently
    expect(toAsciiDomain('pay\u200Bpal.com')).toBe('paypal.com'); // ignored, too
    expect(toAsciiDomain('pay\u202Epal.com')).toBeNull(); // disallowed
  });
});

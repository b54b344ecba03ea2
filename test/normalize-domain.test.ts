import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NORMALIZE_OPTIONS,
  normalizeDomain,
  toAsciiDomain,
  toUnicodeDomain,
  type DomainParts,
  type NormalizeOptions,
} from '../src/normalize';
import { hasNonLdhAscii, idnaToAscii, idnaToUnicode } from '../src/normalize/idna';
import { isPlainLowerHost } from '../src/normalize/host-syntax';
import { lowerAsciiHost } from '../src/normalize/normalize-domain';

// Expected A-labels were computed with tr46@6 in a scratch script and checked by hand: each one decodes back to
// the Unicode form (e.g. xn--cntoso-wqf = "cntoso" + U+043E inserted at index 1), and the ß/ς forms match
// IdnaTestV2.txt 17.0.0 (faß.de → xn--fa-hia.de, βόλος → xn--nxasmm1c, βόλοσ → xn--nxasmq6b).

interface OkCase {
  readonly description: string;
  readonly input: string;
  readonly options?: NormalizeOptions;
  readonly expected: Partial<DomainParts>;
}

const okCases: readonly OkCase[] = [
  // case, whitespace, root dot
  {
    description: 'lowercases ASCII and keeps the written case of the label',
    input: 'Mail.Contoso.CO.UK',
    expected: {
      unicode: 'mail.contoso.co.uk',
      ascii: 'mail.contoso.co.uk',
      registrableDomain: 'contoso.co.uk',
      publicSuffix: 'co.uk',
      subdomain: 'mail',
      label: 'contoso',
      writtenLabel: 'Contoso',
      isIcann: true,
    },
  },
  { description: 'removes one trailing root dot', input: 'contoso.com.', expected: { unicode: 'contoso.com', ascii: 'contoso.com' } },
  { description: 'trims surrounding whitespace', input: ' \tcontoso.com \n', expected: { unicode: 'contoso.com', label: 'contoso' } },
  // full-width and other compatibility forms (UTS #46 §4 step 1 mapping)
  {
    description: 'maps full-width letters and the full-width full stop',
    input: 'ｃｏｎｔｏｓｏ．ｃｏｍ',
    expected: { unicode: 'contoso.com', ascii: 'contoso.com', label: 'contoso', writtenLabel: 'ｃｏｎｔｏｓｏ' },
  },
  { description: 'treats U+3002 IDEOGRAPHIC FULL STOP as a label separator', input: 'contoso。com', expected: { unicode: 'contoso.com' } },
  { description: 'removes a trailing ideographic full stop as the root dot', input: 'contoso.com。', expected: { unicode: 'contoso.com' } },
  { description: 'treats U+FF61 HALFWIDTH IDEOGRAPHIC FULL STOP as a separator', input: 'contoso｡co｡uk', expected: { registrableDomain: 'contoso.co.uk' } },
  { description: 'maps circled letters (compatibility forms)', input: 'ⓒⓞⓝⓣⓞⓢⓞ.com', expected: { unicode: 'contoso.com' } },
  // punycode both ways
  {
    description: 'encodes a Cyrillic о inside a Latin label',
    input: 'cоntoso.com',
    expected: { unicode: 'cоntoso.com', ascii: 'xn--cntoso-wqf.com', label: 'cоntoso', registrableDomain: 'cоntoso.com' },
  },
  {
    description: 'decodes an A-label to Unicode',
    input: 'xn--cntoso-wqf.com',
    expected: { unicode: 'cоntoso.com', ascii: 'xn--cntoso-wqf.com', label: 'cоntoso', writtenLabel: 'cоntoso' },
  },
  { description: 'accepts an upper-case A-label', input: 'XN--CNTOSO-WQF.COM', expected: { unicode: 'cоntoso.com', ascii: 'xn--cntoso-wqf.com' } },
  {
    description: 'encodes an all-Cyrillic name and its IDN suffix',
    input: 'Пример.РФ',
    expected: { unicode: 'пример.рф', ascii: 'xn--e1afmkfd.xn--p1ai', publicSuffix: 'рф', label: 'пример', writtenLabel: 'Пример', isIcann: true },
  },
  { description: 'decodes an all-A-label name', input: 'xn--e1afmkfd.xn--p1ai', expected: { unicode: 'пример.рф', registrableDomain: 'пример.рф' } },
  { description: 'keeps a Unicode subdomain', input: 'пример.contoso.com', expected: { subdomain: 'пример', registrableDomain: 'contoso.com' } },
  { description: 'decodes an A-label subdomain split', input: 'mail.xn--fa-hia.de', expected: { unicode: 'mail.faß.de', subdomain: 'mail', registrableDomain: 'faß.de', label: 'faß' } },
  // nontransitional (UTS #46 §4, IDNA2008): ß and ς are kept
  { description: 'keeps ß (nontransitional)', input: 'faß.de', expected: { unicode: 'faß.de', ascii: 'xn--fa-hia.de' } },
  { description: 'lowercases capital ẞ to ß, not ss', input: 'FAẞ.DE', expected: { unicode: 'faß.de', ascii: 'xn--fa-hia.de', writtenLabel: 'FAẞ' } },
  { description: 'keeps final sigma ς (nontransitional)', input: 'βόλος.gr', expected: { unicode: 'βόλος.gr', ascii: 'xn--nxasmm1c.gr' } },
  { description: 'keeps medial sigma σ distinct from ς', input: 'βόλοσ.gr', expected: { unicode: 'βόλοσ.gr', ascii: 'xn--nxasmq6b.gr' } },
  { description: 'lowercases capital Σ to σ', input: 'ΒΌΛΟΣ.GR', expected: { unicode: 'βόλοσ.gr', ascii: 'xn--nxasmq6b.gr' } },
  { description: 'composes a decomposed ü (NFC) and then cannot locate the written label', input: 'Bu\u0308cher.de', expected: { unicode: 'bücher.de', ascii: 'xn--bcher-kva.de', label: 'bücher', writtenLabel: 'bücher' } },
  // writtenLabel
  { description: 'writtenLabel keeps a capital I posing as l', input: 'PaypaI.com', expected: { label: 'paypai', writtenLabel: 'PaypaI' } },
  { description: 'writtenLabel keeps a full-width capital I', input: 'ＰａｙｐａＩ．ｃｏｍ', expected: { label: 'paypai', writtenLabel: 'ＰａｙｐａＩ' } },
  { description: 'writtenLabel of an A-label is the decoded label', input: 'XN--PYPAL-4VE.COM', expected: { label: 'pаypal', writtenLabel: 'pаypal' } },
  { description: 'writtenLabel is null with no registrable label', input: 'CO.UK', expected: { label: null, writtenLabel: null } },
  // Public Suffix List splits
  { description: 'splits under com.br', input: 'contoso.com.br', expected: { registrableDomain: 'contoso.com.br', publicSuffix: 'com.br', label: 'contoso', subdomain: '' } },
  { description: 'splits under the ccTLD co', input: 'contoso.co', expected: { registrableDomain: 'contoso.co', publicSuffix: 'co', label: 'contoso' } },
  { description: 'splits several subdomain labels', input: 'a.b.mail.contoso.co.uk', expected: { subdomain: 'a.b.mail', registrableDomain: 'contoso.co.uk' } },
  { description: 'follows a wildcard PSL rule (*.ck)', input: 'foo.bar.ck', expected: { publicSuffix: 'bar.ck', label: 'foo' } },
  {
    description: 'private suffix on (default): github.io is the suffix',
    input: 'contoso.github.io',
    expected: { registrableDomain: 'contoso.github.io', publicSuffix: 'github.io', label: 'contoso', subdomain: '', isIcann: false },
  },
  {
    description: 'private suffix off: io is the suffix',
    input: 'contoso.github.io',
    options: { privateSuffixes: false },
    expected: { registrableDomain: 'github.io', publicSuffix: 'io', label: 'github', subdomain: 'contoso', isIcann: true },
  },
  { description: 'private suffix on: azurewebsites.net', input: 'contoso.azurewebsites.net', expected: { label: 'contoso', publicSuffix: 'azurewebsites.net' } },
  {
    description: 'private suffix off: azurewebsites.net is registrable',
    input: 'contoso.azurewebsites.net',
    options: { privateSuffixes: false },
    expected: { label: 'azurewebsites', publicSuffix: 'net' },
  },
  {
    description: 'a bare public suffix has no registrable domain',
    input: 'co.uk',
    expected: { unicode: 'co.uk', registrableDomain: null, publicSuffix: 'co.uk', subdomain: '', label: null, isIcann: true },
  },
  { description: 'a bare private suffix has no registrable domain', input: 'github.io', expected: { registrableDomain: null, publicSuffix: 'github.io', label: null } },
  { description: 'a single label has no registrable domain', input: 'localhost', expected: { registrableDomain: null, publicSuffix: 'localhost', label: null, isIcann: false } },
  { description: 'an unknown TLD is its own (non-ICANN) suffix', input: 'contoso.notatld', expected: { registrableDomain: 'contoso.notatld', label: 'contoso', isIcann: false } },
  // syntax that is allowed
  { description: 'allows -- in positions 3-4 (CheckHyphens=false)', input: 'ab--cd.com', expected: { label: 'ab--cd' } },
  { description: 'allows a digit-only label below the TLD', input: '123.com', expected: { label: '123' } },
  { description: 'accepts a 63-character label', input: `${'a'.repeat(63)}.com`, expected: { label: 'a'.repeat(63) } },
  { description: 'accepts a 253-character name', input: `${`${'a'.repeat(62)}.`.repeat(3)}${'b'.repeat(60)}.com`, expected: { publicSuffix: 'com' } },
];

describe('normalizeDomain: accepted names', () => {
  it.each(okCases)('$description', ({ input, options, expected }) => {
    const result = normalizeDomain(input, options);
    expect(result.ok).toBe(true);
    expect(result).toMatchObject(expected);
    expect(result.hidden).toEqual([]);
  });
});

interface ErrorCase {
  readonly description: string;
  readonly input: string;
  readonly code: 'empty' | 'too-long' | 'invalid-domain' | 'ip-literal';
  /** A phrase the message must contain. */
  readonly message: string;
}

const errorCases: readonly ErrorCase[] = [
  { description: 'empty string', input: '', code: 'empty', message: 'empty' },
  { description: 'whitespace only', input: '  \t ', code: 'empty', message: 'empty' },
  { description: 'a lone root dot', input: '.', code: 'empty', message: 'empty' },
  { description: 'an IPv4 address literal', input: '[192.0.2.1]', code: 'ip-literal', message: 'RFC 5321 §4.1.3' },
  { description: 'an IPv6 address literal', input: '[IPv6:2001:db8::1]', code: 'ip-literal', message: 'address literal' },
  { description: 'a bare IPv4 address', input: '192.0.2.1', code: 'ip-literal', message: 'IPv4' },
  { description: 'a bare IPv6 address', input: '2001:db8::1', code: 'ip-literal', message: 'IPv6' },
  { description: 'a full-width IPv4 address', input: '１９２．０．２．１', code: 'ip-literal', message: 'IPv4' },
  { description: 'an all-numeric TLD that is no IPv4 address', input: '1.2.3.999', code: 'invalid-domain', message: 'RFC 3696' },
  { description: 'a port', input: 'contoso.com:25', code: 'invalid-domain', message: '":" (U+003A)' },
  { description: 'a label of 64 characters', input: `${'a'.repeat(64)}.com`, code: 'too-long', message: 'limit is 63' },
  { description: 'a non-ASCII label whose A-label exceeds 63', input: `${'ü'.repeat(60)}.com`, code: 'too-long', message: 'limit is 63' },
  { description: 'a name of 254 characters', input: `${`${'a'.repeat(62)}.`.repeat(3)}${'b'.repeat(61)}.com`, code: 'too-long', message: 'limit is 253' },
  { description: 'input longer than the hard cap', input: 'a'.repeat(5000), code: 'too-long', message: '5000' },
  { description: 'malformed Punycode', input: 'xn--zz.com', code: 'invalid-domain', message: 'not valid Punycode' },
  { description: 'Punycode that decodes to ASCII only', input: 'xn--ascii-.com', code: 'invalid-domain', message: 'non-ASCII' },
  { description: 'an A-label with a joiner ContextJ forbids', input: 'xn--ab-m1t.com', code: 'invalid-domain', message: 'ContextJ' },
  { description: 'an A-label that is not ASCII', input: 'xn--ü.com', code: 'invalid-domain', message: 'not ASCII' },
  { description: 'two dots in a row', input: 'contoso..com', code: 'invalid-domain', message: 'empty label' },
  { description: 'a leading dot', input: '.contoso.com', code: 'invalid-domain', message: 'empty label' },
  { description: 'two trailing dots (only one is the root)', input: 'contoso.com..', code: 'invalid-domain', message: 'empty label' },
  { description: 'a label starting with a hyphen', input: '-contoso.com', code: 'invalid-domain', message: 'hyphen' },
  { description: 'a label ending with a hyphen in Unicode', input: 'cоntoso-.com', code: 'invalid-domain', message: 'hyphen' },
  { description: 'a label starting with a hyphen in Unicode', input: '-cоntoso.com', code: 'invalid-domain', message: 'hyphen' },
  { description: 'an underscore', input: 'con_toso.com', code: 'invalid-domain', message: 'U+005F' },
  { description: 'an inner space', input: 'con toso.com', code: 'invalid-domain', message: 'U+0020' },
  { description: 'a disallowed non-ASCII character', input: 'a⒈com', code: 'invalid-domain', message: 'U+2488' },
  { description: 'a label starting with a combining mark', input: '\u0301a.com', code: 'invalid-domain', message: 'combining mark' },
  { description: 'a label breaking the Bidi rule', input: 'à\u05D0.com', code: 'invalid-domain', message: 'RFC 5893' },
  { description: 'labels breaking the Bidi rule together', input: '0à.\u05D0', code: 'invalid-domain', message: 'RFC 5893' },
  { description: 'a lone surrogate', input: 'a\ud800.com', code: 'invalid-domain', message: 'U+D800' },
];

describe('normalizeDomain: rejected input', () => {
  it.each(errorCases)('$description', ({ input, code, message }) => {
    const result = normalizeDomain(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toContain(message);
  });

  it('rejects a non-string without throwing', () => {
    const result = normalizeDomain(42 as unknown as string);
    expect(result).toMatchObject({ ok: false, code: 'invalid-domain' });
  });
});

describe('normalizeDomain: options', () => {
  it('has frozen defaults with private suffixes on', () => {
    expect(DEFAULT_NORMALIZE_OPTIONS).toEqual({ privateSuffixes: true });
    expect(Object.isFrozen(DEFAULT_NORMALIZE_OPTIONS)).toBe(true);
  });

  it('an explicit privateSuffixes: true equals the default', () => {
    expect(normalizeDomain('x.contoso.blogspot.com', { privateSuffixes: true })).toEqual(normalizeDomain('x.contoso.blogspot.com'));
  });
});

// Property-based tests -------------------------------------------------------------------------------------------

/** Pieces of plausible and hostile domain text: ASCII, confusables, deviations, RTL, marks, joiners, hidden. */
const domainPiece = fc.constantFrom(
  'a', 'b', 'c', 'l', 'o', 'p', 's', 'x', 'n', 'I', 'K', '0', '1', '-', '--', 'xn--', 'XN--', 'ß', 'ẞ', 'ς', 'σ', 'Σ',
  'о', 'а', 'е', 'é', 'e\u0301', 'ü', 'u\u0308', 'Ｃ', 'ｏ', '\u05D0', '\u0628', '\u0660', '\u094D', 'क', '\u200C', '\u200D',
  '\u0301', '_', '⒈', '。', '．', '.', '😀',
);
const hiddenPiece = fc.constantFrom('\u00AD', '\u200B', '\u202E', '\uFEFF', '\u2066', '\u{E0061}', '\uFE0F');
const tld = fc.constantFrom('com', 'de', 'co.uk', 'рф', 'xn--p1ai', 'github.io', 'org');
const labelText = fc.array(domainPiece, { minLength: 0, maxLength: 8 }).map((pieces) => pieces.join(''));
/** A domain-like string without hidden characters, ending in a fixed suffix (so never in a root dot). */
const cleanDomain = fc
  .tuple(fc.array(labelText, { minLength: 1, maxLength: 3 }), tld)
  .map(([labels, suffix]) => `${labels.join('.')}.${suffix}`);
/** The same with hidden characters sprinkled in. */
const dirtyDomain = fc
  .tuple(cleanDomain, fc.array(fc.tuple(fc.nat(), hiddenPiece), { maxLength: 3 }))
  .map(([domain, inserts]) => {
    const points = Array.from(domain);
    for (const [at, ch] of inserts) points.splice(at % (points.length + 1), 0, ch);
    return points.join('');
  });
/** Any UTF-16 text, lone surrogates included. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 });
const anyUnicode = fc.string({ unit: 'binary', maxLength: 80 });

function isPureAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

describe('normalizeDomain: properties', () => {
  it('never throws, and ok results have a pure-ASCII ascii form within DNS limits', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, anyUnicode, dirtyDomain), (input) => {
        const result = normalizeDomain(input);
        expect(Array.isArray(result.hidden)).toBe(true);
        for (const hidden of result.hidden) expect(hidden.where).toBe('domain');
        if (result.ok) {
          expect(isPureAscii(result.ascii)).toBe(true);
          expect(result.ascii.length).toBeLessThanOrEqual(253);
          expect(result.ascii).toBe(result.ascii.toLowerCase());
        } else {
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('is idempotent: normalizing the unicode or ascii form gives the same forms', () => {
    let accepted = 0;
    let withHidden = 0;
    fc.assert(
      fc.property(fc.oneof(dirtyDomain, cleanDomain), (input) => {
        const first = normalizeDomain(input);
        if (!first.ok) return;
        accepted++;
        if (first.hidden.length > 0) withHidden++;
        for (const again of [normalizeDomain(first.unicode), normalizeDomain(first.ascii)]) {
          expect(again.ok).toBe(true);
          if (!again.ok) return;
          expect(again.unicode).toBe(first.unicode);
          expect(again.ascii).toBe(first.ascii);
          expect(again.registrableDomain).toBe(first.registrableDomain);
          expect(again.hidden).toEqual([]);
        }
      }),
      { seed: 42, numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(100);
    expect(withHidden).toBeGreaterThan(50);
  });

  it('agrees with whole-name UTS #46 (toAsciiDomain / toUnicodeDomain) on hidden-free input', () => {
    // normalizeDomain runs tr46 label by label (and not at all for ASCII labels); this is the differential check.
    let accepted = 0;
    fc.assert(
      fc.property(cleanDomain, (input) => {
        const result = normalizeDomain(input);
        const ascii = toAsciiDomain(input);
        if (result.ok && result.hidden.length === 0) {
          accepted++;
          expect(ascii).toBe(result.ascii);
          expect(toUnicodeDomain(input)).toBe(result.unicode);
        }
        if (ascii === null && result.hidden.length === 0) expect(result.ok).toBe(false);
      }),
      { seed: 42, numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(100); // the generator must reach the accepting side too
  });

  it('privateSuffixes changes only the split, never the forms', () => {
    fc.assert(
      fc.property(cleanDomain, (input) => {
        const on = normalizeDomain(input);
        const off = normalizeDomain(input, { privateSuffixes: false });
        expect(off.ok).toBe(on.ok);
        if (on.ok && off.ok) {
          expect(off.unicode).toBe(on.unicode);
          expect(off.ascii).toBe(on.ascii);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

// convertDomain skips tr46 calls that must fail: a label (or name) with an ASCII character other
// than a letter, digit, hyphen (or dot) fails UTS #46 under UseSTD3ASCIIRules. These tests hold
// that premise against the pinned tr46, so an update that changed it would be caught here.
describe('the STD3 shortcut of convertDomain', () => {
  const nonLdh = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).filter((ch) => !/^[a-zA-Z0-9.-]$/u.test(ch));

  it.each(nonLdh.map((ch) => ({ description: `U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`, ch })))(
    'tr46 rejects a label holding $description, in either direction',
    ({ ch }) => {
      for (const label of [`a${ch}b`, `cо${ch}ntoso`, `xn--${ch}`]) {
        expect(hasNonLdhAscii(label)).toBe(true);
        expect(idnaToAscii(label)).toBeNull();
        expect(idnaToUnicode(label)).toBeNull();
      }
    },
  );

  it('hasNonLdhAscii implies that tr46 fails, on random names (seeded)', () => {
    const unit = fc.constantFrom(...'ab-.%_ #z9оаß\u200d\u0301ü'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 12 }), (name) => {
        if (hasNonLdhAscii(name)) {
          expect(idnaToAscii(name)).toBeNull();
          expect(idnaToUnicode(name)).toBeNull();
        }
      }),
      { seed: 4601, numRuns: 3000 },
    );
  });

  it.each([
    { description: 'an ASCII culprit after a curly quote', input: 'Gxx\'Jx==’&‡qKw.com', culprit: "\"'\" (U+0027)" },
    { description: 'a percent sign before a non-ASCII quote', input: 'TxarsR%^j{pC1‛.com', culprit: '"%" (U+0025)' },
  ])('still names the first culprit ($description)', ({ input, culprit }) => {
    const r = normalizeDomain(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(`it contains ${culprit}`);
  });
});

// normalizeDomain sends a host that isPlainLowerHost accepts straight to the suffix split; the
// same host with a leading space cannot take that shortcut and goes through every step.
describe('the plain-host shortcut of normalizeDomain', () => {
  it.each([
    { description: 'a registrable domain', host: 'contoso.com', plain: true },
    { description: 'subdomains and digits', host: 'mail2.eu.contoso.co.uk', plain: true },
    { description: 'a capital', host: 'Contoso.com', plain: false },
    { description: 'a trailing dot', host: 'contoso.com.', plain: false },
    { description: 'an A-label', host: 'xn--cntoso-wqf.com', plain: false },
    { description: 'an A-label below the registrable domain', host: 'a.xn--cntoso-wqf.com', plain: false },
    { description: 'a hyphen ending a label', host: 'contoso-.com', plain: false },
    { description: 'an all-numeric last label', host: 'contoso.123', plain: false },
    { description: 'an IPv4 address', host: '192.0.2.1', plain: false },
    { description: 'an underscore', host: '_dmarc.contoso.com', plain: false },
    { description: 'a 64-character label', host: `${'a'.repeat(64)}.com`, plain: false },
  ])('$description', ({ host, plain }) => {
    expect(isPlainLowerHost(host)).toBe(plain);
    expect(normalizeDomain(host)).toEqual(normalizeDomain(` ${host}`));
  });

  it('gives what the full path gives, on random hosts (seeded)', () => {
    const unit = fc.constantFrom('a', 'b', 'x', 'n', 'z', '0', '9', '-', '-', '.', '.', 'X', '_');
    let plain = 0;
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 24 }), fc.constantFrom('', '.com', '.co.uk', '.xn--p1ai', '.github.io'), (s, tail) => {
        const host = s + tail;
        if (isPlainLowerHost(host)) plain++;
        for (const options of [undefined, { privateSuffixes: false }]) {
          expect(normalizeDomain(host, options)).toEqual(normalizeDomain(` ${host}`, options));
        }
      }),
      { seed: 7177, numRuns: 5000 },
    );
    expect(plain).toBeGreaterThan(500);
  });
});

// The detector looks a host up by this form before normalizing it (check-sender.ts).
describe('lowerAsciiHost', () => {
  it.each([
    { description: 'lowercase ASCII is returned as it is', text: 'contoso.com', expected: 'contoso.com' },
    { description: 'ASCII capitals are lowercased', text: 'Contoso.COM', expected: 'contoso.com' },
    { description: 'digits and hyphens stay', text: 'Mail-2.Northwind.co.uk', expected: 'mail-2.northwind.co.uk' },
    { description: 'a trailing dot stays (normalizeDomain removes it)', text: 'CONTOSO.COM.', expected: 'contoso.com.' },
    { description: 'non-ASCII text is left to UTS #46, capitals and all', text: 'MÜNCHEN.de', expected: 'MÜNCHEN.de' },
    { description: 'the Kelvin sign is not ASCII: left as written', text: '\u212Aontoso.com', expected: '\u212Aontoso.com' },
    { description: 'an A-label with capitals is lowercased like any ASCII', text: 'XN--Bcher-kva.example', expected: 'xn--bcher-kva.example' },
  ])('$description', ({ text, expected }) => {
    expect(lowerAsciiHost(text)).toBe(expected);
  });

  it('agrees with UTS #46 on ASCII hosts: the lowercased form is what normalizeDomain gives', () => {
    const unit = fc.constantFrom(...'abcXYZ019-'.split(''));
    const label = fc.string({ unit, minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(label, { minLength: 2, maxLength: 4 }), (labels) => {
        const host = labels.join('.');
        const r = normalizeDomain(host);
        if (r.ok) expect(lowerAsciiHost(host)).toBe(r.ascii);
      }),
      { seed: 4646, numRuns: 2000 },
    );
  });
});

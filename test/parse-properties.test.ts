import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEncodedWords, LIMITS, parseSender, type ParseResult } from '../src/parse';
import { parseBare } from '../src/parse/fast-path';
import { parseHeader } from '../src/parse/parse-header';

const SEED = 42;
const INVALID_CODES = ['empty', 'too-long', 'unparseable', 'no-domain', 'invalid-domain', 'invalid-local-part', 'ip-literal'];

/** Structural invariants every result must satisfy, whatever the input. */
function checkWellFormed(result: ParseResult): void {
  if (!result.ok) {
    expect(INVALID_CODES).toContain(result.code);
    expect(typeof result.message).toBe('string');
    expect(result.message.length).toBeGreaterThan(0);
    return;
  }
  expect(['header', 'address', 'domain']).toContain(result.form);
  expect(result.mailboxes.length).toBeGreaterThan(0);
  for (const m of result.mailboxes) {
    expect(typeof m.domain).toBe('string');
    expect(m.domain.length).toBeGreaterThan(0);
    expect(m.domain.length).toBeLessThanOrEqual(LIMITS.maxDomain);
    expect(typeof m.ipLiteral).toBe('boolean');
    if (m.ipLiteral) expect(m.domain.startsWith('[') && m.domain.endsWith(']')).toBe(true);
    if (result.form === 'domain') expect(m.localPart).toBeUndefined();
    else {
      expect(typeof m.localPart).toBe('string');
      expect((m.localPart ?? '').length).toBeLessThanOrEqual(LIMITS.maxLocalPart);
    }
    if (m.displayName !== undefined) {
      expect(m.displayName.length).toBeGreaterThan(0);
      // Only ASCII whitespace is trimmed and collapsed; Unicode spaces are kept for the normalize stage.
      expect(m.displayName).not.toMatch(/^[\t\n\r ]|[\t\n\r ]$|[\t\r\n]| {2}/u);
    }
  }
}

/** Fragments that exercise every branch of the RFC 5322 lexer and parser. */
const PIECES = [
  '"', '\\', '(', ')', '<', '>', '@', ',', ';', ':', '.', '[', ']', ' ', '\t', '\r\n ', '\r\n', '=?utf-8?Q?', '=?utf-8?B?',
  '=?x?q?', '?=', '?', '=', '_', '=C3=A9', 'w6k=', 'a', 'Zoë', 'ана', 'x.com', 'From:', 'from :', '\u0000', '\u0007', '\u007f',
  '\ud800', '\udc00', '\u200b', '\u202e', 'IPv6:', '::1', '192.0.2.1', '"Ana"', '(c)', 'ap@contoso.com', '<ap@contoso.com>',
  'Team:', 'xn--80ak6aa92e', '*', '\u00a0',
];
const shapedGarbage = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

describe('parseSender never throws and returns a well-formed result', () => {
  it('on arbitrary UTF-16 strings, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        checkWellFormed(parseSender(s));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('on arbitrary grapheme strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        checkWellFormed(parseSender(s));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('on RFC 5322-shaped garbage', () => {
    fc.assert(
      fc.property(shapedGarbage, (s) => {
        checkWellFormed(parseSender(s));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('on RFC 5322-shaped garbage repeated up to the input cap', () => {
    // No time bound here (timed tests flake on shared machines): `npm run fuzz:long` records the
    // slowest input per category, and the parser's cost is benchmarked in bench/.
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }), (parts) => {
        const unit = parts.join('');
        const input = unit.repeat(Math.ceil(LIMITS.maxInput / unit.length)).slice(0, LIMITS.maxInput);
        checkWellFormed(parseSender(input));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

/** What a simple `local@domain` must parse to, from the RFC 5321 limits alone. */
function expectedForAddress(address: string): ParseResult {
  const at = address.lastIndexOf('@');
  const localPart = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (localPart.length > LIMITS.maxLocalPart || address.length > LIMITS.maxAddress || domain.length > LIMITS.maxDomain) {
    return { ok: false, code: 'too-long', message: '' };
  }
  return { ok: true, form: 'address', mailboxes: [{ localPart, domain, ipLiteral: false }] };
}

function sameOutcome(actual: ParseResult, expected: ParseResult): void {
  if (expected.ok) expect(actual).toStrictEqual(expected);
  else expect(actual).toMatchObject({ ok: false, code: expected.code });
}

/** collapse and trim ASCII whitespace, as the parse contract says display names are. */
function collapse(s: string): string {
  return s.replace(/[\t\n\r ]+/gu, ' ').trim();
}

describe('valid simple addresses round-trip', () => {
  it('a generated local@domain parses to that local part and domain', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        sameOutcome(parseSender(address), expectedForAddress(address));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('the same address inside a From: header, an angle address or with a trailing comment', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        const expected = expectedForAddress(address);
        for (const wrapped of [`From: ${address}`, `<${address}>`, `  ${address}\r\n`, `${address} (note)`]) {
          const actual = parseSender(wrapped);
          if (!expected.ok) expect(actual).toMatchObject({ ok: false, code: 'too-long' });
          else if (!actual.ok) expect.unreachable(`${wrapped}: ${actual.message}`);
          else expect(actual.mailboxes.map((m) => [m.localPart, m.domain])).toStrictEqual(expected.mailboxes.map((m) => [m.localPart, m.domain]));
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('a generated domain parses as form domain, as written', () => {
    fc.assert(
      fc.property(fc.domain(), fc.boolean(), (domain, trailingDot) => {
        const input = trailingDot ? `${domain}.` : domain;
        expect(parseSender(input)).toStrictEqual({ ok: true, form: 'domain', mailboxes: [{ domain: input, ipLiteral: false }] });
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('a quoted display name comes back unescaped and collapsed', () => {
    const nameChar = fc.constantFrom(...'abcXYZ09 éЖ中,.;:<>@()[]\t"\\'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: nameChar, maxLength: 40 }), (name) => {
        const quoted = name.replace(/["\\]/gu, (c) => `\\${c}`);
        const result = parseSender(`"${quoted}" <ana@contoso.com>`);
        const want = collapse(name);
        expect(result).toStrictEqual({
          ok: true,
          form: 'header',
          mailboxes: [want === '' ? { localPart: 'ana', domain: 'contoso.com', ipLiteral: false } : { displayName: want, localPart: 'ana', domain: 'contoso.com', ipLiteral: false }],
        });
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('an unquoted display name of atoms and dots comes back collapsed', () => {
    const nameChar = fc.constantFrom(...'abcXYZ09 éЖ中.\t-'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: nameChar, maxLength: 40 }), (name) => {
        const result = parseSender(`${name} <ana@contoso.com>`);
        const want = collapse(name);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.mailboxes[0]?.displayName).toBe(want === '' ? undefined : want);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('the fast path agrees with the header parser', () => {
  const bareChar = fc.constantFrom(...'abZ09.@-+!=?_é\u0430\u200b'.split(''));
  it('on every input the fast path accepts to handle', () => {
    let handled = 0;
    fc.assert(
      fc.property(fc.string({ unit: bareChar, minLength: 1, maxLength: 80 }), (s) => {
        const fast = parseBare(s);
        if (fast === undefined) return;
        handled++;
        const slow = parseHeader(s, false);
        if (fast.ok) expect(slow).toStrictEqual(fast);
        else expect(slow).toMatchObject({ ok: false, code: fast.code });
      }),
      { seed: SEED, numRuns: 3000 },
    );
    // The comparison must have run on most inputs, or the property proves nothing.
    expect(handled).toBeGreaterThan(1000);
  });
});

/** RFC 2047 encoders for the round-trip properties (test-only; Buffer-free like the library). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
function toQ(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

describe('decodeEncodedWords properties', () => {
  it('never throws on arbitrary strings and shaped garbage', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), shapedGarbage), (s) => {
        expect(typeof decodeEncodedWords(s)).toBe('string');
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('returns text without =? unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        fc.pre(!s.includes('=?'));
        expect(decodeEncodedWords(s)).toBe(s);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('round-trips UTF-8 text split at arbitrary byte boundaries into B and Q words', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.constantFrom('B', 'Q', 'b', 'q'),
        fc.constantFrom(' ', '\r\n ', '\t', '  '),
        (text, cutSeeds, encoding, gap) => {
          const bytes = encoder.encode(text);
          const cuts = [...new Set(cutSeeds.map((c) => c % bytes.length))].filter((c) => c > 0).sort((a, b) => a - b);
          const bounds = [0, ...cuts, bytes.length];
          const words: string[] = [];
          for (let i = 0; i + 1 < bounds.length; i++) {
            const chunk = bytes.subarray(bounds[i], bounds[i + 1]);
            const payload = encoding === 'B' || encoding === 'b' ? toBase64(chunk) : toQ(chunk);
            words.push(`=?UTF-8?${encoding}?${payload}?=`);
          }
          expect(decodeEncodedWords(words.join(gap))).toBe(text);
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

/**
 * Hostile-input generators (fast-check arbitraries) and the well-formedness check of a result,
 * shared by the quick robustness profile (test/robustness-quick.test.ts, in `npm test`) and the long
 * one (eval/fuzz-long.ts, `npm run fuzz:long`). Each category aims at one way input can hurt a
 * parser: size, nesting, encoding, invisible characters, broken standards syntax.
 */

import fc from 'fast-check';
import type { CheckResult, Verdict } from '../src/types';

const VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>(['trusted', 'lookalike', 'impersonation', 'suspicious', 'unknown', 'invalid']);

/** The trusted list the robustness runs check against (small, with contacts and an IDN). */
export const ROBUSTNESS_TRUSTED = [
  'Contoso Ltd <contoso.com>',
  '"Ana Pereira" <ana.pereira@contoso.com>',
  'Okafor, Grace <grace.okafor@fabrikam.com>',
  'fabrikam.com',
  'northwindtraders.co.uk',
  'münchen-bau.de',
  '"Bob Smith" <bob.smith@gmail.com>',
] as const;

/**
 * Why a result is not well formed, or undefined when it is: a known verdict, a finite score in
 * [0, 1], reasons with a code and a sentence, no internal-error reason, a warning with a reason,
 * and a result that survives JSON serialisation.
 */
export function malformation(input: string, r: CheckResult): string | undefined {
  if (r === null || typeof r !== 'object') return 'result is not an object';
  if (!VERDICTS.has(r.verdict)) return `unknown verdict ${String(r.verdict)}`;
  if (typeof r.score !== 'number' || !Number.isFinite(r.score) || r.score < 0 || r.score > 1) return `score ${r.score} out of [0, 1]`;
  if (typeof r.input !== 'string') return 'input is not a string';
  if (!Array.isArray(r.reasons)) return 'reasons is not an array';
  for (const reason of r.reasons) {
    if (typeof reason.code !== 'string' || reason.code === '') return 'reason without a code';
    if (typeof reason.message !== 'string' || reason.message.length < 5) return `reason ${reason.code} without a sentence`;
    if (reason['internal'] === true) return `internal error: ${reason.message}`;
  }
  if (r.verdict !== 'trusted' && r.verdict !== 'unknown' && r.reasons.length === 0) return `${r.verdict} without a reason`;
  if ((r.verdict === 'lookalike' || r.verdict === 'impersonation') && r.match === undefined) return `${r.verdict} without a match`;
  if (r.verdict === 'trusted' && r.score !== 0) return 'trusted with a non-zero score';
  try {
    JSON.stringify(r);
  } catch (error) {
    return `result does not serialise: ${(error as Error).message}`;
  }
  if (input.length > 0 && r.input.length > Math.max(input.length, 1025) + 1) return 'input echoed longer than given';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Building blocks

const LOCALS = ['ap', 'ana.pereira', 'x', 'billing+tag', '"quoted local"', 'a.b.c', ''];
const DOMAINS = ['contoso.com', 'c0ntoso.com', 'fabrikam.com', 'mail.contoso.co.uk', 'xn--fbrikam-2fg.com', 'münchen-bau.de', 'example.org', '[192.0.2.1]', 'localhost', ''];
const NAMES = ['Ana Pereira', '"Pereira, Ana"', 'Contoso Billing', '=?UTF-8?B?QW5hIFBlcmVpcmE=?=', ''];

/** A plausible `From:` value, as a seed for mutation. */
export const validFrom: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...NAMES), fc.constantFrom(...LOCALS), fc.constantFrom(...DOMAINS), fc.constantFrom('name-addr', 'addr-spec', 'domain'))
  .map(([name, local, domain, form]) => (form === 'domain' ? domain : form === 'addr-spec' ? `${local}@${domain}` : `${name} <${local}@${domain}>`));

/** Characters that carry meaning in RFC 5322 header syntax, plus folding whitespace. */
const SPECIALS = ['"', '\\', '<', '>', '(', ')', '[', ']', '@', ',', ';', ':', '.', '=?', '?=', '?', '=', ' ', '\t', '\r\n ', '\r\n', '\n', '\r'];
const ATOMS = ['ana', 'contoso', 'com', 'xn--', 'utf-8', 'B', 'Q', 'QW5h', '=E9', '_', 'IPv6', '192.0.2.1', '::', 'Pereira', '-', '—', 'ö', 'а', 'ο', '\u200b', '\u202e'];

/** RFC 5322-shaped garbage: random sequences of specials, atoms and folding whitespace. */
export const rfc5322Garbage: fc.Arbitrary<string> = fc.array(fc.constantFrom(...SPECIALS, ...ATOMS), { maxLength: 80 }).map((parts) => parts.join(''));

/** Arbitrary Unicode, any code point (astral included), plus single UTF-16 code units (lone surrogates). */
export const anyUnicode: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((units) => String.fromCharCode(...units)),
);

const LONE = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
const CONTROL = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c));

/** Lone surrogates, NUL and C0/C1 controls spliced into plausible senders. */
export const surrogatesAndControls: fc.Arbitrary<string> = fc
  .tuple(validFrom, fc.array(fc.tuple(fc.nat(), fc.oneof(LONE, CONTROL, fc.constant('\u0000'))), { minLength: 1, maxLength: 8 }))
  .map(([s, inserts]) => splice(s, inserts));

/** Bidi controls and invisible characters (UAX #9 explicit formatting, default-ignorables). */
const HIDDEN = [
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u00ad', '\u034f', '\u061c', '\u115f', '\u1160', '\u17b4', '\u180e',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2060', '\u2061', '\u2066', '\u2067', '\u2068', '\u2069', '\u3164',
  '\ufeff', '\uffa0', '\u{e0001}', '\u{e0041}', '\u{1d173}', '\ufe0f',
];
export const bidiAndInvisible: fc.Arbitrary<string> = fc
  .tuple(validFrom, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...HIDDEN)), { minLength: 1, maxLength: 10 }))
  .map(([s, inserts]) => splice(s, inserts));

/** Malformed or hostile punycode (RFC 3492) labels: bad digits, overflow, empty, unencodable results. */
export const badPunycode: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('xn--', 'XN--', 'xn-', 'xn---', 'xn--xn--'),
    fc.oneof(
      fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split('')), maxLength: 70 }),
      fc.constantFrom('', '-', 'a-', '99999999999', 'zzzzzzzzzzz', 'ls8h', 'mnchen-3ya', '80ak6aa92e', 'fbrikam-2fg', 'a'.repeat(63), '9'.repeat(200)),
    ),
    fc.constantFrom('.com', '.de', '', '.xn--p1ai', '.', '.xn--'),
    fc.constantFrom('ap@', '', 'Name <x@'),
  )
  .map(([prefix, body, suffix, before]) => `${before}${prefix}${body}${suffix}${before.includes('<') ? '>' : ''}`);

/** Malformed RFC 2047 encoded words: unknown charsets, bad base64/Q, truncation, nesting. */
export const badEncodedWords: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom('UTF-8', 'utf-8', 'windows-1252', 'ISO-8859-1', 'us-ascii', 'x-unknown', '', 'UTF-8*en', 'utf-16', 'koi8-r'),
        fc.constantFrom('B', 'Q', 'b', 'q', 'X', ''),
        fc.oneof(
          fc.string({ unit: fc.constantFrom(...'ABCabc0123+/=_?=%QW5h '.split('')), maxLength: 60 }),
          fc.base64String({ maxLength: 80 }),
          fc.constantFrom('=E9', '=ZZ', '=', '====', '=?=?=?', '?', '', '\u0000', 'QW5hIFBlcmVpcmE='),
        ),
        fc.constantFrom('?=', '', '?', '?=?='),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    fc.constantFrom(' <ap@contoso.com>', ' <x@gmail.com>', '', ' ap@contoso.com'),
  )
  .map(([words, addr]) => words.map(([cs, enc, text, end]) => `=?${cs}?${enc}?${text}${end}`).join(' ') + addr);

/** Large and deeply nested shapes (sizes up to `max` repetitions). */
export function hugeShapes(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('(', '@', '"', '<', '\\', '.', 'a', ',', '=?utf-8?q?a?= ', 'xn--', '\u200b', '\u0430', '((a)', '"\\"', 'a@b.c,'), fc.integer({ min: 1, max }), fc.constantFrom('prefix', 'suffix', 'wrap'))
    .map(([unit, n, where]) => {
      const body = unit.repeat(n);
      return where === 'prefix' ? `${body}ap@contoso.com` : where === 'suffix' ? `ap@contoso.com${body}` : `"Ana Pereira" <${body}@${body}contoso.com>`;
    });
}

/** Random edits (insert, delete, duplicate) of a plausible sender. */
export const mutatedValid: fc.Arbitrary<string> = fc
  .tuple(validFrom, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ unit: 'binary', maxLength: 3 })), { minLength: 1, maxLength: 6 }))
  .map(([s, edits]) => {
    let out = s;
    for (const [pos, op, text] of edits) {
      const p = out.length === 0 ? 0 : pos % (out.length + 1);
      if (op === 0) out = out.slice(0, p) + text + out.slice(p);
      else if (op === 1) out = out.slice(0, p) + out.slice(p + 1);
      else if (op === 2) out = out.slice(0, p) + out.slice(p, p + 4).repeat(3) + out.slice(p + 4);
      else out = out.slice(0, p) + out.slice(p).toUpperCase();
    }
    return out;
  });

function splice(s: string, inserts: readonly (readonly [number, string])[]): string {
  let out = s;
  for (const [pos, ch] of inserts) {
    const p = out.length === 0 ? 0 : pos % (out.length + 1);
    out = out.slice(0, p) + ch + out.slice(p);
  }
  return out;
}

/**
 * Output bound: a result's JSON may not exceed 64 KiB plus 16 characters per input character. A
 * hostile sender must not turn a few kilobytes into megabytes of reasons (an amplification that
 * would flood `scan` output and the caller's logs).
 */
export function amplification(input: string, r: CheckResult): string | undefined {
  const size = JSON.stringify(r).length;
  const bound = 65_536 + 16 * input.length;
  return size > bound ? `result JSON is ${size} characters for ${input.length} of input (bound ${bound}); ${r.reasons.length} reasons` : undefined;
}

/** The named categories, with the size bound of `hugeShapes` for the profile. */
export function categories(hugeMax: number): readonly { readonly name: string; readonly arb: fc.Arbitrary<string> }[] {
  return [
    { name: 'arbitrary Unicode', arb: anyUnicode },
    { name: 'RFC 5322-shaped garbage', arb: rfc5322Garbage },
    { name: 'mutated valid senders', arb: mutatedValid },
    { name: 'lone surrogates, NUL, controls', arb: surrogatesAndControls },
    { name: 'bidi and invisible characters', arb: bidiAndInvisible },
    { name: 'malformed punycode', arb: badPunycode },
    { name: 'malformed encoded words', arb: badEncodedWords },
    { name: 'huge and nested shapes', arb: hugeShapes(hugeMax) },
  ];
}

/** Fixed extremes named in issue 5, built on demand (some are megabytes). */
export const EXTREMES: readonly { readonly description: string; readonly build: () => string }[] = [
  { description: '1 MB header of a repeated name-addr list', build: () => '"Ana Pereira" <ana.pereira@contoso.com>, '.repeat(26_000) },
  { description: '1 MB single atom', build: () => 'a'.repeat(1_048_576) },
  { description: '1 MB of folding whitespace', build: () => ' \r\n'.repeat(350_000) + 'ap@contoso.com' },
  { description: '10,000 nested comments', build: () => `${'('.repeat(10_000)}x${')'.repeat(10_000)} ap@contoso.com` },
  { description: '10,000 unclosed comments', build: () => `ap@contoso.com ${'('.repeat(10_000)}` },
  { description: 'thousands of @', build: () => `${'@'.repeat(5_000)}contoso.com` },
  { description: 'thousands of @ between letters', build: () => 'a@'.repeat(5_000) + 'contoso.com' },
  { description: '10,000 mailboxes in one header', build: () => Array.from({ length: 10_000 }, (_, i) => `u${i}@c${i % 50}ntoso.com`).join(', ') },
  { description: '2,700 mailboxes in a 16 KB header (under the input cap)', build: () => `${'a@b.c,'.repeat(2_700)}ap@contoso.com` },
  { description: '10,000 encoded words', build: () => `${'=?UTF-8?B?QW5h?= '.repeat(10_000)}<ap@gmail.com>` },
  { description: '10,000 nested groups', build: () => `${'g:'.repeat(10_000)}ap@contoso.com${';'.repeat(10_000)}` },
  { description: 'domain of 127 labels', build: () => `ap@${'a.'.repeat(126)}contoso.com` },
  { description: 'label of 10,000 characters', build: () => `ap@${'c'.repeat(10_000)}.com` },
  { description: '100,000 dots', build: () => `ap@${'.'.repeat(100_000)}` },
  { description: '100,000 backslashes in a quoted string', build: () => `"${'\\'.repeat(100_000)}" <ap@contoso.com>` },
  { description: '10,000 lone surrogates', build: () => '\ud800'.repeat(10_000) + '@contoso.com' },
  { description: '10,000 NUL characters', build: () => `ap@contoso.com${'\u0000'.repeat(10_000)}` },
  { description: '10,000 bidi overrides in the domain', build: () => `ap@con${'\u202e'.repeat(10_000)}toso.com` },
  { description: '10,000 zero-width spaces in the display name', build: () => `"Ana${'\u200b'.repeat(10_000)} Pereira" <x@gmail.com>` },
  { description: '240 soft hyphens inside a trusted domain (under the 255 limit)', build: () => `ap@con${'\u00ad'.repeat(240)}toso.com` },
  { description: 'punycode label of 10,000 digits', build: () => `ap@xn--${'9'.repeat(10_000)}.com` },
  { description: 'address literal of 100,000 characters', build: () => `ap@[${'1'.repeat(100_000)}]` },
];

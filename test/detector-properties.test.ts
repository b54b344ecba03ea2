import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../src/detector';
import { normalizeDomain } from '../src/normalize';
import type { CheckResult } from '../src/types';
import { detector } from './helpers/detector';

const require = createRequire(import.meta.url);
const common: string[] = require('email-providers/common.json');

const VERDICTS = ['trusted', 'lookalike', 'impersonation', 'suspicious', 'unknown', 'invalid'];

function wellFormed(r: CheckResult): void {
  expect(VERDICTS).toContain(r.verdict);
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(1);
  for (const reason of r.reasons) {
    expect(typeof reason.code).toBe('string');
    expect(typeof reason.message).toBe('string');
    expect(reason['internal']).toBeUndefined();
  }
  if (r.verdict === 'lookalike' || r.verdict === 'impersonation') expect(r.match).toBeDefined();
  // Each technique is reported once, however many routes found it.
  expect(new Set(r.reasons.map((x) => JSON.stringify(x))).size).toBe(r.reasons.length);
  JSON.stringify(r);
}

// Pieces that make RFC 5322-shaped garbage likelier to reach deep code paths.
const piece = fc.constantFrom(
  '"', '<', '>', '(', ')', '\\', ',', ';', ':', '@', '.', ' ', '\r\n ', '=?utf-8?B?', '=?x?Q?=E9', '?=', 'xn--', 'xn--zz',
  '\u200b', '\u202e', '\u0000', '\ud800', 'а', 'ο', '0', 'contoso', 'com', 'co.uk', '[', ']', 'IPv6:', '-', '+tag',
);

describe('check on hostile input (quick profile)', () => {
  it('never throws and returns a well-formed result on arbitrary Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => wellFormed(detector.check(s))),
      { seed: 20261127, numRuns: 1500 },
    );
  });

  it('never throws on RFC 5322-shaped garbage', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (s) => wellFormed(detector.check(s))),
      { seed: 5322, numRuns: 2000 },
    );
  });

  it('handles huge and deeply nested inputs without hanging', () => {
    for (const s of [
      'a'.repeat(1_000_000),
      `${'('.repeat(10_000)}a@contoso.com`,
      '@'.repeat(5_000),
      `"${'\\'.repeat(9_000)}" <a@b.com>`,
      `${'=?utf-8?B?QQ==?= '.repeat(900)}<a@c0ntoso.com>`,
      `x@${'a.'.repeat(120)}com`,
      `x@${'\u200b'.repeat(200)}contoso.com`,
    ]) {
      wellFormed(detector.check(s));
    }
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }).map((a) => a.join('')), (s) => {
        expect(JSON.stringify(detector.check(s))).toBe(JSON.stringify(detector.check(s)));
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

describe('trusted entries are trusted', () => {
  // Provider domains that are themselves registrable (a few, like web.id, are public suffixes).
  const domains = common
    .filter((d) => {
      const n = normalizeDomain(d);
      return n.ok && n.registrableDomain === n.unicode;
    })
    .filter((_, i) => i % 3 === 0)
    .slice(0, 100);
  const many = createDetector(domains);

  it('every trusted domain, and an address there, checks as trusted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...domains), fc.constantFrom('', 'ap@', 'Billing <b+x@', 'mail.'), (d, prefix) => {
        const sender = prefix.startsWith('Billing') ? `${prefix}${d}>` : `${prefix}${d}`;
        expect(many.check(sender).verdict).toBe('trusted');
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('trusting a list never changes the verdict of its own entries (upper case, trailing dot)', () => {
    for (const d of domains) expect(many.check(`${d.toUpperCase()}.`).verdict).toBe('trusted');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingMessage, toReason, type ExplainContext } from '../src/explain';
import { compareLabels, type Finding } from '../src/score';
import { describeText } from '../src/skeleton';
import type { TrustedEntry } from '../src/types';
import { referenceChars, referenceToReason } from './helpers/explain-reference';
import { detector } from './helpers/detector';

const entry = detector.entries.find((e) => e.domain === 'contoso.com') as TrustedEntry;

// Findings as the detector makes them: comparisons of lookalikes, plus the other techniques' shapes.
const PAIRS: [string, string][] = [
  ['cоntoso', 'contoso'], ['cöntoso', 'contoso'], ['rnicrosoft', 'microsoft'], ['paypaI', 'paypall'], ['micro-soft', 'microsoft'],
  ['mmicrosoft', 'microsoft'], ['cnotoso', 'contoso'], ['wellsfargp', 'wellsfargo'], ['аррӏе', 'apple'], ['αpple', 'apple'], ['ϲоntоѕо', 'contoso'],
  ['𝐜ontoso', 'contoso'], ['drоpbox', 'dropbox'], ['paypel', 'paypal'], ['contosso', 'contoso'], ['cotoso', 'contoso'],
];
const OTHER: Finding[] = [
  { code: 'tld-swap', detail: { suffix: 'net', trustedSuffix: 'com' } },
  { code: 'tld-swap', detail: { suffix: 'net', trustedSuffix: 'com', hyphenated: 'com' } },
  { code: 'combo', detail: { core: 'contoso', prefixWords: ['secure'], suffixWords: ['billing'], hyphenated: true } },
  { code: 'mixed-script', detail: { label: 'cоntoso', scripts: ['Cyrillic', 'Latin'] } },
  { code: 'subdomain-embedding', detail: { token: 'contoso', where: 'subdomain', registrableDomain: 'evil.net' } },
  { code: 'dot-insertion', detail: { positions: [4], joined: 'contoso' } },
  { code: 'display-name', detail: { displayName: 'Contoso', claims: 'brand', brand: 'Contoso', trustedDomain: 'contoso.com' } },
];
const FINDINGS: Finding[] = [...PAIRS.flatMap(([s, t]) => { const c = compareLabels(s, t); return [...c.visual, ...c.typos]; }), ...OTHER];

describe('toReason', () => {
  const contexts: { description: string; ctx: ExplainContext }[] = [
    { description: 'with the trusted entry', ctx: { senderDomain: 'cоntoso.com', entry } },
    { description: 'without an entry', ctx: { senderDomain: 'cоntoso.com' } },
  ];

  it.each(contexts)('is byte-identical to the original on realistic findings ($description)', ({ ctx }) => {
    expect(FINDINGS.length).toBeGreaterThan(30);
    for (const f of FINDINGS) {
      expect(JSON.stringify(toReason(f, ctx))).toBe(JSON.stringify(referenceToReason(f, ctx.entry, findingMessage(f, ctx))));
    }
  });

  it.each([
    { description: 'a detail naming code and message does not override them', detail: { code: 'x', message: 'y', position: 1 } },
    { description: 'an unset trustedDomain is filled in place', detail: { trustedDomain: undefined, position: 2, char: 'a' } },
    { description: 'a null trustedDomain is filled in place', detail: { position: 2, trustedDomain: null, char: 'a' } },
    { description: 'a set trustedDomain is kept', detail: { trustedDomain: 'other.example', position: 2 } },
    { description: 'integer-like keys keep their engine order', detail: { char: 'a', 2: 'two', position: 0, 1: 'one' } },
  ])('$description', ({ detail }) => {
    const f: Finding = { code: 'omission', detail };
    const ctx = { senderDomain: 'contso.com', entry };
    const reason = toReason(f, ctx);
    expect(JSON.stringify(reason)).toBe(JSON.stringify(referenceToReason(f, entry, findingMessage(f, ctx))));
    expect(Object.keys(reason)).toEqual(Object.keys(referenceToReason(f, entry, findingMessage(f, ctx))));
  });

  it('inherited fields of a detail are not copied, as with spread', () => {
    const detail = Object.create({ inherited: true }) as Record<string, unknown>;
    detail['position'] = 0;
    const reason = toReason({ code: 'omission', detail }, { senderDomain: 'contso.com' }) as unknown as Record<string, unknown>;
    expect(Object.keys(reason)).toEqual(['code', 'message', 'position']);
  });
});

describe('homoglyph and diacritic sentences', () => {
  it.each([
    { description: 'one Cyrillic letter', sender: 'cоntoso', expected: "cоntoso.com uses Cyrillic 'о' (U+043E) where trusted contoso.com has Latin 'o' (U+006F), which look alike." },
    { description: 'a pair for one letter', sender: 'rnicrosoft', trusted: 'microsoft', expected: "rnicrosoft.com uses Latin 'rn' (U+0072 U+006E) where trusted contoso.com has Latin 'm' (U+006D), which look alike." },
    { description: 'an accent', sender: 'cöntoso', expected: "cöntoso.com uses the accented Latin 'ö' (U+00F6) where trusted contoso.com has plain Latin 'o' (U+006F)." },
  ])('$description', ({ sender, trusted, expected }) => {
    const [f] = compareLabels(sender, trusted ?? 'contoso').visual;
    expect(findingMessage(f!, { senderDomain: `${sender}.com`, entry })).toBe(expected);
  });

  it('name the script only when all characters share it, as the original did', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'о', 'ο', '1', '-', '𝐚', '\u0301', 'ö'), minLength: 0, maxLength: 5 });
    fc.assert(
      fc.property(text, text, (s, t) => {
        const f: Finding = { code: 'homoglyph', detail: { senderChars: describeText(s), trustedChars: describeText(t) } };
        const ctx = { senderDomain: 'x.com', entry };
        expect(findingMessage(f, ctx)).toBe(`x.com uses ${referenceChars(describeText(s))} where trusted contoso.com has ${referenceChars(describeText(t))}, which look alike.`);
      }),
      { seed: 41, numRuns: 1000 },
    );
  });
});

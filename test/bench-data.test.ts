import fc from 'fast-check';
import levenshtein from 'fast-levenshtein';
import { describe, expect, it } from 'vitest';
import { parseSender } from '../src/parse';
import { floorCheck, naiveCheck } from '../bench/baselines';
import {
  CONTACT_SHARE,
  domainPool,
  homoglyphLookalike,
  MIXED_SHARES,
  mulberry32,
  Rng,
  scanLines,
  senderStreams,
  STREAM_GROUPS,
  trustedList,
  typoEdit,
  typoLookalike,
} from '../bench/data';

const list = trustedList(1000);
const streams = senderStreams(list, 2000);

describe('bench data: determinism', () => {
  it('mulberry32 gives the same sequence for the same seed and another for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('the same size always gives the same list and streams', () => {
    expect(trustedList(1000)).toEqual(list);
    expect(senderStreams(trustedList(1000), 2000)).toEqual(streams);
  });

  it('lists are prefixes of each other: the list of 100 is the start of the list of 1,000', () => {
    expect(trustedList(100).domains).toEqual(list.domains.slice(0, 100));
  });
});

describe('bench data: trusted lists', () => {
  const pool = domainPool();

  it('the pool holds 100,000 trusted candidates and outsiders that are never trusted', () => {
    expect(pool.trusted).toHaveLength(100_000);
    expect(pool.outsiders.length).toBeGreaterThan(10_000);
    const trusted = new Set(pool.trusted.map((d) => d.domain));
    expect(pool.outsiders.some((d) => trusted.has(d.domain))).toBe(false);
    expect(trusted.size).toBe(100_000);
  });

  it('every pool domain has a label and suffix that rebuild it', () => {
    for (const d of pool.trusted.slice(0, 5000)) {
      expect(d.domain.endsWith(`${d.label}.${d.suffix}`)).toBe(true);
      expect(d.label).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('has one entry per domain, one in twenty written as a contact with a display name', () => {
    expect(list.entries).toHaveLength(1000);
    expect(list.contacts).toHaveLength(1000 * CONTACT_SHARE);
    const contactEntries = list.entries.filter((e) => e.startsWith('"'));
    expect(contactEntries).toHaveLength(list.contacts.length);
    for (const c of list.contacts) expect(list.entries).toContain(`"${c.name}" <${c.address}>`);
  });

  it('refuses a size beyond the pool', () => {
    expect(() => trustedList(100_001)).toThrow(RangeError);
  });
});

describe('bench data: sender streams', () => {
  it('every group has the requested number of senders', () => {
    for (const g of STREAM_GROUPS) expect(streams[g]).toHaveLength(2000);
  });

  it('clean senders are plain ASCII addresses, about half at trusted domains', () => {
    const trusted = new Set(list.domains.map((d) => d.domain));
    let atTrusted = 0;
    for (const s of streams.clean) {
      expect(s).toMatch(/^[\x21-\x7e]+@[A-Za-z0-9.-]+$/);
      const host = s.slice(s.indexOf('@') + 1).toLowerCase();
      if (trusted.has(host) || [...trusted].some((t) => host.endsWith(`.${t}`) && host.split('.').length === t.split('.').length + 1)) atTrusted++;
    }
    expect(atTrusted / streams.clean.length).toBeGreaterThan(0.4);
    expect(atTrusted / streams.clean.length).toBeLessThan(0.6);
  });

  it('typo senders never use a trusted domain as is', () => {
    const trusted = new Set(list.domains.map((d) => d.domain));
    for (const s of streams.typo) expect(trusted.has(s.slice(s.indexOf('@') + 1).toLowerCase())).toBe(false);
  });

  it('homoglyph senders are mostly non-ASCII or A-labels', () => {
    const unicodeOrPuny = streams.homoglyph.filter((s) => /[^\x00-\x7f]/.test(s) || s.toLowerCase().includes('xn--'));
    expect(unicodeOrPuny.length / streams.homoglyph.length).toBeGreaterThan(0.6);
  });

  it('header senders carry display names, encoded words and the From: field name', () => {
    expect(streams.header.every((s) => s.includes('<') && s.includes('>'))).toBe(true);
    expect(streams.header.some((s) => s.includes('=?UTF-8?B?'))).toBe(true);
    expect(streams.header.some((s) => s.includes('=?ISO-8859-1?Q?'))).toBe(true);
    expect(streams.header.some((s) => s.startsWith('From: '))).toBe(true);
    // some impersonate a trusted contact's name
    const names = new Set(list.contacts.map((c) => c.name));
    expect(streams.header.some((s) => [...names].some((n) => s.includes(`"${n}"`)))).toBe(true);
  });

  it('only the impersonating quarter of the header stream uses trusted contacts\' names, however many contacts the list has', () => {
    // 1,500 contacts: more than the 600 first × last name pairs they are drawn from, as at 100,000 entries.
    const big = trustedList(30_000);
    const contactNames = new Set(big.contacts.map((c) => c.name));
    expect(contactNames.size).toBeGreaterThan(500);
    const header = senderStreams(big, 2000).header;
    let claims = 0;
    for (const value of header) {
      const parsed = parseSender(value);
      expect(parsed.ok).toBe(true);
      if (parsed.ok && parsed.mailboxes.some((m) => m.displayName !== undefined && contactNames.has(m.displayName))) claims++;
    }
    // A quarter impersonate and a twentieth are the contacts themselves (bench/data.ts).
    expect(claims / header.length).toBeGreaterThan(0.25);
    expect(claims / header.length).toBeLessThan(0.35);
  });

  it('the mixed stream follows the documented shares', () => {
    const from = new Map<string, Set<string>>(Object.keys(MIXED_SHARES).map((g) => [g, new Set(streams[g as keyof typeof MIXED_SHARES])]));
    for (const [g, share] of Object.entries(MIXED_SHARES)) {
      const n = streams.mixed.filter((s) => from.get(g)!.has(s)).length;
      expect(Math.abs(n / streams.mixed.length - share)).toBeLessThan(0.04);
    }
  });

  it('scan lines: the requested count, one sender per line, without line breaks', () => {
    const lines = [...scanLines(trustedList(100), 25_000)];
    expect(lines).toHaveLength(25_000);
    expect(lines.some((l) => /[\r\n]/.test(l))).toBe(false);
    // the lines past the base stream are varied, not copies
    expect(new Set(lines).size).toBeGreaterThan(20_000);
  });
});

describe('bench data: lookalike generators', () => {
  const label = fc.stringMatching(/^[a-z][a-z0-9]{2,14}$/);

  it('typoEdit makes one edit: different, within Levenshtein distance 2 (a swap counts 2)', () => {
    fc.assert(
      fc.property(label, fc.integer(), (l, seed) => {
        const out = typoEdit(new Rng(seed), l);
        expect(out).not.toBe(l);
        expect(levenshtein.get(out, l)).toBeLessThanOrEqual(2);
        expect(out.startsWith('-') || out.endsWith('-')).toBe(false);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('typoLookalike never returns the domain itself', () => {
    fc.assert(
      fc.property(label, fc.constantFrom('com', 'co.uk', 'de', 'net'), fc.integer(), (l, suffix, seed) => {
        expect(typoLookalike(new Rng(seed), { domain: `${l}.${suffix}`, label: l, suffix })).not.toBe(`${l}.${suffix}`);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('homoglyphLookalike differs from the domain and keeps its suffix', () => {
    fc.assert(
      fc.property(label, fc.integer(), (l, seed) => {
        const out = homoglyphLookalike(new Rng(seed), { domain: `${l}.com`, label: l, suffix: 'com' });
        if (out === undefined) return;
        expect(out).not.toBe(`${l}.com`);
        expect(out.endsWith('.com')).toBe(true);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('bench baselines', () => {
  const trusted = ['contoso.com', 'fabrikam.co.uk', 'wingtiptoys.com'];

  it.each([
    { description: 'an exact trusted domain', sender: 'Ana@Contoso.com', expected: 0 },
    { description: 'a header with a trusted domain', sender: '"Ana" <ana@contoso.com>', expected: 0 },
    { description: 'a one-letter typo', sender: 'ana@contosso.com', expected: 1 },
    { description: 'two edits', sender: 'ana@cantosso.com', expected: 1 },
    { description: 'an unrelated domain', sender: 'bob@example.org', expected: 2 },
  ])('naive loop: $description', ({ sender, expected }) => {
    expect(naiveCheck(sender, trusted)).toBe(expected);
  });

  it.each([
    { description: 'a trusted label through the PSL', sender: 'Ana@mail.Contoso.com', expected: 0 },
    { description: 'a multi-label suffix', sender: 'x@fabrikam.co.uk', expected: 1 },
    { description: 'an unknown label', sender: 'x@example.org', expected: -1 },
    { description: 'no registrable domain', sender: 'x@co.uk', expected: -1 },
  ])('floor: $description', ({ sender, expected }) => {
    const labels = new Map([['contoso', 0], ['fabrikam', 1]]);
    expect(floorCheck(sender, labels)).toBe(expected);
  });
});

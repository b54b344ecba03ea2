import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { normalizeDomain } from '../src/normalize';
import { checkSender } from '../src/detector';
import { compileTrustedList } from '../src/trust-index';
import { StringTable } from '../src/trust-index/string-table';

const require = createRequire(import.meta.url);
const disposable: string[] = require('disposable-email-domains');

// 2,000 real registrable domains, deterministic.
const trusted = disposable
  .filter((_, i) => i % 53 === 0)
  .filter((d) => {
    const n = normalizeDomain(d);
    return n.ok && n.registrableDomain === n.unicode;
  })
  .slice(0, 2000);
const fast = compileTrustedList(trusted);
const reference = compileTrustedList(trusted, { reference: true });

const swaps: Record<string, string> = { o: '0', l: '1', a: 'а', e: 'е', i: 'і', m: 'rn', w: 'vv', d: 'cl' };
const mutate = (s: string, ops: readonly number[]): string => {
  let out = s;
  for (const op of ops) {
    const p = op % Math.max(1, out.length);
    const c = out[p] ?? '';
    switch (op % 6) {
      case 0: out = out.slice(0, p) + out.slice(p + 1); break;
      case 1: out = `${out.slice(0, p)}x${out.slice(p)}`; break;
      case 2: out = `${out.slice(0, p)}${swaps[c] ?? 'q'}${out.slice(p + 1)}`; break;
      case 3: out = out.slice(0, p) + (out[p + 1] ?? '') + c + out.slice(p + 2); break;
      case 4: out = `${out.slice(0, p)}-${out.slice(p)}`; break;
      default: out = `${out}-invoices`;
    }
  }
  return out;
};

describe('index vs brute-force reference (whole detector)', () => {
  it('returns identical results for mutated trusted domains and random senders', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: trusted.length - 1 }),
        fc.array(fc.nat(10_000), { maxLength: 3 }),
        fc.constantFrom('', 'ap@', '"Billing" <ap@'),
        (i, ops, prefix) => {
          const d = trusted[i]!;
          const dot = d.indexOf('.');
          const host = mutate(d.slice(0, dot), ops) + d.slice(dot);
          const sender = prefix.startsWith('"') ? `${prefix}${host}>` : `${prefix}${host}`;
          const result = checkSender(fast, sender);
          expect(result).toEqual(checkSender(reference, sender));
          // Each technique once, however many routes found it.
          expect(new Set(result.reasons.map((x) => JSON.stringify(x))).size).toBe(result.reasons.length);
        },
      ),
      { seed: 777, numRuns: 1500 },
    );
  });

  it('returns identical results for a label trusted under another suffix, with neighbours trusted under the sender\'s', () => {
    // The sender's label is trusted as written under another suffix (similarity 0.9): from 8 letters
    // on, the typo query runs only for hits that can beat that (one edit up to 17 letters, two beyond,
    // analyze-domain.ts). Trusted neighbours of one and two edits under the sender's own suffix are the
    // hits it may or may not skip; the reference runs the full query.
    const labels = trusted.map((d) => d.slice(0, d.indexOf('.'))).filter((l) => l.length >= 8 && l.length <= 24 && /^[a-z0-9-]+$/.test(l));
    expect(labels.filter((l) => l.length >= 18).length).toBeGreaterThan(5);
    let lookalikes = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: labels.length - 1 }),
        fc.array(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('net', 'org', 'co.uk', 'io'),
        (i, edits, suffix) => {
          const label = labels[i]!;
          const home = trusted.find((d) => d.startsWith(`${label}.`))!;
          if (home.endsWith(`.${suffix}`)) return;
          const neighbours = edits.map((ops) => `${mutate(label, ops)}.${suffix}`).filter((d) => {
            const n = normalizeDomain(d);
            return n.ok && n.registrableDomain === n.unicode && !n.unicode.startsWith(`${label}.`);
          });
          const list = [home, ...neighbours, ...trusted.slice(0, 50)];
          const sender = `ap@${label}.${suffix}`;
          const result = checkSender(compileTrustedList(list), sender);
          const expected = checkSender(compileTrustedList(list, { reference: true }), sender);
          expect(result).toEqual(expected);
          // The label's hits precomputed (large lists do so: ./label-hits.ts) give the same.
          expect(checkSender(compileTrustedList(list, { labelHits: true }), sender)).toEqual(expected);
          if (result.verdict === 'lookalike') lookalikes++;
        },
      ),
      { seed: 2611, numRuns: 400 },
    );
    expect(lookalikes).toBeGreaterThan(300);
  });

  it('returns identical results on a list whose skeletons sit in a StringTable (tags: label id, own skeleton, ASCII) and whose labels\' hits are precomputed', () => {
    // Large enough for the skeleton table (skeleton-tag.ts), with labels that share a skeleton
    // (modern/modem: the tag is 0), labels that are their own skeleton and labels that are not.
    const list = [...trusted, ...disposable.filter((_, i) => i % 53 === 7).slice(0, 600), 'modern.com', 'modem.net', 'bücher.de', 'northwind.com'];
    // With each label's typo hits precomputed too (./label-hits.ts; large lists do so).
    const big = compileTrustedList(list, { labelHits: true });
    const bigReference = compileTrustedList(list, { reference: true });
    expect(big.skeletonTable).toBeDefined();
    expect(big.labelHits).toBeDefined();
    const hosts = list.filter((d) => !d.includes('@'));
    let lookalikes = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: hosts.length - 1 }),
        fc.array(fc.nat(10_000), { maxLength: 2 }),
        // Same suffix (trusted, or a homoglyph of it), or another one (tld-swap).
        fc.constantFrom('', '.net', '.co', '.org'),
        (i, ops, suffix) => {
          const d = hosts[i]!;
          const dot = d.indexOf('.');
          const label = mutate(d.slice(0, dot), ops.filter((op) => op % 6 === 2));
          const sender = `ap@${label}${suffix === '' ? d.slice(dot) : suffix}`;
          const result = checkSender(big, sender);
          expect(result, sender).toEqual(checkSender(bigReference, sender));
          if (result.verdict === 'lookalike') lookalikes++;
        },
      ),
      { seed: 1818, numRuns: 600 },
    );
    expect(lookalikes).toBeGreaterThan(300);
  });

  it('flags a sizeable share of the mutated senders, so the comparison is not vacuous', () => {
    let flagged = 0;
    for (let i = 0; i < 300; i++) {
      const d = trusted[(i * 7) % trusted.length]!;
      const dot = d.indexOf('.');
      const r = checkSender(fast, mutate(d.slice(0, dot), [i * 13 + 2]) + d.slice(dot));
      if (r.verdict === 'lookalike') flagged++;
    }
    expect(flagged).toBeGreaterThan(150);
  });
});

// checkMailbox takes a trusted host written exactly as listed from its record instead of
// normalizing it; the reference index never does. Every kind of entry, written every way, on a small
// list (hosts in a V8 Map) and on one large enough for the StringTable (./string-table.ts).
const special = [
  'contoso.com',
  'mail.fabrikam.co.uk',
  'münchen.de',
  'xn--bcher-kva.example',
  'github.io',
  'ap@northwind.com',
  'billing@gmail.com',
  { domain: 'adventure-works.com', name: 'Ana Pereira' },
];
const specialHosts = ['contoso.com', 'mail.fabrikam.co.uk', 'münchen.de', 'bücher.example', 'github.io', 'northwind.com'];
const moreTrusted = disposable.filter((_, i) => i % 53 === 7).slice(0, 600);
describe.each([
  { description: 'small list', entries: [...special, ...trusted.slice(0, 300)], table: false, every: 1 },
  // The reference scans every label per check: a sample of the hosts keeps this test to seconds.
  { description: 'large list', entries: [...special, ...trusted, ...moreTrusted], table: true, every: 11 },
])('trusted hosts as listed: the record vs normalization (whole detector, $description)', ({ entries, table, every }) => {
  const fastIndex = compileTrustedList(entries);
  const referenceIndex = compileTrustedList(entries, { reference: true });
  const allHosts = [...fastIndex.hosts.keys()];
  const hosts = [...new Set([...specialHosts, ...allHosts.filter((_, i) => i % every === 0)])];

  it('has hosts of every kind to compare (ASCII, IDN, subdomain, private suffix), in the intended table', () => {
    expect(allHosts).toEqual(expect.arrayContaining(specialHosts));
    expect(fastIndex.icannReadHosts.has('github.io')).toBe(true);
    expect(fastIndex.hosts instanceof StringTable).toBe(table);
  });

  it.each(['', 'ap@', 'AP@', 'x.y+tag@', 'Ana Pereira <ana@', '"Billing" <billing@', 'From: =?UTF-8?Q?Ana_Pereira?= <ana@'])(
    'gives identical results for every trusted host after %j',
    (prefix) => {
      for (const host of hosts) {
        // Capitals are looked up lowercased before normalizing (ASCII only): every case mix.
        const capitalized = host.charAt(0).toUpperCase() + host.slice(1);
        for (const written of [host, host.toUpperCase(), capitalized, `Mail.${capitalized}`, `${host.toUpperCase()}.`, `mail.${host}`, `${host}.`]) {
          const sender = prefix.includes('<') ? `${prefix}${written}>` : `${prefix}${written}`;
          expect(checkSender(fastIndex, sender), sender).toEqual(checkSender(referenceIndex, sender));
        }
      }
    },
  );
});

// Senders who write a trusted label exactly take that label's precomputed typo hits on large lists
// (./label-hits.ts); here forced on small lists, against the reference and the live query.
describe.each([
  {
    description: 'a neighbour under the sender’s suffix beats the tld-swap',
    list: ['northwindtraders.com', 'northwindtrader.net'],
    sender: 'ap@northwindtraders.net',
    winner: 'northwindtrader.net',
  },
  {
    description: 'a neighbour found only through the folded key (rn → m) beats the tld-swap',
    list: ['rnailboxshop.com', 'mailboxshops.net'],
    sender: 'ap@rnailboxshop.net',
    winner: 'mailboxshops.net',
  },
  {
    description: 'no neighbour can beat the tld-swap',
    list: ['northwind.com', 'northwnid.org'],
    sender: 'ap@northwind.net',
    winner: 'northwind.com',
  },
])('precomputed label hits: $description', ({ list, sender, winner }) => {
  const entries = [...list, ...trusted.slice(0, 40)];
  it('gives the reference’s result, naming the expected entry', () => {
    const result = checkSender(compileTrustedList(entries, { labelHits: true }), sender);
    expect(result).toEqual(checkSender(compileTrustedList(entries, { reference: true }), sender));
    expect(result).toEqual(checkSender(compileTrustedList(entries), sender));
    expect(result.match?.domain).toBe(winner);
  });
});

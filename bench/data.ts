/**
 * Deterministic benchmark data: trusted lists and sender streams built from npm-installed domain
 * lists (`disposable-email-domains`, 121,570 domains; `email-providers` all.json, 8,760), shuffled
 * with a fixed seed. Nothing is downloaded and nothing depends on the library under test, so the
 * data of a run never changes when src/ changes: a baseline stays comparable.
 *
 * Streams by group (the groups), each from held-out ("outsider") domains that are never
 * trusted, trusted domains, and lookalikes generated from the trusted list of the size measured:
 *   clean      plain ASCII addresses, half from trusted domains (some subdomains), half outsiders
 *   typo       one or two typographic edits of a trusted label, TLD swaps, combos, embedding
 *   homoglyph  Cyrillic/Greek/diacritic substitutions (some written as `xn--` A-labels), whole-script
 *              Cyrillic, and ASCII lookalikes (0/o, 1/l, rn/m, vv/w)
 *   header     full `From:` values: display names, RFC 2047 encoded words, contact impersonation
 *   invalid    inputs that must come back `invalid` (no domain, IP literals, garbage, overlong)
 *   mixed      a realistic gateway stream: mostly clean, a few of each other kind
 */

import { createRequire } from 'node:module';
import { domainToASCII } from 'node:url';
import { parse as tldtsParse } from 'tldts';

const require = createRequire(import.meta.url);

/** The stream groups measured for `check`. */
export const STREAM_GROUPS = ['clean', 'typo', 'homoglyph', 'header', 'invalid', 'mixed'] as const;
/** One stream group. */
export type StreamGroup = (typeof STREAM_GROUPS)[number];

/** Share of each group in the realistic `mixed` stream (most mail is clean). Sums to 1. */
export const MIXED_SHARES: Readonly<Record<Exclude<StreamGroup, 'mixed'>, number>> = Object.freeze({
  clean: 0.7,
  header: 0.15,
  typo: 0.06,
  homoglyph: 0.05,
  invalid: 0.04,
});

/**
 * mulberry32: a tiny, fast, well-distributed 32-bit PRNG (Tommy Ettinger, public domain).
 * @param seed - Any 32-bit integer.
 * @returns A function returning floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded random source with the helpers the generators need. */
export class Rng {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }
  /** Float in [0, 1). */
  float(): number {
    return this.#next();
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.#next() * n);
  }
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.#next() < p;
  }
  /** Fisher–Yates shuffle, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }
}

const TLDTS_OPTIONS = Object.freeze({ allowPrivateDomains: true, detectIp: false, extractHostname: false, mixedInputs: false, validateHostname: false });
const LDH_HOST = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;

/** A domain of the pool with its registrable label and public suffix (from tldts, PSL private section on). */
export interface PoolDomain {
  readonly domain: string;
  readonly label: string;
  readonly suffix: string;
}

/** The shuffled domain pool: the first 100,000 are trusted candidates, the rest outsiders. */
export interface DomainPool {
  /** Candidates for trusted lists; the list of size N is the first N. */
  readonly trusted: readonly PoolDomain[];
  /** Domains never trusted at any size: senders that are simply unknown. */
  readonly outsiders: readonly PoolDomain[];
}

/** Largest trusted-list size measured; the pool keeps this many trusted candidates. */
export const MAX_TRUSTED = 100_000;

let poolCache: DomainPool | undefined;

/**
 * The union of the two npm lists, lowercased, de-duplicated, sorted (so package order does not
 * matter), filtered to plain LDH hosts with a registrable domain, then shuffled with seed 0x5051e.
 */
export function domainPool(): DomainPool {
  if (poolCache !== undefined) return poolCache;
  const disposable: string[] = require('disposable-email-domains');
  const providers: string[] = require('email-providers/all.json');
  const seen = new Set<string>();
  for (const d of [...disposable, ...providers]) {
    const host = d.trim().toLowerCase();
    if (LDH_HOST.test(host) && !host.includes('..')) seen.add(host);
  }
  const all: PoolDomain[] = [];
  for (const domain of [...seen].sort()) {
    const p = tldtsParse(domain, TLDTS_OPTIONS);
    if (p.domain === null || p.domainWithoutSuffix === null || p.domainWithoutSuffix === '' || p.publicSuffix === null) continue;
    if (p.domainWithoutSuffix.startsWith('xn--') || p.publicSuffix.includes('xn--')) continue;
    all.push({ domain, label: p.domainWithoutSuffix, suffix: p.publicSuffix });
  }
  new Rng(0x5051e).shuffle(all);
  poolCache = { trusted: all.slice(0, MAX_TRUSTED), outsiders: all.slice(MAX_TRUSTED) };
  return poolCache;
}

const FIRST_NAMES = [
  'Ana', 'Bruno', 'Chloé', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'James', 'Katarzyna', 'Liam',
  'Maria', 'Noah', 'Olga', 'Pedro', 'Quentin', 'Rosa', 'Sven', 'Tomás', 'Uma', 'Victor', 'Wei', 'Ximena',
  'Yusuf', 'Zoë', 'Amélie', 'Björn', 'Carmen', 'Dmitri',
];
const LAST_NAMES = [
  'Pereira', 'Smith', 'Müller', 'Nakamura', 'García', 'Kowalski', 'Okafor', 'Jensen', 'Rossi', 'Dubois',
  'Novak', 'Silva', 'Andersson', 'Chen', 'Haddad', 'Ivanova', 'Brown', 'Fernández', 'Lefèvre', 'Schulz',
];
/**
 * Display names of header senders that do not claim to be a contact: no first or last name of
 * these is in FIRST_NAMES or LAST_NAMES, so none of them is a trusted contact's name. With one list
 * for both, the 5,000 contacts of the 100,000-entry list took all 600 names, and 98% of the header
 * senders that were not trusted came out flagged for their display name, where a quarter of the
 * stream is meant to impersonate.
 */
const OUTSIDER_FIRST_NAMES = [
  'Aiko', 'Bram', 'Cyrus', 'Dana', 'Emeka', 'Freya', 'Goran', 'Hana', 'Igor', 'Jonas', 'Kofi', 'Lena',
  'Mateo', 'Nadia', 'Oskar', 'Priya', 'Rafael', 'Sofia', 'Tariq', 'Ulla', 'Vera', 'Wiktor', 'Yara', 'Zeynep',
];
const OUTSIDER_LAST_NAMES = [
  'Achterberg', 'Balogun', 'Castellano', 'Dimitrov', 'Eriksen', 'Fontaine', 'Gallagher', 'Horvat', 'Ishikawa',
  'Jovanović', 'Kaya', 'Lindqvist', 'Mbeki', 'Nieminen', 'Oliveira', 'Petrović', 'Quispe', 'Rahman', 'Sato', 'Tanaka',
];
const ROLE_LOCALS = ['info', 'billing', 'noreply', 'support', 'ap', 'invoices', 'sales', 'hr', 'no-reply', 'accounts', 'newsletter', 'team'];
const COMBO_WORDS = ['secure', 'login', 'billing', 'support', 'account', 'verify', 'pay', 'invoice', 'mail', 'update'];
const SWAP_SUFFIXES = ['com', 'net', 'org', 'co', 'io', 'info', 'biz', 'xyz', 'top', 'online', 'co.uk', 'de'];

/** ASCII lowercase of a name without diacritics: `Chloé` → `chloe`. */
function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function personLocal(rng: Rng, first: string, last: string): string {
  const f = asciiFold(first);
  const l = asciiFold(last);
  switch (rng.int(4)) {
    case 0:
      return `${f}.${l}`;
    case 1:
      return `${f[0]}${l}`;
    case 2:
      return f;
    default:
      return `${f}_${l}${rng.int(100)}`;
  }
}

function localPart(rng: Rng): string {
  if (rng.chance(0.3)) return rng.pick(ROLE_LOCALS);
  return personLocal(rng, rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
}

/** `alice@host`, one in seven written with capitals as people type them. */
function address(rng: Rng, host: string): string {
  const local = localPart(rng);
  if (rng.chance(1 / 7)) {
    const cap = (s: string): string => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));
    return `${cap(local)}@${host.split('.').map((p, i) => (i === 0 ? cap(p) : p)).join('.')}`;
  }
  return `${local}@${host}`;
}

/** A trusted contact: `"Ana Pereira" <ana.pereira@domain>`. */
export interface Contact {
  readonly name: string;
  readonly address: string;
}

/** A trusted list of one size, as given to `createDetector`, with what the streams need. */
export interface TrustedList {
  readonly size: number;
  /** Entries in the trusted-list text format: domains, and contacts with display names. */
  readonly entries: readonly string[];
  /** The pool domains trusted (one per entry). */
  readonly domains: readonly PoolDomain[];
  /** The contacts among the entries. */
  readonly contacts: readonly Contact[];
}

/** Share of trusted entries written as contacts with a display name (the "plus contacts"). */
export const CONTACT_SHARE = 0.05;

/**
 * The trusted list of `size` entries: the first `size` pool domains; every twentieth is written
 * as a contact (`"Ana Pereira" <ana.pereira@domain>`), which trusts the domain and the name.
 */
export function trustedList(size: number): TrustedList {
  const pool = domainPool();
  if (size > pool.trusted.length) throw new RangeError(`at most ${pool.trusted.length} trusted domains`);
  const rng = new Rng(0xc0ffee ^ size);
  const domains = pool.trusted.slice(0, size);
  const entries: string[] = [];
  const contacts: Contact[] = [];
  const every = Math.round(1 / CONTACT_SHARE);
  domains.forEach((d, i) => {
    if (i % every === every - 1) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const contact = { name: `${first} ${last}`, address: `${personLocal(rng, first, last)}@${d.domain}` };
      contacts.push(contact);
      entries.push(`"${contact.name}" <${contact.address}>`);
    } else {
      entries.push(d.domain);
    }
  });
  return { size, entries, domains, contacts };
}

// ---------------------------------------------------------------------------------------------
// Lookalike generators. Each returns a label or host that differs from its source.

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const VOWELS = 'aeiou';

/** One typographic edit of `label`: omission, insertion, replacement, transposition, repetition, hyphen, vowel swap. */
export function typoEdit(rng: Rng, label: string): string {
  const n = label.length;
  for (let attempt = 0; attempt < 8; attempt++) {
    const i = rng.int(n);
    let out: string;
    switch (rng.int(7)) {
      case 0: // omission
        out = n > 2 ? label.slice(0, i) + label.slice(i + 1) : label + rng.pick([...LETTERS]);
        break;
      case 1: // insertion
        out = label.slice(0, i) + rng.pick([...LETTERS]) + label.slice(i);
        break;
      case 2: // replacement
        out = label.slice(0, i) + rng.pick([...LETTERS]) + label.slice(i + 1);
        break;
      case 3: // transposition
        out = i + 1 < n ? label.slice(0, i) + label[i + 1] + label[i] + label.slice(i + 2) : label.slice(0, -1);
        break;
      case 4: // repetition
        out = label.slice(0, i + 1) + label[i] + label.slice(i + 1);
        break;
      case 5: // hyphenation (not at the ends)
        out = i > 0 ? `${label.slice(0, i)}-${label.slice(i)}` : `${label[0]}-${label.slice(1)}`;
        break;
      default: {
        // vowel swap
        const at = [...label].findIndex((c, k) => k >= i && VOWELS.includes(c));
        out = at < 0 ? label + 'e' : label.slice(0, at) + rng.pick([...VOWELS].filter((v) => v !== label[at])) + label.slice(at + 1);
      }
    }
    if (out !== label && out.length > 0 && !out.startsWith('-') && !out.endsWith('-')) return out;
  }
  return `${label}s`;
}

/** A typo lookalike host of a trusted domain. */
export function typoLookalike(rng: Rng, d: PoolDomain): string {
  const r = rng.float();
  if (r < 0.55) return `${typoEdit(rng, d.label)}.${d.suffix}`;
  if (r < 0.7) {
    const two = typoEdit(rng, typoEdit(rng, d.label));
    return `${two === d.label ? typoEdit(rng, two) : two}.${d.suffix}`; // two edits can cancel out
  }
  if (r < 0.82) {
    const other = SWAP_SUFFIXES.filter((s) => s !== d.suffix);
    return `${d.label}.${rng.pick(other)}`;
  }
  if (r < 0.94) {
    const w = rng.pick(COMBO_WORDS);
    return rng.chance(0.5) ? `${d.label}-${w}.${d.suffix}` : `${w}-${d.label}.com`;
  }
  return `${d.label}.${d.suffix}.${rng.pick(['secure-mail', 'login-portal', 'account-verify'])}.com`;
}

/** Latin letters and the confusable letters that replace them (UTS #39 confusables; U+0430 …). */
const UNICODE_CONFUSABLES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  a: ['\u0430', '\u00e1', '\u00e0'],
  c: ['\u0441', '\u00e7'],
  e: ['\u0435', '\u00e9', '\u00e8'],
  i: ['\u0456', '\u00ed', '\u0131'],
  j: ['\u0458'],
  o: ['\u043e', '\u03bf', '\u00f6', '\u00f3'],
  p: ['\u0440', '\u03c1'],
  s: ['\u0455'],
  x: ['\u0445'],
  y: ['\u0443', '\u00fd'],
  u: ['\u00fc', '\u00fa'],
  n: ['\u0578'],
});
/** Letters with a Cyrillic twin, for whole-script lookalikes (`аррӏе` for `apple`). */
const CYRILLIC_TWIN: Readonly<Record<string, string>> = Object.freeze({
  a: '\u0430', c: '\u0441', e: '\u0435', i: '\u0456', j: '\u0458', o: '\u043e', p: '\u0440', s: '\u0455', x: '\u0445', y: '\u0443', h: '\u04bb', l: '\u04cf',
});
const ASCII_LOOKALIKES: readonly (readonly [string, string])[] = [
  ['o', '0'], ['l', '1'], ['i', '1'], ['m', 'rn'], ['w', 'vv'], ['l', 'I'], ['d', 'cl'], ['s', '5'],
];

/** A homoglyph/IDN lookalike host of a trusted domain, or undefined when the label has no candidate letter. */
export function homoglyphLookalike(rng: Rng, d: PoolDomain): string | undefined {
  const chars = [...d.label];
  const r = rng.float();
  if (r < 0.6) {
    const spots = chars.map((c, i) => (UNICODE_CONFUSABLES[c] ? i : -1)).filter((i) => i >= 0);
    if (spots.length === 0) return undefined;
    const count = spots.length > 3 && rng.chance(0.3) ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const at = rng.pick(spots);
      chars[at] = rng.pick(UNICODE_CONFUSABLES[chars[at]!] ?? [chars[at]!]);
    }
    const host = `${chars.join('')}.${d.suffix}`;
    if (rng.chance(0.25)) {
      const ascii = domainToASCII(host);
      if (ascii !== '') return ascii; // written as A-labels, as mail headers carry IDNs
    }
    return host;
  }
  if (r < 0.75) {
    if (!chars.every((c) => CYRILLIC_TWIN[c] !== undefined)) return undefined;
    return `${chars.map((c) => CYRILLIC_TWIN[c]).join('')}.${d.suffix}`;
  }
  const options = ASCII_LOOKALIKES.filter(([from]) => d.label.includes(from));
  if (options.length === 0) return undefined;
  const [from, to] = rng.pick(options);
  const at = d.label.indexOf(from);
  return `${d.label.slice(0, at)}${to}${d.label.slice(at + from.length)}.${d.suffix}`;
}

/** RFC 2047 §4.1 "B" encoded word in UTF-8. */
function encodedB(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** RFC 2047 §4.2 "Q" encoded word in ISO-8859-1 (every name here is Latin-1). */
function encodedQ(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === ' ') out += '_';
    else if (cp < 0x80 && /[A-Za-z0-9]/.test(ch)) out += ch;
    else out += `=${cp.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `=?ISO-8859-1?Q?${out}?=`;
}

function displayName(rng: Rng, name: string): string {
  const r = rng.float();
  if (r < 0.35) return `"${name}"`;
  if (r < 0.6) return /^[A-Za-z ]+$/.test(name) ? name : `"${name}"`;
  if (r < 0.8) return encodedB(name);
  return /^[\u0000-\u00ff]*$/.test(name) ? encodedQ(name) : encodedB(name);
}

const INVALID_FIXED: readonly string[] = [
  '',
  '   ',
  'not an address',
  'alice@',
  '@contoso.com',
  'alice@@contoso.com',
  'alice@[192.168.10.4]',
  'bob@[IPv6:2001:db8::1]',
  'carol@10.0.0.1',
  'dave@-bad-.com',
  'eve@contoso..com',
  '<>',
  '"unterminated <a@b.com',
  'From:',
  'mallory@xn--.com',
  'x@exa mple.com',
  '\u0000\u0001\u0002',
  'a@b@c@d',
  'Ana <ana@>',
];

/** An input that should come back `invalid`. */
function invalidInput(rng: Rng): string {
  const r = rng.float();
  if (r < 0.6) return rng.pick(INVALID_FIXED);
  if (r < 0.75) return `${'x'.repeat(70 + rng.int(30))}@contoso.com`; // local part over 64 (RFC 5321 §4.5.3.1.1)
  if (r < 0.85) return `a@${'sub.'.repeat(70)}contoso.com`; // over 254
  // printable junk around an `@`, with a host character that no hostname may hold (RFC 1123 §2.1 LDH)
  const junk = (len: number): string => {
    let out = '';
    for (let i = 0; i < len; i++) out += String.fromCharCode(rng.chance(0.9) ? 0x21 + rng.int(0x5e) : 0x2010 + rng.int(0x20));
    return out.replace(/[@<>",;:()[\]\\]/g, 'x');
  };
  return `${junk(3 + rng.int(10))}@${junk(2 + rng.int(6))}${rng.pick(['!', '#', '$', '%', '*', '='])}${junk(2 + rng.int(6))}.com`;
}

/** The sender streams for one trusted list. */
export type SenderStreams = Readonly<Record<StreamGroup, readonly string[]>>;

/**
 * Sender streams of `perGroup` senders each for `list` (seeded by the size: the same call always
 * gives the same strings).
 */
export function senderStreams(list: TrustedList, perGroup: number): SenderStreams {
  const pool = domainPool();
  const rng = new Rng(0xbe4c4 ^ list.size);
  const trusted = list.domains;
  const outsider = (): PoolDomain => rng.pick(pool.outsiders);
  const trustedHost = (): string => {
    const d = rng.pick(trusted);
    return rng.chance(0.1) ? `${rng.pick(['mail', 'smtp', 'em', 'news'])}.${d.domain}` : d.domain;
  };
  const cleanHost = (): string => (rng.chance(0.5) ? trustedHost() : outsider().domain);
  const trustedSet = new Set(trusted.map((d) => d.domain));
  /** A typo lookalike that is not itself a trusted domain (a TLD swap or an edit can land on one). */
  const typoHost = (): string => {
    for (;;) {
      const h = typoLookalike(rng, rng.pick(trusted));
      if (!trustedSet.has(h)) return h;
    }
  };

  const clean: string[] = [];
  const typo: string[] = [];
  const homoglyph: string[] = [];
  const header: string[] = [];
  const invalid: string[] = [];
  for (let i = 0; i < perGroup; i++) {
    clean.push(address(rng, cleanHost()));
    typo.push(address(rng, typoHost()));
    let h: string | undefined;
    for (let attempt = 0; h === undefined && attempt < 50; attempt++) h = homoglyphLookalike(rng, rng.pick(trusted));
    homoglyph.push(address(rng, h ?? `xn--80ak6aa92e.${rng.pick(trusted).suffix}`));
    invalid.push(invalidInput(rng));

    // Full header values: display names (some encoded), some with the field name, a few lists;
    // a quarter impersonate a trusted contact's name from an outside or freemail address.
    const r = rng.float();
    let value: string;
    if (r < 0.25 && list.contacts.length > 0) {
      const c = rng.pick(list.contacts);
      const host = rng.chance(0.5) ? outsider().domain : rng.pick(['gmail.com', 'outlook.com', 'yahoo.com']);
      value = `${displayName(rng, c.name)} <${personLocal(rng, c.name.split(' ')[0]!, c.name.split(' ')[1] ?? 'x')}@${host}>`;
    } else if (r < 0.3 && list.contacts.length > 0) {
      const c = rng.pick(list.contacts);
      value = `${displayName(rng, c.name)} <${c.address}>`; // the real contact
    } else {
      const name = `${rng.pick(OUTSIDER_FIRST_NAMES)} ${rng.pick(OUTSIDER_LAST_NAMES)}`;
      const host = rng.chance(0.85) ? cleanHost() : rng.chance(0.5) ? typoHost() : (homoglyphLookalike(rng, rng.pick(trusted)) ?? cleanHost());
      value = `${displayName(rng, name)} <${address(rng, host)}>`;
      if (rng.chance(0.05)) value += `, ${address(rng, cleanHost())}`;
    }
    header.push(rng.chance(0.2) ? `From: ${value}` : value);
  }

  const groups = { clean, typo, homoglyph, header, invalid } as const;
  const names = Object.keys(MIXED_SHARES) as (keyof typeof MIXED_SHARES)[];
  const next = new Map(names.map((g) => [g, 0]));
  const mixed: string[] = [];
  for (let i = 0; i < perGroup; i++) {
    let r = rng.float();
    let g = names[0]!;
    for (const name of names) {
      g = name;
      r -= MIXED_SHARES[name];
      if (r < 0) break;
    }
    const k = next.get(g)!;
    next.set(g, k + 1);
    const src = groups[g];
    mixed.push(src[k % src.length]!);
  }
  return { clean, typo, homoglyph, header, invalid, mixed };
}

/**
 * Lines for the `scan` file: the mixed stream of `list`, repeated with varied local parts so that
 * the file holds `count` lines and few exact repeats.
 */
export function* scanLines(list: TrustedList, count: number): Generator<string> {
  const base = senderStreams(list, 20_000).mixed;
  const rng = new Rng(0x5ca11);
  for (let i = 0; i < count; i++) {
    const s = base[i % base.length]!;
    if (i < base.length) yield s;
    else {
      const at = s.indexOf('@');
      // vary the local part of plain addresses so the file is not 50 copies of the same 20,000 lines
      yield at > 0 && !s.includes('<') && !s.includes(' ') ? `${s.slice(0, at)}${rng.int(1000)}${s.slice(at)}` : s;
    }
  }
}

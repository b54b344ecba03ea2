import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ABUSED_SUFFIXES, BUSINESS_WORDS, FUZZERS, FUZZER_IDS, generateVariants, type FuzzerId, type Variant, type VariantOptions } from '../src/variants';

/** The domains one fuzzer produces alone (no cross-fuzzer deduplication), in output order. */
function run(domain: string, fuzzer: FuzzerId, options: VariantOptions = {}): string[] {
  return [...generateVariants(domain, { ...options, fuzzers: [fuzzer] })].map((v) => v.domain);
}

function only(domain: string, fuzzer: FuzzerId, options: VariantOptions = {}): Variant[] {
  return [...generateVariants(domain, { ...options, fuzzers: [fuzzer] })];
}

interface PinCase {
  readonly description: string;
  readonly domain: string;
  readonly fuzzer: FuzzerId;
  readonly options?: VariantOptions;
  readonly expected: readonly string[];
}

const ALNUM = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
/** The abused list without the suffixes that come earlier as `com`'s country variants or typos. */
const ABUSED_AFTER_COM = ABUSED_SUFFIXES.filter((s) => !['com', 'co', 'net', 'org', 'cam'].includes(s));

// Exact output of each fuzzer on short domains. Expected lists were worked out by hand from each
// fuzzer's documented rule (keyboard tables, bit flips, suffix lists), not copied from a run.
const pins: PinCase[] = [
  { description: 'transposition swaps each pair of adjacent characters', domain: 'ups.com', fuzzer: 'transposition', expected: ['pus.com', 'usp.com'] },
  { description: 'transposition skips a pair of equal letters', domain: 'google.com', fuzzer: 'transposition', expected: ['ogogle.com', 'gogole.com', 'goolge.com', 'googel.com'] },
  { description: 'repetition doubles each character', domain: 'ups.com', fuzzer: 'repetition', expected: ['uups.com', 'upps.com', 'upss.com'] },
  {
    description: 'repetition doubles a run once',
    domain: 'google.com',
    fuzzer: 'repetition',
    expected: ['ggoogle.com', 'gooogle.com', 'googgle.com', 'googlle.com', 'googlee.com'],
  },
  { description: 'plural adds s to the label', domain: 'acme.co.uk', fuzzer: 'plural', expected: ['acmes.co.uk'] },
  { description: 'plural adds es after x', domain: 'box.com', fuzzer: 'plural', expected: ['boxes.com'] },
  { description: 'plural leaves a word that already ends in s', domain: 'ups.com', fuzzer: 'plural', expected: [] },
  { description: 'plural works on each hyphenated part', domain: 'northwind-traders.co.uk', fuzzer: 'plural', expected: ['northwinds-traders.co.uk'] },
  { description: 'omission drops each character; us.com is a public suffix, so it is skipped', domain: 'ups.com', fuzzer: 'omission', expected: ['ps.com', 'up.com'] },
  { description: 'omission drops a doubled letter once', domain: 'google.com', fuzzer: 'omission', expected: ['oogle.com', 'gogle.com', 'goole.com', 'googe.com', 'googl.com'] },
  { description: 'vowel-swap changes each vowel to every other', domain: 'ups.com', fuzzer: 'vowel-swap', expected: ['aps.com', 'eps.com', 'ips.com', 'ops.com', 'yps.com'] },
  {
    description: 'replacement uses the neighbours on all three layouts',
    domain: 'ups.com',
    fuzzer: 'replacement',
    // u: 7 8 h i j y (qwerty, azerty) + z (qwertz); p: - (qwerty) 0 l o + m (azerty);
    // s: a d e w x z (qwerty) + y (qwertz) + q (azerty)
    expected: [
      '7ps.com', '8ps.com', 'hps.com', 'ips.com', 'jps.com', 'yps.com', 'zps.com',
      'u-s.com', 'u0s.com', 'uls.com', 'ums.com', 'uos.com',
      'upa.com', 'upd.com', 'upe.com', 'upq.com', 'upw.com', 'upx.com', 'upy.com', 'upz.com',
    ],
  },
  {
    description: 'replacement on AZERTY only',
    domain: 'ups.com',
    fuzzer: 'replacement',
    options: { keyboards: ['azerty'] },
    expected: ['7ps.com', '8ps.com', 'hps.com', 'ips.com', 'jps.com', 'yps.com', 'u0s.com', 'uls.com', 'ums.com', 'uos.com', 'upd.com', 'upe.com', 'upq.com', 'upw.com', 'upx.com', 'upz.com'],
  },
  { description: 'hyphenation puts a hyphen between characters', domain: 'ups.com', fuzzer: 'hyphenation', expected: ['u-ps.com', 'up-s.com'] },
  {
    description: 'hyphenation doubles an existing hyphen once (ab--cd is refused: -- in positions 3-4)',
    domain: 'ab-cd.com',
    fuzzer: 'hyphenation',
    expected: ['a-b-cd.com', 'ab-c-d.com'],
  },
  {
    description: 'hyphenation next to an existing hyphen',
    domain: 'temp-mail.org',
    fuzzer: 'hyphenation',
    expected: ['t-emp-mail.org', 'te-mp-mail.org', 'tem-p-mail.org', 'temp--mail.org', 'temp-m-ail.org', 'temp-ma-il.org', 'temp-mai-l.org'],
  },
  { description: 'repetition leaves hyphens to hyphenation', domain: 'ab-cd.com', fuzzer: 'repetition', expected: ['aab-cd.com', 'abb-cd.com', 'ab-ccd.com', 'ab-cdd.com'] },
  {
    description: 'insertion types a neighbouring key before, then after, each character',
    domain: 'ups.com',
    fuzzer: 'insertion',
    expected: [
      ...['7', '8', 'h', 'i', 'j', 'y', 'z'].map((k) => `${k}ups.com`),
      ...['7', '8', 'h', 'i', 'j', 'y', 'z'].map((k) => `u${k}ps.com`),
      ...['-', '0', 'l', 'm', 'o'].map((k) => `u${k}ps.com`),
      ...['-', '0', 'l', 'm', 'o'].map((k) => `up${k}s.com`),
      ...['a', 'd', 'e', 'q', 'w', 'x', 'y', 'z'].map((k) => `up${k}s.com`),
      ...['a', 'd', 'e', 'q', 'w', 'x', 'y', 'z'].map((k) => `ups${k}.com`),
    ],
  },
  {
    description: 'bitsquatting flips each bit and keeps lowercase LDH results',
    domain: 'ups.com',
    fuzzer: 'bitsquatting',
    // u 0x75 → t w q e 5; p 0x70 → q r t x 0; s 0x73 → r q w c 3
    expected: ['tps.com', 'wps.com', 'qps.com', 'eps.com', '5ps.com', 'uqs.com', 'urs.com', 'uts.com', 'uxs.com', 'u0s.com', 'upr.com', 'upq.com', 'upw.com', 'upc.com', 'up3.com'],
  },
  {
    description: 'addition adds a letter or digit at the start and the end',
    domain: 'ups.com',
    fuzzer: 'addition',
    expected: [...ALNUM.map((k) => `${k}ups.com`), ...ALNUM.map((k) => `ups${k}.com`)],
  },
  {
    description: 'addition also at both ends of each hyphenated part',
    domain: 'ab-cd.com',
    fuzzer: 'addition',
    expected: [...ALNUM.map((k) => `${k}ab-cd.com`), ...ALNUM.map((k) => `ab${k}-cd.com`), ...ALNUM.map((k) => `ab-${k}cd.com`), ...ALNUM.map((k) => `ab-cd${k}.com`)],
  },
  { description: 'subdomain inserts a dot', domain: 'ups.com', fuzzer: 'subdomain', expected: ['u.ps.com', 'up.s.com'] },
  { description: 'subdomain keeps a multi-label suffix', domain: 'acme.co.uk', fuzzer: 'subdomain', expected: ['a.cme.co.uk', 'ac.me.co.uk', 'acm.e.co.uk'] },
  {
    description: 'combo adds each business word after and before, with and without hyphen',
    domain: 'ups.com',
    fuzzer: 'combo',
    expected: BUSINESS_WORDS.flatMap((w) => [`ups${w}.com`, `ups-${w}.com`, `${w}ups.com`, `${w}-ups.com`]),
  },
  {
    description: 'combo appends the caller words after the built-in ones',
    domain: 'ups.com',
    fuzzer: 'combo',
    options: { words: ['Rechnung', 'invoice'] },
    expected: [...BUSINESS_WORDS, 'rechnung'].flatMap((w) => [`ups${w}.com`, `ups-${w}.com`, `${w}ups.com`, `${w}-ups.com`]),
  },
  {
    description: 'tld-swap: com country variants, com typos, then the abused list',
    domain: 'ups.com',
    fuzzer: 'tld-swap',
    expected: ['ups.com.co', 'ups.net', 'ups.org', 'ups.om', 'ups.cm', 'ups.co', 'ups.cam', ...ABUSED_AFTER_COM.map((s) => `ups.${s}`)],
  },
  {
    description: 'tld-swap: co.uk country variants first (com.uk is no suffix, uk.com is CentralNic)',
    domain: 'acme.co.uk',
    fuzzer: 'tld-swap',
    expected: [
      'acme.uk', 'acme.net.uk', 'acme.org.uk', 'acme.ltd.uk', 'acme.plc.uk', 'acme.me.uk', 'acme.uk.com', 'acme.com',
      ...ABUSED_SUFFIXES.filter((s) => s !== 'com').map((s) => `acme.${s}`),
    ],
  },
  {
    description: 'tld-swap: the uk.com style suffix needs the PSL private section',
    domain: 'acme.co.uk',
    fuzzer: 'tld-swap',
    options: { privateSuffixes: false },
    expected: ['acme.uk', 'acme.net.uk', 'acme.org.uk', 'acme.ltd.uk', 'acme.plc.uk', 'acme.me.uk', 'acme.com', ...ABUSED_SUFFIXES.filter((s) => s !== 'com').map((s) => `acme.${s}`)],
  },
  {
    description: 'tld-swap: caller suffixes come last, in Unicode form',
    domain: 'ups.com',
    fuzzer: 'tld-swap',
    options: { tlds: ['.DE', 'xn--p1ai', 'net'] },
    expected: ['ups.com.co', 'ups.net', 'ups.org', 'ups.om', 'ups.cm', 'ups.co', 'ups.cam', ...ABUSED_AFTER_COM.map((s) => `ups.${s}`), 'ups.de', 'ups.рф'],
  },
  {
    description: 'level-squat: the domain in front of each suffix, then hyphenated into the label',
    domain: 'ups.com',
    fuzzer: 'level-squat',
    expected: ['com', ...ABUSED_SUFFIXES.filter((s) => s !== 'com')].flatMap((s) => [`ups.com.${s}`, `ups-com.${s}`]),
  },
  {
    description: 'level-squat with a two-label suffix',
    domain: 'acme.co.uk',
    fuzzer: 'level-squat',
    expected: ['co.uk', ...ABUSED_SUFFIXES].flatMap((s) => [`acme.co.uk.${s}`, `acme-co-uk.${s}`]),
  },
  { description: 'whole-script: apple in Cyrillic (the 2017 demonstration)', domain: 'apple.com', fuzzer: 'whole-script', expected: ['аррӏе.com'] },
  { description: 'whole-script: Cyrillic then Greek', domain: 'ok.com', fuzzer: 'whole-script', expected: ['ок.com', 'οκ.com'] },
  { description: 'whole-script: і for i and palochka ӏ for l, although the skeleton folds i and l', domain: 'ill.com', fuzzer: 'whole-script', expected: ['іӏӏ.com', 'ιιι.com'] },
  { description: 'whole-script: keeps digits and hyphens (b → в, the first Cyrillic lookalike by code point)', domain: 'a1-b.com', fuzzer: 'whole-script', expected: ['а1-в.com'] },
  { description: 'whole-script: none when a letter has no lookalike (m, u)', domain: 'ups.com', fuzzer: 'whole-script', expected: [] },
  { description: 'whole-script: nothing for an ASCII-only request', domain: 'apple.com', fuzzer: 'whole-script', options: { idn: false }, expected: [] },
  { description: 'diacritic: nothing for an ASCII-only request', domain: 'ups.com', fuzzer: 'diacritic', options: { idn: false }, expected: [] },
  {
    description: 'homoglyph: ASCII-only request keeps digits and multi-letter lookalikes',
    domain: 'mod.com',
    fuzzer: 'homoglyph',
    options: { idn: false },
    // m → rn; o → 0; d → cl; then the pairs
    expected: ['rnod.com', 'm0d.com', 'mocl.com', 'rn0d.com', 'rnocl.com', 'm0cl.com'],
  },
];

describe('pinned output of each fuzzer', () => {
  it.each(pins)('$description', ({ domain, fuzzer, options, expected }) => {
    expect(run(domain, fuzzer, options)).toEqual(expected);
  });
});

interface Fixture {
  readonly domain: string;
  readonly isolated: { readonly diacritic: readonly string[]; readonly homoglyph: readonly string[] };
  readonly full: readonly (readonly [string, string, FuzzerId])[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/variants/ups.com.json', import.meta.url), 'utf8')) as Fixture;

describe('pinned output of the visual fuzzers and of a full run (fixtures/variants/ups.com.json)', () => {
  it.each([
    { description: 'diacritic on ups.com', fuzzer: 'diacritic' as const },
    { description: 'homoglyph on ups.com', fuzzer: 'homoglyph' as const },
  ])('$description', ({ fuzzer }) => {
    expect(run(fixture.domain, fuzzer)).toEqual(fixture.isolated[fuzzer]);
  });

  it('the full default run of ups.com, with credits and A-labels', () => {
    expect([...generateVariants(fixture.domain)].map((v) => [v.domain, v.ascii, v.fuzzer])).toEqual(fixture.full);
  });
});

interface ContainsCase {
  readonly description: string;
  readonly domain: string;
  readonly fuzzer: FuzzerId;
  readonly contains: readonly string[];
  readonly excludes?: readonly string[];
}

// The lookalikes the issue names, and the ones the fixture cannot show on ups.com.
const contains: ContainsCase[] = [
  { description: 'digit zero for o', domain: 'contoso.com', fuzzer: 'homoglyph', contains: ['c0ntoso.com', 'c0nt0so.com'] },
  { description: 'digit one for l', domain: 'paypal.com', fuzzer: 'homoglyph', contains: ['paypa1.com', 'paypai.com'] },
  { description: 'rn for m', domain: 'microsoft.com', fuzzer: 'homoglyph', contains: ['rnicrosoft.com', 'rnicr0soft.com'] },
  { description: 'm for rn (the other direction)', domain: 'rnail.com', fuzzer: 'homoglyph', contains: ['mail.com'] },
  { description: 'vv for w and w for vv', domain: 'wellsfargo.com', fuzzer: 'homoglyph', contains: ['vvellsfargo.com'] },
  { description: 'cl for d', domain: 'dropbox.com', fuzzer: 'homoglyph', contains: ['clropbox.com', 'clr0pbox.com'] },
  { description: 'one Cyrillic letter in a Latin label', domain: 'contoso.com', fuzzer: 'homoglyph', contains: ['contоso.com', 'соntoso.com'] },
  { description: 'one Greek letter in a Latin label', domain: 'contoso.com', fuzzer: 'homoglyph', contains: ['cοntoso.com'] },
  {
    description: 'no double substitution mixes three scripts',
    domain: 'contoso.com',
    fuzzer: 'homoglyph',
    contains: ['сontоso.com'],
    excludes: ['сοntoso.com'], // Cyrillic с + Greek ο
  },
  { description: 'homoglyph leaves accents to diacritic', domain: 'contoso.com', fuzzer: 'homoglyph', contains: [], excludes: ['cöntoso.com', 'cóntoso.com'] },
  { description: 'accented letters, one or two', domain: 'contoso.com', fuzzer: 'diacritic', contains: ['cöntoso.com', 'cóntoso.com', 'cöntöso.com', 'çontoso.com'] },
  { description: 'accent removed from an IDN input', domain: 'münchen-bau.de', fuzzer: 'diacritic', contains: ['munchen-bau.de', 'mùnchen-bau.de'] },
];

describe('lookalikes the issue names', () => {
  it.each(contains)('$description', ({ domain, fuzzer, contains: wanted, excludes }) => {
    const out = new Set(run(domain, fuzzer));
    for (const d of wanted) expect(out.has(d), `${d} in ${fuzzer}(${domain})`).toBe(true);
    for (const d of excludes ?? []) expect(out.has(d), `${d} not in ${fuzzer}(${domain})`).toBe(false);
  });
});

interface CreditCase {
  readonly description: string;
  readonly domain: string;
  readonly variant: string;
  readonly fuzzer: FuzzerId;
}

// In a full run a domain several fuzzers make goes to the first in FUZZERS order.
const credits: CreditCase[] = [
  { description: 'a vowel that is also one bit away: vowel-swap, not bitsquatting', domain: 'ups.com', variant: 'eps.com', fuzzer: 'vowel-swap' },
  { description: 'a vowel that is also a neighbouring key: vowel-swap, not replacement', domain: 'ups.com', variant: 'ips.com', fuzzer: 'vowel-swap' },
  { description: 'a key slip that is also a bit flip: replacement', domain: 'ups.com', variant: 'u0s.com', fuzzer: 'replacement' },
  { description: 'a doubled last letter: repetition, not addition', domain: 'ups.com', variant: 'upss.com', fuzzer: 'repetition' },
  { description: 'a hyphen typed next to p: hyphenation, not insertion', domain: 'ups.com', variant: 'u-ps.com', fuzzer: 'hyphenation' },
  { description: 'zero for o, although 0 neighbours o: homoglyph', domain: 'contoso.com', variant: 'c0ntoso.com', fuzzer: 'homoglyph' },
  { description: 'a plural s: plural, not addition', domain: 'contoso.com', variant: 'contosos.com', fuzzer: 'plural' },
  { description: 'com.co: tld-swap, not level-squat', domain: 'ups.com', variant: 'ups.com.co', fuzzer: 'tld-swap' },
  { description: 'a two-letter word after the brand: combo', domain: 'ups.com', variant: 'upsap.com', fuzzer: 'combo' },
];

describe('credit rule', () => {
  it.each(credits)('$description', ({ domain, variant, fuzzer }) => {
    const hits = [...generateVariants(domain)].filter((v) => v.domain === variant);
    expect(hits.map((v) => v.fuzzer)).toEqual([fuzzer]);
  });

  it('the table order is the run order', () => {
    expect(FUZZERS.map((f) => f.id)).toEqual(FUZZER_IDS);
    const order = [...generateVariants('ups.com')].map((v) => FUZZER_IDS.indexOf(v.fuzzer));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('detail of what changed', () => {
  it('a homoglyph names the position and both code points', () => {
    const v = only('contoso.com', 'homoglyph').find((x) => x.domain === 'contоso.com');
    expect(v?.ascii).toBe('xn--contso-zqf.com');
    expect(v?.detail).toEqual({
      registrableDomain: 'contоso.com',
      changes: [{ position: 4, from: 'o', to: 'о', fromCodePoints: ['U+006F'], toCodePoints: ['U+043E'] }],
    });
  });

  it('a multi-letter homoglyph replaces one character with two', () => {
    const v = only('microsoft.com', 'homoglyph').find((x) => x.domain === 'rnicrosoft.com');
    expect(v?.detail.changes).toEqual([{ position: 0, from: 'm', to: 'rn', fromCodePoints: ['U+006D'], toCodePoints: ['U+0072', 'U+006E'] }]);
  });

  it('a keyboard replacement names the layouts', () => {
    const byDomain = new Map(only('ups.com', 'replacement').map((v) => [v.domain, v.detail.layouts]));
    expect(byDomain.get('upa.com')).toEqual(['qwerty', 'qwertz']);
    expect(byDomain.get('upq.com')).toEqual(['azerty']);
    expect(byDomain.get('zps.com')).toEqual(['qwertz']);
    expect(byDomain.get('hps.com')).toEqual(['qwerty', 'qwertz', 'azerty']);
  });

  it('a keyboard insertion names the layouts of the key it neighbours', () => {
    const v = only('ups.com', 'insertion').find((x) => x.domain === 'upms.com');
    expect(v?.detail).toMatchObject({ changes: [{ position: 2, from: '', to: 'm' }], layouts: ['azerty'] });
  });

  it('a bitsquat names the bit', () => {
    const v = only('microsoft.com', 'bitsquatting').find((x) => x.domain === 'mikrosoft.com');
    expect(v?.detail).toMatchObject({ bit: 3, changes: [{ position: 2, from: 'c', to: 'k' }] });
  });

  it('a transposition names both characters', () => {
    expect(only('ups.com', 'transposition')[0]?.detail.changes).toEqual([
      { position: 0, from: 'up', to: 'pu', fromCodePoints: ['U+0075', 'U+0070'], toCodePoints: ['U+0070', 'U+0075'] },
    ]);
  });

  it('a combo names the word, where it goes and the hyphen', () => {
    const v = only('ups.com', 'combo').find((x) => x.domain === 'invoice-ups.com');
    expect(v?.detail).toMatchObject({ word: 'invoice', placement: 'prefix', hyphen: true, changes: [{ position: 0, from: '', to: 'invoice-' }] });
  });

  it('a tld swap names both suffixes and the source list', () => {
    const byDomain = new Map(only('acme.co.uk', 'tld-swap').map((v) => [v.domain, v.detail.suffix]));
    expect(byDomain.get('acme.uk')).toEqual({ from: 'co.uk', to: 'uk', source: 'country' });
    expect(byDomain.get('acme.xyz')).toEqual({ from: 'co.uk', to: 'xyz', source: 'abused' });
    expect(only('ups.com', 'tld-swap').find((v) => v.domain === 'ups.cm')?.detail.suffix).toEqual({ from: 'com', to: 'cm', source: 'typo' });
  });

  it('subdomain and level-squat variants name the registrable domain to watch', () => {
    expect(only('contoso.com', 'subdomain').find((v) => v.domain === 'cont.oso.com')?.detail.registrableDomain).toBe('oso.com');
    const squat = only('contoso.com', 'level-squat');
    expect(squat.find((v) => v.domain === 'contoso.com.xyz')?.detail).toMatchObject({ registrableDomain: 'com.xyz', form: 'subdomain' });
    expect(squat.find((v) => v.domain === 'contoso-com.xyz')?.detail).toMatchObject({ registrableDomain: 'contoso-com.xyz', form: 'hyphenated' });
  });

  it('whole-script names the script and every letter', () => {
    const [v] = only('apple.com', 'whole-script');
    expect(v?.ascii).toBe('xn--80ak6aa92e.com');
    expect(v?.detail.script).toBe('Cyrillic');
    expect(v?.detail.changes.map((c) => c.toCodePoints[0])).toEqual(['U+0430', 'U+0440', 'U+0440', 'U+04CF', 'U+0435']);
  });
});

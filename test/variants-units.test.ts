import fc from 'fast-check';
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { toAsciiDomain } from '../src/normalize';
import type { TechniqueCode } from '../src/types';
import {
  ABUSED_SUFFIXES,
  areKeyboardAdjacent,
  countryVariants,
  createVariantStats,
  DEFAULT_VARIANT_OPTIONS,
  FUZZERS,
  FUZZER_IDS,
  generateVariants,
  KEYBOARD_LAYOUTS,
  keyboardNeighbours,
  registryRefusal,
  SUFFIX_IDN_POLICIES,
  suffixIdnPolicy,
  suffixTypos,
  VariantInputError,
  type FuzzerId,
  type KeyboardLayout,
  type SkippedCandidate,
  type VariantOptions,
} from '../src/variants';
import { punycodeEncode } from '../src/variants/punycode';

const KEYS = [...'abcdefghijklmnopqrstuvwxyz0123456789-'];

describe('keyboards', () => {
  it.each(KEYBOARD_LAYOUTS.map((layout) => ({ description: `${layout} adjacency is symmetric and LDH only`, layout })))(
    '$description',
    ({ layout }) => {
      for (const a of KEYS) {
        for (const b of keyboardNeighbours(a, layout)) {
          expect(KEYS, `${b} is a hostname character`).toContain(b);
          expect(keyboardNeighbours(b, layout), `${a}–${b} on ${layout}`).toContain(a);
          expect(b).not.toBe(a);
        }
      }
      // Every letter and digit is a key on each layout.
      for (const k of KEYS.slice(0, 36)) expect(keyboardNeighbours(k, layout).length, `${k} on ${layout}`).toBeGreaterThan(0);
    },
  );

  const rows: { description: string; key: string; layout: KeyboardLayout; expected: string[] }[] = [
    { description: 'qwerty a (dnstwist: qwsz)', key: 'a', layout: 'qwerty', expected: ['q', 's', 'w', 'z'] },
    { description: 'qwerty m (dnstwist: njk)', key: 'm', layout: 'qwerty', expected: ['j', 'k', 'n'] },
    { description: 'qwerty p touches the hyphen key', key: 'p', layout: 'qwerty', expected: ['-', '0', 'l', 'o'] },
    { description: 'qwertz z sits where qwerty has y', key: 'z', layout: 'qwertz', expected: ['6', '7', 'g', 'h', 't', 'u'] },
    { description: 'qwertz y sits bottom left', key: 'y', layout: 'qwertz', expected: ['a', 's', 'x'] },
    { description: 'azerty m is right of l (dnstwist: lp)', key: 'm', layout: 'azerty', expected: ['l', 'p'] },
    { description: 'azerty a is top left', key: 'a', layout: 'azerty', expected: ['1', '2', 'q', 'z'] },
    { description: 'upper case folds', key: 'A', layout: 'qwerty', expected: ['q', 's', 'w', 'z'] },
    { description: 'a national letter has no table entry', key: 'é', layout: 'azerty', expected: [] },
    { description: 'two characters are not a key', key: 'ab', layout: 'qwerty', expected: [] },
  ];
  it.each(rows)('$description', ({ key, layout, expected }) => {
    expect(keyboardNeighbours(key, layout)).toEqual(expected);
  });

  const pairs: { description: string; a: string; b: string; expected: KeyboardLayout[] }[] = [
    { description: 'a and s on qwerty and qwertz, not azerty', a: 'a', b: 's', expected: ['qwerty', 'qwertz'] },
    { description: 'a and q on all three', a: 'a', b: 'q', expected: ['qwerty', 'qwertz', 'azerty'] },
    { description: 't and z only on qwertz', a: 't', b: 'z', expected: ['qwertz'] },
    { description: 'symmetric, case folded', a: 'Z', b: 't', expected: ['qwertz'] },
    { description: 'a key is not its own neighbour', a: 'k', b: 'k', expected: [] },
    { description: 'far keys', a: 'q', b: 'p', expected: [] },
    { description: 'not single characters', a: 'ab', b: 'b', expected: [] },
  ];
  it.each(pairs)('$description', ({ a, b, expected }) => {
    expect(areKeyboardAdjacent(a, b)).toEqual(expected);
  });
});

describe('punycode (RFC 3492)', () => {
  // RFC 3492 §7.1 sample strings (A), (B) and (L).
  const samples = [
    { description: '(A) Arabic (Egyptian)', cps: [0x644, 0x64a, 0x647, 0x645, 0x627, 0x628, 0x62a, 0x643, 0x644, 0x645, 0x648, 0x634, 0x639, 0x631, 0x628, 0x64a, 0x61f], expected: 'egbpdaj6bu4bxfgehfvwxn' },
    { description: '(B) Chinese (simplified)', cps: [0x4ed6, 0x4eec, 0x4e3a, 0x4ec0, 0x4e48, 0x4e0d, 0x8bf4, 0x4e2d, 0x6587], expected: 'ihqwcrb4cv8a8dqg056pqjye' },
    { description: '(L) 3<nen>B<gumi><kinpachi><sensei>', cps: [0x33, 0x5e74, 0x42, 0x7d44, 0x91d1, 0x516b, 0x5148, 0x751f], expected: '3B-ww4c5e180e575a65lsy2b' },
  ];
  it.each(samples)('$description', ({ cps, expected }) => {
    expect(punycodeEncode(String.fromCodePoint(...cps))).toBe(expected);
  });

  it('agrees with UTS #46 ToASCII (tr46) on labels of lookalike letters', () => {
    const letters = [...'abcdefghijklmnopqrstuvwxyz0123456789', ...'аеорсхуіјӏԁѕԛԝοαρνκιυτöüéèçñßąłøæ', 'ꓔ', '𐓪', '০'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 20 }), (chars) => {
        const label = chars.join('');
        const viaTr46 = toAsciiDomain(label);
        if (viaTr46 === null || viaTr46 === label) return;
        expect(`xn--${punycodeEncode(label)}`).toBe(viaTr46);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('suffix lists', () => {
  const known = (s: string): boolean => {
    const ascii = toAsciiDomain(s);
    const r = ascii === null ? null : parse(`sosie-probe.${ascii}`, { allowPrivateDomains: false });
    return r !== null && r.publicSuffix === ascii && r.isIcann === true;
  };

  it('every curated abused suffix is an ICANN suffix of the PSL, listed once', () => {
    for (const s of ABUSED_SUFFIXES) expect(known(s), s).toBe(true);
    expect(new Set(ABUSED_SUFFIXES).size).toBe(ABUSED_SUFFIXES.length);
  });

  it('every suffix with an IDN policy is an ICANN suffix, written in Unicode', () => {
    for (const s of Object.keys(SUFFIX_IDN_POLICIES)) {
      expect(known(s), s).toBe(true);
      expect(s.startsWith('xn--'), s).toBe(false);
    }
  });

  const variants = [
    { description: 'co.uk → uk and the other uk second levels, uk.com, com', suffix: 'co.uk', expected: ['uk', 'co.uk', 'com.uk', 'net.uk', 'org.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'uk.com', 'com'] },
    { description: 'de → second levels, de.com, com', suffix: 'de', expected: ['co.de', 'com.de', 'net.de', 'org.de', 'ltd.de', 'plc.de', 'me.de', 'de.com', 'com'] },
    { description: 'com → com.co and the other generics', suffix: 'com', expected: ['com.co', 'com', 'net', 'org'] },
  ];
  it.each(variants)('country variants: $description', ({ suffix, expected }) => {
    expect(countryVariants(suffix)).toEqual(expected);
  });

  const typos = [
    { description: 'com: omissions, swaps, vowels', suffix: 'com', expected: ['om', 'cm', 'co', 'ocm', 'cmo', 'cam', 'cem', 'cim', 'cum'] },
    { description: 'co.uk: only the top label changes', suffix: 'co.uk', expected: ['co.ku', 'co.ak', 'co.ek', 'co.ik', 'co.ok'] },
    { description: 'an IDN TLD has none', suffix: 'рф', expected: [] },
  ];
  it.each(typos)('suffix typos: $description', ({ suffix, expected }) => {
    expect(suffixTypos(suffix)).toEqual(expected);
  });
});

describe('IDN registry policy', () => {
  const cases: { description: string; label: string; suffix: string; refused: boolean }[] = [
    { description: 'ASCII under .com', label: 'contoso', suffix: 'com', refused: false },
    { description: 'one Cyrillic letter in a Latin label is mixed-script everywhere', label: 'contоso', suffix: 'com', refused: true },
    { description: 'all-Cyrillic label under .com', label: 'сосо', suffix: 'com', refused: false },
    { description: 'all-Cyrillic label under .co.uk (Nominet: no IDN)', label: 'сосо', suffix: 'co.uk', refused: true },
    { description: 'accented Latin under .co.uk', label: 'cöntoso', suffix: 'co.uk', refused: true },
    { description: 'accented Latin under .de', label: 'cöntoso', suffix: 'de', refused: false },
    { description: 'Cyrillic under .de', label: 'сосо', suffix: 'de', refused: true },
    { description: 'Cyrillic under .ru', label: 'сосо', suffix: 'ru', refused: false },
    { description: 'Greek under .ru', label: 'οκ', suffix: 'ru', refused: true },
    { description: 'Greek under .gr', label: 'οκ', suffix: 'gr', refused: false },
    { description: 'ASCII under .рф (Cyrillic only)', label: 'contoso', suffix: 'рф', refused: true },
    { description: 'Cyrillic under .рф', label: 'пример', suffix: 'рф', refused: false },
    { description: 'Japanese Han + Hiragana under .jp (one script set, Jpan)', label: 'ひらがな漢字', suffix: 'jp', refused: false },
    { description: 'Cyrillic under .eu', label: 'пример', suffix: 'eu', refused: false },
    { description: 'Armenian under an unlisted gTLD', label: 'օօ', suffix: 'xyz', refused: false },
  ];
  it.each(cases)('$description', ({ label, suffix, refused }) => {
    const why = registryRefusal(label, suffix);
    expect(why !== undefined, why ?? 'accepted').toBe(refused);
    if (why !== undefined) expect(why.length).toBeGreaterThan(20);
  });

  it('a second-level suffix inherits its TLD policy; unlisted suffixes accept any one script', () => {
    expect(suffixIdnPolicy('co.uk')).toBe(SUFFIX_IDN_POLICIES['uk']);
    expect(suffixIdnPolicy('xyz')).toEqual({ ascii: true, scripts: '*' });
  });
});

describe('the fuzzer table', () => {
  // The mapping the issue and the detector agree on.
  const mapping: Record<FuzzerId, TechniqueCode> = {
    'whole-script': 'whole-script',
    diacritic: 'diacritic',
    homoglyph: 'homoglyph',
    transposition: 'transposition',
    repetition: 'repetition',
    plural: 'insertion',
    omission: 'omission',
    'vowel-swap': 'vowel-swap',
    replacement: 'replacement',
    hyphenation: 'hyphenation',
    insertion: 'insertion',
    bitsquatting: 'bitsquat',
    addition: 'insertion',
    subdomain: 'dot-insertion',
    combo: 'combo',
    'tld-swap': 'tld-swap',
    'level-squat': 'subdomain-embedding',
  };

  it('lists every required fuzzer once, kebab-case, with its reason code first', () => {
    expect([...FUZZER_IDS].sort()).toEqual(Object.keys(mapping).sort());
    for (const f of FUZZERS) {
      expect(f.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(f.reasonCodes[0]).toBe(mapping[f.id]);
      expect(f.description.length).toBeGreaterThan(20);
    }
  });

  it('is frozen, as are the defaults', () => {
    expect(Object.isFrozen(FUZZERS)).toBe(true);
    expect(FUZZERS.every((f) => Object.isFrozen(f) && Object.isFrozen(f.reasonCodes))).toBe(true);
    expect(Object.isFrozen(DEFAULT_VARIANT_OPTIONS)).toBe(true);
    expect(DEFAULT_VARIANT_OPTIONS).toMatchObject({ idn: true, idnPolicy: 'any', privateSuffixes: true, limit: Infinity });
    expect(DEFAULT_VARIANT_OPTIONS.keyboards).toEqual(['qwerty', 'qwertz', 'azerty']);
  });

  it('only bitsquatting is documented as not confusable', () => {
    expect(FUZZERS.filter((f) => !f.confusable).map((f) => f.id)).toEqual(['bitsquatting']);
  });
});

describe('input and option errors', () => {
  const inputs: { description: string; domain: unknown; code: string }[] = [
    { description: 'empty', domain: '', code: 'empty' },
    { description: 'a bare public suffix', domain: 'co.uk', code: 'no-registrable-domain' },
    { description: 'a single label', domain: 'com', code: 'no-registrable-domain' },
    { description: 'an IPv4 address', domain: '192.0.2.1', code: 'ip-literal' },
    { description: 'a suffix not in the PSL', domain: 'contoso.local', code: 'unknown-suffix' },
    { description: 'an address instead of a domain', domain: 'ap@contoso.com', code: 'invalid-domain' },
    { description: 'a hidden zero-width space', domain: 'con\u200Btoso.com', code: 'invalid-domain' },
    { description: 'over 1,024 characters', domain: `${'a'.repeat(2000)}.com`, code: 'too-long' },
    { description: 'not a string', domain: 42, code: 'invalid-domain' },
  ];
  it.each(inputs)('input: $description', ({ domain, code }) => {
    let error: unknown;
    try {
      generateVariants(domain as string); // throws at the call, before any iteration
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VariantInputError);
    expect((error as VariantInputError).code).toBe(code);
    expect((error as VariantInputError).message.length).toBeGreaterThan(20);
  });

  const options: { description: string; options: unknown }[] = [
    { description: 'unknown fuzzer', options: { fuzzers: ['typo'] } },
    { description: 'unknown layout', options: { keyboards: ['dvorak'] } },
    { description: 'negative limit', options: { limit: -1 } },
    { description: 'fractional limit', options: { limit: 2.5 } },
    { description: 'NaN limit', options: { limit: Number.NaN } },
    { description: 'a word with a space', options: { words: ['pay now'] } },
    { description: 'a word with a dot', options: { words: ['pay.now'] } },
    { description: 'an unknown suffix', options: { tlds: ['notatld'] } },
    { description: 'a private suffix with the private section off', options: { tlds: ['uk.com'], privateSuffixes: false } },
    { description: 'an unknown IDN policy', options: { idnPolicy: 'strict' } },
    { description: 'a non-boolean idn', options: { idn: 'yes' } },
    { description: 'a non-function onSkip', options: { onSkip: 3 } },
  ];
  it.each(options)('option: $description', ({ options: o }) => {
    expect(() => generateVariants('contoso.com', o as VariantOptions)).toThrow(VariantInputError);
  });
});

describe('input handling', () => {
  const domains = (d: string, o: VariantOptions = {}): string[] => [...generateVariants(d, o)].map((v) => v.domain);

  it('subdomains of the input are dropped: a host gives the variants of its registrable domain', () => {
    const o: VariantOptions = { fuzzers: ['omission', 'tld-swap', 'combo'] };
    expect(domains('Mail.Contoso.CO.UK.', o)).toEqual(domains('contoso.co.uk', o));
  });

  it('an A-label input gives the same variants as its Unicode form', () => {
    const o: VariantOptions = { fuzzers: ['omission', 'diacritic'] };
    expect(domains('xn--mnchen-bau-9db.de', o)).toEqual(domains('münchen-bau.de', o));
  });

  it('a private-section suffix owner (github.io) is varied under its ICANN suffix', () => {
    expect(domains('github.io', { fuzzers: ['omission'] })).toEqual(['ithub.io', 'gthub.io', 'gihub.io', 'gitub.io', 'githb.io', 'githu.io']);
  });

  it('limit stops early, and 0 gives nothing', () => {
    expect(domains('contoso.com', { limit: 5 })).toEqual(domains('contoso.com').slice(0, 5));
    expect(domains('contoso.com', { limit: 0 })).toEqual([]);
  });

  it('statistics account for every candidate and match onSkip', () => {
    const stats = createVariantStats();
    const skipped: SkippedCandidate[] = [];
    const out = [...generateVariants('ups.com', { stats, onSkip: (s) => skipped.push(s) })];
    expect(stats.emitted).toBe(out.length);
    expect(stats.candidates).toBe(stats.emitted + stats.duplicates + stats.skipped);
    expect(Object.values(stats.emittedByFuzzer).reduce((a, b) => a + b, 0)).toBe(stats.emitted);
    expect(Object.values(stats.skippedByReason).reduce((a, b) => a + b, 0)).toBe(stats.skipped);
    expect(skipped).toHaveLength(stats.skipped);
    // us.com (omission of p) is a PSL suffix, not a registrable domain.
    expect(skipped).toContainEqual(expect.objectContaining({ fuzzer: 'omission', domain: 'us.com', reason: 'not-registrable' }));
    expect(stats.duplicates).toBeGreaterThan(0);
  });

  it('stats are reset when a new generation starts', () => {
    const stats = createVariantStats();
    [...generateVariants('ups.com', { stats, fuzzers: ['omission'] })];
    generateVariants('ups.com', { stats, fuzzers: ['omission'] });
    expect(stats.candidates).toBe(0);
  });

  it('idnPolicy registry under .co.uk leaves only ASCII variants and says why', () => {
    const stats = createVariantStats();
    const out = [...generateVariants('contoso.co.uk', { idnPolicy: 'registry', stats })];
    expect(out.every((v) => v.domain === v.ascii)).toBe(true);
    expect(stats.skippedByReason['idn-policy']).toBeGreaterThan(1000);
  });

  it('idnPolicy registry under .com keeps whole-script and single-script Latin variants only', () => {
    const out = [...generateVariants('apple.com', { idnPolicy: 'registry', fuzzers: ['whole-script', 'homoglyph'] })];
    const domains = new Set(out.map((v) => v.domain));
    expect(domains.has('аррӏе.com')).toBe(true);
    expect(domains.has('аpple.com')).toBe(false);
    expect(domains.has('app1e.com')).toBe(true);
  });
});

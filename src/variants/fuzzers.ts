/**
 * The fuzzer table: stable ids, what each produces, and the detector reason codes that name the
 * same technique (one vocabulary for the generator and the detector).
 *
 * ORDER IS THE CREDIT RULE. Fuzzers run in table order and a domain produced by several is
 * emitted once, credited to the first. The order puts the narrowest, most telling explanation
 * first: visual techniques (whole-script before single homoglyphs, accents before other
 * homoglyphs, so `c0ntoso` is a homoglyph even though `0` also neighbours `o` on the keyboard),
 * then typos from the most specific (a swap, a doubled letter, a plural ending) to the most
 * general (any neighbouring key, any bit, any letter), then structural changes. Examples:
 * `contuso` is a vowel-swap rather than a replacement (u and i are neighbours); `contosoo` is a
 * repetition rather than an addition; `contpso` (p neighbours o) is a replacement, and `mikrosoft`
 * (c → k, one bit apart but not neighbours) is a bitsquatting variant; a variant that is both a
 * key slip and a bit flip (`e` → `d`) goes to replacement, the far likelier cause.
 *
 * `confusable`: whether a person can mistake the variant for the input, by sight or as their own
 * typo. Every fuzzer is, except `bitsquatting`: its variants come from bit errors in memory or on
 * the wire (Dinaburg 2011), not from a human. The detector still flags them (one character
 * changed: replacement + bitsquat); the round-trip test checks that too.
 */

import type { FuzzerId, FuzzerInfo } from './types';

/** The fuzzer table, in run (credit) order. */
export const FUZZERS: readonly FuzzerInfo[] = Object.freeze(
  (
    [
      {
        id: 'whole-script',
        description: 'the label written entirely in one other script that reads as Latin (аррӏе for apple), where every letter has a lookalike',
        reasonCodes: ['whole-script'],
        confusable: true,
      },
      {
        id: 'diacritic',
        description: 'one or two letters replaced by an accented form (cöntoso), or an accent removed',
        reasonCodes: ['diacritic'],
        confusable: true,
      },
      {
        id: 'homoglyph',
        description: 'one or two lookalike substitutions from the UTS #39 data the detector uses: digits (c0ntoso), other scripts (Cyrillic о), rn/m, vv/w, cl/d',
        reasonCodes: ['homoglyph'],
        confusable: true,
      },
      { id: 'transposition', description: 'two adjacent characters swapped (cnotoso)', reasonCodes: ['transposition'], confusable: true },
      { id: 'repetition', description: 'one character typed twice (conttoso)', reasonCodes: ['repetition'], confusable: true },
      {
        id: 'plural',
        description: 'an English plural ending on the label or one of its hyphenated parts (contosos)',
        reasonCodes: ['insertion'],
        confusable: true,
      },
      { id: 'omission', description: 'one character left out (contso)', reasonCodes: ['omission'], confusable: true },
      { id: 'vowel-swap', description: 'one vowel replaced by another (contuso)', reasonCodes: ['vowel-swap'], confusable: true },
      {
        id: 'replacement',
        description: 'one character replaced by a neighbouring key on a QWERTY, QWERTZ or AZERTY keyboard (contpso)',
        reasonCodes: ['replacement'],
        confusable: true,
      },
      { id: 'hyphenation', description: 'a hyphen inserted between two characters (con-toso)', reasonCodes: ['hyphenation'], confusable: true },
      {
        id: 'insertion',
        description: 'a neighbouring key typed before or after a character (contoaso)',
        reasonCodes: ['insertion'],
        confusable: true,
      },
      {
        id: 'bitsquatting',
        description: 'one bit of one ASCII character flipped, giving another hostname character (mikrosoft)',
        reasonCodes: ['bitsquat'],
        confusable: false,
      },
      {
        id: 'addition',
        description: 'a letter or digit added at the start or end of the label or of a hyphenated part (contoso1)',
        reasonCodes: ['insertion'],
        confusable: true,
      },
      {
        id: 'subdomain',
        description: 'a dot inserted into the label, making its tail the registrable domain (cont.oso.com)',
        reasonCodes: ['dot-insertion'],
        confusable: true,
      },
      {
        id: 'combo',
        description: 'the label with a business, payment or security word before or after it, with or without a hyphen (contoso-invoices)',
        reasonCodes: ['combo'],
        confusable: true,
      },
      {
        id: 'tld-swap',
        description: 'the label under another suffix: country variants, suffix typos, commonly abused TLDs (contoso.co)',
        reasonCodes: ['tld-swap'],
        confusable: true,
      },
      {
        id: 'level-squat',
        description: 'the whole domain in front of another suffix (contoso.com.xyz) or hyphenated into the label (contoso-com.xyz)',
        // `contoso.com.xyz`: the domain embedded as subdomain labels. `contoso-com.xyz`: the detector
        // names the hyphenated suffix a tld-swap, and the embedded brand token (when long enough) a
        // subdomain-embedding.
        reasonCodes: ['subdomain-embedding', 'tld-swap'],
        confusable: true,
      },
    ] as const satisfies readonly FuzzerInfo[]
  ).map((row) => Object.freeze({ ...row, reasonCodes: Object.freeze([...row.reasonCodes]) })),
);

/** Every fuzzer id, in run (credit) order. */
export const FUZZER_IDS: readonly FuzzerId[] = Object.freeze(FUZZERS.map((f) => f.id));

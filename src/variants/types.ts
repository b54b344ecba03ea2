/**
 * Public types of the variant generator: options, the variants it yields, and its statistics.
 */

import type { TechniqueCode } from '../types';
import type { KeyboardLayout } from './keyboards';

/**
 * Stable kebab-case fuzzer ids, never renamed once released. The order of {@link FUZZER_IDS} is the
 * order fuzzers run in, which decides which one gets the credit for a domain several produce.
 */
export type FuzzerId =
  | 'whole-script'
  | 'diacritic'
  | 'homoglyph'
  | 'transposition'
  | 'repetition'
  | 'plural'
  | 'omission'
  | 'vowel-swap'
  | 'replacement'
  | 'hyphenation'
  | 'insertion'
  | 'bitsquatting'
  | 'addition'
  | 'subdomain'
  | 'combo'
  | 'tld-swap'
  | 'level-squat';

/** One row of the fuzzer table {@link FUZZERS}. */
export interface FuzzerInfo {
  readonly id: FuzzerId;
  /** One line: what the fuzzer produces. */
  readonly description: string;
  /** The detector reason codes that name this technique; a detector trusting the input must report one of them. */
  readonly reasonCodes: readonly TechniqueCode[];
  /** Whether a human can mistake the variant for the input (visually or as a typo); see FUZZERS. */
  readonly confusable: boolean;
}

/** How variants are filtered by what the suffix's registry accepts (see idn-policy.ts). */
export type IdnPolicy = 'registry' | 'any';

/** One edit of the registrable label, in code points of the INPUT label. */
export interface VariantChange {
  /**
   * Code-point index in the input's registrable label where the edit applies: the first character
   * replaced or removed, or the character before which text is inserted (the label's length for
   * text added at the end).
   */
  readonly position: number;
  /** Text of the input label that was replaced or removed ('' for a pure insertion). */
  readonly from: string;
  /** Text written instead ('' for a pure removal). */
  readonly to: string;
  /** `U+XXXX` for each code point of `from`. */
  readonly fromCodePoints: readonly string[];
  /** `U+XXXX` for each code point of `to`. */
  readonly toCodePoints: readonly string[];
}

/** Where a swapped suffix comes from (tld-swap, level-squat). */
export type SuffixSource = 'input' | 'country' | 'typo' | 'abused' | 'option';

/** What changed between the input and a variant. Fields beyond the first two depend on the fuzzer. */
export interface VariantDetail {
  /**
   * The registrable domain of the variant (Unicode): what an attacker registers. Equal to the
   * variant's `domain` except for `subdomain` and `level-squat` variants, which are hosts under it.
   */
  readonly registrableDomain: string;
  /** Edits of the registrable label, in input order; empty when only the suffix changed. */
  readonly changes: readonly VariantChange[];
  /** The public suffix of the input and of the variant, when the fuzzer changed it (tld-swap, level-squat). */
  readonly suffix?: { readonly from: string; readonly to: string; readonly source: SuffixSource };
  /** Keyboard fuzzers: the requested layouts on which the typed key neighbours the intended one. */
  readonly layouts?: readonly KeyboardLayout[];
  /** bitsquatting: the bit flipped (0 = least significant). */
  readonly bit?: number;
  /** combo: the word added, where, and whether joined with a hyphen. */
  readonly word?: string;
  readonly placement?: 'prefix' | 'suffix';
  readonly hyphen?: boolean;
  /** whole-script: the script the label is written in. */
  readonly script?: string;
  /** level-squat: the input written as subdomain labels (`contoso.com.xyz`) or hyphenated into the label (`contoso-com.xyz`). */
  readonly form?: 'subdomain' | 'hyphenated';
}

/** One lookalike domain. */
export interface Variant {
  /** The variant host in Unicode (UTS #46 ToUnicode form, lowercase). */
  readonly domain: string;
  /** The same host in ASCII (Punycode A-labels). */
  readonly ascii: string;
  /** The fuzzer credited with it (the first in {@link FUZZER_IDS} order that produced it). */
  readonly fuzzer: FuzzerId;
  readonly detail: VariantDetail;
}

/** Why a candidate was not emitted (duplicates are counted apart, in {@link VariantStats.duplicates}). */
export type SkipReason =
  /** A label is not a valid LDH label or IDN U-label (characters, hyphens, UTS #46 round trip). */
  | 'invalid-label'
  /** A label over 63 octets or a host over 253 characters in ASCII form (RFC 1035 §2.3.4). */
  | 'too-long'
  /** The Public Suffix List does not split the host as the fuzzer intended (e.g. the label plus suffix is itself a suffix). */
  | 'not-registrable'
  /** The host is the input's registrable domain or a host under it. */
  | 'same-as-input'
  /** An IDN variant while the `idn` option is false. */
  | 'idn-disabled'
  /** `idnPolicy: 'registry'` and the suffix's registry would refuse the label. */
  | 'idn-policy';

/** A candidate that was not emitted, reported through `onSkip`. */
export interface SkippedCandidate {
  readonly fuzzer: FuzzerId;
  /** The candidate host as built (Unicode). */
  readonly domain: string;
  readonly reason: SkipReason;
  /** One plain English sentence. */
  readonly message: string;
}

/**
 * Counters filled while the iterator runs (pass one in `options.stats`; it is reset when
 * `generateVariants` is called). Every candidate a fuzzer proposes ends up in exactly one of
 * `emitted`, `duplicates` or `skipped`, so `candidates === emitted + duplicates + skipped` once the
 * iterator is exhausted.
 */
export interface VariantStats {
  candidates: number;
  emitted: number;
  duplicates: number;
  skipped: number;
  skippedByReason: Record<SkipReason, number>;
  emittedByFuzzer: Record<FuzzerId, number>;
}

/** Options of `generateVariants`. Every field is optional; defaults are in `DEFAULT_VARIANT_OPTIONS`. */
export interface VariantOptions {
  /** Fuzzers to run (default: all). They always run in table order, whatever the order given here. */
  readonly fuzzers?: readonly FuzzerId[];
  /** Keyboard layouts for `insertion` and `replacement` (default: all three). */
  readonly keyboards?: readonly KeyboardLayout[];
  /** Stop after this many variants (default: no limit). */
  readonly limit?: number;
  /** Extra words for `combo`, added after the built-in business words. */
  readonly words?: readonly string[];
  /** Extra suffixes for `tld-swap` and `level-squat`, tried after the built-in list (e.g. `['de', 'com.de']`). */
  readonly tlds?: readonly string[];
  /** Emit IDN (non-ASCII) variants at all (default true). */
  readonly idn?: boolean;
  /** `'any'` (default): every valid IDN; `'registry'`: drop labels the suffix's registry would refuse. */
  readonly idnPolicy?: IdnPolicy;
  /** Use the private section of the Public Suffix List (default true, as the detector does). */
  readonly privateSuffixes?: boolean;
  /** Counters to fill (see {@link VariantStats}). */
  readonly stats?: VariantStats;
  /** Called for every candidate skipped (not for duplicates). */
  readonly onSkip?: (skipped: SkippedCandidate) => void;
}

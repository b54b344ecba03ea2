/**
 * The variants stage: generate the lookalike domains an attacker could register for a domain
 * (dnstwist-style fuzzers), in the detector's vocabulary. See generate-variants.ts.
 */

export { generateVariants, createVariantStats } from './generate-variants';
export { FUZZERS, FUZZER_IDS } from './fuzzers';
export { DEFAULT_VARIANT_OPTIONS } from './options';
export { VariantInputError, type VariantInputErrorCode } from './errors';
export { keyboardNeighbours, areKeyboardAdjacent, KEYBOARD_LAYOUTS, type KeyboardLayout } from './keyboards';
export { ABUSED_SUFFIXES, countryVariants, suffixTypos } from './tlds';
export { SUFFIX_IDN_POLICIES, suffixIdnPolicy, registryRefusal, type SuffixIdnPolicy } from './idn-policy';
export { BUSINESS_WORDS } from './business-words';
export type {
  FuzzerId,
  FuzzerInfo,
  IdnPolicy,
  SkipReason,
  SkippedCandidate,
  SuffixSource,
  Variant,
  VariantChange,
  VariantDetail,
  VariantOptions,
  VariantStats,
} from './types';

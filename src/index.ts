/**
 * sosie — catch lookalike sender addresses before someone wires money to them.
 * This module only re-exports; see README.md for the API.
 */

export {
  createDetector,
  tryCreateDetector,
  DEFAULT_DETECTOR_OPTIONS,
  type CreateDetectorResult,
  type Detector,
  type DetectorOptions,
  type TrustedInput,
  type TrustedListInput,
} from './detector';
export {
  parseTrustedList,
  TrustedListError,
  TRUSTED_LIST_ERROR_MESSAGES,
  type ParseTrustedListOptions,
  type TrustedListErrorCode,
} from './trust-index';
export { parseSender, decodeEncodedWords, LIMITS, type ParsedMailbox, type ParseResult } from './parse';
export {
  normalizeDomain,
  normalizeLocalPart,
  toAsciiDomain,
  toUnicodeDomain,
  type NormalizeDomainResult,
  type NormalizeOptions,
} from './normalize';
export { skeleton, analyzeScripts, type ScriptAnalysis } from './skeleton';
export {
  generateVariants,
  FUZZERS,
  DEFAULT_VARIANT_OPTIONS,
  VariantInputError,
  type FuzzerId,
  type FuzzerInfo,
  type KeyboardLayout,
  type Variant,
  type VariantOptions,
} from './variants';
export type {
  CheckResult,
  HiddenChar,
  InvalidCode,
  Match,
  Reason,
  ReasonCode,
  SenderParts,
  TechniqueCode,
  TrustedEntry,
  Verdict,
} from './types';

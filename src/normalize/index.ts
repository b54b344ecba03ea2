/**
 * The normalize stage: hidden characters, UTS #46 domains, Public Suffix List split, local parts.
 */

export { findHiddenChars } from './hidden-chars';
export { toAsciiDomain, toUnicodeDomain } from './idna';
export { normalizeLocalPart } from './local-part';
export { normalizeDomain, type DomainParts, type NormalizeDomainResult } from './normalize-domain';
export { DEFAULT_NORMALIZE_OPTIONS, type NormalizeOptions } from './options';

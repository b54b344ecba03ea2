import type { CheckResult, TrustedEntry } from '../types';

/** One trusted entry as given by the caller. */
export interface TrustedInput {
  /** A domain: trusts it and its subdomains (`contoso.com`). */
  readonly domain?: string;
  /** An address: trusts its domain, or only the address when the domain is a shared mailbox provider. */
  readonly address?: string;
  /** The contact's or organisation's display name (`Ana Pereira`, `Contoso Ltd`). */
  readonly name?: string;
  /** Caller's id, echoed in results. */
  readonly id?: string;
  /** 1-based line in the text the entry came from (set by `parseTrustedList`). */
  readonly line?: number;
  /** File the entry came from (set by `parseTrustedList`). */
  readonly file?: string;
  /** The entry as written in that file (set by `parseTrustedList`), used in messages. */
  readonly source?: string;
}

/** The trusted list: text in the trusted-list file format, or an array of entries. */
export type TrustedListInput = string | readonly (string | TrustedInput)[];

/** Options of `createDetector`. Every field is optional; defaults are in `DEFAULT_DETECTOR_OPTIONS`. */
export interface DetectorOptions {
  /** Extra words for combo detection, added to the built-in business/payment/security list. */
  readonly words?: readonly string[];
  /** Treat names under private PSL suffixes (`contoso.github.io`) as registrable (default true). */
  readonly privateSuffixes?: boolean;
  /** Extra shared-mailbox provider domains (beyond the bundled `email-providers` list). */
  readonly sharedProviders?: readonly string[];
  /** Minimum registrable-label length (code points) for one typo edit to count (default 5). */
  readonly minLengthOneEdit?: number;
  /** Minimum registrable-label length (code points) for two typo edits to count (default 10). */
  readonly minLengthTwoEdits?: number;
  /** Minimum brand length (code points) matched inside other labels, subdomains and display names (default 5). */
  readonly minBrandLength?: number;
  /** File name used in error messages when `trusted` is text. */
  readonly file?: string;
}

/** A compiled trusted list. Checking never throws. */
export interface Detector {
  /** Check one sender: a raw `From:` value, an address or a domain. Never throws; deterministic. */
  check(sender: string): CheckResult;
  /** The compiled entries, in input order. */
  readonly entries: readonly TrustedEntry[];
}

/**
 * What every fuzzer receives and yields. Fuzzers only propose candidates; validity, deduplication,
 * the IDN filters and the statistics are the generator's job (generate-variants.ts).
 */

import type { KeyboardLayout } from '../keyboards';
import type { Expectation } from '../validate';
import type { VariantDetail } from '../types';

/** The input, normalised, and the options that shape candidates. */
export interface FuzzContext {
  /** The registrable label of the input (Unicode): `contoso` for `mail.contoso.co.uk`. */
  readonly label: string;
  /** `label` split into code points. */
  readonly chars: readonly string[];
  /** The input's public suffix (Unicode): `co.uk`. */
  readonly suffix: string;
  /** The input's registrable domain (Unicode): `contoso.co.uk`. */
  readonly registrableDomain: string;
  /** Scripts of the input label other than Common and Inherited (UAX #24). */
  readonly labelScripts: readonly string[];
  /** Selected keyboard layouts, in table order. */
  readonly layouts: readonly KeyboardLayout[];
  /** Whether non-ASCII candidates are wanted at all. */
  readonly idn: boolean;
  /** Words for `combo`: the built-in list, then the caller's. */
  readonly words: readonly string[];
  /** The caller's extra suffixes (Unicode), already checked against the Public Suffix List. */
  readonly extraSuffixes: readonly string[];
  /** Whether a suffix is in the Public Suffix List (ICANN section, or private when enabled). */
  readonly isKnownSuffix: (suffix: string) => boolean;
}

/** One edit of the input label; code points are added when a variant is emitted. */
export interface RawChange {
  readonly position: number;
  readonly from: string;
  readonly to: string;
}

/** Fuzzer-specific detail fields (everything but `registrableDomain` and `changes`). */
export type ExtraDetail = Omit<VariantDetail, 'registrableDomain' | 'changes'>;

/** A proposed host: `left` + '.' + `suffix`. */
export interface Candidate {
  /** Labels left of the suffix (Unicode): `c0ntoso`, `cont.oso`, `contoso.com`. */
  readonly left: string;
  /** The public suffix meant (Unicode). */
  readonly suffix: string;
  /** Whether the host must be a registrable domain itself, or may be a name under one. */
  readonly expect: Expectation;
  readonly changes: readonly RawChange[];
  readonly extra?: ExtraDetail;
}

/** A fuzzer: a lazy sequence of candidates, in a deterministic order. */
export type Fuzzer = (ctx: FuzzContext) => Iterable<Candidate>;

/** A candidate that replaces the registrable label and keeps the input's suffix. */
export function labelCandidate(ctx: FuzzContext, label: string, changes: readonly RawChange[], extra?: ExtraDetail): Candidate {
  return extra === undefined
    ? { left: label, suffix: ctx.suffix, expect: 'registrable', changes }
    : { left: label, suffix: ctx.suffix, expect: 'registrable', changes, extra };
}

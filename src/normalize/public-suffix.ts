/**
 * Public Suffix List split (registrable domain, suffix, subdomain, label) through `tldts` (its PSL trie ships
 * with it). One `parse` call per domain, with a frozen options object.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import { parse } from 'tldts';
import type { TldtsOptions } from './options';

/** The PSL split of one host, in the form (ASCII or Unicode) of the labels it was computed from. */
export interface SuffixSplit {
  readonly registrableDomain: string | null;
  readonly publicSuffix: string | null;
  readonly subdomain: string;
  readonly label: string | null;
  readonly isIcann: boolean | null;
}

/**
 * Splits a lowercase ASCII host (A-labels for IDNs) by the Public Suffix List.
 * tldts is given the ASCII form because it is the canonical one: its trie holds both forms of IDN suffixes,
 * but only the ASCII form is free of mapping questions.
 * @param host - Lowercase ASCII host, already validated (tldts does not lowercase with `extractHostname: false`).
 * @param options - One of the frozen objects from `tldtsOptionsFor`.
 * @returns The split; `registrableDomain` and `label` are null for a bare suffix (`co.uk`) or a single label.
 */
export function splitAscii(host: string, options: TldtsOptions): SuffixSplit {
  const result = parse(host, options);
  return {
    registrableDomain: result.domain,
    publicSuffix: result.publicSuffix,
    subdomain: result.subdomain ?? '',
    label: result.domainWithoutSuffix,
    isIcann: result.isIcann,
  };
}

/** Number of labels in a dotted name. */
function countLabels(name: string): number {
  let count = 1;
  for (let i = 0; i < name.length; i++) if (codeUnitAt(name, i) === 0x2e) count++;
  return count;
}

/**
 * Carries an ASCII split over to the Unicode form of the same host. UTS #46 ToUnicode maps labels one to one,
 * so the suffix is the same number of trailing labels in both forms: no Punycode call is needed.
 * @param split - Result of {@link splitAscii} on the ASCII form.
 * @param unicodeLabels - The Unicode form split on `.`, same label count as the ASCII form.
 * @returns The split in Unicode.
 */
export function toUnicodeSplit(split: SuffixSplit, unicodeLabels: readonly string[]): SuffixSplit {
  if (split.publicSuffix === null) return split;
  const total = unicodeLabels.length;
  const suffixStart = total - countLabels(split.publicSuffix);
  const publicSuffix = unicodeLabels.slice(suffixStart).join('.');
  if (split.registrableDomain === null || suffixStart < 1) {
    return { registrableDomain: null, publicSuffix, subdomain: '', label: null, isIcann: split.isIcann };
  }
  return {
    registrableDomain: unicodeLabels.slice(suffixStart - 1).join('.'),
    publicSuffix,
    subdomain: unicodeLabels.slice(0, suffixStart - 1).join('.'),
    label: unicodeLabels[suffixStart - 1] ?? null,
    isIcann: split.isIcann,
  };
}

/**
 * One record per trusted host: the entries that trust it, and what a check needs when a sender
 * writes that host exactly as listed, precomputed at compile time.
 *
 * Why a record and not the entries array alone: at 100,000 trusted entries every object a check
 * reads is a cache miss of its own (a trusted sender cost 2.7 µs there against 1.2 µs at 100, each
 * check timed alone in stream order). The trusted path read the entries array, the entry, its
 * registrable-domain string (for the host parts), a set of registrable domains with address entries
 * and a fresh parts object; the record holds the host's parts and the answer to that set lookup,
 * so the path reads the map and this one object. On large lists not even that: the hosts table
 * keeps a 32-bit tag per host in its slot (hostTag), from which, with the host's text, a check
 * gets the same parts (partsFromTag).
 */

import type { DomainParts } from '../normalize';
import type { TrustedEntry } from '../types';

/** The parts of a host that a check reads (what normalizeDomain gives, without `isIcann`). */
export type HostParts = Omit<DomainParts, 'isIcann'>;

/** A trusted host: its entries, and its parts as a check sees them (see `asListed`). */
export interface ListedHost extends HostParts {
  /** The entries that trust this whole host, in list order (at least one). */
  readonly entries: readonly TrustedEntry[];
  /** `entries[0]`, the entry a trusted result names (one read fewer than through the array). */
  readonly entry: TrustedEntry;
  /**
   * Whether the parts above are exactly what normalizeDomain gives a sender who writes the host
   * as listed, so that the check can skip normalizing it (about a fifth of checking a trusted
   * sender). True for ASCII hosts: their written form is the normalised one, entries are normalised
   * with the same policy and normalisation is idempotent (a differential test compares the two).
   * False for IDN hosts, written in several forms, and for a private suffix the entry reads with
   * the ICANN section only (`github.io`), which a sender's host is not.
   */
  readonly asListed: boolean;
  /** Whether the host's registrable domain has address entries (then a check looks up the address first). */
  readonly addressLookup: boolean;
}

/**
 * The record of a host from its entries (all with the same `domain`). `icannRead`: the entry read
 * the host with the ICANN section only; `addressLookup`: its registrable domain has address entries.
 */
export function listedHost(entries: readonly TrustedEntry[], icannRead: boolean, addressLookup: boolean): ListedHost {
  const first = entries[0]!;
  const { domain, registrableDomain } = first;
  // The registrable domain ends the host: equal lengths mean the host is it (no subdomain).
  const atRegistrable = domain.length === registrableDomain.length;
  return {
    unicode: domain,
    ascii: first.asciiDomain,
    registrableDomain: atRegistrable ? domain : registrableDomain,
    publicSuffix: first.suffix,
    subdomain: atRegistrable ? '' : domain.slice(0, domain.length - registrableDomain.length - 1),
    label: first.label,
    writtenLabel: first.label,
    entries,
    entry: first,
    asListed: first.asciiDomain === domain && !icannRead,
    addressLookup,
  };
}

/** hostTag: the host is `asListed` (its parts follow from its text and the tag). */
export const HOST_TAG_AS_LISTED = 1;
/** hostTag: the host's `addressLookup`. */
export const HOST_TAG_ADDRESS_LOOKUP = 2;

/**
 * What the trusted path needs of a host's record, in 32 bits, kept in the hosts table's slot (see
 * StringTable): for a host written as listed (`asListed`), HOST_TAG_AS_LISTED, `addressLookup`,
 * the registrable domain's length (bits 8–15) and the public suffix's length (bits 16–23). With
 * the host's text, that gives every part (partsFromTag) and the record need not be read. 0 for the
 * other hosts: their record is read.
 */
export function hostTag(host: ListedHost): number {
  const { unicode, registrableDomain, publicSuffix } = host;
  if (!host.asListed || unicode.length > 255 || registrableDomain === null || publicSuffix === null) return 0;
  return HOST_TAG_AS_LISTED | (host.addressLookup ? HOST_TAG_ADDRESS_LOOKUP : 0) | (registrableDomain.length << 8) | (publicSuffix.length << 16);
}

/**
 * The parts of a listed host from its text and its non-zero tag (see hostTag): equal to its
 * record's (a test compares them on every host of the benchmark's 100,000-entry list). Slices of
 * a string the check already holds: no read of the record, which is cold on large lists.
 */
export function partsFromTag(domain: string, tag: number): HostParts {
  const n = domain.length;
  const reg = (tag >>> 8) & 255;
  const sfx = (tag >>> 16) & 255;
  const registrableDomain = reg === n ? domain : domain.slice(n - reg);
  const label = domain.slice(n - reg, n - sfx - 1);
  return {
    unicode: domain,
    ascii: domain,
    registrableDomain,
    publicSuffix: domain.slice(n - sfx),
    subdomain: reg === n ? '' : domain.slice(0, n - reg - 1),
    label,
    writtenLabel: label,
  };
}

/**
 * What a sender's label needs of a trusted skeleton, in the 32-bit tag of its StringTable slot (see
 * StringTableOptions.tag): the id of its label when exactly one trusted label has that skeleton
 * (almost every skeleton: 84,122 of 84,244 in the benchmark's 100,000-entry list), whether that
 * label is its own skeleton (lowercase ASCII without a letter the skeleton rewrites, such as m → rn
 * or i → l: 21% of those labels), and whether it is ASCII.
 *
 * Why: a sender whose label renders like a trusted one (a tld-swap such as `northwind.co`, a
 * homoglyph such as `nоrthwind.com`) read, after the slot, the table's value (an array elsewhere in
 * the heap), its elements, then the label string to see whether the sender wrote it exactly: on
 * large lists a chain of cache misses. With the tag the slot gives the id; "written exactly" is
 * `lowercase text === skeleton` for a label that is its own skeleton (both strings the check just
 * built), and false for a text that is not ASCII against an ASCII label. Only the remaining cases
 * read the label. Measured in bench/HISTORY.md (eighteenth round).
 */

import { isAscii } from '../normalize/is-ascii';

const OWN_SKELETON = 1;
const ASCII_LABEL = 2;

/**
 * The tag of a skeleton whose labels are `ids` (`labels` by id); 0 (read the value) unless exactly
 * one label has it.
 */
export function skeletonTag(ids: readonly number[], skeleton: string, labels: readonly string[]): number {
  if (ids.length !== 1) return 0;
  const id = ids[0]!;
  const label = labels[id]!;
  // Ids stay below the delete index's 2^21 targets, so (id + 1) << 2 is a positive 32-bit integer.
  return ((id + 1) << 2) | (label === skeleton ? OWN_SKELETON : 0) | (isAscii(label) ? ASCII_LABEL : 0);
}

/** The label id a non-zero tag names. */
export function taggedLabel(tag: number): number {
  return (tag >>> 2) - 1;
}

/** Whether the label a non-zero tag names is its own skeleton. */
export function taggedOwnSkeleton(tag: number): boolean {
  return (tag & OWN_SKELETON) !== 0;
}

/** Whether the label a non-zero tag names is ASCII. */
export function taggedAsciiLabel(tag: number): boolean {
  return (tag & ASCII_LABEL) !== 0;
}

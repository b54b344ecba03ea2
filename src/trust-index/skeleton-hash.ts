/**
 * The string hash of a label's skeleton, computed without building the skeleton.
 *
 * Most sender labels have no trusted label with their skeleton, and the skeleton of an ordinary
 * ASCII label is a new string (`m` becomes `rn`, `i` becomes `l`): building it, hashing it for the
 * filter and missing was about a tenth of a clean sender's domain analysis (`skeleton` + map lookup
 * 252 ns of 2,080 ns per clean sender at 10,000 trusted, measured alone). The skeleton is the
 * concatenation of each code point's skeleton (see `skeleton`), so its FNV-1a hash can be fed one
 * output unit at a time; the string is built only when the filter says the skeleton may be known.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import { codePointAt, skeletonOfCodePoint } from '../skeleton';
import { FNV_BASIS, FNV_PRIME, fmix32 } from './hash';
import { singleUnits } from './typo-key';

/** Skeleton of each ASCII code unit (the skeleton module's own table, read once). */
let ascii: string[] | undefined;
/**
 * The skeleton of each ASCII code unit when it is one code unit (most are: `a` → `a`, `0` → `o`),
 * else 0. Such units are hashed without reading a string (the per-unit string read and inner loop
 * were a third of matchText's own time, profiled on clean senders).
 */
let asciiUnit: Uint16Array | undefined;

function asciiTables(): Uint16Array {
  ascii = Array.from({ length: 128 }, (_, c) => skeletonOfCodePoint(c));
  return singleUnits(ascii);
}

/** `fnv1a32(skeleton(text))` (./hash.ts), without building the skeleton. */
export function skeletonFnv1a32(text: string): number {
  const units = (asciiUnit ??= asciiTables());
  let h = FNV_BASIS;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = codeUnitAt(text, i);
    let out: string;
    if (c < 128) {
      i++;
      const u = units[c]!;
      if (u !== 0) {
        h = Math.imul(h ^ u, FNV_PRIME);
        continue;
      }
      out = ascii![c]!;
    } else {
      const cp = codePointAt(text, i);
      out = skeletonOfCodePoint(cp);
      i += cp > 0xffff ? 2 : 1;
    }
    for (let k = 0; k < out.length; k++) h = Math.imul(h ^ codeUnitAt(out, k), FNV_PRIME);
  }
  return fmix32(h);
}

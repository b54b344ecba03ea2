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

import { skeletonOfCodePoint } from '../skeleton';

/** Skeleton of each ASCII code unit (the skeleton module's own table, read once). */
let ascii: string[] | undefined;

/** `fnv1a32(skeleton(text))` (./hash.ts), without building the skeleton. */
export function skeletonFnv1a32(text: string): number {
  const table = (ascii ??= Array.from({ length: 128 }, (_, c) => skeletonOfCodePoint(c)));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let out: string;
    if (c < 128) {
      out = table[c]!;
      i++;
    } else {
      // The code point at i, as skeleton() reads it: a pair is one code point, a lone surrogate itself.
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      }
      out = skeletonOfCodePoint(cp);
      i += cp > 0xffff ? 2 : 1;
    }
    for (let k = 0; k < out.length; k++) h = Math.imul(h ^ out.charCodeAt(k), 0x01000193);
  }
  // murmur3 fmix32, as fnv1a32
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A 32-bit string hash shared by the string filters (./string-filter.ts) and the evaluation's
 * sampling (eval/seed.ts): FNV-1a over UTF-16 code units, finished with murmur3's fmix32 so that
 * close strings land far apart. Deterministic across runs and machines; not for security.
 */

import { codeUnitAt } from '../parse/code-unit-at';

/** FNV-1a offset basis. */
export const FNV_BASIS = 0x811c9dc5;
/** FNV-1a prime: one step is `h = Math.imul(h ^ unit, FNV_PRIME)`. */
export const FNV_PRIME = 0x01000193;

/** murmur3's fmix32, finishing an FNV-1a state into the hash; an unsigned 32-bit integer. */
export function fmix32(state: number): number {
  let h = state;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a over the UTF-16 code units of `text`, its basis mixed with `seed`; an unsigned 32-bit integer. */
export function fnv1a32(text: string, seed = 0): number {
  let h = FNV_BASIS ^ seed;
  const n = text.length;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ codeUnitAt(text, i), FNV_PRIME);
  return fmix32(h);
}

/**
 * A 32-bit string hash shared by the string filters (./string-filter.ts) and the evaluation's
 * sampling (eval/seed.ts): FNV-1a over UTF-16 code units, finished with murmur3's fmix32 so that
 * close strings land far apart. Deterministic across runs and machines; not for security.
 */

/** FNV-1a over the UTF-16 code units of `text`, its basis mixed with `seed`; an unsigned 32-bit integer. */
export function fnv1a32(text: string, seed = 0): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // murmur3 fmix32
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

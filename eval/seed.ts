/**
 * Deterministic randomness for the evaluation: a string hash (FNV-1a, 32 bits) and a small PRNG
 * (mulberry32). Every sample and split in eval/ derives from these and `EVAL_SEED`, so two runs on
 * two machines pick exactly the same domains, variants and splits.
 */

/** The seed of every sample and split. Changing it is the way to check that figures are not seed luck. */
export const EVAL_SEED = 20_260_501;

/** FNV-1a over the UTF-16 code units of `text`, mixed with `seed`; an unsigned 32-bit integer. */
export function hash32(text: string, seed: number = EVAL_SEED): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche (from murmur3's fmix32) so that close strings land far apart.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** `hash32` scaled to [0, 1). */
export function hashUnit(text: string, seed: number = EVAL_SEED): number {
  return hash32(text, seed) / 0x1_0000_0000;
}

/** The two halves of every labelled set. */
export type Split = 'train' | 'test';

/** Share of keys that go to the training split. */
export const TRAIN_SHARE = 0.5;

/** The split of a key (a trusted domain, an unrelated domain, an attack row's description). */
export function splitOf(key: string): Split {
  return hashUnit(`split:${key}`) < TRAIN_SHARE ? 'train' : 'test';
}

/** Sorts a copy of `items` by the seeded hash of `key(item)`: a deterministic shuffle. */
export function hashOrder<T>(items: readonly T[], key: (item: T) => string, salt = ''): T[] {
  return items
    .map((item) => ({ item, h: hash32(`${salt}${key(item)}`) }))
    .sort((a, b) => a.h - b.h || (key(a.item) < key(b.item) ? -1 : 1))
    .map((x) => x.item);
}

/** mulberry32: the benchmark's seeded PRNG, one implementation for both tools. */
export { mulberry32 } from '../bench/data';

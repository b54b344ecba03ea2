/**
 * Deterministic randomness for the evaluation: a string hash (FNV-1a, 32 bits) and a small PRNG
 * (mulberry32). Every sample and split in eval/ derives from these and `EVAL_SEED`, so two runs on
 * two machines pick exactly the same domains, variants and splits.
 */

import { fnv1a32 } from '../src/trust-index/hash';

/** The seed of every sample and split. Changing it is the way to check that figures are not seed luck. */
export const EVAL_SEED = 20_260_501;

/** FNV-1a over the UTF-16 code units of `text`, mixed with `seed`; an unsigned 32-bit integer (the library's own). */
export function hash32(text: string, seed: number = EVAL_SEED): number {
  return fnv1a32(text, seed);
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

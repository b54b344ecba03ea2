/**
 * A Bloom filter over strings (Bloom 1970), put in front of the compiled maps that are usually
 * asked about strings they do not hold: the sender's host, its label's skeleton, its hyphen parts.
 *
 * Why: a `Map.get` that misses still walks V8's hash table, a cache miss or two once the trusted
 * list has thousands of entries (the table no longer fits the core's caches); the CPU profile of
 * unknown senders at 10,000 trusted put ~18% of the check in such lookups. This filter is 16 bits
 * per key (20 KB at 10,000 keys) and answers "certainly absent" for ~99% of absent strings with two
 * bit reads, after one pass over the string's code units. A "maybe" falls through to the map, so
 * answers never change; only their cost does.
 */

import { fnv1a32 } from './hash';

/** Bits per key: with two probes the false-positive rate is (1 − e^(−2/16))² ≈ 1.4%. */
const BITS_PER_KEY = 16;

/** An immutable set-membership filter: no false negatives, rare false positives. */
export class StringFilter {
  private readonly words: Int32Array;
  private readonly shift: number;

  /** Builds the filter over `keys`; `count` (their number) sizes it. */
  constructor(keys: Iterable<string>, count: number) {
    let bits = 1 << 10;
    while (bits < count * BITS_PER_KEY && bits < 1 << 28) bits *= 2;
    this.words = new Int32Array(bits >>> 5);
    this.shift = 32 - Math.log2(bits);
    for (const key of keys) {
      const h = fnv1a32(key);
      this.set(h >>> this.shift);
      this.set(Math.imul(h, 0x9e3779b1) >>> this.shift);
    }
  }

  private set(bit: number): void {
    this.words[bit >>> 5]! |= 1 << (bit & 31);
  }

  private get(bit: number): boolean {
    return (this.words[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** False when `s` is certainly not among the keys; true when it may be. */
  mayHave(s: string): boolean {
    return this.mayHaveHash(fnv1a32(s));
  }

  /** `mayHave` for a string whose `fnv1a32` the caller computed (e.g. without building the string). */
  mayHaveHash(h: number): boolean {
    return this.get(h >>> this.shift) && this.get(Math.imul(h, 0x9e3779b1) >>> this.shift);
  }
}

/**
 * A read-only map whose `get` and `has` consult a {@link StringFilter} first, so that a miss
 * usually costs one hash of the key and two bit reads instead of a walk of the map's table.
 * Everything else is the wrapped map's.
 */
export class FilteredMap<V> implements ReadonlyMap<string, V> {
  private readonly filter: StringFilter;

  constructor(private readonly map: ReadonlyMap<string, V>) {
    this.filter = new StringFilter(map.keys(), map.size);
  }

  get(key: string): V | undefined {
    return this.filter.mayHave(key) ? this.map.get(key) : undefined;
  }

  has(key: string): boolean {
    return this.filter.mayHave(key) && this.map.has(key);
  }

  get size(): number {
    return this.map.size;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    this.map.forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries(): MapIterator<[string, V]> {
    return this.map.entries();
  }

  keys(): MapIterator<string> {
    return this.map.keys();
  }

  values(): MapIterator<V> {
    return this.map.values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.map[Symbol.iterator]();
  }
}

/** A read-only set whose `has` consults a {@link StringFilter} first (see {@link FilteredMap}). */
export class FilteredSet implements ReadonlySet<string> {
  private readonly filter: StringFilter;

  constructor(private readonly set: ReadonlySet<string>) {
    this.filter = new StringFilter(set.keys(), set.size);
  }

  has(key: string): boolean {
    return this.filter.mayHave(key) && this.set.has(key);
  }

  get size(): number {
    return this.set.size;
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    this.set.forEach((value) => callback.call(thisArg, value, value, this));
  }

  entries(): SetIterator<[string, string]> {
    return this.set.entries();
  }

  keys(): SetIterator<string> {
    return this.set.keys();
  }

  values(): SetIterator<string> {
    return this.set.values();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.set[Symbol.iterator]();
  }
}

/**
 * Maps and sets below this size stay plain: their tables sit in the core's caches, so a miss is already
 * cheap and the filter's own hash of the key would only add to every lookup (measured: the clean
 * stream at 100 trusted got ~10% slower with a filter, at 10,000 faster).
 */
export const FILTER_MIN_SIZE = 2048;

/** `map` behind a filter when it is large enough for misses to leave the cache, else `map` itself. */
export function filtered<V>(map: ReadonlyMap<string, V>): ReadonlyMap<string, V> {
  return map.size >= FILTER_MIN_SIZE ? new FilteredMap(map) : map;
}

/** `set` behind a filter when it is large enough for misses to leave the cache, else `set` itself. */
export function filteredSet(set: ReadonlySet<string>): ReadonlySet<string> {
  return set.size >= FILTER_MIN_SIZE ? new FilteredSet(set) : set;
}

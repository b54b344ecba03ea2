/**
 * An immutable string-keyed table whose lookup reads one place in memory: the key's hash, its
 * length and its first INLINE code units sit together in a 64-byte slot (a hit reads a short run of
 * adjacent slots), where V8's `Map` reads several unrelated places (the bucket, the entry, the key
 * string). A StringFilter in front, on the same hash, answers most absent keys from a small array.
 *
 * Why: on large trusted lists every random access is a cache miss and, on this project's
 * benchmark machine (a virtual machine), a page walk too. At 100,000 trusted hosts,
 * `FilteredMap.get` of a trusted sender's host cost 1.2 µs more than at 100 hosts; a lookup in
 * this table cost 0.64 µs more (each lookup timed alone, in the order of the mixed sender stream,
 * `npm run bench` data). Small maps stay V8 maps (see `stringTable`): their tables sit in the
 * caches, where the hash this table computes in JavaScript costs more than V8's cached one.
 *
 * Layout: SLOT_INTS Int32 per slot, open addressing with linear probing, load ≤ MAX_LOAD:
 * [hash, value index + 1 (0: empty), length, offset of the units past INLINE in `rest`, tag,
 *  INLINE units packed two per Int32]. The tag is the caller's (StringTableOptions.tag). Keys are compared whole, so a hash collision never answers.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import { fnv1a32 } from './hash';
import { FILTER_MIN_SIZE, StringFilter } from './string-filter';

/**
 * Int32 per slot: 64 bytes. JavaScript cannot align the buffer, so a slot may straddle two adjacent
 * lines of one page; the CPU fetches both at once, and the page walk, the costly part, is one.
 */
const SLOT_INTS = 16;
/**
 * Largest share of slots in use. A hit then reads ~2.6 adjacent slots on average at worst (one page
 * walk), a miss is mostly answered by the filter. 0.8 against 0.5: `bench:ab` at 10,000 and 100,000
 * trusted measured no difference (clean 0.98–1.02×, mixed 0.99–1.01×, typo 0.99–1.00×), and the host
 * and skeleton tables at 100,000 take 8 MB each instead of 16 (retained heap 136 → 122 MB).
 */
const MAX_LOAD = 0.8;
/** Int32 before the inline units: hash, value index + 1, length, rest offset, tag. */
const HEAD_INTS = 5;
/**
 * Code units kept in the slot (22); most hosts are shorter (the bench list's median is 11), longer
 * keys compare the rest from `rest`.
 */
const INLINE = 2 * (SLOT_INTS - HEAD_INTS);

/** Options of a {@link StringTable}. */
export interface StringTableOptions<V = unknown> {
  /** Put a StringFilter in front of the slots (default true). */
  readonly filter?: boolean;
  /**
   * A 32-bit tag per key, computed once here and kept in the key's slot: `indexOf` returns it (in
   * `lastTag`) without reading the value, an object elsewhere in the heap and one more cache miss
   * on large tables. Default: 0.
   */
  readonly tag?: (value: V, key: string) => number;
}

/** An immutable `ReadonlyMap<string, V>` whose `get` and `has` read one slot (see the module comment). */
export class StringTable<V> implements ReadonlyMap<string, V> {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly rest: Uint16Array;
  private readonly keyList: readonly string[];
  private readonly valueList: readonly V[];
  /**
   * In front of the slots, on the same hash: most lookups are for keys the table does not hold
   * (unknown senders' hosts), and the filter's bits, a few hundred KB that every check reads, stay
   * in the caches where a slot of a 16 MB table would not (measured at 100,000 hosts: without the
   * filter unknown senders got ~0.6 µs slower).
   */
  private readonly filter: StringFilter | undefined;

  /**
   * `options.filter: false` leaves the filter out, for a map whose caller already asks a filter of
   * its own before every lookup (the skeleton map: its filter hashes the skeleton without building it).
   */
  constructor(map: ReadonlyMap<string, V>, options: StringTableOptions<V> = {}) {
    this.keyList = [...map.keys()];
    this.filter = options.filter === false ? undefined : new StringFilter(this.keyList, this.keyList.length);
    this.valueList = [...map.values()];
    let size = 16;
    while (size * MAX_LOAD < map.size) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * SLOT_INTS);
    let restLength = 0;
    for (const key of this.keyList) restLength += Math.max(0, key.length - INLINE);
    this.rest = new Uint16Array(restLength);
    let at = 0;
    for (let id = 0; id < this.keyList.length; id++) {
      const key = this.keyList[id]!;
      const h = fnv1a32(key) | 0;
      let slot = h & this.mask;
      while (this.slots[slot * SLOT_INTS + 1] !== 0) slot = (slot + 1) & this.mask;
      const base = slot * SLOT_INTS;
      this.slots[base] = h;
      this.slots[base + 1] = id + 1;
      this.slots[base + 2] = key.length;
      this.slots[base + 3] = at - INLINE; // rest[off + i] is unit i, for i ≥ INLINE
      this.slots[base + 4] = options.tag === undefined ? 0 : options.tag(this.valueList[id]!, key) | 0;
      for (let i = 0; i < key.length && i < INLINE; i++) this.slots[base + HEAD_INTS + (i >> 1)]! |= codeUnitAt(key, i) << ((i & 1) << 4);
      for (let i = INLINE; i < key.length; i++) this.rest[at++] = codeUnitAt(key, i);
    }
  }

  /** The tag (see StringTableOptions.tag) of the key that `indexOf` found last. */
  lastTag = 0;

  /** The value at index `id` of `indexOf`. */
  valueAt(id: number): V | undefined {
    return this.valueList[id];
  }

  /**
   * The index of `key` in insertion order (its value's position in `values()`), or -1. When found,
   * `lastTag` holds its tag: a field rather than a returned pair, so that the hot path allocates
   * nothing.
   */
  indexOf(key: string): number {
    const { slots, mask } = this;
    const h = fnv1a32(key) | 0;
    if (this.filter !== undefined && !this.filter.mayHaveHash(h >>> 0)) return -1;
    const n = key.length;
    const inline = n < INLINE ? n : INLINE;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const base = slot * SLOT_INTS;
      const ref = slots[base + 1]!;
      if (ref === 0) return -1;
      if (slots[base] !== h || slots[base + 2] !== n) continue;
      let i = 0;
      while (i < inline && ((slots[base + HEAD_INTS + (i >> 1)]! >>> ((i & 1) << 4)) & 0xffff) === codeUnitAt(key, i)) i++;
      if (i < inline) continue;
      const off = slots[base + 3]!;
      while (i < n && this.rest[off + i] === codeUnitAt(key, i)) i++;
      if (i === n) {
        this.lastTag = slots[base + 4]!;
        return ref - 1;
      }
    }
  }

  get(key: string): V | undefined {
    const id = this.indexOf(key);
    return id < 0 ? undefined : this.valueList[id];
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  get size(): number {
    return this.keyList.length;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (let id = 0; id < this.keyList.length; id++) callback.call(thisArg, this.valueList[id]!, this.keyList[id]!, this);
  }

  *entries(): MapIterator<[string, V]> {
    for (let id = 0; id < this.keyList.length; id++) yield [this.keyList[id]!, this.valueList[id]!];
  }

  keys(): MapIterator<string> {
    return this.keyList.values();
  }

  values(): MapIterator<V> {
    return this.valueList.values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/** Maps below this size stay V8 maps (see the module comment); the same size as the filters'. */
export const TABLE_MIN_SIZE = FILTER_MIN_SIZE;

/** `map` as a {@link StringTable} when it is large enough for lookups to leave the cache, else `map` itself. */
export function stringTable<V>(map: ReadonlyMap<string, V>, options: StringTableOptions<V> = {}): ReadonlyMap<string, V> {
  return map.size >= TABLE_MIN_SIZE ? new StringTable(map, options) : map;
}

/**
 * A symmetric-delete index (the SymSpell idea, Garbe 2012) for "which trusted labels are within
 * OSA distance k of this sender label?", with a cost that does not grow with the trusted list.
 *
 * If OSA(q, t) ≤ k then some string is reachable from both q and t by at most k deletions each
 * (a swap is one deletion on each side). So we index every ≤k-deletion variant of each trusted
 * string, probe with every ≤2-deletion variant of the query, and verify the few candidates with a
 * bounded OSA. Recall is complete; a differential test checks it against a brute-force scan.
 *
 * Variants are never built as strings: a polynomial hash (mod 2^32) of a string with one or two
 * positions removed is computed in O(1) from prefix hashes. The keys live in one sorted
 * Uint32Array with an open-addressing Int32Array table over it, postings in an Int32Array.
 * perf-anchors.md §3/§5 measured this layout ("B1h") at ~5 µs per check at 10k labels and 88 MB
 * at 100k, against 56 µs and 420 MB for the usual string-keyed Map version. Hash collisions only
 * add candidates, which the verification rejects.
 */

import { osaWithin } from './osa';

const BASE = 0x01000193; // FNV prime as polynomial base: odd, so multiplication is invertible mod 2^32
const MAX_POW = 256;
const POW = new Uint32Array(MAX_POW);
POW[0] = 1;
for (let i = 1; i < MAX_POW; i++) POW[i] = Math.imul(POW[i - 1]!, BASE) >>> 0;


const prefixScratch = new Uint32Array(MAX_POW + 1);

/**
 * Only the first PREFIX characters are indexed and probed (SymSpell's prefix indexing, Garbe 2017
 * v5.0: "more than 90% memory reduction"). Recall is kept: along an optimal alignment each edit costs
 * each side at most one deletion inside the prefix (an insertion shifts one character out of the
 * other side's prefix, which that side then deletes), so strings within OSA distance k have prefixes
 * sharing a ≤k-deletion variant; candidates are then verified on the whole strings. With labels of
 * median length 9 this halves the probes per check (56 → 29) and the index size (perf-anchors.md §5:
 * 2.2 µs vs 5.0 µs per check, 42 MB vs 88 MB at 100k). The differential tests compare it with a scan.
 */
export const PREFIX = 7;

/** Fills prefixScratch with polynomial prefix hashes of s's first PREFIX units; returns the length used. */
function prefixHashes(s: string): number {
  const n = Math.min(s.length, PREFIX);
  let h = 0;
  prefixScratch[0] = 0;
  for (let i = 0; i < n; i++) {
    h = (Math.imul(h, BASE) + s.charCodeAt(i) + 1) >>> 0;
    prefixScratch[i + 1] = h;
  }
  return n;
}

/** Hash of s[a:b] from prefix hashes. */
function sub(a: number, b: number): number {
  return (prefixScratch[b]! - Math.imul(prefixScratch[a]!, POW[b - a]!)) >>> 0;
}

/** Mix the length in so that variants of different lengths rarely collide. */
function finish(h: number, len: number): number {
  let x = (h ^ Math.imul(len, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Calls `emit(hash)` for the hash of every variant of s with 0..k positions deleted
 * (duplicates possible, e.g. deleting either 'a' of "aa").
 */
export function forEachDeleteHash(s: string, k: number, emit: (hash: number) => void): void {
  const n = prefixHashes(s);
  emit(finish(prefixScratch[n]!, n));
  if (k < 1 || n === 0) return;
  for (let i = 0; i < n; i++) {
    // s without position i
    const h = (Math.imul(prefixScratch[i]!, POW[n - 1 - i]!) + sub(i + 1, n)) >>> 0;
    emit(finish(h, n - 1));
  }
  if (k < 2 || n < 2) return;
  for (let i = 0; i < n - 1; i++) {
    const left = prefixScratch[i]!;
    for (let j = i + 1; j < n; j++) {
      // s without positions i and j
      const mid = (Math.imul(left, POW[j - i - 1]!) + sub(i + 1, j)) >>> 0;
      const h = (Math.imul(mid, POW[n - 1 - j]!) + sub(j + 1, n)) >>> 0;
      emit(finish(h, n - 2));
    }
  }
}

/** The compiled index: immutable after `buildDeleteIndex`. */
export interface DeleteIndex {
  /** The indexed strings (e.g. skeletons of trusted labels), by target id. */
  readonly targets: readonly string[];
  /** Maximum distance allowed for each target (0, 1 or 2). */
  readonly maxDistance: Uint8Array;
  readonly keys: Uint32Array;
  readonly starts: Uint32Array;
  readonly postings: Int32Array;
  readonly table: Int32Array;
  readonly mask: number;
  /** Length of the shortest target with a budget of 2 (Infinity when none). */
  readonly minLengthDepth2: number;
  /** Per-query scratch for de-duplicating candidates. */
  readonly stamp: Uint32Array;
  /** Per target: the set of its characters as 32 hashed bits (see charMask). */
  readonly masks: Uint32Array;
  /**
   * Presence filter in front of the table: one bit per (hashed) key, ~8 bits per key, at most 2 MB.
   * Most probes are for variants no trusted label has; the bit answers them from a cache-resident
   * array instead of a cache miss in the table (at 100,000 labels the table is tens of MB).
   */
  readonly present: Uint32Array;
  readonly presentShift: number;
  epoch: number;
}

/**
 * The characters of s as a 32-bit set (code unit mod 32; `a`–`z` get bits of their own). One OSA
 * edit changes at most two members of the symmetric difference of two such sets, so when
 * popcount(maskA ^ maskB) > 2k the distance exceeds k: a one-instruction-ish filter that rejects most
 * prefix-sharing candidates before the banded DP (at 100,000 labels ~20 candidates per check).
 */
export function charMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) & 31);
  return m >>> 0;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

const ID_BITS = 2 ** 21; // Float64 packing hash·2^21 + id stays exact below 2^53

/**
 * Builds the index over `targets`, each with its own allowed distance (0..2).
 * Build cost is O(Σ variants); at 100,000 labels of median length 9 this is ~3 M variants.
 */
export function buildDeleteIndex(targets: readonly string[], maxDistance: readonly number[]): DeleteIndex {
  if (targets.length >= ID_BITS) throw new RangeError(`delete index holds at most ${ID_BITS - 1} targets`);
  let packed = new Float64Array(Math.max(16, targets.length * 8));
  let count = 0;
  const dist = new Uint8Array(targets.length);
  let minLengthDepth2 = Infinity;
  for (let id = 0; id < targets.length; id++) {
    const k = Math.max(0, Math.min(2, maxDistance[id] ?? 0));
    dist[id] = k;
    if (k === 2) minLengthDepth2 = Math.min(minLengthDepth2, targets[id]!.length);
    forEachDeleteHash(targets[id]!, k, (h) => {
      if (count === packed.length) {
        const grown = new Float64Array(packed.length * 2);
        grown.set(packed);
        packed = grown;
      }
      packed[count++] = h * ID_BITS + id;
    });
  }
  const sorted = packed.subarray(0, count).sort();
  // unique (hash, id) pairs, grouped by hash
  const keysTmp = new Uint32Array(count);
  const startsTmp = new Uint32Array(count + 1);
  const postings = new Int32Array(count);
  let nKeys = 0;
  let nPost = 0;
  let last = -1;
  let lastHash = -1;
  for (let x = 0; x < count; x++) {
    const v = sorted[x]!;
    if (v === last) continue;
    last = v;
    const h = Math.floor(v / ID_BITS);
    const id = v - h * ID_BITS;
    if (h !== lastHash) {
      keysTmp[nKeys] = h;
      startsTmp[nKeys] = nPost;
      nKeys++;
      lastHash = h;
    }
    postings[nPost++] = id;
  }
  startsTmp[nKeys] = nPost;
  const keys = keysTmp.slice(0, nKeys);
  const starts = startsTmp.slice(0, nKeys + 1);
  let size = 16;
  while (size < nKeys * 2) size *= 2;
  let bits = 1 << 16;
  while (bits < nKeys * 8 && bits < 1 << 24) bits *= 2;
  const presentShift = 32 - Math.log2(bits);
  const present = new Uint32Array(bits >>> 5);
  for (let x = 0; x < nKeys; x++) {
    const b = Math.imul(keys[x]!, 0x85ebca6b) >>> presentShift;
    present[b >>> 5]! |= 1 << (b & 31);
  }
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let x = 0; x < nKeys; x++) {
    let slot = (Math.imul(keys[x]!, 0x9e3779b1) >>> 0) & mask;
    while (table[slot] !== -1) slot = (slot + 1) & mask;
    table[slot] = x;
  }
  return {
    targets,
    maxDistance: dist,
    keys,
    starts,
    postings: postings.slice(0, nPost),
    table,
    mask,
    minLengthDepth2,
    stamp: new Uint32Array(targets.length),
    masks: Uint32Array.from(targets, charMask),
    present,
    presentShift,
    epoch: 0,
  };
}

/** A target within its allowed distance of the query. */
export interface DeleteIndexHit {
  readonly target: number;
  readonly distance: number;
}

/**
 * Every target t with OSA(query, t) ≤ maxDistance[t], found through the index (no scan).
 * Targets at distance 0 are included. Order: by target id.
 */
export function queryDeleteIndex(index: DeleteIndex, query: string): DeleteIndexHit[] {
  const hits: DeleteIndexHit[] = [];
  if (index.targets.length === 0) return hits;
  index.epoch = (index.epoch + 1) >>> 0;
  if (index.epoch === 0) {
    index.stamp.fill(0);
    index.epoch = 1;
  }
  // The variants are enumerated inline rather than through forEachDeleteHash's callback: the
  // closure and the megamorphic call cost ~40% of the query (measured: 2.3 µs → see bench/).
  // A query variant with d deletions can only meet a target within budget k through the target's
  // own ≤k-deletion variants when d ≤ k, so each probe passes its depth and postings of targets
  // with a smaller budget are skipped without verification. Two-deletion probes are needed only
  // when some target has a budget of 2 (index.hasDepth2) and the query is long enough to be within
  // 2 of such a target (its length ≥ minLengthDepth2 − 2).
  const n = prefixHashes(query);
  queryMask = charMask(query);
  probe(index, finish(prefixScratch[n]!, n), query, hits, 0);
  for (let i = 0; i < n; i++) {
    const h = (Math.imul(prefixScratch[i]!, POW[n - 1 - i]!) + sub(i + 1, n)) >>> 0;
    probe(index, finish(h, n - 1), query, hits, 1);
  }
  if (query.length + 2 < index.minLengthDepth2) {
    if (hits.length > 1) hits.sort((a, b) => a.target - b.target);
    return hits;
  }
  for (let i = 0; i < n - 1; i++) {
    const left = prefixScratch[i]!;
    for (let j = i + 1; j < n; j++) {
      const mid = (Math.imul(left, POW[j - i - 1]!) + sub(i + 1, j)) >>> 0;
      const h = (Math.imul(mid, POW[n - 1 - j]!) + sub(j + 1, n)) >>> 0;
      probe(index, finish(h, n - 2), query, hits, 2);
    }
  }
  if (hits.length > 1) hits.sort((a, b) => a.target - b.target);
  return hits;
}

/** Character set of the current query (set by queryDeleteIndex, read by probe). */
let queryMask = 0;

/** Looks one variant hash up and verifies its postings not yet seen in this query. */
function probe(index: DeleteIndex, h: number, query: string, hits: DeleteIndexHit[], depth: number): void {
  const b = Math.imul(h, 0x85ebca6b) >>> index.presentShift;
  if ((index.present[b >>> 5]! & (1 << (b & 31))) === 0) return;
  const { table, mask, keys } = index;
  let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
  let x = table[slot]!;
  while (x !== -1 && keys[x] !== h) {
    slot = (slot + 1) & mask;
    x = table[slot]!;
  }
  if (x === -1) return;
  const { starts, postings, stamp, targets, maxDistance, epoch } = index;
  for (let p = starts[x]!, end = starts[x + 1]!; p < end; p++) {
    const id = postings[p]!;
    const k = maxDistance[id]!;
    // Probes come in increasing depth, so a target skipped here cannot be needed by a later probe.
    if (depth > k || stamp[id] === epoch) continue;
    stamp[id] = epoch;
    if (popcount((queryMask ^ index.masks[id]!) >>> 0) > 2 * k) continue;
    const d = osaWithin(query, targets[id]!, k);
    if (d <= k) hits.push({ target: id, distance: d });
  }
}

/** Reference implementation: the same answer by scanning every target. For tests and benchmarks. */
export function scanTargets(targets: readonly string[], maxDistance: ArrayLike<number>, query: string): DeleteIndexHit[] {
  const hits: DeleteIndexHit[] = [];
  for (let id = 0; id < targets.length; id++) {
    const k = maxDistance[id]!;
    const d = osaWithin(query, targets[id]!, k);
    if (d <= k) hits.push({ target: id, distance: d });
  }
  return hits;
}

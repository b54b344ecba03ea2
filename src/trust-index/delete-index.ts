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
 * positions removed is computed in O(1) from prefix hashes. The keys live in an open-addressing
 * Int32Array table (a key with one target keeps it in its slot), other postings in an Int32Array,
 * the targets' code units in one Uint16Array, behind two presence filters. perf-anchors.md
 * §3/§5 measured the hashed layout ("B1h") at ~5 µs per check at 10k labels and 88 MB at 100k,
 * against 56 µs and 420 MB for the usual string-keyed Map version; this one, with prefix indexing,
 * probing in passes and 8-byte slots, measures about 1.1 µs at 10k and 2.8 µs at 100k (`npm run
 * bench`, stage "delete-index lookup"), 24 MB at 100k (with the longer prefix of large lists, see
 * PREFIX, the table filled up to MAX_TABLE_LOAD, and two-deletion keys tagged, see tailTag). Hash
 * collisions only add candidates, which the verification rejects.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import { OsaPattern, osaWithin, osaWithinCodes } from './osa';

const BASE = 0x01000193; // FNV prime as polynomial base: odd, so multiplication is invertible mod 2^32
const MAX_POW = 256;
// Hash arithmetic is in signed 32-bit integers (`| 0`), the same bits as unsigned: values V8 keeps
// in registers, where unsigned ones above 2^31 became doubles (the hashing was a tenth of a query).
const POW = new Int32Array(MAX_POW);
POW[0] = 1;
for (let i = 1; i < MAX_POW; i++) POW[i] = Math.imul(POW[i - 1]!, BASE);

const prefixScratch = new Int32Array(MAX_POW + 1);

/**
 * Only the first `prefix` characters are indexed and probed (SymSpell's prefix indexing, Garbe 2017
 * v5.0: "more than 90% memory reduction"). Recall is kept for any prefix length: along an optimal
 * alignment each edit costs each side at most one deletion inside the prefix (an insertion shifts
 * one character out of the other side's prefix, which that side then deletes), so strings within
 * OSA distance k have prefixes sharing a ≤k-deletion variant; candidates are then verified on the
 * whole strings. The differential tests compare both lengths with a scan.
 *
 * PREFIX (7) for lists of up to LONG_PREFIX_MIN_TARGETS labels: with labels of median length 9 it
 * halves the probes per check (56 → 29) and the index size (perf-anchors.md §5: 2.2 µs vs 5.0 µs
 * per check, 42 MB vs 88 MB at 100k). LONG_PREFIX (8) above that: a query makes 37 probes instead of
 * 29, but its two-deletion variants are six characters instead of five, which far fewer trusted
 * labels share; at 100,000 labels the shorter keys made a query scan ~90 postings from 8 runs and
 * verify ~6 candidates, and the whole query took 0.8× the time with 8 (same-machine A/B of the
 * query alone, alternating processes: 3.2–3.3 µs against 3.9–4.3 µs for unknown labels). At 10,000
 * labels the two measured the same, at 100 the longer prefix cost 15% more, and its table is larger
 * (at 100,000 labels 34 MB against 17 MB, both filled to 0.6), so small lists keep 7.
 */
export const PREFIX = 7;
/** The prefix of large lists (see PREFIX). */
export const LONG_PREFIX = 8;
/** Lists of at least this many labels use LONG_PREFIX. */
export const LONG_PREFIX_MIN_TARGETS = 32_768;

/** Fills prefixScratch with polynomial prefix hashes of s's first `prefix` units; returns the length used. */
function prefixHashes(s: string, prefix: number): number {
  const n = Math.min(s.length, prefix);
  let h = 0;
  prefixScratch[0] = 0;
  for (let i = 0; i < n; i++) {
    h = (Math.imul(h, BASE) + codeUnitAt(s, i) + 1) | 0;
    prefixScratch[i + 1] = h;
  }
  return n;
}

/** Hash of s[a:b] from prefix hashes. */
function sub(a: number, b: number): number {
  return (prefixScratch[b]! - Math.imul(prefixScratch[a]!, POW[b - a]!)) | 0;
}

/** Mix the length in so that variants of different lengths rarely collide. */
function finish(h: number, len: number): number {
  let x = h ^ Math.imul(len, 0x9e3779b1);
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** Odd multiplier that spreads a code unit over the 32 bits of a tail tag. */
const TAIL_MIX = 0x27d4eb2d;

/**
 * The tail tag of a two-deletion key or probe: the string's last code unit, mixed (never 0), or 0
 * (no tag). A target is tagged when it has at least `prefix` + 2 code units (TAIL_TARGET_EXTRA), a
 * query when it has at least `prefix`: the proof below holds for both, and a shorter query is never
 * within two edits of a tagged target.
 *
 * Why a tag: a two-deletion probe exists for a target whose prefix differs from the query's in two
 * edits; then the rest of both strings lines up and their last characters are equal. Without the
 * tag, such probes of a long label found ~8 keys per query at 100,000 labels (six-letter
 * subsequences of the eight-letter prefix that dense lists share) whose postings were read, filtered
 * and verified for nothing.
 *
 * The proof, for a query q with |q| ≥ P and a target t with |t| ≥ P + 2 within two edits (P the
 * prefix; both prefixes are then P long, so only probes and keys with equally many deletions meet):
 * take an optimal OSA alignment. If its last column matches, q and t end with the same character.
 * Otherwise that column is an edit at the end of both strings: a substitution or a transposition of
 * their last characters, or the insertion or deletion of a last one. On t's side it is at positions
 * ≥ |t| − 2 ≥ P, outside t's prefix. On q's side it is outside q's prefix too, except a transposition
 * when |q| ≤ P + 1; but then |t| ≥ |q| + 1 (t is longer, so the other edit inserts into t), the
 * transposition costs q one deletion in its prefix and the insertion costs t at most one. Either
 * way the prefixes need at most one deletion each (each edit costs each side at most one, see
 * PREFIX), so the zero- and one-deletion probes find t, and a two-deletion probe is only needed
 * when the last characters are equal. Shorter queries and targets keep untagged keys and probes
 * (see queryDeleteIndex); the differential tests compare every length around both prefixes with a
 * scan.
 */
export function tailTag(s: string, minLength: number): number {
  const n = s.length;
  return n >= minLength && n > 0 ? Math.imul(codeUnitAt(s, n - 1) + 1, TAIL_MIX) : 0;
}

/** A target is tail-tagged from `prefix` + TAIL_TARGET_EXTRA code units (see tailTag). */
export const TAIL_TARGET_EXTRA = 2;

/**
 * The hash of the prefix whose prefix hashes are in prefixScratch (n code units) without position
 * i. Keys (forEachDeleteHash) and probes (queryDeleteIndex) both hash variants through these two
 * functions: a key and a probe for the same variant must get the same hash.
 */
function oneDeletionHash(n: number, i: number): number {
  return finish((Math.imul(prefixScratch[i]!, POW[n - 1 - i]!) + sub(i + 1, n)) | 0, n - 1);
}

/** As oneDeletionHash, without positions i < j, with a tail tag mixed in (0 for none, see tailTag). */
function twoDeletionHash(n: number, i: number, j: number, tag: number): number {
  const mid = (Math.imul(prefixScratch[i]!, POW[j - i - 1]!) + sub(i + 1, j)) | 0;
  return finish(((Math.imul(mid, POW[n - 1 - j]!) + sub(j + 1, n)) | 0) ^ tag, n - 2);
}

/**
 * Calls `emit(hash, deletions)` for the hash of every variant of s's first `prefix` code units with
 * 0..k positions deleted (duplicates possible, e.g. deleting either 'a' of "aa"). `tag2` (see
 * tailTag) is mixed into the variants with two deletions.
 */
export function forEachDeleteHash(s: string, k: number, emit: (hash: number, deletions: number) => void, prefix: number = PREFIX, tag2 = 0): void {
  const n = prefixHashes(s, prefix);
  emit(finish(prefixScratch[n]!, n) >>> 0, 0);
  if (k < 1 || n === 0) return;
  for (let i = 0; i < n; i++) emit(oneDeletionHash(n, i) >>> 0, 1);
  if (k < 2 || n < 2) return;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) emit(twoDeletionHash(n, i, j, tag2) >>> 0, 2);
}

/** Options of `buildDeleteIndex`. */
export interface DeleteIndexOptions {
  /**
   * Probe in passes (see queryDeleteIndex) or one probe at a time. Default: in passes once the
   * table has more than SEQUENTIAL_MAX_SLOTS slots. A small index sits in the caches, where the
   * passes only add work (measured same-process: 1.2× the time of probe-at-a-time at 100 labels,
   * 0.85× at 1,000, 0.85–0.9× at 10,000). Tests set it to run both ways on the same index.
   */
  readonly passes?: boolean;
  /**
   * How many leading characters are indexed (PREFIX or LONG_PREFIX; see PREFIX). Default: by the
   * number of targets. Tests set it to run both on the same targets.
   */
  readonly prefix?: 7 | 8;
}

/** Tables up to this many slots (64 KB; about 100 labels) are probed one probe at a time. */
export const SEQUENTIAL_MAX_SLOTS = 4096;

/** The compiled index: immutable after `buildDeleteIndex`. */
export interface DeleteIndex {
  /** The indexed strings (e.g. skeletons of trusted labels), by target id. */
  readonly targets: readonly string[];
  /** Maximum distance allowed for each target (0, 1 or 2). */
  readonly maxDistance: Uint8Array;
  /**
   * Open-addressing table, SLOT_INTS Int32 per slot: [variant hash, ref]. ref 0 marks an empty
   * slot; ref > 0 is 1 + the offset of the key's postings in `post`; ref < 0 is a key with a single
   * target, stored in the slot itself (~ref is its packed posting; its character signature and chars
   * offset are in `targetInfo`). Most keys have one target (at 10,000 labels, 76% of the keys a
   * typo lookalike's probes find), so most finds need no postings run. Eight bytes a slot: 16-byte
   * slots (signature and offset in the slot) doubled the table, to 34 MB at 100,000 labels with the
   * prefix of 7, and measured slower there.
   */
  readonly slots: Int32Array;
  /**
   * Per target, side by side: its character signature (see charSignature) and the offset of its code units in
   * `chars`. Read for single-target keys that pass the budget and length filters: one cache line
   * for both, where two arrays took two.
   */
  readonly targetInfo: Int32Array;
  readonly mask: number;
  /**
   * Postings of the keys with two or more targets: the count, then POSTING_INTS integers per
   * target (packed id, budget and length; the target's character signature; the offset of its code
   * units in `chars`), budget 2 first. The filters (depth, length, characters) read only this
   * contiguous run: at 100,000 labels a query scans ~40 postings but verifies ~4, and the
   * per-target arrays it no longer touches were one cache miss each.
   */
  readonly post: Int32Array;
  /** Every target's code units, concatenated (verification reads them from here). */
  readonly chars: Uint16Array;
  /** Length of the shortest target with a budget of 1 or more (Infinity when none). */
  readonly minLengthDepth1: number;
  /** Length of the shortest target with a budget of 2 (Infinity when none). */
  readonly minLengthDepth2: number;
  /** Whether some target has tail-tagged two-deletion keys (a budget of 2, prefix + 2 or more code units; see tailTag). */
  readonly tagged2: boolean;
  /**
   * Lengths of the shortest and longest targets whose untagged keys two-deletion probes can use
   * (Infinity and -Infinity when none): targets shorter than prefix + 2 with a budget of 2. With
   * the default budgets (two edits from 10 letters) there are none, and no query makes untagged
   * two-deletion probes.
   */
  readonly untagged2Min: number;
  readonly untagged2Max: number;
  /** Per-query scratch for de-duplicating candidates, used once a query has more than SEEN_CAP. */
  readonly stamp: Uint32Array;
  /**
   * Presence filters in front of the table: three bits of one 32-bit word per (hashed) key (see
   * presenceMask), 4–8 bits per key (see filterBits), at most 2 MB each. Most probes are for
   * variants no trusted label has; the word answers them from a small array instead of a cache miss
   * in the table. Each filter holds only the keys its probes can use (keyUsableByProbe): `present`,
   * read by probes with zero or one deletions, and `present2`, read by two-deletion probes. At
   * 100,000 labels (prefix 8, before the tail tags) that was 573,000 and 759,000 of the 1.33 million
   * keys, 512 KB each, where one filter of every key (1 MB) and one of the keys of budget-2 targets
   * (512 KB, 1.04 million keys) let through more false positives: per check of an unknown sender
   * 0.95× the time at 100,000, 0.93× at 10,000. With the tail tags, 573,000 and ~930,000 keys (7.3
   * and 4.5 bits per key).
   */
  readonly present: Uint32Array;
  readonly present2: Uint32Array;
  readonly presentShift: number;
  readonly present2Shift: number;
  /** Whether queries probe in passes (large tables) or one probe at a time (small ones). */
  readonly passes: boolean;
  /** Leading characters indexed and probed (PREFIX or LONG_PREFIX). */
  readonly prefix: number;
  epoch: number;
}

/** Integers per posting: packed (id | budget << 21 | length << 23), character signature, chars offset. */
const POSTING_INTS = 3;
/** The table's highest load factor (see buildDeleteIndex). */
const MAX_TABLE_LOAD = 0.75;
/** Integers per table slot: hash and ref. */
const SLOT_INTS = 2;
/** Lengths are stored in 7 bits; this value means "this long or longer" (no length filter). */
const LEN_CAP = 127;

/**
 * A 32-bit character-count signature of s. Code units fall into 16 buckets (unit mod 16: `a` and
 * `q` share one, `b` and `r`, …); bit b is set when bucket b holds at least one unit of s, bit 16 + b
 * when it holds two or more. Each bit of sigA ^ sigB is a count threshold that one string passes and
 * the other does not, so popcount(sigA ^ sigB) is at most the L1 distance between the two strings'
 * character histograms (see signatureBound for the test it allows).
 *
 * It replaced a plain set of the characters (code unit mod 32, one bit each), which let through
 * families of labels that share their letters and differ in how often: at 100,000 labels the
 * `mail2…` vanity domains sent ~200 prefix-sharing candidates per query to verification. Measured on
 * the benchmark's mixed stream at 100,000 labels (3,861 labels queried, 6,980 true hits): candidates
 * verified 17,173 → 10,825 (false ones 10,193 → 3,845); at 10,000, 5,172 → 3,638. Same 4 bytes.
 */
export function charSignature(s: string): number {
  let once = 0;
  let twice = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const bit = 1 << (codeUnitAt(s, i) & 15);
    twice |= once & bit;
    once |= bit;
  }
  return (once | (twice << 16)) >>> 0;
}

/**
 * The largest popcount(sigA ^ sigB) (see charSignature) that two strings whose lengths differ by
 * `lengthDiff` can have when their OSA distance is at most k: 2k − lengthDiff, negative when no
 * signatures can pass.
 *
 * Why: with s substitutions and i insertions or deletions (transpositions leave the histogram
 * alone), the histograms' L1 distance is at most 2s + i, and s + i ≤ k, i ≥ lengthDiff, so
 * L1 ≤ 2k − i ≤ 2k − lengthDiff. A candidate over that bound is farther than k and is not verified.
 */
export function signatureBound(k: number, lengthDiff: number): number {
  return 2 * k - lengthDiff;
}

/** popcount(sigA ^ sigB): a lower bound on the L1 distance of the two strings' histograms (see charSignature). */
export function signatureDistance(sigA: number, sigB: number): number {
  return popcount((sigA ^ sigB) >>> 0);
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

const ID_BITS = 2 ** 21; // Float64 packing hash·2^21 + id stays exact below 2^53

/**
 * log2 of a presence filter's size in bits for `keys` keys: the power of two at or below 8 bits
 * per key (4–8, at least 2^16 bits, at most 2^24). Rounding down rather than up keeps both filters
 * small enough to stay in the core's cache: every probe of a query reads one random word of them, and
 * when they were rounded up (up to 16 bits per key, 512 KB together at 10,000 labels) that read was
 * a third of a query's time in the CPU profile. A false positive costs one table probe that finds
 * nothing (see presenceMask for the rate).
 */
function filterBits(keys: number): number {
  let log = 16;
  while (log < 24 && 2 ** (log + 1) <= keys * 8) log++;
  return log;
}

/**
 * Where a presence filter holds hash h: the index of its 32-bit word (the top bits of a mix of h,
 * `shift` the filter's 32 − log2 of its size in bits) …
 */
function presenceWord(h: number, shift: number): number {
  return Math.imul(h, 0x85ebca6b) >>> (shift + 5);
}

/**
 * … and the bits it sets in that word: three, from h's low 15 bits (a Bloom filter
 * blocked to one word, Putze, Sanders and Singler 2007). A probe still reads one word, as with one
 * bit per key, but a word answers "maybe" for an absent key less often: in a Poisson model of the
 * words' loads, 5.2% against 12.8% at 7.3 bits per key, 13.1% against 19.9% at 4.5 (the two filters
 * at 100,000 entries). Each false positive is a read of the table, which at 100,000 labels is larger
 * than the caches. Counted on the bench's mixed stream at 100,000 entries: an unknown sender of 10
 * or more letters makes 40.8 probes, 4.1 of which find a key; 10.7 passed one-bit filters, 8.3 pass
 * these. Under callgrind at 100,000 entries (`npm run bench:count -- --functions 15`) this query's
 * own last-level misses went from 5.37 to 5.13 per check (4.54 to 3.93 in a scratch harness); the
 * whole check's total moved within the noise that any code change gives it (bench/HISTORY.md,
 * twenty-third round).
 */
function presenceMask(h: number): number {
  // h is already mixed (see finish): its low bits are as good as any. The word's index is the top
  // of a product of h, which no size makes share bits with these.
  return (1 << (h & 31)) | (1 << ((h >>> 5) & 31)) | (1 << ((h >>> 10) & 31));
}

/**
 * Whether a probe with `d` deletions can find a true hit through the key that a target of length
 * `targetLength` and budget `k` gives with `e` deletions from its first `prefix` code units. Only
 * such keys go into the filter the probe reads: at 100,000 labels the keys of two deletions from
 * labels of 10 or more letters are 57% of all keys, and only two-deletion probes can use them.
 *
 * The probe and the key are the same string, so the query's indexed length is
 * n = min(|t|, prefix) − e + d. A hit needs d ≤ k and e ≤ k, and | |q| − |t| | ≤ k (each edit
 * changes the length by at most one). Below the prefix the query is exactly n long; at the prefix
 * it is any length from n up; past it there is no such query.
 */
export function keyUsableByProbe(targetLength: number, k: number, e: number, d: number, prefix: number): boolean {
  if (d > k || e > k) return false;
  const n = Math.min(targetLength, prefix) - e + d;
  if (n > prefix) return false;
  if (n < prefix) return Math.abs(targetLength - n) <= k;
  return targetLength + k >= prefix;
}

/** Lists up to this long are counted exactly (countDistinct). */
const EXACT_COUNT_MAX = 65_536;

/**
 * The number of distinct values in `list`, which it leaves as it is: counted exactly on short
 * lists; on long ones estimated by linear counting (Whang, Vander-Zanden and Taylor 1990) over a
 * 2^24-bit bitmap, within ~1% at a million values. It sizes the presence filters, whose sizes are
 * powers of two: sorting the lists to count them exactly added a fifth to the index's build at
 * 100,000 labels (612 against 524 ms, same process).
 */
export function countDistinct(list: Uint32Array): number {
  if (list.length <= EXACT_COUNT_MAX) {
    const sorted = list.slice().sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
    return n;
  }
  const bits = 2 ** 24;
  const map = new Int32Array(bits / 32);
  for (let i = 0; i < list.length; i++) {
    const b = Math.imul(list[i]!, 0x9e3779b1) >>> 8;
    map[b >>> 5]! |= 1 << (b & 31);
  }
  let set = 0;
  for (let w = 0; w < map.length; w++) set += popcount(map[w]! >>> 0);
  return Math.round(-bits * Math.log(1 - set / bits));
}

/** A growable list of 32-bit hashes (build-time scratch). */
class HashList {
  private items = new Uint32Array(1024);
  private count = 0;

  push(h: number): void {
    if (this.count === this.items.length) {
      const grown = new Uint32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.count++] = h;
  }

  /** A presence filter of the hashes pushed (see buildPresenceFilter). */
  presenceFilter(): PresenceFilter {
    return buildPresenceFilter(this.items.subarray(0, this.count));
  }
}

/** A presence filter: `bits`, read as 32-bit words (presenceWord, presenceMask), and its shift. */
export interface PresenceFilter {
  readonly bits: Uint32Array;
  readonly shift: number;
}

/** A presence filter of `hashes` (duplicates allowed), sized by their distinct count (filterBits, countDistinct). */
export function buildPresenceFilter(hashes: Uint32Array): PresenceFilter {
  const shift = 32 - filterBits(countDistinct(hashes));
  const bits = new Uint32Array(2 ** (32 - shift - 5));
  for (let i = 0; i < hashes.length; i++) bits[presenceWord(hashes[i]!, shift)]! |= presenceMask(hashes[i]!);
  return { bits, shift };
}

/** Whether `filter` may hold hash h: false means it certainly does not (queries test the same bits inline). */
export function presenceMayHold(filter: PresenceFilter, h: number): boolean {
  const mask = presenceMask(h);
  return (filter.bits[presenceWord(h, filter.shift)]! & mask) === mask;
}

/**
 * Builds the index over `targets`, each with its own allowed distance (0..2).
 * Build cost is O(Σ variants); at 100,000 labels of median length 9 this is ~3 M variants.
 */
export function buildDeleteIndex(targets: readonly string[], maxDistance: readonly number[], options: DeleteIndexOptions = {}): DeleteIndex {
  if (targets.length >= ID_BITS) throw new RangeError(`delete index holds at most ${ID_BITS - 1} targets`);
  const prefix = options.prefix ?? (targets.length >= LONG_PREFIX_MIN_TARGETS ? LONG_PREFIX : PREFIX);
  let packed = new Float64Array(Math.max(16, targets.length * 8));
  let count = 0;
  const dist = new Uint8Array(targets.length);
  let minLengthDepth1 = Infinity;
  let minLengthDepth2 = Infinity;
  let tagged2 = false;
  let untagged2Min = Infinity;
  let untagged2Max = -Infinity;
  let totalChars = 0;
  // The hashes each presence filter holds (see keyUsableByProbe), duplicates included.
  const shallow = new HashList();
  const deep = new HashList();
  for (let id = 0; id < targets.length; id++) {
    const k = Math.max(0, Math.min(2, maxDistance[id] ?? 0));
    const length = targets[id]!.length;
    dist[id] = k;
    totalChars += length;
    if (k >= 1) minLengthDepth1 = Math.min(minLengthDepth1, length);
    if (k === 2) minLengthDepth2 = Math.min(minLengthDepth2, length);
    // Per number of deletions e: 1 = for zero- or one-deletion probes, 2 = for two-deletion probes.
    let use = 0;
    let deepKeys = false;
    for (let e = 0; e <= k; e++) {
      const u = (keyUsableByProbe(length, k, e, 0, prefix) || keyUsableByProbe(length, k, e, 1, prefix) ? 1 : 0) | (keyUsableByProbe(length, k, e, 2, prefix) ? 2 : 0);
      use |= u << (2 * e);
      if ((u & 2) !== 0) deepKeys = true;
    }
    // Two-deletion variants of long targets carry their tail tag; a shorter target's keys that
    // two-deletion probes can use stay untagged, and queries near its length probe them untagged.
    const tag2 = k === 2 ? tailTag(targets[id]!, prefix + TAIL_TARGET_EXTRA) : 0;
    if (tag2 !== 0) tagged2 = true;
    else if (deepKeys) {
      untagged2Min = Math.min(untagged2Min, length);
      untagged2Max = Math.max(untagged2Max, length);
    }
    forEachDeleteHash(targets[id]!, k, (h, e) => {
      if (count === packed.length) {
        const grown = new Float64Array(packed.length * 2);
        grown.set(packed);
        packed = grown;
      }
      packed[count++] = h * ID_BITS + id;
      const u = use >>> (2 * e);
      if ((u & 1) !== 0) shallow.push(h);
      if ((u & 2) !== 0) deep.push(h);
    }, prefix, tag2);
  }
  const chars = new Uint16Array(totalChars);
  // Per target: character signature, then chars offset (see DeleteIndex.targetInfo; postings copy both).
  const targetInfo = new Int32Array(2 * targets.length);
  // Read in the grouping loop below in hash order, i.e. at random: a typed array, not the strings.
  const lengths = new Uint8Array(targets.length);
  for (let id = 0, at = 0; id < targets.length; id++) {
    const t = targets[id]!;
    lengths[id] = Math.min(LEN_CAP, t.length);
    targetInfo[2 * id + 1] = at;
    for (let i = 0; i < t.length; i++) chars[at++] = codeUnitAt(t, i);
    targetInfo[2 * id] = charSignature(t) | 0;
  }

  // Unique (hash, id) pairs, grouped by hash: sorting the packed doubles does both.
  const sorted = packed.subarray(0, count).sort();
  const keyHash: number[] = [];
  const keyPost: number[] = [];
  const post = new Int32Array(count * (POSTING_INTS + 1));
  let used = 0;
  let group: number[] = [];
  const flush = (h: number): void => {
    if (group.length === 0) return;
    // Budget 2 first, so that a deeper probe can stop at the first posting it cannot use.
    group.sort((a, b) => dist[b]! - dist[a]! || a - b);
    keyHash.push(h);
    keyPost.push(used);
    post[used++] = group.length;
    for (const id of group) {
      const len = lengths[id]!;
      post[used++] = id | (dist[id]! << 21) | (len << 23);
      post[used++] = targetInfo[2 * id]!;
      post[used++] = targetInfo[2 * id + 1]!;
    }
    group = [];
  };
  let last = -1;
  let lastHash = -1;
  for (let x = 0; x < count; x++) {
    const v = sorted[x]!;
    if (v === last) continue;
    last = v;
    const h = Math.floor(v / ID_BITS);
    if (h !== lastHash) {
      flush(lastHash);
      lastHash = h;
    }
    group.push(v - h * ID_BITS);
  }
  flush(lastHash);
  const nKeys = keyHash.length;

  let size = 16;
  // Load factor ≤ 0.75: linear probing stays short, and eight slots share a cache line. Measured on
  // the query alone (bench domains, same process): at a load of 0.66–0.68 a query costs 0.98–0.99×
  // what it costs in a table twice the size, at 0.77 it costs 1.09–1.10×. With 0.6 the 1.33 million
  // keys of 100,000 trusted entries took 4 M slots (34 MB) instead of 2 M (17 MB). The tail tags
  // (see tailTag) split shared keys, 1.50 million at 100,000 entries, a load of 0.717 in 2 M
  // slots: the bench's mixed stream, each check timed alone, both tables in one process, cost
  // 1.000–1.004× what it costs in 4 M slots at 0.358 (the limit was 0.7 before).
  while (size * MAX_TABLE_LOAD < nKeys) size *= 2;
  const { bits: present, shift: presentShift } = shallow.presenceFilter();
  const { bits: present2, shift: present2Shift } = deep.presenceFilter();
  const slots = new Int32Array(size * SLOT_INTS);
  const mask = size - 1;
  // Keys with one target live in their slot; only the others keep a run in `post`.
  const runs = new Int32Array(post.length);
  let runsUsed = 0;
  for (let x = 0; x < nKeys; x++) {
    const h = keyHash[x]!;
    const at = keyPost[x]!;
    let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (slots[slot * SLOT_INTS + 1] !== 0) slot = (slot + 1) & mask;
    const s0 = slot * SLOT_INTS;
    slots[s0] = h | 0;
    const count = post[at]!;
    if (count === 1) {
      slots[s0 + 1] = ~post[at + 1]!;
    } else {
      slots[s0 + 1] = runsUsed + 1; // +1 so that 0 marks an empty slot
      const n = 1 + count * POSTING_INTS;
      runs.set(post.subarray(at, at + n), runsUsed);
      runsUsed += n;
    }
  }
  return {
    targets,
    maxDistance: dist,
    slots,
    targetInfo,
    mask,
    post: runs.slice(0, runsUsed),
    chars,
    minLengthDepth1,
    minLengthDepth2,
    tagged2,
    untagged2Min,
    untagged2Max,
    stamp: new Uint32Array(targets.length),
    present,
    present2,
    presentShift,
    present2Shift,
    passes: options.passes ?? size > SEQUENTIAL_MAX_SLOTS,
    prefix,
    epoch: 0,
  };
}

/** A target within its allowed distance of the query. */
export interface DeleteIndexHit {
  readonly target: number;
  readonly distance: number;
  /**
   * The target's length in code units: the query knows it from the postings, and reading it from
   * the target string was one more cache miss per hit on large lists.
   */
  readonly length: number;
}

/**
 * Every target t with OSA(query, t) ≤ min(maxDistance[t], cap), found through the index (no scan).
 * Targets at distance 0 are included. Order: by target id.
 *
 * `cap` (0–2, default 2) is for a caller that only needs the closer targets: with a cap of 1 the
 * two-deletion probes, three quarters of a long query's, are not made. A check whose label already
 * has a same-skeleton match that no two-edit hit could beat asks for 1 (analyze-domain.ts).
 */
export function queryDeleteIndex(index: DeleteIndex, query: string, cap?: number): DeleteIndexHit[];
/**
 * As above, or undefined, having scanned no more than about `maxPostings` postings, when the keys
 * the query finds hold more than `maxPostings` postings in all: for a caller that can do without
 * the answer of a query that dense (a list of `vendor0` … `vendor99999` gives each key of `vendor1`
 * thousands), such as the compile-time precompute of ./label-hits.ts.
 */
export function queryDeleteIndex(index: DeleteIndex, query: string, cap: number, maxPostings: number): DeleteIndexHit[] | undefined;
export function queryDeleteIndex(index: DeleteIndex, query: string, cap = 2, maxPostings = Infinity): DeleteIndexHit[] | undefined {
  const hits: DeleteIndexHit[] = [];
  if (index.targets.length === 0) return hits;
  queryCap = cap;
  index.epoch = (index.epoch + 1) >>> 0;
  if (index.epoch === 0) {
    index.stamp.fill(0);
    index.epoch = 1;
  }
  // A query variant with d deletions can only meet a target within budget k through the target's
  // own ≤k-deletion variants when d ≤ k, so each probe carries its depth and postings of targets
  // with a smaller budget are skipped without verification. Two-deletion probes are needed only
  // when some target has a budget of 2 and the query is long enough to be within 2 of such a
  // target (its length ≥ minLengthDepth2 − 2).
  const n = prefixHashes(query, index.prefix);
  querySig = charSignature(query);
  queryCodes(query);
  patternReady = false;
  seenCount = 0;
  candCount = 0;

  // Large tables are probed in passes over all probes rather than probe by probe: every variant hash
  // first (arithmetic only), then every presence word, then every table slot, then the postings.
  // Within a pass the loads do not depend on each other, so the CPU keeps several cache misses in
  // flight; probe by probe, each miss waited for the branch on the one before. At 100,000 labels
  // the filters and the table are far larger than the caches, and a query is mostly these misses.
  let m = 0;
  probeHash[m] = finish(prefixScratch[n]!, n);
  probeDepth[m++] = 0;
  // Too short to be within one edit of any target that allows one (labels of 1-3 letters), and
  // within two of any that allows two. The second matters on its own: a target of budget 2 two
  // letters longer than the query can need one-deletion probes (prefix 7, `aaaaaaa` against
  // `aaaaabaaa` meets at `aaaaaa`), and it can be the shortest target allowing any edit when a
  // policy starts one and two edits at the same length.
  const withinTwo = cap >= 2 && query.length + 2 >= index.minLengthDepth2;
  if (cap >= 1 && (query.length + 1 >= index.minLengthDepth1 || withinTwo)) {
    for (let i = 0; i < n; i++) {
      probeHash[m] = oneDeletionHash(n, i);
      probeDepth[m++] = 1;
    }
    if (withinTwo) {
      // A query shorter than every target of budget 2 needs few two-deletion probes (see
      // shortQueryProbes); otherwise every pair of positions.
      const short = query.length < index.minLengthDepth2;
      const from = short ? shortQueryProbes(query.length, index.minLengthDepth2, index.prefix) : 0;
      // Tagged probes (the query's tail tag, see tailTag) meet the keys of targets of prefix + 2
      // or more code units. A query of `prefix` or `prefix` + 1 code units within two edits of
      // such a target is shorter, so one edit inserts into the target: the proof covers that case,
      // and a query under `prefix` is never within two of them. Untagged probes meet shorter
      // targets' keys, and are made only when one is within two of the query's length.
      const tag = index.tagged2 ? tailTag(query, index.prefix) : 0;
      if (tag !== 0) m = pushTwoDeletionProbes(m, n, from, short, tag);
      if (query.length + 2 >= index.untagged2Min && query.length - 2 <= index.untagged2Max) m = pushTwoDeletionProbes(m, n, from, short, 0);
    }
  }

  const { present, present2, presentShift, present2Shift, slots, mask } = index;
  if (!index.passes) {
    // One probe at a time: bit, slot, postings.
    let postings = 0;
    for (let x = 0; x < m; x++) {
      const h = probeHash[x]!;
      const two = probeDepth[x] === 2;
      const w = presenceWord(h, two ? present2Shift : presentShift);
      const bits = presenceMask(h);
      if (((two ? present2[w]! : present[w]!) & bits) !== bits) continue;
      const key = h | 0;
      let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
      let ref = slots[slot * SLOT_INTS + 1]!;
      while (ref !== 0 && slots[slot * SLOT_INTS] !== key) {
        slot = (slot + 1) & mask;
        ref = slots[slot * SLOT_INTS + 1]!;
      }
      // Over budget: the candidates collected so far are dropped (the next query resets them).
      if (ref > 0 && (postings += index.post[ref - 1]!) > maxPostings) return undefined;
      if (ref !== 0) visitKey(index, ref, probeDepth[x]!, hits);
    }
    verifyCandidates(index, hits);
    if (hits.length > 1) hits.sort((a, b) => a.target - b.target);
    return hits;
  }

  // Presence words, compacted without branching: probe x stays when its bits are all set.
  let kept = 0;
  for (let x = 0; x < m; x++) {
    const h = probeHash[x]!;
    const two = probeDepth[x] === 2;
    const w = presenceWord(h, two ? present2Shift : presentShift);
    const bits = presenceMask(h);
    // Bits missing from the word: 0 when the probe stays. (missing | −missing) has its sign bit set
    // for any other value, −2^31 included.
    const missing = ((two ? present2[w]! : present[w]!) & bits) ^ bits;
    probeKept[kept] = x;
    kept += ((missing | -missing) >>> 31) ^ 1;
  }

  // First table slot of every kept probe.
  for (let y = 0; y < kept; y++) {
    const slot = (Math.imul(probeHash[probeKept[y]!]!, 0x9e3779b1) >>> 0) & mask;
    probeSlot[y] = slot;
    probeRef[y] = slots[slot * SLOT_INTS + 1]!;
    probeKey[y] = slots[slot * SLOT_INTS]!;
  }

  // Resolve collisions (linear probing), then load the head of each postings run: again loads
  // that do not wait for each other.
  const { post } = index;
  let touched = 0;
  for (let y = 0; y < kept; y++) {
    const key = probeHash[probeKept[y]!]! | 0;
    let slot = probeSlot[y]!;
    let ref = probeRef[y]!;
    let slotKey = probeKey[y]!;
    while (ref !== 0 && slotKey !== key) {
      slot = (slot + 1) & mask;
      ref = slots[slot * SLOT_INTS + 1]!;
      slotKey = slots[slot * SLOT_INTS]!;
    }
    probeRef[y] = ref;
    if (ref > 0) touched += post[ref - 1]!;
  }
  postTouch = touched;
  if (touched > maxPostings) return undefined;

  // Consider the postings, in probe order (depth order), then verify the survivors.
  for (let y = 0; y < kept; y++) {
    const ref = probeRef[y]!;
    if (ref !== 0) visitKey(index, ref, probeDepth[probeKept[y]!]!, hits);
  }
  verifyCandidates(index, hits);
  if (hits.length > 1) hits.sort((a, b) => a.target - b.target);
  return hits;
}

/**
 * For a query of length L shorter than every target of budget 2 (the shortest is M long), the
 * first position i of the two-deletion probes it needs: those that delete position n − 1 of its
 * n = min(L, prefix) indexed characters and one position i from the returned value up (n − 1 when
 * it needs none).
 *
 * Why: a two-deletion probe only meets targets of budget 2, which are ℓ = L + Δ long with Δ ≥ 1.
 * Within two edits, t then has Δ characters that q lacks, q none that t lacks, and at most 2 − Δ
 * substitutions or swaps. Cut both to the prefix P: t's prefix lines up with the start of q's, and
 * q's prefix ends with one leftover character per character of t's prefix that q lacks. So q
 * meets t after deleting at most 2 − Δ positions for the edits plus positions that end its prefix
 * (none when q is shorter than P: then q is whole and t's prefix, whose leftovers are its own,
 * gives way). Two deletions are therefore needed only when L ≥ P, and then: Δ = 1 deletes the
 * last position and one other; Δ = 2 deletes the last two.
 *
 * With the default budgets (two edits from 10 letters, LONG_PREFIX 8) a label of 8 letters makes
 * 1 two-deletion probe instead of 28, one of 9 letters 7. The differential tests (custom budgets at
 * every length around both prefixes) fail when any of the three cases is cut further.
 */
export function shortQueryProbes(queryLength: number, minLengthDepth2: number, prefix: number): number {
  const n = Math.min(queryLength, prefix);
  if (queryLength < prefix) return n - 1;
  return queryLength + 1 < minLengthDepth2 ? n - 2 : 0;
}

/**
 * Appends to the probe scratch, from index m, the two-deletion probes of the current query's n
 * indexed code units with `tag` mixed in: positions i from `from` and j after it, or, for a query
 * shorter than every target of budget 2 (`short`), j = n − 1 only (see shortQueryProbes). Returns
 * the new probe count.
 */
function pushTwoDeletionProbes(m: number, n: number, from: number, short: boolean, tag: number): number {
  let count = m;
  for (let i = from; i < n - 1; i++) {
    for (let j = short ? n - 1 : i + 1; j < n; j++) {
      probeHash[count] = twoDeletionHash(n, i, j, tag);
      probeDepth[count++] = 2;
    }
  }
  return count;
}

/** Keeps the loads of the postings heads from being optimised away (their sum is not used). */
let postTouch = 0;

/**
 * Per-query probe scratch: at most 1 + P + P·(P−1) probes for the longest prefix P (two-deletion
 * probes both tagged and untagged, see tailTag).
 */
const MAX_PROBES = 1 + LONG_PREFIX + LONG_PREFIX * (LONG_PREFIX - 1);
const probeHash = new Int32Array(MAX_PROBES);
const probeDepth = new Uint8Array(MAX_PROBES);
const probeKept = new Uint8Array(MAX_PROBES);
const probeSlot = new Int32Array(MAX_PROBES);
const probeRef = new Int32Array(MAX_PROBES);
const probeKey = new Int32Array(MAX_PROBES);

/** The distance cap of the current query (see queryDeleteIndex). */
let queryCap = 2;
/** Character signature of the current query (set by queryDeleteIndex, read by consider). */
let querySig = 0;
/** Code units of the current query. */
let qCodes = new Uint16Array(256);
let qLen = 0;

function queryCodes(query: string): void {
  if (query.length > qCodes.length) qCodes = new Uint16Array(query.length);
  for (let i = 0; i < query.length; i++) qCodes[i] = codeUnitAt(query, i);
  qLen = query.length;
}

/** The current query as a bit-parallel OSA pattern (when it has at most 32 code units). */
const pattern = new OsaPattern();
/** Whether `pattern` holds the current query: set on the first candidate (most queries verify none or one). */
let patternReady = false;

/**
 * Targets verified in this query. A query verifies a handful (~4 at 100,000 labels), so a short
 * list searched linearly replaces the per-target stamp array, whose reads were a cache miss each
 * at that size; past SEEN_CAP the stamps take over for the rest of the query.
 */
const SEEN_CAP = 32;
const seenIds = new Int32Array(SEEN_CAP);
let seenCount = 0;

/** Whether `id` was already verified in this query; records it if not. */
function seenBefore(index: DeleteIndex, id: number): boolean {
  if (seenCount <= SEEN_CAP) {
    for (let i = 0; i < seenCount; i++) if (seenIds[i] === id) return true;
    if (seenCount < SEEN_CAP) {
      seenIds[seenCount++] = id;
      return false;
    }
    // Full: move the list into the stamps and use them from now on.
    for (let i = 0; i < SEEN_CAP; i++) index.stamp[seenIds[i]!] = index.epoch;
    seenCount = SEEN_CAP + 1;
  }
  if (index.stamp[id] === index.epoch) return true;
  index.stamp[id] = index.epoch;
  return false;
}

/**
 * How far a target of stored length `len` is from the current query's length: a lower bound on
 * their distance. Lengths at LEN_CAP are "this long or longer", so 0 there (no length filter, and
 * the plain 2k signature bound). visitKey and consider both filter by it.
 */
function lengthGap(len: number): number {
  return len >= LEN_CAP ? 0 : len > qLen ? len - qLen : qLen - len;
}

/** The targets of the key in `slot` (ref as in DeleteIndex.slots), filtered and verified. */
function visitKey(index: DeleteIndex, ref: number, depth: number, hits: DeleteIndexHit[]): void {
  if (ref < 0) {
    // One target, kept in the slot. Its signature and chars offset are per-target arrays, read only
    // past the budget and length filters (about half the single-target keys a query finds).
    const packed = ~ref;
    const k = Math.min((packed >>> 21) & 3, queryCap);
    if (k < depth || lengthGap(packed >>> 23) > k) return;
    const id = packed & (ID_BITS - 1);
    consider(index, packed, index.targetInfo[2 * id]!, index.targetInfo[2 * id + 1]!, depth, hits);
    return;
  }
  const { post } = index;
  let p = ref - 1;
  const end = p + 1 + post[p]! * POSTING_INTS;
  // Postings are sorted by budget: past one that this depth cannot use, none can be used.
  for (p++; p < end; p += POSTING_INTS) if (!consider(index, post[p]!, post[p + 1]!, post[p + 2]!, depth, hits)) return;
}

/**
 * Filters one posting (budget against depth, length, character counts), then verifies it once per
 * query. Returns false when its budget is below `depth` (the caller's postings are sorted by budget).
 */
function consider(index: DeleteIndex, packed: number, targetSig: number, charOff: number, depth: number, hits: DeleteIndexHit[]): boolean {
  // The target's budget, within the query's cap (postings stay sorted by it: the cap keeps the order).
  const k = Math.min((packed >>> 21) & 3, queryCap);
  if (k < depth) return false;
  const len = packed >>> 23;
  const diff = lengthGap(len);
  if (diff > k || signatureDistance(querySig, targetSig) > signatureBound(k, diff)) return true;
  const id = packed & (ID_BITS - 1);
  if (seenBefore(index, id)) return true;
  candId[candCount] = id;
  candOff[candCount] = charOff;
  candLen[candCount] = len < LEN_CAP ? len : index.targets[id]!.length;
  candBudget[candCount++] = k;
  if (candCount === MAX_CANDIDATES) verifyCandidates(index, hits);
  return true;
}

/** Candidates that passed the filters, verified together (see verifyCandidates). */
const MAX_CANDIDATES = 64;
const candId = new Int32Array(MAX_CANDIDATES);
const candOff = new Int32Array(MAX_CANDIDATES);
const candLen = new Int32Array(MAX_CANDIDATES);
const candBudget = new Uint8Array(MAX_CANDIDATES);
let candCount = 0;

/**
 * Verifies the collected candidates with the OSA distance. Their code units are touched first, in a
 * loop of independent loads, for the same reason the probes are done in passes.
 */
function verifyCandidates(index: DeleteIndex, hits: DeleteIndexHit[]): void {
  const { chars } = index;
  let touched = 0;
  for (let c = 0; c < candCount; c++) touched += chars[candOff[c]!] ?? 0;
  postTouch += touched;
  if (qLen <= OsaPattern.MAX_LENGTH && !patternReady && candCount > 0) {
    pattern.set(qCodes, qLen);
    patternReady = true;
  }
  for (let c = 0; c < candCount; c++) {
    const k = candBudget[c]!;
    const d = qLen <= OsaPattern.MAX_LENGTH ? pattern.distance(chars, candOff[c]!, candLen[c]!) : osaWithinCodes(qCodes, qLen, chars, candOff[c]!, candLen[c]!, k);
    if (d <= k) hits.push({ target: candId[c]!, distance: d, length: candLen[c]! });
  }
  candCount = 0;
}

/** Reference implementation: the same answer by scanning every target. For tests and benchmarks. */
export function scanTargets(targets: readonly string[], maxDistance: ArrayLike<number>, query: string, cap = 2): DeleteIndexHit[] {
  const hits: DeleteIndexHit[] = [];
  for (let id = 0; id < targets.length; id++) {
    const k = Math.min(maxDistance[id]!, cap);
    const d = osaWithin(query, targets[id]!, k);
    if (d <= k) hits.push({ target: id, distance: d, length: targets[id]!.length });
  }
  return hits;
}

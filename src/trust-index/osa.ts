/**
 * Optimal string alignment distance (restricted Damerau–Levenshtein: insert, delete, substitute,
 * swap of two adjacent characters, no substring edited twice).
 *
 * Two entry points: `osaWithin` (is the distance ≤ k? — used to verify index candidates on the hot
 * path) and `osaAlign` (the full edit script — used only for explanations of flagged senders).
 * Both work on arrays of UTF-16 code units or code points, so callers choose the alphabet.
 */

/** Reusable rows, grown on demand: avoids allocating three arrays per candidate on the hot path. */
let rowA = new Int32Array(72);
let rowB = new Int32Array(72);
let rowC = new Int32Array(72);

/**
 * The OSA distance between `a` and `b` when it is at most `k`, else `k + 1`.
 * Banded: cells farther than k from the diagonal cannot lead to a distance ≤ k, and a row whose
 * minimum exceeds k ends the search. For domain labels (median 9, max 63 characters) and k ≤ 2 this
 * touches at most 5 cells per row.
 */
export function osaWithin(a: string, b: string, k: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > k) return k + 1;
  if (n === 0 || m === 0) return Math.max(n, m) <= k ? Math.max(n, m) : k + 1;
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  const big = k + 1;
  // prev2 = row i-2, prev = row i-1, cur = row i
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j <= k ? j : big;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    cur[0] = i <= k ? i : big;
    if (lo > 1) cur[lo - 1] = big;
    let rowMin = cur[0]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = prev[j - 1]! + cost;
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const t = prev2[j - 2]! + 1;
        if (t < v) v = t;
      }
      if (v > big) v = big;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = big;
    if (rowMin > k) return big;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[m]!;
  return d <= k ? d : big;
}

/**
 * `osaWithin` over code-unit arrays: `a[0..n)` against `b[bOff..bOff+m)`. The delete index keeps
 * every target's code units in one Uint16Array, so verifying a candidate reads one contiguous run
 * instead of chasing a string pointer (a cache miss per candidate at 100,000 labels).
 */
export function osaWithinCodes(a: Uint16Array, n: number, b: Uint16Array, bOff: number, m: number, k: number): number {
  if (Math.abs(n - m) > k) return k + 1;
  if (n === 0 || m === 0) return Math.max(n, m) <= k ? Math.max(n, m) : k + 1;
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  const big = k + 1;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j <= k ? j : big;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    cur[0] = i <= k ? i : big;
    if (lo > 1) cur[lo - 1] = big;
    let rowMin = cur[0]!;
    const ai = a[i - 1]!;
    const aPrev = i > 1 ? a[i - 2]! : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b[bOff + j - 1]!;
      let v = prev[j - 1]! + (ai === bj ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (j > 1 && ai === b[bOff + j - 2] && aPrev === bj) {
        const t = prev2[j - 2]! + 1;
        if (t < v) v = t;
      }
      if (v > big) v = big;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = big;
    if (rowMin > k) return big;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[m]!;
  return d <= k ? d : big;
}

/**
 * Bit-parallel OSA distance (Hyyrö 2003, "A bit-vector algorithm for computing Levenshtein and
 * Damerau edit distances"; the recurrence of rapidfuzz's `osa_hyrroe2003`) of one pattern of at
 * most 32 code units against many texts. The pattern's per-character position masks are built once
 * per query; each text then costs one pass of ~20 integer operations per character, instead of the
 * banded DP's ~5 cells of ~10 operations per character (measured at 100,000 trusted labels, where a
 * query verifies ~6 candidates). Exact for every pair; the differential test checks it against
 * the textbook full-matrix OSA.
 */
export class OsaPattern {
  /** Position mask per ASCII code unit. */
  private readonly ascii = new Int32Array(128);
  /** Position masks of other code units: parallel arrays, at most 32 entries. */
  private readonly otherCodes = new Int32Array(32);
  private readonly otherMasks = new Int32Array(32);
  private others = 0;
  /** Pattern length (0..32). */
  private n = 0;

  /** The largest pattern this class handles. */
  static readonly MAX_LENGTH = 32;

  /** Sets the pattern to `a[0..n)`; n must be ≤ 32. */
  set(a: Uint16Array, n: number): void {
    this.ascii.fill(0);
    this.others = 0;
    this.n = n;
    for (let i = 0; i < n; i++) {
      const c = a[i]!;
      const bit = 1 << i;
      if (c < 128) this.ascii[c]! |= bit;
      else {
        let k = 0;
        while (k < this.others && this.otherCodes[k] !== c) k++;
        if (k === this.others) {
          this.otherCodes[k] = c;
          this.otherMasks[k] = 0;
          this.others++;
        }
        this.otherMasks[k]! |= bit;
      }
    }
  }

  private maskOf(c: number): number {
    if (c < 128) return this.ascii[c]!;
    for (let k = 0; k < this.others; k++) if (this.otherCodes[k] === c) return this.otherMasks[k]!;
    return 0;
  }

  /** OSA distance between the pattern and `b[bOff..bOff+m)`. */
  distance(b: Uint16Array, bOff: number, m: number): number {
    const n = this.n;
    if (n === 0) return m;
    // Bits above n carry garbage; it never reaches the lower bits (shifts and carries go up).
    let vp = -1;
    let vn = 0;
    let d0 = 0;
    let pmOld = 0;
    let dist = n;
    const last = 1 << (n - 1);
    for (let j = 0; j < m; j++) {
      const pm = this.maskOf(b[bOff + j]!);
      const tr = ((~d0 & pm) << 1) & pmOld;
      // (x + y) | 0 is the 32-bit wrapping sum: both are int32, so the float sum is exact.
      d0 = ((((pm & vp) + vp) | 0) ^ vp) | pm | vn | tr;
      let hp = vn | ~(d0 | vp);
      let hn = d0 & vp;
      if ((hp & last) !== 0) dist++;
      if ((hn & last) !== 0) dist--;
      hp = (hp << 1) | 1;
      hn = hn << 1;
      vp = hn | ~(d0 | hp);
      vn = hp & d0;
      pmOld = pm;
    }
    return dist;
  }
}

/** One step of an alignment from `a` (the sender) to `b` (the trusted string). */
export type AlignOp =
  | { readonly op: 'match'; readonly i: number; readonly j: number }
  | { readonly op: 'substitute'; readonly i: number; readonly j: number }
  | { readonly op: 'insert'; readonly i: number } // a[i] has no counterpart in b (the sender added it)
  | { readonly op: 'delete'; readonly j: number } // b[j] has no counterpart in a (the sender omitted it)
  | { readonly op: 'transpose'; readonly i: number; readonly j: number }; // a[i],a[i+1] = b[j+1],b[j]

/**
 * Full OSA distance with one optimal edit script (matches included), over arrays of symbols.
 * O(n·m) time and memory: called only to explain a flagged result, on labels of ≤ 63 symbols.
 * Ties prefer match/substitute, then transpose, then delete/insert, so the script is deterministic.
 */
export function osaAlign<T>(a: readonly T[], b: readonly T[]): { distance: number; ops: AlignOp[] } {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const d = new Int32Array((n + 1) * w);
  for (let i = 0; i <= n; i++) d[i * w] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = d[(i - 1) * w + j - 1]! + cost;
      const del = d[(i - 1) * w + j]! + 1;
      if (del < v) v = del;
      const ins = d[i * w + j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        const t = d[(i - 2) * w + j - 2]! + 1;
        if (t < v) v = t;
      }
      d[i * w + j] = v;
    }
  }
  const ops: AlignOp[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i * w + j]!;
    if (i > 0 && j > 0) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      if (d[(i - 1) * w + j - 1]! + cost === here) {
        ops.push({ op: cost === 0 ? 'match' : 'substitute', i: i - 1, j: j - 1 });
        i--;
        j--;
        continue;
      }
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] && d[(i - 2) * w + j - 2]! + 1 === here) {
        ops.push({ op: 'transpose', i: i - 2, j: j - 2 });
        i -= 2;
        j -= 2;
        continue;
      }
    }
    if (i > 0 && d[(i - 1) * w + j]! + 1 === here) {
      // a[i-1] is extra in the sender
      ops.push({ op: 'insert', i: i - 1 });
      i--;
      continue;
    }
    ops.push({ op: 'delete', j: j - 1 });
    j--;
  }
  ops.reverse();
  return { distance: d[n * w + m]!, ops };
}

/**
 * Optimal string alignment distance (restricted Damerau–Levenshtein: insert, delete, substitute,
 * swap of two adjacent characters, no substring edited twice).
 *
 * Entry points: `OsaPattern` (bit-parallel, one query against many candidates: the delete index's
 * verification), `osaWithinCodes` / `osaWithin` (is the distance ≤ k? — banded, for queries longer
 * than a pattern holds and for the reference scan) and `osaAlign` (the full edit script — used only
 * for explanations of flagged senders).
 */

import { codeUnitAt } from '../parse/code-unit-at';

/** Reusable rows, grown on demand: avoids allocating three arrays per candidate on the hot path. */
let rowA = new Int32Array(72);
let rowB = new Int32Array(72);
let rowC = new Int32Array(72);

/** Scratch code-unit arrays for osaWithin, grown on demand. */
let codesA: Uint16Array = new Uint16Array(72);
let codesB: Uint16Array = new Uint16Array(72);

function toCodes(s: string, into: Uint16Array): Uint16Array {
  const out = s.length > into.length ? new Uint16Array(s.length) : into;
  for (let i = 0; i < s.length; i++) out[i] = codeUnitAt(s, i);
  return out;
}

/**
 * The OSA distance between `a` and `b` when it is at most `k`, else `k + 1`: osaWithinCodes on
 * the strings' UTF-16 code units (the reference scan and tests use this form).
 */
export function osaWithin(a: string, b: string, k: number): number {
  codesA = toCodes(a, codesA);
  codesB = toCodes(b, codesB);
  return osaWithinCodes(codesA, a.length, codesB, 0, b.length, k);
}

/**
 * The OSA distance between `a[0..n)` and `b[bOff..bOff+m)` when it is at most `k`, else `k + 1`.
 * Banded: cells farther than k from the diagonal cannot lead to a distance ≤ k, and a row whose
 * minimum exceeds k ends the search. For domain labels (median 9, max 63 characters) and k ≤ 2 this
 * touches at most 5 cells per row. Code-unit arrays, because the delete index keeps every target's
 * code units in one Uint16Array: verifying a candidate reads one contiguous run instead of chasing
 * a string pointer (a cache miss per candidate at 100,000 labels).
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

// Edit-script op kinds of osaAlignInto, one per step: the `AlignOp` names as integers.
/** a[i] and b[j] are equal. */
export const OP_MATCH = 0;
/** a[i] stands where b[j] should be. */
export const OP_SUBSTITUTE = 1;
/** a[i] has no counterpart in b (the sender added it). */
export const OP_INSERT = 2;
/** b[j] has no counterpart in a (the sender omitted it). */
export const OP_DELETE = 3;
/** a[i], a[i+1] are b[j+1], b[j]. */
export const OP_TRANSPOSE = 4;

/**
 * A reusable edit script: `length` ops, op `k` at `ops[3k]` (kind: OP_*), `ops[3k+1]` (i, the
 * sender index) and `ops[3k+2]` (j, the trusted index); i is -1 for a delete, j is -1 for an
 * insert. Owned by the caller and overwritten by each {@link osaAlignInto}, so explaining a
 * flagged sender allocates no op objects.
 */
export class EditScript {
  /** The OSA distance (the number of steps that are not matches). */
  distance = 0;
  /** The number of steps. */
  length = 0;
  /** The steps, three integers each; grown on demand. */
  ops: Int32Array = new Int32Array(3 * 128);
}

/**
 * The DP matrix, reused across calls: allocating a fresh Int32Array per alignment was about a
 * third of the original osaAlign's time on the benchmark's typo pairs (the fill alone: 1.04 µs
 * with a fresh matrix, 0.67 µs with a reused one). Matrices above KEEP_CELLS (256 KiB) are
 * allocated for the call only, so one huge input does not pin memory.
 */
let matrix = new Int32Array(64 * 64);
const KEEP_CELLS = 1 << 16;

/**
 * Full OSA distance with one optimal edit script (matches included), over symbol codes: `a[0..n)`
 * is the sender, `b[0..m)` the trusted string, compared with `===`. Writes into `out`.
 * O(n·m) time and memory: called only to explain a flagged result, on labels of ≤ 63 symbols.
 * Ties prefer match/substitute, then transpose, then delete/insert, so the script is deterministic.
 *
 * A common suffix is matched without filling its rows and columns: when a[i-1] === b[j-1],
 * d[i][j] === d[i-1][j-1] (dropping b's last symbol changes an OSA distance by at most one, and a
 * transposition there would need four equal symbols, which the match does as cheaply), so the
 * traceback from (n, m) takes exactly those matches first and then walks a matrix whose cells
 * depend only on the prefixes. Lookalikes share most of their label with the trusted one: a
 * homoglyph's skeleton often equals it entirely.
 */
export function osaAlignInto(a: ArrayLike<number>, n: number, b: ArrayLike<number>, m: number, out: EditScript): void {
  let i = n;
  let j = m;
  if (out.ops.length < 3 * (n + m)) out.ops = new Int32Array(3 * (n + m));
  const ops = out.ops;
  // The traceback writes the steps backwards, then they are reversed in place.
  let k = 0;
  while (i > 0 && j > 0 && a[i - 1] === b[j - 1]) {
    ops[k] = OP_MATCH;
    ops[k + 1] = --i;
    ops[k + 2] = --j;
    k += 3;
  }
  // Fill the matrix of the prefixes a[0..i), b[0..j).
  const w = j + 1;
  const cells = (i + 1) * w;
  let d = matrix;
  if (cells > d.length) {
    d = new Int32Array(cells);
    if (cells <= KEEP_CELLS) matrix = d;
  }
  for (let c = 0; c <= j; c++) d[c] = c;
  let aPrev = 0;
  for (let r = 1; r <= i; r++) {
    const ar = a[r - 1]!;
    const row = r * w;
    const up = row - w;
    d[row] = r;
    // Carried along the row: d[r][c-1] (left), d[r-1][c-1] (diagonal), b[c-2] (bPrev).
    let left = r;
    let diagonal = r - 1;
    let bPrev = 0;
    for (let c = 1; c <= j; c++) {
      const bc = b[c - 1]!;
      const above = d[up + c]!;
      let v = diagonal + (ar === bc ? 0 : 1);
      if (above + 1 < v) v = above + 1;
      if (left + 1 < v) v = left + 1;
      if (r > 1 && c > 1 && ar === bPrev && aPrev === bc) {
        const t = d[up - w + c - 2]! + 1;
        if (t < v) v = t;
      }
      d[row + c] = v;
      left = v;
      diagonal = above;
      bPrev = bc;
    }
    aPrev = ar;
  }
  out.distance = d[i * w + j]!;
  while (i > 0 || j > 0) {
    const here = d[i * w + j]!;
    if (i > 0 && j > 0) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      if (d[(i - 1) * w + j - 1]! + cost === here) {
        ops[k] = cost === 0 ? OP_MATCH : OP_SUBSTITUTE;
        ops[k + 1] = --i;
        ops[k + 2] = --j;
        k += 3;
        continue;
      }
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] && d[(i - 2) * w + j - 2]! + 1 === here) {
        i -= 2;
        j -= 2;
        ops[k] = OP_TRANSPOSE;
        ops[k + 1] = i;
        ops[k + 2] = j;
        k += 3;
        continue;
      }
    }
    if (i > 0 && d[(i - 1) * w + j]! + 1 === here) {
      // a[i-1] is extra in the sender
      ops[k] = OP_INSERT;
      ops[k + 1] = --i;
      ops[k + 2] = -1;
      k += 3;
      continue;
    }
    ops[k] = OP_DELETE;
    ops[k + 1] = -1;
    ops[k + 2] = --j;
    k += 3;
  }
  for (let lo = 0, hi = k - 3; lo < hi; lo += 3, hi -= 3) {
    for (let f = 0; f < 3; f++) {
      const t = ops[lo + f]!;
      ops[lo + f] = ops[hi + f]!;
      ops[hi + f] = t;
    }
  }
  out.length = k / 3;
}

/**
 * Full OSA distance with one optimal edit script (matches included), over arrays of symbols
 * compared with `===`. The same alignment as {@link osaAlignInto}, as objects.
 */
export function osaAlign<T>(a: readonly T[], b: readonly T[]): { distance: number; ops: AlignOp[] } {
  // Number the symbols so equal ones (===) share a code. NaN never equals itself (but is one Map
  // key), so each NaN gets a fresh negative code.
  const ids = new Map<T, number>();
  let nextNaN = -1;
  const code = (x: T): number => {
    if (x !== x) return nextNaN--;
    let id = ids.get(x);
    if (id === undefined) {
      id = ids.size;
      ids.set(x, id);
    }
    return id;
  };
  const codesA: number[] = [];
  const codesB: number[] = [];
  for (const x of a) codesA.push(code(x));
  for (const x of b) codesB.push(code(x));
  const script = new EditScript();
  osaAlignInto(codesA, a.length, codesB, b.length, script);
  const ops: AlignOp[] = [];
  for (let k = 0; k < script.length; k++) {
    const kind = script.ops[3 * k]!;
    const i = script.ops[3 * k + 1]!;
    const j = script.ops[3 * k + 2]!;
    if (kind === OP_MATCH) ops.push({ op: 'match', i, j });
    else if (kind === OP_SUBSTITUTE) ops.push({ op: 'substitute', i, j });
    else if (kind === OP_INSERT) ops.push({ op: 'insert', i });
    else if (kind === OP_DELETE) ops.push({ op: 'delete', j });
    else ops.push({ op: 'transpose', i, j });
  }
  return { distance: script.distance, ops };
}

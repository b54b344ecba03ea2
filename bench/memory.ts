/**
 * The machine's memory latency by working-set size: a pointer chase, one node per 64-byte cache
 * line, visited in one random cycle, so that every load waits for the one before and no prefetcher
 * can guess the next address.
 *
 * Why the benchmarks report it: at 100,000 trusted entries the compiled list (~27 MB of typed
 * arrays plus its records) is larger than the share of the last-level cache a process gets on a
 * shared machine, and a check's cost there is mostly the cache misses of its few random lookups
 * (bench/README.md, "Where the time goes"). The flat ratio (100,000 ÷ 100 entries) therefore depends
 * on the machine as much as on the code; these figures say, for the run at hand, from which working
 * set a random load stops being a cache hit. They are reported, never tracked.
 */

/** Working-set sizes measured, in MiB. */
export const CHASE_SIZES_MIB = [1, 4, 8, 16, 32, 64] as const;

/** Bytes of one cache line (x86-64 and most ARM cores), the distance between two nodes. */
const LINE = 64;
const INTS_PER_LINE = LINE / 4;

/**
 * A single random cycle through `nodes` nodes (Sattolo's algorithm, so the chase visits every node
 * before it repeats), laid out one node per cache line: `next[i * 16]` holds the index of the word
 * of the following node. Deterministic for a given seed (xorshift32), so two runs chase the same
 * path.
 */
export function chaseCycle(nodes: number, seed = 0x9e3779b9): Int32Array {
  if (!Number.isInteger(nodes) || nodes < 2) throw new RangeError(`a chase needs at least 2 nodes, got ${nodes}`);
  const order = new Int32Array(nodes);
  for (let i = 0; i < nodes; i++) order[i] = i;
  let s = seed >>> 0 || 1;
  for (let i = nodes - 1; i > 0; i--) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    // Sattolo: j < i (never i itself), which makes the permutation one cycle.
    const j = s % i;
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const next = new Int32Array(nodes * INTS_PER_LINE);
  for (let i = 0; i < nodes; i++) next[order[i]! * INTS_PER_LINE] = order[(i + 1) % nodes]! * INTS_PER_LINE;
  return next;
}

/** Follows `steps` links of a chase from word 0; returns where it stopped (keeps the loop alive). */
export function chase(next: Int32Array, steps: number): number {
  let p = 0;
  for (let i = 0; i < steps; i++) p = next[p]!;
  return p;
}

/** One size's result. */
export interface ChaseResult {
  readonly mib: number;
  /** Nanoseconds per dependent load: the median of `repeats` timed passes. */
  readonly ns: number;
}

/**
 * Nanoseconds per dependent random load for each working-set size: a warm-up pass through the whole
 * cycle (so the pages are mapped and the caches hold what they can), then `repeats` timed passes of
 * `steps` loads each.
 */
export function measureChase(sizesMiB: readonly number[] = CHASE_SIZES_MIB, steps = 1_000_000, repeats = 3): { results: ChaseResult[]; sink: number } {
  const results: ChaseResult[] = [];
  let sink = 0;
  for (const mib of sizesMiB) {
    const nodes = Math.max(2, Math.floor((mib * 2 ** 20) / LINE));
    const next = chaseCycle(nodes);
    sink ^= chase(next, nodes);
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      sink ^= chase(next, steps);
      times.push(((performance.now() - t0) * 1e6) / steps);
    }
    times.sort((a, b) => a - b);
    results.push({ mib, ns: times[times.length >> 1]! });
  }
  return { results, sink };
}

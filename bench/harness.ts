/**
 * The timing harness. Built for a noisy shared 2-core VM, where the same process measured twice can
 * differ by 1.6× (shared/reference/perf-anchors.md):
 *   - every workload of a group is warmed up, then measured in R interleaved rounds: round r times
 *     each workload once, in an order rotated by r. A noisy neighbour that slows the machine for a
 *     few seconds then slows every workload of the group alike, instead of only the one that
 *     happened to run then;
 *   - one sample is a batch of calls lasting about `sampleMs`, so the timer's resolution and the
 *     loop cost vanish; its time is divided by the operations it did;
 *   - figures are medians over rounds (robust to the occasional slow round), with the quartiles;
 *   - each sample is also timed in CPU time of the process (user + system). When the group holds
 *     the calibration workload, the median over rounds of (CPU time of the sample ÷ CPU time of
 *     the calibration sample of the same round) is the workload's machine-independent
 *     ("normalised") figure, compared by `bench:check`. CPU time, because on a shared machine the
 *     process is often waiting for a core: wall time then grows, CPU time does not. A ratio, so a
 *     faster machine gives the same figure. Medians of per-round ratios, because a slowdown that
 *     hits a whole round cancels out in it;
 *   - run.ts re-runs itself under fixed V8 seeds and without concurrent recompilation
 *     (node-flags.ts): otherwise the same code measured in two processes can land in two
 *     "modes" up to 1.7× apart (string hash seed, timing of background JIT compilation).
 *   Measured on this VM (bench/README.md "Tolerance"): four processes of an unchanged tree gave
 *   normalised stage figures within 10% of each other at p90, 21% at worst.
 * tinybench (installed) runs one task to completion before the next, so it cannot interleave; this
 * harness is small enough to read in one sitting instead.
 */

/** One thing to time. `fn` does `opsPerCall` operations and returns a value the harness keeps (so the work is not optimised away). */
export interface Workload {
  readonly id: string;
  readonly opsPerCall: number;
  readonly fn: () => number;
  /** Overrides the group's warm-up and sample time for this workload (the calibration keeps its own). */
  readonly warmupMs?: number;
  readonly sampleMs?: number;
}

/** Timing of one workload, per operation. */
export interface Measurement {
  readonly id: string;
  /** Median over rounds, nanoseconds per operation. */
  readonly medianNs: number;
  readonly q1Ns: number;
  readonly q3Ns: number;
  readonly minNs: number;
  /** Median over rounds of the CPU time (user + system of the process), ns per operation. */
  readonly cpuMedianNs: number;
  readonly rounds: number;
  /** Operations per sample (calls per sample × opsPerCall). */
  readonly opsPerSample: number;
  /** ns per operation of each round, in round order (for same-round ratios). */
  readonly samples: readonly number[];
  /**
   * Median over rounds of (CPU time of this sample ÷ CPU time of the calibration sample of the same
   * round); absent without calibration. The machine-independent figure that `bench:check` compares
   * (see the file comment).
   */
  readonly normalized?: number;
}

/** Options of {@link measureGroup}. */
export interface GroupOptions {
  readonly rounds: number;
  /** Warm-up time per workload, ms (at least two calls are made). */
  readonly warmupMs: number;
  /** Target duration of one sample, ms. */
  readonly sampleMs: number;
  /** Id of the calibration workload in the group, if any. */
  readonly calibrationId?: string;
  /** Clock in ms; injectable for tests. */
  readonly now?: () => number;
  /** Called before every timed sample, outside the timing (e.g. a forced GC, so that the garbage of one build is not collected in the next workload's sample). */
  readonly beforeSample?: () => void;
  /** CPU-time clock in ms (default: user + system time of the process); null to use `now` for both. */
  readonly cpuNow?: (() => number) | null;
}

/** Keeps results alive so that V8 cannot drop the measured work. */
export let sink = 0;

/** Median of a non-empty list (mean of the two middle values for even lengths). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** A same-time ratio with the spread of its rounds: median and quartiles of the per-round ratios. */
export interface RatioSpread {
  readonly value: number;
  readonly q1?: number;
  readonly q3?: number;
}

/**
 * The per-round ratios of `a` to `b` (round r of a ÷ round r of b): their median, with their first
 * and third quartiles when there are at least 3 rounds. The quartiles say whether the rounds agree:
 * evaluateTargets (report.ts) calls a verdict unsettled when they straddle the target's limit.
 * Without samples of equal length, the ratio of the medians and no quartiles. Pure.
 */
export function ratioOfRounds(a: readonly number[], b: readonly number[]): RatioSpread {
  if (a.length !== b.length || a.length === 0) return { value: median(a) / median(b) };
  const r = a.map((v, i) => v / b[i]!);
  return r.length < 3 ? { value: median(r) } : { value: median(r), q1: quantile(r, 0.25), q3: quantile(r, 0.75) };
}

/** Linear-interpolated quantile (q in [0, 1]) of a non-empty list. */
export function quantile(values: readonly number[], q: number): number {
  return quantileSorted([...values].sort((a, b) => a - b), q);
}

/** {@link quantile} of values already sorted in ascending order (NaN when empty). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Measures every workload of a group in interleaved rounds (see the file comment).
 * @returns One measurement per workload, in input order.
 */
export function measureGroup(workloads: readonly Workload[], options: GroupOptions): Measurement[] {
  const now = options.now ?? (() => performance.now());
  const calls = new Map<string, number>();
  // Warm-up: run until warmupMs has passed (and twice at least), then size a sample.
  for (const w of workloads) {
    const start = now();
    let n = 0;
    let last = 0;
    do {
      const t0 = now();
      sink ^= w.fn();
      last = now() - t0;
      n++;
    } while (n < 2 || now() - start < (w.warmupMs ?? options.warmupMs));
    calls.set(w.id, Math.max(1, Math.ceil((w.sampleMs ?? options.sampleMs) / Math.max(last, 1e-6))));
  }
  const samples = new Map<string, number[]>(workloads.map((w) => [w.id, []]));
  const cpuSamples = new Map<string, number[]>(workloads.map((w) => [w.id, []]));
  const cpuNow = options.cpuNow === undefined ? processCpuMs : options.cpuNow;
  for (let r = 0; r < options.rounds; r++) {
    for (let k = 0; k < workloads.length; k++) {
      const w = workloads[(k + r) % workloads.length]!;
      const reps = calls.get(w.id)!;
      options.beforeSample?.();
      const c0 = cpuNow === null ? 0 : cpuNow();
      const t0 = now();
      for (let i = 0; i < reps; i++) sink ^= w.fn();
      const elapsed = now() - t0;
      const cpu = cpuNow === null ? elapsed : cpuNow() - c0;
      samples.get(w.id)!.push((elapsed * 1e6) / (reps * w.opsPerCall));
      cpuSamples.get(w.id)!.push((cpu * 1e6) / (reps * w.opsPerCall));
    }
  }
  const cal = options.calibrationId === undefined ? undefined : cpuSamples.get(options.calibrationId);
  return workloads.map((w) => {
    const s = samples.get(w.id)!;
    const c = cpuSamples.get(w.id)!;
    return {
      id: w.id,
      medianNs: median(s),
      q1Ns: quantile(s, 0.25),
      q3Ns: quantile(s, 0.75),
      minNs: Math.min(...s),
      cpuMedianNs: median(c),
      rounds: s.length,
      opsPerSample: calls.get(w.id)! * w.opsPerCall,
      samples: s,
      ...(cal === undefined ? {} : { normalized: median(c.map((v, i) => v / cal[i]!)) }),
    };
  });
}

/**
 * A stream of operations timed one at a time, for the distribution of their cost (a gateway's
 * per-message latency) rather than the mean that {@link measureGroup} gives.
 */
export interface LatencyWorkload {
  readonly id: string;
  /** Operations in one pass. */
  readonly count: number;
  /** Runs operation `i` (0 ≤ i < count) and returns a value the harness keeps. */
  readonly op: (i: number) => number;
  /**
   * Operations whose quantiles are also reported on their own (`subsetNs`), from the same timings:
   * e.g. the senders of a stream that are not flagged, timed among the others.
   */
  readonly subset?: ArrayLike<boolean>;
}

/** Sorts `times` (ms) and adds one round's `quantiles` of them (ns) to `into`, one list per quantile. */
function addQuantiles(times: Float64Array, quantiles: readonly number[], into: number[][]): void {
  times.sort();
  for (let j = 0; j < quantiles.length; j++) into[j]!.push(quantileSorted(times, quantiles[j]!) * 1e6);
}

/** Options of {@link measureLatency}. */
export interface LatencyOptions {
  readonly rounds: number;
  /** The quantiles to report, each in [0, 1]. */
  readonly quantiles: readonly number[];
  /** Clock in ms; injectable for tests. */
  readonly now?: () => number;
  /** Clock readings timed back to back to estimate the clock's own cost (default 20,000). */
  readonly overheadPairs?: number;
  /** Also report each operation's own median over rounds (`opNs`), e.g. to group operations by kind. */
  readonly perOperation?: boolean;
}

/** Per-operation latency of one workload. */
export interface LatencyMeasurement {
  readonly id: string;
  /** The quantiles measured, as in the options. */
  readonly quantiles: readonly number[];
  /** Per quantile: the median over rounds of that round's quantile, ns per operation. */
  readonly ns: readonly number[];
  /** Per quantile, per round in round order: the round's quantile, ns (for same-round ratios). */
  readonly perRound: readonly (readonly number[])[];
  /** As `ns` and `perRound`, over the workload's `subset` only (absent without one). */
  readonly subsetNs?: readonly number[];
  readonly subsetPerRound?: readonly (readonly number[])[];
  /** Per operation i: its median over rounds, ns (with `perOperation` only). */
  readonly opNs?: Float64Array;
  /** The cost of one pair of clock readings, subtracted from every operation's time. */
  readonly overheadNs: number;
  readonly rounds: number;
}

/**
 * Times every operation of every workload alone, in interleaved rounds (one untimed pass first; round r
 * runs the workloads in an order rotated by r, each a whole pass), and reports per-round quantiles
 * and their median over rounds. Each operation's time is the difference of two clock readings minus
 * the median cost of such a pair measured first (~40 ns with `performance.now()` on the bench
 * machine), so quantiles of operations of a few µs are not inflated by the clock. A round's quantile
 * is taken over all operations of its pass; the median over rounds drops a round that a noisy
 * neighbour slowed down.
 */
export function measureLatency(workloads: readonly LatencyWorkload[], options: LatencyOptions): LatencyMeasurement[] {
  const now = options.now ?? (() => performance.now());
  const pairs = new Float64Array(Math.max(1, options.overheadPairs ?? 20_000));
  for (let i = 0; i < pairs.length; i++) {
    const t0 = now();
    pairs[i] = now() - t0;
  }
  const overheadMs = quantileSorted(pairs.sort(), 0.5);
  for (const w of workloads) for (let i = 0; i < w.count; i++) sink ^= w.op(i);
  const perRound = new Map<string, number[][]>(workloads.map((w) => [w.id, options.quantiles.map(() => [])]));
  const subsetPerRound = new Map<string, number[][]>(workloads.map((w) => [w.id, options.quantiles.map(() => [])]));
  const times = new Map<string, Float64Array>(workloads.map((w) => [w.id, new Float64Array(w.count)]));
  // With perOperation: operation i's time in round r at [i * rounds + r] (ms).
  const opTimes = new Map<string, Float64Array>(options.perOperation === true ? workloads.map((w) => [w.id, new Float64Array(w.count * options.rounds)]) : []);
  const subsetTimes = new Map<string, Float64Array>();
  for (const w of workloads) {
    if (w.subset === undefined) continue;
    let n = 0;
    for (let i = 0; i < w.count; i++) if (w.subset[i] === true) n++;
    subsetTimes.set(w.id, new Float64Array(n));
  }
  for (let r = 0; r < options.rounds; r++) {
    for (let k = 0; k < workloads.length; k++) {
      const w = workloads[(k + r) % workloads.length]!;
      const t = times.get(w.id)!;
      for (let i = 0; i < w.count; i++) {
        const t0 = now();
        sink ^= w.op(i);
        t[i] = now() - t0 - overheadMs;
      }
      const ops = opTimes.get(w.id);
      if (ops !== undefined) for (let i = 0; i < w.count; i++) ops[i * options.rounds + r] = t[i]!;
      const sub = subsetTimes.get(w.id);
      if (sub !== undefined) {
        for (let i = 0, n = 0; i < w.count; i++) if (w.subset![i] === true) sub[n++] = t[i]!;
        addQuantiles(sub, options.quantiles, subsetPerRound.get(w.id)!);
      }
      addQuantiles(t, options.quantiles, perRound.get(w.id)!);
    }
  }
  return workloads.map((w) => {
    const qs = perRound.get(w.id)!;
    const sq = subsetPerRound.get(w.id)!;
    const ops = opTimes.get(w.id);
    return {
      id: w.id,
      quantiles: options.quantiles,
      ns: qs.map((v) => median(v)),
      perRound: qs,
      ...(w.subset === undefined ? {} : { subsetNs: sq.map((v) => median(v)), subsetPerRound: sq }),
      ...(ops === undefined ? {} : { opNs: Float64Array.from({ length: w.count }, (_, i) => median(Array.from(ops.subarray(i * options.rounds, (i + 1) * options.rounds))) * 1e6) }),
      overheadNs: overheadMs * 1e6,
      rounds: options.rounds,
    };
  });
}

/** CPU time (user + system) of this process, ms. */
function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Words of the calibration workload: fixed forever (changing them changes every normalised figure). */
const CALIBRATION_WORDS: readonly string[] = (() => {
  let seed = 0x1234567;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 8;
  };
  const out: string[] = [];
  for (let i = 0; i < 1000; i++) {
    let w = '';
    const len = 6 + (next() % 9);
    for (let j = 0; j < len; j++) w += String.fromCharCode(97 + (next() % 26));
    out.push(w);
  }
  return out;
})();

/**
 * Version of the calibration workload. `bench:check` refuses to compare figures normalised by
 * different versions; bump it whenever {@link calibrationWorkload} changes.
 */
export const CALIBRATION_VERSION = 1;

/**
 * The calibration workload: a fixed pure-JS mix of the kinds of work a check does (string
 * scanning with charCodeAt, 32-bit hashing, Map writes and reads, a numeric sort), about 50–100 µs
 * per call. Its time is the unit of every normalised figure, so a machine twice as fast gives the
 * same normalised figures.
 */
export function calibrationWorkload(): number {
  const map = new Map<string, number>();
  let acc = 0;
  for (const w of CALIBRATION_WORDS) {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    map.set(w, h >>> 0);
  }
  const values = Int32Array.from(map.values());
  values.sort();
  for (const w of CALIBRATION_WORDS) acc ^= map.get(w)!;
  return acc ^ values[values.length >> 1]!;
}

/** The calibration workload as a group member. */
export const CALIBRATION: Workload = Object.freeze({ id: 'calibration', opsPerCall: 1, fn: calibrationWorkload, warmupMs: 100, sampleMs: 10 });

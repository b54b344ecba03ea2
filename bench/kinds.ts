/**
 * `npm run bench:kinds`: where the growth of `check` with the trusted list comes from, by kind of
 * sender.
 *
 *   tsx bench/kinds.ts [--sizes 100,100000] [--rounds 7] [--per-group 4000] [--techniques]
 *
 * Builds a detector for each of the two sizes and times every check of each size's mixed stream
 * alone, in stream order, in interleaved rounds in one process (harness.ts `measureLatency`: the
 * sizes take turns, the order rotated each round, the clock's own cost subtracted), under the
 * benchmark's V8 flags (./node-flags.ts). Each sender's time is its median over rounds. Senders are grouped by kind (senderKind: the verdict, address or header, an
 * unknown sender by its label's length), and the report gives each kind's count and mean µs at
 * both sizes, then two ratios of the stream's mean cost, large ÷ small:
 *   measured   what the flat figure measures (as a mean of per-sender medians);
 *   mix only   each kind's cost at the small size, with the kinds' counts at the large size: the
 *              part that comes from a longer list flagging more of the same kind of stream (the
 *              verdict mix), not from any kind of check getting slower;
 *   same mix   each kind's cost at both sizes, weighted by the kinds' counts at the small size: the
 *              growth of like-for-like checks.
 * `--techniques` splits flagged senders by the class of their reason codes (see techniqueClass).
 * A diagnostic behind bench/README.md's "Where the time goes"; it judges nothing and exits 0 (2 on
 * a usage error).
 */

import { parseArgs } from 'node:util';
import { createDetector } from '../src';
import type { CheckResult } from '../src/types';
import { wholeNumber } from './ab';
import { senderStreams, trustedList } from './data';
import { measureLatency, type LatencyMeasurement } from './harness';
import { rerunWithBenchFlags } from './node-flags';
import { fmtSize, textTable } from './report';

/** Options of one run. */
export interface KindsArgs {
  /** The small and the large list size. */
  readonly sizes: readonly [number, number];
  readonly rounds: number;
  readonly perGroup: number;
  /** Split flagged senders by the class of their reason codes (`lookalike: tld-swap`), see techniqueClass. */
  readonly techniques: boolean;
}

/** Defaults: the flat target's sizes, 7 rounds of the bench's 4,000 senders per group. */
export const KINDS_DEFAULTS: KindsArgs = Object.freeze({ sizes: Object.freeze([100, 100_000]) as readonly [number, number], rounds: 7, perGroup: 4000, techniques: false });

/** `--sizes small,large` (separators allowed, at most 100,000): two list sizes, small then large; throws an Error naming the option. */
export function sizePair(value: string): readonly [number, number] {
  const list = value.split(',').map((s) => wholeNumber(s.trim(), 'sizes', 100_000));
  if (list.length !== 2 || list[0]! >= list[1]!) throw new Error(`--sizes: ${value} is not two sizes, small then large`);
  return [list[0]!, list[1]!];
}

/** Parses the command line (node:util parseArgs, strict); throws an Error naming the bad argument. */
export function parseKindsArgs(argv: readonly string[]): KindsArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: { sizes: { type: 'string' }, rounds: { type: 'string' }, 'per-group': { type: 'string' }, techniques: { type: 'boolean' } },
    strict: true,
    allowPositionals: false,
  });
  return {
    sizes: values.sizes === undefined ? KINDS_DEFAULTS.sizes : sizePair(values.sizes),
    rounds: values.rounds === undefined ? KINDS_DEFAULTS.rounds : wholeNumber(values.rounds, 'rounds', 1000),
    perGroup: values['per-group'] === undefined ? KINDS_DEFAULTS.perGroup : wholeNumber(values['per-group'], 'per-group', 100_000),
    techniques: values.techniques ?? KINDS_DEFAULTS.techniques,
  };
}

/**
 * The kind of a checked sender: its verdict; ` header` when the input has a display name or angle
 * brackets; for a trusted sender whether the host was trusted itself or through a parent; for an
 * unknown one its label's length in code points (≤ 5, 6–7, 8–9, 10+), which sets how much of the
 * typo index its query reads. With `techniques`, a flagged sender (lookalike, impersonation,
 * suspicious) also by the class of its techniques (techniqueClass): the routes a check takes, and
 * what it reads, depend on them.
 */
export function senderKind(input: string, result: CheckResult, techniques = false): string {
  let kind: string = result.verdict;
  if (input.includes('<') || input.includes('"')) kind += ' header';
  if (techniques && (result.verdict === 'lookalike' || result.verdict === 'impersonation' || result.verdict === 'suspicious')) {
    kind += `: ${techniqueClass(result.reasons.map((r) => r.code))}`;
  }
  if (result.verdict === 'trusted') kind += result.match?.domain === result.sender?.domain ? ', host as listed' : ', parent trusted';
  if (result.verdict === 'unknown') {
    const n = [...(result.sender?.label ?? '')].length;
    kind += n <= 5 ? ', label ≤ 5' : n <= 7 ? ', label 6–7' : n <= 9 ? ', label 8–9' : ', label 10+';
  }
  return kind;
}

const STRUCTURE = new Set(['combo', 'subdomain-embedding', 'dot-insertion']);
const VISUAL = new Set(['homoglyph', 'diacritic', 'mixed-script', 'whole-script']);
const TYPO = new Set(['omission', 'insertion', 'replacement', 'transposition', 'repetition', 'hyphenation', 'vowel-swap', 'bitsquat']);

/**
 * The class of a flagged sender's reason codes, few enough to compare two streams by: `structure`
 * (combo, embedding, dot insertion: routes beyond the whole label), else `visual` (homoglyph,
 * diacritic, script findings), else `typo` (an edit the typo index found), else `tld-swap` alone,
 * else the codes themselves (display name, freemail, hidden characters). `+ tld-swap` marks a
 * visual or typo sender under another suffix than the label's trusted ones.
 */
export function techniqueClass(codes: readonly string[]): string {
  const has = (set: ReadonlySet<string>): boolean => codes.some((c) => set.has(c));
  const swap = codes.includes('tld-swap');
  if (has(STRUCTURE)) return 'structure';
  if (has(VISUAL)) return swap ? 'visual + tld-swap' : 'visual';
  if (has(TYPO)) return swap ? 'typo + tld-swap' : 'typo';
  if (swap) return 'tld-swap';
  return [...new Set(codes)].sort().join('+');
}

/** Count and mean µs of one kind at one size. */
export interface KindStat {
  readonly count: number;
  readonly meanUs: number;
}

/** Per kind, the count and mean of the senders' µs. */
export function kindStats(kinds: readonly string[], us: readonly number[]): Map<string, KindStat> {
  const sums = new Map<string, { count: number; total: number }>();
  kinds.forEach((k, i) => {
    const s = sums.get(k) ?? { count: 0, total: 0 };
    s.count++;
    s.total += us[i]!;
    sums.set(k, s);
  });
  return new Map([...sums].map(([k, s]) => [k, { count: s.count, meanUs: s.total / s.count }]));
}

/** Each operation's median over rounds in µs, from a `measureLatency` run with `perOperation`. */
export function latencyUs(m: LatencyMeasurement): number[] {
  if (m.opNs === undefined) throw new Error(`latency ${m.id} was measured without perOperation`);
  return Array.from(m.opNs, (ns) => ns / 1e3);
}

/** The three ratios of the module comment, and the senders of the large stream whose kind the small one lacks. */
export interface MixRatios {
  readonly measured: number;
  readonly mixOnly: number;
  /**
   * Each kind's cost at the large size against at the small one, both weighted by the small
   * stream's counts (kinds the large stream lacks left out): the growth of like-for-like checks,
   * the verdict mix held as it is at the small size.
   */
  readonly sameMix: number;
  /** Left out of `mixOnly` (no cost at the small size to weight). */
  readonly unmatched: number;
}

/** Stream mean at the large size ÷ at the small one: measured, with the verdict mix alone changing, and with the mix held. */
export function mixRatios(small: ReadonlyMap<string, KindStat>, large: ReadonlyMap<string, KindStat>): MixRatios {
  const mean = (m: ReadonlyMap<string, KindStat>, cost: (kind: string, s: KindStat) => number | undefined): { mean: number; left: number } => {
    let total = 0;
    let count = 0;
    let left = 0;
    for (const [kind, s] of m) {
      const c = cost(kind, s);
      if (c === undefined) left += s.count;
      else {
        total += s.count * c;
        count += s.count;
      }
    }
    return { mean: count === 0 ? NaN : total / count, left };
  };
  const smallMean = mean(small, (_, s) => s.meanUs).mean;
  const measured = mean(large, (_, s) => s.meanUs).mean / smallMean;
  const mixed = mean(large, (kind) => small.get(kind)?.meanUs);
  const grown = mean(small, (kind) => large.get(kind)?.meanUs);
  const kept = mean(small, (kind, s) => (large.has(kind) ? s.meanUs : undefined));
  return { measured, mixOnly: mixed.mean / smallMean, sameMix: grown.mean / kept.mean, unmatched: mixed.left };
}

function fmt(us: number): string {
  return Number.isFinite(us) ? us.toFixed(2) : '—';
}

function main(args: KindsArgs): void {
  const [small, large] = args.sizes;
  const sides = args.sizes.map((size) => {
    const list = trustedList(size);
    const detector = createDetector(list.entries);
    return { size, detector, stream: senderStreams(list, args.perGroup).mixed };
  });
  // Each check timed alone, the sizes' passes interleaved and rotated every round (harness.ts).
  const timed = measureLatency(
    sides.map((s) => ({ id: String(s.size), count: s.stream.length, op: (i: number) => s.detector.check(s.stream[i]!).reasons.length })),
    { rounds: args.rounds, quantiles: [0.5], perOperation: true },
  );
  const stats = sides.map((s, k) =>
    kindStats(
      s.stream.map((x) => senderKind(x, s.detector.check(x), args.techniques)),
      latencyUs(timed[k]!),
    ),
  );
  const [a, b] = [stats[0]!, stats[1]!];
  const kinds = [...new Set([...b.keys(), ...a.keys()])].sort((x, y) => (b.get(y)?.count ?? 0) - (b.get(x)?.count ?? 0));
  console.log(`bench:kinds: the mixed streams of ${fmtSize(small)} and ${fmtSize(large)} trusted, each check timed alone, per sender the median of ${args.rounds} interleaved rounds`);
  console.log(
    textTable(
      ['kind', `senders at ${fmtSize(small)}`, `at ${fmtSize(large)}`, `µs at ${fmtSize(small)}`, `µs at ${fmtSize(large)}`, 'growth'],
      kinds.map((k) => {
        const x = a.get(k);
        const y = b.get(k);
        return [k, String(x?.count ?? 0), String(y?.count ?? 0), fmt(x?.meanUs ?? NaN), fmt(y?.meanUs ?? NaN), x && y ? `${(y.meanUs / x.meanUs).toFixed(2)}×` : '—'];
      }),
      (col) => col > 0,
    ),
  );
  const r = mixRatios(a, b);
  console.log(`mean check at ${fmtSize(large)} ÷ at ${fmtSize(small)}: measured ${r.measured.toFixed(3)}×, verdict mix alone ${r.mixOnly.toFixed(3)}×${r.unmatched > 0 ? ` (${r.unmatched} senders of kinds absent at ${fmtSize(small)} left out)` : ''}, same mix as at ${fmtSize(small)} ${r.sameMix.toFixed(3)}×`);
}

// By file name, not import.meta.url: in the benchmark bundle (node-flags.ts) every module shares one URL.
const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])kinds\.(?:ts|bundle\.mjs)$/u.test(process.argv[1]);
if (invokedDirectly) {
  let args: KindsArgs | undefined;
  try {
    args = parseKindsArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench:kinds: ${(e as Error).message}`);
    process.exitCode = 2;
  }
  if (args !== undefined) {
    const code = rerunWithBenchFlags(import.meta.url);
    if (code !== undefined) process.exitCode = code;
    else main(args);
  }
}

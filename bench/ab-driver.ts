/**
 * The measuring side of `npm run bench:ab` (./ab.ts): two builds of the library in one process,
 * timed on the same sender streams in alternating rounds. ab.ts bundles this module with the two
 * `createDetector` functions and runs it twice, once building each side first.
 *
 * Why one process: on a shared VM the same code measured in two processes differs by more than
 * most changes do (bench/HISTORY.md, "Fifth round": separate-process pairs of one change ranged from
 * 0.84× to level). In one process both sides see the same machine state, round by round, and the
 * per-round ratio cancels most of it. What one process does not cancel is which side's code and
 * data were placed first (measured: 2–6% for two identical copies), hence the two orders.
 */

import { senderStreams, trustedList, type StreamGroup } from './data';

/** A library build's `createDetector`, as far as the driver uses it. */
export type CreateDetector = (trusted: readonly unknown[]) => { check(sender: string): { readonly score: number } };

/** What one driver process measures. */
export interface AbDriverOptions {
  readonly sizes: readonly number[];
  readonly streams: readonly StreamGroup[];
  /** Measured rounds per stream (after ROUNDS_WARMUP). */
  readonly rounds: number;
  /** Senders per stream group (bench/data.ts senderStreams). */
  readonly perGroup: number;
  /** Which side's detector is built, and timed, first in even rounds. */
  readonly first: 'current' | 'base';
}

/** One stream at one list size: CPU µs per check of each side, one value per round. */
export interface AbRow {
  readonly size: number;
  readonly stream: StreamGroup;
  readonly senders: number;
  readonly current: readonly number[];
  readonly base: readonly number[];
  /** Senders whose `check` result (as JSON) differs between the two sides. */
  readonly differing: number;
  /** The first such sender, if any. */
  readonly firstDifference?: string;
}

/** Rounds run and discarded before the measured ones. */
export const ROUNDS_WARMUP = 2;
/**
 * CPU time each side runs a stream before its rounds, so that both are optimised (V8 tiers code up
 * after enough calls; a few passes over 4,000 senders left the first stream measured at twice its
 * steady cost, and whichever side had been compiled further looked faster).
 */
const WARMUP_MICROS = 300_000;
/** A timed sample repeats the stream until it has used at least this much CPU time. */
const SAMPLE_MIN_MICROS = 10_000;

let sink = 0;

/** CPU µs (user + system) used by this process since `start`. */
function cpuSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return u.user + u.system;
}

/** CPU µs per check of `detector` over `senders`, repeated to at least SAMPLE_MIN_MICROS. */
function sample(detector: ReturnType<CreateDetector>, senders: readonly string[]): number {
  const start = process.cpuUsage();
  let checks = 0;
  let used = 0;
  while (used < SAMPLE_MIN_MICROS) {
    for (const s of senders) sink += detector.check(s).score;
    checks += senders.length;
    used = cpuSince(start);
  }
  return used / checks;
}

/** Measures every size and stream; see AbDriverOptions. */
export function runAbDriver(current: CreateDetector, base: CreateDetector, options: AbDriverOptions): AbRow[] {
  const rows: AbRow[] = [];
  for (const size of options.sizes) {
    const list = trustedList(size);
    // Built in the requested order: the first build gets the first heap addresses.
    let cur: ReturnType<CreateDetector>;
    let bas: ReturnType<CreateDetector>;
    if (options.first === 'current') {
      cur = current(list.entries);
      bas = base(list.entries);
    } else {
      bas = base(list.entries);
      cur = current(list.entries);
    }
    const streams = senderStreams(list, options.perGroup);
    for (const stream of options.streams) {
      const senders = streams[stream];
      // Both sides must answer alike for the timing to compare the same work (this pass also warms up).
      let differing = 0;
      let firstDifference: string | undefined;
      for (const s of senders) {
        if (JSON.stringify(cur.check(s)) !== JSON.stringify(bas.check(s))) {
          differing++;
          firstDifference ??= s;
        }
      }
      for (const d of options.first === 'current' ? [cur, bas] : [bas, cur]) {
        const start = process.cpuUsage();
        do sample(d, senders);
        while (cpuSince(start) < WARMUP_MICROS);
      }
      const c: number[] = [];
      const b: number[] = [];
      for (let r = 0; r < ROUNDS_WARMUP + options.rounds; r++) {
        // Alternate which side goes first within the round, starting with options.first.
        const currentFirst = (r % 2 === 0) === (options.first === 'current');
        let tc: number;
        let tb: number;
        if (currentFirst) {
          tc = sample(cur, senders);
          tb = sample(bas, senders);
        } else {
          tb = sample(bas, senders);
          tc = sample(cur, senders);
        }
        if (r >= ROUNDS_WARMUP) {
          c.push(tc);
          b.push(tb);
        }
      }
      rows.push({ size, stream, senders: senders.length, current: c, base: b, differing, ...(firstDifference === undefined ? {} : { firstDifference }) });
    }
  }
  if (sink === Number.MIN_VALUE) console.error('unreachable');
  return rows;
}

/**
 * An in-process stand-in for `scan --workers N` threads, to test the main thread's dispatching,
 * ordering, merging and failure handling through `run(argv, memoryIO)`. Each fake worker does what
 * src/cli/scan-worker.ts does (compiles the entries it is given, runs `scanChunk`), and what
 * crosses the "thread" boundary is passed through `structuredClone`, as `postMessage` would.
 * Results arrive after seeded random delays, so chunks finish out of order.
 */

import type { ScanChunkResult, ScanWorker, ScanWorkerHost, ScanWorkerSetup } from '../../src/cli/scan-chunk';
import { scanChunk } from '../../src/cli/scan-chunk';
import { compileTrusted } from '../../src/cli/trusted-files';
import { mulberry32 } from '../../bench/data';

/** Options of `fakeScanWorkers`. */
export interface FakeScanWorkersOptions {
  /** What `available()` answers (`--workers auto`). Default 4. */
  readonly available?: number;
  /** Seed of the result delays. Default 1. */
  readonly seed?: number;
  /** Longest result delay, in ms (0: every result on the next macrotask). Default 3. */
  readonly maxDelayMs?: number;
  /** Make worker `worker` (0-based) fail on its `onChunk`-th chunk (1-based), and every later one. */
  readonly crash?: { readonly worker: number; readonly onChunk: number };
}

/** The fake host, with what it saw. */
export interface FakeScanWorkers extends ScanWorkerHost {
  /** The worker count of each `start` call. */
  readonly starts: readonly number[];
  /** Chunks handed to each worker. */
  readonly chunksPerWorker: readonly number[];
  /** Most chunks pending at once, over all workers. */
  readonly maxInFlight: number;
  /** Workers closed so far. */
  readonly closed: number;
}

/** The message of a fake crash. */
export const FAKE_CRASH = 'fake worker crashed';

/** Creates a fake worker host. */
export function fakeScanWorkers(options: FakeScanWorkersOptions = {}): FakeScanWorkers {
  const random = mulberry32(options.seed ?? 1);
  const maxDelay = options.maxDelayMs ?? 3;
  const starts: number[] = [];
  const chunksPerWorker: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let closed = 0;

  const startOne = (setup: ScanWorkerSetup, index: number): ScanWorker => {
    const own = structuredClone(setup);
    const { detector } = compileTrusted(own.entries);
    let handled = 0;
    let dead = false;
    chunksPerWorker[index] = 0;
    return {
      check(chunk): Promise<ScanChunkResult> {
        handled++;
        chunksPerWorker[index]!++;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const crash = dead || (options.crash?.worker === index && handled >= options.crash.onChunk);
        if (crash) dead = true;
        const input = structuredClone(chunk);
        const delay = Math.floor(random() * (maxDelay + 1));
        return new Promise<ScanChunkResult>((resolve, reject) => {
          setTimeout(() => {
            inFlight--;
            if (crash) reject(new Error(FAKE_CRASH));
            else resolve(structuredClone(scanChunk(detector, input, own.record)));
          }, delay);
        });
      },
      async close(): Promise<void> {
        closed++;
      },
    };
  };

  return {
    available: () => options.available ?? 4,
    async start(setup, count) {
      starts.push(count);
      return Array.from({ length: count }, (_, i) => startOne(setup, i));
    },
    get starts() {
      return starts;
    },
    get chunksPerWorker() {
      return chunksPerWorker;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get closed() {
      return closed;
    },
  };
}

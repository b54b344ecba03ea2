/**
 * `sosie scan --trusted FILE... [--input FILE|-] [--format jsonl|csv|table]`: checks one sender per
 * line, streaming. Memory stays bounded whatever the input size: lines are read in chunks (see
 * line-reader.ts), each chunk's records are written before the next chunk is read, and writes wait
 * for the output to drain (backpressure), so a slow consumer slows the reader instead of filling
 * memory.
 *
 * Contract: exactly one record per non-blank input line, in input order, carrying the 1-based line
 * number; lines that are not senders get `invalid` records, never dropped. Blank means empty or
 * only spaces and tabs: a line of invisible characters is not blank, it is reported.
 */

import { LIMITS, type Detector, type Verdict } from '../index';
import { CliError, EXIT, describeFileError } from './errors';
import { CSV_HEADER, tableHeader } from './format-result';
import { csvRow } from './csv';
import { writeOut, type ByteSource, type CliIO } from './io';
import { readLines, type LineBatch } from './line-reader';
import { Progress } from './progress';
import { scanChunk, type ScanChunk, type ScanChunkResult, type ScanFormat, type ScanRecordOptions, type ScanWorker } from './scan-chunk';
import { colors, useColor, VERDICT_ORDER, type Colors } from './style';
import { compileTrusted, readTrustedEntries } from './trusted-files';

export { SCAN_FORMATS, type ScanFormat } from './scan-chunk';

/** `--workers`: a count, or `auto` (the machine's parallelism, capped at `MAX_AUTO_WORKERS`). */
export type ScanWorkersOption = number | 'auto';

/** Largest `--workers N` accepted. */
export const MAX_WORKERS = 64;

/**
 * Cap of `--workers auto`. Each worker holds its own compiled trusted list (a 10,000-entry list is
 * tens of MB of heap), and past a few cores the single main thread — reading, posting chunks,
 * writing output — is the limit, so more workers would cost memory without adding speed.
 */
export const MAX_AUTO_WORKERS = 8;

/**
 * Chunks handed to workers and not yet written, per worker. Two keep each worker busy (one being
 * checked, one queued) while the main thread reads and writes; memory stays bounded at
 * 2 × N chunks of at most one input read (64 KiB) each, plus their formatted output.
 */
export const CHUNKS_IN_FLIGHT_PER_WORKER = 2;

/** Options of `sosie scan`. */
export interface ScanCommandOptions {
  readonly trusted: readonly string[];
  /** A file, or `-` for stdin. */
  readonly input: string;
  readonly format: ScanFormat;
  /** jsonl: write the whole CheckResult (plus `line`) instead of the compact record. */
  readonly full: boolean;
  /** csv: prefix cells starting with = + - @ with a quote (formula injection). */
  readonly formulaEscape: boolean;
  /** Worker threads checking chunks (1: in the main thread, as without the option). */
  readonly workers: ScanWorkersOption;
}

/**
 * Longest line kept, in bytes. The library refuses senders longer than `LIMITS.maxInput` UTF-16
 * code units as `too-long`. UTF-8 spends at most 3 bytes per code unit (4 bytes per surrogate
 * pair), so cutting at 4 × maxInput bytes keeps every acceptable sender whole, and a cut line still
 * has more than maxInput code units (at least 1 per 3 bytes) — its verdict stays `too-long`.
 */
export const MAX_LINE_BYTES = LIMITS.maxInput * 4;

/** Per-verdict counts, printed at the end. */
function summary(counts: ReadonlyMap<Verdict, number>, total: number, c: Colors): string {
  const parts = VERDICT_ORDER.map((v) => `${counts.get(v) ?? 0} ${v}`);
  return `${c.bold(`${total} ${total === 1 ? 'sender' : 'senders'}`)}: ${parts.join(', ')}\n`;
}

/** Opens `--input`, turning a missing or unreadable file into a usage error (exit 2). */
async function openInput(io: CliIO, input: string): Promise<ByteSource> {
  if (input === '-') return io.stdin();
  try {
    return await io.openFile(input);
  } catch (error) {
    throw new CliError(`sosie: cannot read input ${input}: ${describeFileError(error)}`);
  }
}

/**
 * The number of workers `--workers` asks for here: `auto` is the host's parallelism capped at
 * `MAX_AUTO_WORKERS` (1, in-process, where the IO has no threads).
 * @throws {CliError} (exit 2) when N ≥ 2 is asked for and the IO has no worker threads.
 */
function workerCount(io: CliIO, option: ScanWorkersOption): number {
  if (option === 'auto') return io.scanWorkers === undefined ? 1 : Math.max(1, Math.min(MAX_AUTO_WORKERS, io.scanWorkers.available()));
  if (option >= 2 && io.scanWorkers === undefined) throw new CliError('sosie: --workers needs worker threads, which this environment does not provide');
  return option;
}

/** Hands chunks to workers and gives their results back in submission order. */
class WorkerQueue {
  readonly #workers: readonly ScanWorker[];
  /** Chunks in flight per worker. */
  readonly #load: number[];
  readonly #queue: { readonly lastLine: number; readonly result: Promise<ScanChunkResult>; readonly settled: Promise<void> }[] = [];
  #turn = 0;

  constructor(workers: readonly ScanWorker[]) {
    this.#workers = workers;
    this.#load = workers.map(() => 0);
  }

  /** Whether the in-flight bound is reached (the caller then takes a result before submitting more). */
  get full(): boolean {
    return this.#queue.length >= CHUNKS_IN_FLIGHT_PER_WORKER * this.#workers.length;
  }

  get empty(): boolean {
    return this.#queue.length === 0;
  }

  /** Sends `chunk` to the least busy worker (ties: the next in turn, so equal chunks go round-robin). */
  submit(chunk: ScanChunk, lastLine: number): void {
    const n = this.#workers.length;
    let pick = this.#turn;
    for (let k = 1; k < n; k++) {
      const i = (this.#turn + k) % n;
      if (this.#load[i]! < this.#load[pick]!) pick = i;
    }
    this.#turn = (pick + 1) % n;
    this.#load[pick]!++;
    const result = this.#workers[pick]!.check(chunk);
    // This handler also marks a rejection as handled: it is rethrown by `next()` when the chunk's
    // turn comes, not reported as unhandled while earlier chunks are awaited.
    const settled = result.then(
      () => {
        this.#load[pick]!--;
      },
      () => {
        this.#load[pick]!--;
      },
    );
    this.#queue.push({ lastLine, result, settled });
  }

  /** Resolves (never rejects) once the oldest chunk's result is in, or failed; undefined when empty. */
  headSettled(): Promise<void> | undefined {
    return this.#queue[0]?.settled;
  }

  /** The oldest chunk's result (rejects when its worker failed) and its last line number. */
  async next(): Promise<{ readonly lastLine: number; readonly result: ScanChunkResult }> {
    const head = this.#queue.shift();
    if (head === undefined) throw new Error('WorkerQueue.next() on an empty queue');
    return { lastLine: head.lastLine, result: await head.result };
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.close()));
  }
}

/** Runs `sosie scan`; returns the exit code (1 when any line is flagged). */
export async function runScan(io: CliIO, options: ScanCommandOptions): Promise<number> {
  const workers = workerCount(io, options.workers);
  const entries = await readTrustedEntries(io, options.trusted);
  const table = options.format === 'table';
  const record: ScanRecordOptions = {
    format: options.format,
    full: options.full,
    formulaEscape: options.formulaEscape,
    color: table && useColor(io.stdout, io.env),
  };
  // With workers the main thread never checks a sender, so only the workers compile the list
  // (`workerCount` made sure the host exists when workers > 1).
  const host = workers > 1 ? io.scanWorkers : undefined;
  const queue = host === undefined ? undefined : new WorkerQueue(await host.start({ entries, record }, workers));
  try {
    return await scan(io, options, record, queue === undefined ? { detector: compileTrusted(entries).detector } : { queue });
  } finally {
    await queue?.close();
  }
}

/** Who checks the chunks: this thread's detector, or the workers behind a queue. */
type Checker = { readonly detector: Detector } | { readonly queue: WorkerQueue };

/**
 * The streaming loop. Each chunk read is checked in place, or submitted to the workers with its
 * result written once every earlier chunk's is: output is in input order either way.
 */
async function scan(io: CliIO, options: ScanCommandOptions, record: ScanRecordOptions, checker: Checker): Promise<number> {
  const source = await openInput(io, options.input);
  const table = options.format === 'table';
  const c = colors(record.color);
  const progress = new Progress(io.stderr, () => io.now(), io.stderr.isTTY && !io.stdout.isTTY);
  const counts = new Map<Verdict, number>();
  let lineNo = 0; // lines read
  let written = 0; // lines whose records are written
  let records = 0;
  let flagged = false;

  if (options.format === 'csv') await writeOut(io.stdout, csvRow(CSV_HEADER, false));
  else if (table) await writeOut(io.stdout, tableHeader(c));

  /** Writes a chunk's records; returns false when the reader went away (`| head`). */
  const emit = async (result: ScanChunkResult, lastLine: number): Promise<boolean> => {
    records += result.records;
    for (const verdict of VERDICT_ORDER) {
      const n = result.counts[verdict];
      if (n !== undefined) counts.set(verdict, (counts.get(verdict) ?? 0) + n);
    }
    if (result.flagged) flagged = true;
    await writeOut(io.stdout, result.output);
    written = lastLine;
    if (io.stdout.closed) return false;
    await progress.update(lastLine);
    return true;
  };

  /** The oldest pending worker result, written. */
  const emitNext = async (queue: WorkerQueue): Promise<boolean> => {
    let next: Awaited<ReturnType<WorkerQueue['next']>>;
    try {
      next = await queue.next();
    } catch (error) {
      throw new CliError(`sosie: a scan worker failed; output is complete up to line ${written}: ${describeFileError(error)}`);
    }
    return emit(next.result, next.lastLine);
  };

  const lines = readLines(source, { maxLineBytes: MAX_LINE_BYTES });
  let ended = false; // the reader is exhausted (or failed), so there is nothing to close
  let reading: Promise<IteratorResult<LineBatch>> | undefined; // a read not yet taken
  let open = true; // stdout still takes output
  try {
    while (open) {
      const read = lines.next();
      reading = read;
      if ('queue' in checker) {
        // While the read waits, write results as they come in: records of a trickling input
        // (`tail -f`) appear as soon as they are checked, not once 2 × N more chunks arrived.
        const readDone = read.then(
          () => true,
          () => true,
        );
        for (let head = checker.queue.headSettled(); open && head !== undefined; head = checker.queue.headSettled()) {
          if (await Promise.race([readDone, head.then(() => false)])) break;
          open = await emitNext(checker.queue);
        }
        if (!open) break;
      }
      let step: IteratorResult<LineBatch>;
      try {
        step = await read;
      } catch (error) {
        ended = true;
        const name = options.input === '-' ? 'stdin' : options.input;
        throw new CliError(`sosie: error reading ${name} after line ${lineNo}: ${describeFileError(error)}`);
      }
      reading = undefined;
      if (step.done === true) {
        ended = true;
        break;
      }
      const chunk: ScanChunk = { firstLine: lineNo + 1, lines: step.value.texts };
      lineNo += step.value.texts.length;
      if ('queue' in checker) {
        checker.queue.submit(chunk, lineNo);
        if (checker.queue.full) open = await emitNext(checker.queue);
      } else {
        open = await emit(scanChunk(checker.detector, chunk, record), lineNo);
      }
    }
    if ('queue' in checker) while (open && !checker.queue.empty) open = await emitNext(checker.queue);
  } finally {
    // Leaving early (`| head`, a failed worker): return() closes the source. When a read is still
    // waiting (a quiet `tail -f`), return() would wait for it, so it is left to finish on its own
    // and the scan ends now.
    if (!ended && reading === undefined) await lines.return(undefined);
    else if (!ended) void lines.return(undefined).catch(() => undefined);
    await progress.done();
  }

  if (!io.stdout.closed) {
    if (table) await writeOut(io.stdout, `\n${summary(counts, records, c)}`);
    else await writeOut(io.stderr, `sosie: ${summary(counts, records, colors(false))}`);
  }
  return flagged ? EXIT.flagged : EXIT.ok;
}

/**
 * The CLI's view of the outside world. Every command talks to these interfaces, never to `process`
 * or `node:fs` directly, so the whole command runner can be driven in-process by tests with fake
 * streams and an in-memory file system (`run(argv, io)`); `node-io.ts` is the one real adapter.
 */

import type { ScanWorkerHost } from './scan-chunk';

/** A text sink (stdout or stderr). */
export interface CliOutput {
  /**
   * Writes text. Returns a promise when the sink is full (backpressure): the caller awaits it
   * before producing more. Writing after `closed` is a no-op.
   */
  write(text: string): void | Promise<void>;
  /** Whether the sink is a terminal (enables colour, progress and terminal-safe escaping). */
  readonly isTTY: boolean;
  /** True once the reader went away (EPIPE, e.g. `| head`): stop producing output quietly. */
  readonly closed: boolean;
  /** Terminal width in columns, when known (help text wrapping). */
  readonly columns?: number | undefined;
}

/** A byte source read chunk by chunk (a file or stdin). */
export type ByteSource = AsyncIterable<Uint8Array>;

/** Everything the commands need from the process. */
export interface CliIO {
  /** Standard input as bytes; a function so commands that do not read it never touch it. */
  stdin(): ByteSource;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /** Environment variables (`NO_COLOR`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads a whole small text file (a trusted list) as UTF-8; rejects with an `Error` carrying `code`. */
  readFile(path: string): Promise<string>;
  /** Opens a file for streaming; rejects (before any byte is read) when it cannot be opened. */
  openFile(path: string): Promise<ByteSource>;
  /** Milliseconds, monotonic enough for progress rates. */
  now(): number;
  /**
   * Worker threads for `scan --workers N` (N ≥ 2). Absent where there are none: `--workers auto`
   * then means 1 and an explicit N ≥ 2 is a usage error.
   */
  readonly scanWorkers?: ScanWorkerHost;
}

/** Writes `text` and waits for the sink to drain when it asks to (backpressure). */
export async function writeOut(out: CliOutput, text: string): Promise<void> {
  if (text === '' || out.closed) return;
  const pending = out.write(text);
  if (pending !== undefined) await pending;
}

/**
 * The real `CliIO` over Node's process streams, file system and worker threads. This file,
 * `main.ts`, `node-scan-workers.ts` and `scan-worker.ts` are the only ones that import `node:`
 * modules (the rest of the CLI works against `io.ts`).
 */

import { open, readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Readable, Writable } from 'node:stream';
import type { ByteSource, CliIO, CliOutput } from './io';
import { nodeScanWorkers } from './node-scan-workers';

/** Read size for input files: large enough for few syscalls, small enough to stream. */
const CHUNK_BYTES = 64 * 1024;

/** A process stream with the TTY fields of `tty.WriteStream` (absent on pipes and files). */
type ProcessStream = Writable & { isTTY?: boolean; columns?: number };

/**
 * Wraps a writable stream. `write` returns a promise when the stream's buffer is full and resolves
 * on `drain` (or when the stream closes or fails, so nothing waits forever). EPIPE — the reader
 * went away, as with `| head` — marks the output closed; the commands then stop quietly. Other
 * write errors close it too and are reported once on `onError`.
 */
export function nodeOutput(stream: ProcessStream, onError: (error: Error) => void = () => {}): CliOutput {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    const first = !closed;
    closed = true;
    if (first && error.code !== 'EPIPE') onError(error);
  });
  stream.on('close', () => {
    closed = true;
  });
  return {
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.columns;
    },
    get closed() {
      return closed || stream.destroyed;
    },
    write(text: string): void | Promise<void> {
      if (closed || stream.destroyed) return undefined;
      if (stream.write(text)) return undefined;
      return new Promise<void>((resolve) => {
        const done = (): void => {
          stream.off('drain', done);
          stream.off('close', done);
          stream.off('error', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
        stream.on('error', done);
      });
    },
  };
}

/** Options of `createNodeIO`, for tests that wire their own streams. */
export interface NodeIOStreams {
  readonly stdin: Readable;
  readonly stdout: ProcessStream;
  readonly stderr: ProcessStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Options of `createNodeIO`. */
export interface NodeIOOptions {
  /**
   * The `scan --workers` worker entry (default: scan-worker.js next to the running CLI file);
   * tests point it at a bundle of src/cli/scan-worker.ts.
   */
  readonly scanWorkerFile?: URL;
}

/** A `CliIO` over the given Node streams (the process's own by default). */
export function createNodeIO(streams: NodeIOStreams = process, options: NodeIOOptions = {}): CliIO {
  const stderr = nodeOutput(streams.stderr);
  const stdout = nodeOutput(streams.stdout, (error) => {
    void stderr.write(`sosie: cannot write output: ${error.message}\n`);
  });
  return {
    stdin: (): ByteSource => streams.stdin,
    stdout,
    stderr,
    env: streams.env,
    readFile: (path) => readFile(path, 'utf8'),
    async openFile(path): Promise<ByteSource> {
      // Open first, so a missing file is an error here (exit 2) and not in the middle of the stream.
      const handle = await open(path, 'r');
      return handle.createReadStream({ highWaterMark: CHUNK_BYTES });
    },
    now: () => performance.now(),
    scanWorkers: nodeScanWorkers(options.scanWorkerFile),
  };
}

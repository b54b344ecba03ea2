/**
 * `scan --workers N` on Node: each worker is a `node:worker_threads` Worker running
 * scan-worker.ts (built to dist/scan-worker.js next to dist/cli.js). Like node-io.ts, this file is
 * Node-only and excluded from the runtime-agnostic tsconfig.json.
 *
 * A worker that throws, exits or cannot start fails every chunk it holds and every later one, so
 * `scan` reports it (exit 2) instead of waiting forever for a result that will not come.
 */

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CliError, describeFileError } from './errors';
import type { ScanChunk, ScanChunkResult, ScanWorker, ScanWorkerHost, ScanWorkerSetup } from './scan-chunk';

/** Main thread → worker. */
export interface ScanWorkerRequest {
  readonly id: number;
  readonly chunk: ScanChunk;
}

/** Worker → main thread. */
export type ScanWorkerReply =
  /** The trusted list compiled; chunks can come. */
  | { readonly type: 'ready' }
  /** The trusted list did not compile: the CliError to report, as without workers. */
  | { readonly type: 'refused'; readonly message: string; readonly exitCode: number }
  | { readonly type: 'result'; readonly id: number; readonly result: ScanChunkResult };

/**
 * Where the worker entry is: `scan-worker` next to the running module, with its extension, so
 * dist/cli.js finds dist/scan-worker.js and a bundle cli.mjs finds scan-worker.mjs (bench/scan.ts).
 */
export function defaultScanWorkerFile(): URL {
  const here = new URL(import.meta.url);
  const ext = /\.[cm]?[jt]s$/u.exec(here.pathname)?.[0] ?? '.js';
  return new URL(`./scan-worker${ext}`, here);
}

/** One worker thread, as a `ScanWorker`. */
class ThreadScanWorker implements ScanWorker {
  /** Resolves once the worker compiled the trusted list; rejects if it could not. */
  readonly ready: Promise<void>;
  readonly #worker: Worker;
  readonly #name: string;
  readonly #pending = new Map<number, { resolve: (result: ScanChunkResult) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #failure: Error | undefined;
  #closing = false;

  constructor(file: URL, setup: ScanWorkerSetup, name: string) {
    this.#name = name;
    this.#worker = new Worker(file, { workerData: setup });
    this.ready = new Promise<void>((resolve, reject) => {
      this.#worker.on('message', (reply: ScanWorkerReply) => {
        switch (reply.type) {
          case 'ready':
            resolve();
            break;
          case 'refused':
            reject(new CliError(reply.message, reply.exitCode));
            break;
          case 'result': {
            const pending = this.#pending.get(reply.id);
            this.#pending.delete(reply.id);
            pending?.resolve(reply.result);
            break;
          }
        }
      });
      this.#worker.on('error', (error: Error) => {
        const failure = new Error(`${this.#name}: ${describeFileError(error)}`);
        reject(failure);
        this.#fail(failure);
      });
      this.#worker.on('messageerror', (error: Error) => this.#fail(new Error(`${this.#name}: unreadable message: ${error.message}`)));
      this.#worker.on('exit', (code: number) => {
        const failure = new Error(`${this.#name} exited with code ${code}`);
        reject(failure);
        if (!this.#closing) this.#fail(failure);
      });
    });
  }

  check(chunk: ScanChunk): Promise<ScanChunkResult> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise<ScanChunkResult>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const request: ScanWorkerRequest = { id, chunk };
      this.#worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.#closing = true;
    await this.#worker.terminate();
  }

  /** Fails every pending and later chunk (the first failure wins). */
  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(this.#failure);
    this.#pending.clear();
  }
}

/**
 * Worker threads running `workerFile` (default: `defaultScanWorkerFile()`). `available()` is
 * `os.availableParallelism()`.
 */
export function nodeScanWorkers(workerFile: URL = defaultScanWorkerFile()): ScanWorkerHost {
  return {
    available: () => availableParallelism(),
    async start(setup: ScanWorkerSetup, count: number): Promise<ScanWorker[]> {
      const workers = Array.from({ length: count }, (_, i) => new ThreadScanWorker(workerFile, setup, `scan worker ${i + 1}`));
      const started = await Promise.allSettled(workers.map((w) => w.ready));
      const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed === undefined) return workers;
      await Promise.all(workers.map((w) => w.close()));
      const reason: unknown = failed.reason;
      if (reason instanceof CliError) throw reason;
      throw new CliError(`sosie: cannot start ${describeFileError(reason)} (${workerFile.pathname})`);
    },
  };
}

/**
 * An in-memory `CliIO`: files from a map, stdin from bytes or a generator, stdout and stderr
 * collected as text. For tests (the whole CLI runs in-process through `run(argv, io)`) and for
 * embedding the CLI in other tools. Options simulate what a real process sees: terminals,
 * a slow consumer (backpressure), a reader that goes away (EPIPE), a slow producer.
 */

import type { ByteSource, CliIO, CliOutput } from './io';
import type { ScanWorkerHost } from './scan-chunk';

/** Options of a memory output. */
export interface MemoryOutputOptions {
  readonly isTTY?: boolean;
  readonly columns?: number;
  /** Pending characters above which `write` asks the caller to wait (simulated backpressure). */
  readonly highWaterMark?: number;
  /** Close (as on EPIPE) once this many characters were written. */
  readonly closeAfter?: number;
}

/** A memory output with its collected text. */
export interface MemoryOutput extends CliOutput {
  /** Everything written so far. */
  text(): string;
  /** Number of `write` calls that received text. */
  readonly writes: number;
  /** Most characters written while a previous backpressure wait was still unresolved (0 if the caller always waited). */
  readonly overrun: number;
}

/** Creates a memory output. */
export function memoryOutput(options: MemoryOutputOptions = {}): MemoryOutput {
  const chunks: string[] = [];
  let size = 0;
  let writes = 0;
  let closed = false;
  let waiting = false;
  let overrun = 0;
  return {
    isTTY: options.isTTY ?? false,
    columns: options.columns,
    get closed() {
      return closed;
    },
    get writes() {
      return writes;
    },
    get overrun() {
      return overrun;
    },
    text: () => chunks.join(''),
    write(text: string): void | Promise<void> {
      if (closed) return undefined;
      if (waiting) overrun = Math.max(overrun, text.length);
      chunks.push(text);
      size += text.length;
      writes++;
      if (options.closeAfter !== undefined && size >= options.closeAfter) closed = true;
      if (options.highWaterMark !== undefined && text.length > options.highWaterMark) {
        waiting = true;
        // Drain on a later macrotask, as a real stream does once the consumer catches up.
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            waiting = false;
            resolve();
          }, 0),
        );
      }
      return undefined;
    },
  };
}

/** What to feed as stdin. */
export type MemoryInput = string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** Options of `createMemoryIO`. */
export interface MemoryIOOptions {
  /** Files by path: text (UTF-8) or bytes. Anything else is ENOENT. */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  readonly stdin?: MemoryInput;
  readonly stdout?: MemoryOutputOptions;
  readonly stderr?: MemoryOutputOptions;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Split byte inputs into chunks of this size (default 65,536), to exercise chunk boundaries. */
  readonly chunkSize?: number;
  /** The clock (default: a counter advancing 100 ms per call). */
  readonly now?: () => number;
  /** Workers for `scan --workers N` (default: none, as in an environment without threads). */
  readonly scanWorkers?: ScanWorkerHost;
}

/** A memory `CliIO` with its outputs exposed. */
export interface MemoryIO extends CliIO {
  readonly stdout: MemoryOutput;
  readonly stderr: MemoryOutput;
}

const encoder = new TextEncoder();

/** Yields `bytes` in chunks of `size`. */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Turns any `MemoryInput` into a byte source. */
function toSource(input: MemoryInput, size: number): ByteSource {
  if (typeof input === 'string') return chunked(encoder.encode(input), size);
  if (input instanceof Uint8Array) return chunked(input, size);
  if (Symbol.asyncIterator in input) return input;
  const sync = input;
  return (async function* () {
    yield* sync;
  })();
}

/** A file-system error with an errno code, like Node's. */
function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/** Creates an in-memory `CliIO`. */
export function createMemoryIO(options: MemoryIOOptions = {}): MemoryIO {
  const files = options.files ?? {};
  const size = options.chunkSize ?? 65_536;
  let clock = 0;
  const lookup = (path: string): string | Uint8Array => {
    const file = Object.hasOwn(files, path) ? files[path] : undefined;
    if (file === undefined) throw fsError('ENOENT', path);
    return file;
  };
  return {
    stdin: () => toSource(options.stdin ?? '', size),
    stdout: memoryOutput(options.stdout),
    stderr: memoryOutput(options.stderr),
    env: options.env ?? {},
    async readFile(path) {
      const file = lookup(path);
      return typeof file === 'string' ? file : new TextDecoder().decode(file);
    },
    async openFile(path) {
      return toSource(lookup(path), size);
    },
    now: options.now ?? (() => (clock += 100)),
    ...(options.scanWorkers === undefined ? {} : { scanWorkers: options.scanWorkers }),
  };
}

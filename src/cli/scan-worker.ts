/**
 * The entry of a `scan --workers N` worker thread (built to dist/scan-worker.js). It compiles the
 * trusted entries it is started with once, says `ready` (or `refused`, with the error `scan`
 * would print without workers), then answers each chunk with its formatted records. Anything it
 * throws ends the thread, which the main thread reports as a failed scan (exit 2).
 */

import { parentPort, workerData } from 'node:worker_threads';
import { CliError } from './errors';
import type { ScanWorkerReply, ScanWorkerRequest } from './node-scan-workers';
import { scanChunk, type ScanWorkerSetup } from './scan-chunk';
import { compileTrusted, type LoadedTrusted } from './trusted-files';

if (parentPort === null) throw new Error('scan-worker runs as a worker thread of sosie scan, not on its own');
const port = parentPort;
const setup = workerData as ScanWorkerSetup;

let trusted: LoadedTrusted | undefined;
try {
  trusted = compileTrusted(setup.entries);
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  port.postMessage({ type: 'refused', message: error.message, exitCode: error.exitCode } satisfies ScanWorkerReply);
}

if (trusted !== undefined) {
  const { detector } = trusted;
  port.on('message', (request: ScanWorkerRequest) => {
    port.postMessage({ type: 'result', id: request.id, result: scanChunk(detector, request.chunk, setup.record) } satisfies ScanWorkerReply);
  });
  port.postMessage({ type: 'ready' } satisfies ScanWorkerReply);
}

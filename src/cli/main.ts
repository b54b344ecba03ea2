/**
 * The `sosie` executable (built to dist/cli.js; tsup adds the `#!/usr/bin/env node` line).
 * It only wires the process to `run`: all logic is in run.ts and is tested in-process.
 */

import { createNodeIO } from './node-io';
import { run } from './run';

// `process.exitCode`, not `process.exit()`: exiting right away could cut off output still queued
// on a pipe.
run(process.argv.slice(2), createNodeIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sosie: ${String(error)}\n`);
    process.exitCode = 2;
  },
);

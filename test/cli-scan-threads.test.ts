/**
 * `scan --workers N` on real `node:worker_threads`, against a bundle of src/cli/scan-worker.ts
 * (Node cannot run the TypeScript entry itself), plus the bundled CLI in a child process finding
 * its worker next to itself. The ordering and failure logic is covered in-process with fake
 * workers in cli-scan-workers.test.ts; this checks the real thread plumbing.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanLines, trustedList } from '../bench/data';
import { resolveCli } from '../bench/scan';
import { createNodeIO } from '../src/cli/node-io';
import { run } from '../src/cli/run';
import { sink } from './helpers/streams';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let dir = '';
let workerFile: URL;
let trustedFile = '';
let sendersFile = '';
/** Non-blank lines of `sendersFile`, by their 1-based line number. */
let senderLineNumbers: number[] = [];

/** Runs the CLI in-process through the real Node adapter, with `file` as the worker entry. */
async function cli(argv: string[], file: URL = workerFile) {
  const stdout = sink();
  const stderr = sink();
  const io = createNodeIO({ stdin: Readable.from([]), stdout: stdout.stream, stderr: stderr.stream, env: {} }, { scanWorkerFile: file });
  const code = await run(argv, io);
  return { code, out: stdout.text(), err: stderr.text() };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sosie-threads-'));
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'cli', 'scan-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: path.join(dir, 'scan-worker.mjs'),
    logLevel: 'silent',
    // CommonJS dependencies (tr46) call require() on Node built-ins.
    banner: { js: "import { createRequire as __sosieCreateRequire } from 'node:module'; const require = __sosieCreateRequire(import.meta.url);" },
  });
  workerFile = pathToFileURL(path.join(dir, 'scan-worker.mjs'));
  // 400 generated senders (trusted, typos, homoglyphs, display names, garbage) for a 300-entry
  // list, with a blank line every 37 lines.
  const list = trustedList(300);
  trustedFile = path.join(dir, 'trusted.txt');
  writeFileSync(trustedFile, `${list.entries.join('\n')}\n`);
  const lines = [...scanLines(list, 400)].map((l, i) => (i % 37 === 36 ? '' : l.replace(/[\r\n]/gu, ' ')));
  senderLineNumbers = lines.flatMap((l, i) => (/^[ \t]*$/u.test(l) ? [] : [i + 1]));
  sendersFile = path.join(dir, 'senders.txt');
  writeFileSync(sendersFile, `${lines.join('\n')}\n`);
}, 60_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('sosie scan --workers on real worker threads', () => {
  it.each([
    { description: 'jsonl', args: [] },
    { description: 'csv', args: ['--format', 'csv'] },
    { description: 'table', args: ['--format', 'table'] },
  ])('$description: --workers 2 and 3 write the bytes --workers 1 writes', async ({ args }) => {
    const argv = ['scan', '-t', trustedFile, '--input', sendersFile, ...args];
    const one = await cli([...argv, '--workers', '1']);
    expect(one.code).toBe(1);
    expect(one.out.split('\n').length).toBeGreaterThan(senderLineNumbers.length);
    for (const n of ['2', '3']) {
      const many = await cli([...argv, '--workers', n]);
      expect({ code: many.code, out: many.out, err: many.err }).toEqual({ code: one.code, out: one.out, err: one.err });
    }
    if (args.length === 0) {
      expect(one.out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { line: number }).line)).toEqual(senderLineNumbers);
    }
  });

  it('reports a trusted entry the workers refuse as without workers (exit 2, FILE:LINE)', async () => {
    const bad = path.join(dir, 'bad.txt');
    writeFileSync(bad, 'fabrikam.com\n# ok\nco.uk\n');
    const one = await cli(['scan', '-t', bad, '--input', sendersFile, '--workers', '1']);
    const two = await cli(['scan', '-t', bad, '--input', sendersFile, '--workers', '2']);
    expect(two).toEqual(one);
    expect(two.code).toBe(2);
    expect(two.err).toMatch(/bad\.txt:3: "co\.uk": .+\n$/u);
  });

  it.each([
    {
      description: 'exits mid-scan',
      source: "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ type: 'ready' });\nparentPort.on('message', () => process.exit(3));\n",
      err: /^sosie: a scan worker failed; output is complete up to line 0: scan worker \d exited with code 3\n$/u,
    },
    {
      description: 'throws on a chunk',
      source: "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ type: 'ready' });\nparentPort.on('message', () => { throw new Error('boom in worker'); });\n",
      err: /^sosie: a scan worker failed; output is complete up to line 0: scan worker \d: boom in worker\n$/u,
    },
    {
      description: 'dies while starting',
      source: "throw new Error('cannot load');\n",
      err: /^sosie: cannot start scan worker \d: cannot load \(.+\)\n$/u,
    },
  ])('a worker that $description ends the scan with exit 2 and a message, not a hang', async ({ description, source, err }) => {
    const file = path.join(dir, `${description.replace(/\W+/gu, '-')}.mjs`);
    writeFileSync(file, source);
    const result = await cli(['scan', '-t', trustedFile, '--input', sendersFile, '--workers', '2'], pathToFileURL(file));
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(err);
  });

  it('exits 2 when the worker entry is missing', async () => {
    const result = await cli(['scan', '-t', trustedFile, '--input', sendersFile, '--workers', '2'], pathToFileURL(path.join(dir, 'nope.mjs')));
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^sosie: cannot start scan worker \d: .*nope\.mjs/u);
  });

  it('the CLI build finds its worker next to itself (dist/cli.js, or a fresh bundle)', async () => {
    const cliBuild = await resolveCli(dir);
    const scan = (workers: string) =>
      spawnSync(process.execPath, [cliBuild.path, 'scan', '-t', trustedFile, '--input', sendersFile, '--format', 'csv', '--workers', workers], { encoding: 'utf8' });
    const one = scan('1');
    const two = scan('2');
    expect(two.stderr).toBe(one.stderr);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout.split('\r\n').length).toBe(senderLineNumbers.length + 2); // header, records, final CRLF
  }, 60_000);
});

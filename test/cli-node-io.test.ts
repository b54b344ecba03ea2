import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Options } from 'tsup';
import tsupConfig from '../tsup.config';
import { createNodeIO, nodeOutput } from '../src/cli/node-io';
import { run } from '../src/cli/run';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

/** A writable whose writes complete when `release` is called, or fail with `error`. */
function slowWritable(options: { error?: NodeJS.ErrnoException } = {}) {
  const pending: (() => void)[] = [];
  const chunks: string[] = [];
  const stream = new Writable({
    highWaterMark: 4,
    write(chunk: Buffer, _encoding, callback) {
      if (options.error !== undefined) {
        callback(options.error);
        return;
      }
      chunks.push(chunk.toString());
      pending.push(() => callback());
    },
  });
  return {
    stream,
    text: () => chunks.join(''),
    release: () => {
      for (const f of pending.splice(0)) f();
    },
  };
}

describe('nodeOutput', () => {
  it('asks the caller to wait when the stream is full, and resolves on drain', async () => {
    const w = slowWritable();
    const out = nodeOutput(w.stream);
    const first = out.write('0123456789');
    expect(first).toBeInstanceOf(Promise);
    let resolved = false;
    void (first as Promise<void>).then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(resolved).toBe(false);
    w.release();
    await first;
    expect(resolved).toBe(true);
    expect(w.text()).toBe('0123456789');
  });

  it('closes quietly on EPIPE, and reports other errors once', async () => {
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    const errors: Error[] = [];
    const quiet = nodeOutput(slowWritable({ error: epipe }).stream, (e) => errors.push(e));
    await quiet.write('x');
    await new Promise((r) => setTimeout(r, 10));
    expect(quiet.closed).toBe(true);
    expect(quiet.write('more')).toBeUndefined();
    expect(errors).toEqual([]);

    const eio = Object.assign(new Error('write EIO'), { code: 'EIO' });
    const loud = nodeOutput(slowWritable({ error: eio }).stream, (e) => errors.push(e));
    await loud.write('x');
    await new Promise((r) => setTimeout(r, 10));
    expect(loud.closed).toBe(true);
    expect(errors.map((e) => e.message)).toEqual(['write EIO']);
  });
});

describe('createNodeIO', () => {
  const io = createNodeIO({ stdin: Readable.from([]), stdout: new Writable({ write: (_c, _e, cb) => cb() }), stderr: new Writable({ write: (_c, _e, cb) => cb() }), env: {} });

  it('rejects opening a missing file with its errno code, before streaming', async () => {
    await expect(io.openFile(join(root, 'no-such-file.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(io.readFile(join(root, 'no-such-file.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('streams a file in chunks', async () => {
    const source = await io.openFile(join(root, 'fixtures/demo/senders.txt'));
    const chunks: Uint8Array[] = [];
    for await (const chunk of source) chunks.push(chunk);
    expect(Buffer.concat(chunks).equals(readFileSync(join(root, 'fixtures/demo/senders.txt')))).toBe(true);
  });

  it('reads stdin when --input is -', async () => {
    const out: Buffer[] = [];
    const stdio = createNodeIO({
      stdin: Readable.from([Buffer.from('ap@fourthcoffee.com\nap@f0urthcoffee.com\n')]),
      stdout: new Writable({ write: (c: Buffer, _e, cb) => (out.push(c), cb()) }),
      stderr: new Writable({ write: (_c, _e, cb) => cb() }),
      env: {},
    });
    const code = await run(['scan', '-t', join(root, 'fixtures/demo/trusted.txt'), '--input', '-'], stdio);
    expect(code).toBe(1);
    expect(Buffer.concat(out).toString().trimEnd().split('\n').map((l) => (JSON.parse(l) as { verdict: string }).verdict)).toEqual(['trusted', 'lookalike']);
  });
});

/**
 * The built executable, end to end: tsup builds the CLI entry of tsup.config.ts (the same options
 * as `npm run build`) into a temporary folder under node_modules/.cache, so the bundle's external
 * imports resolve from the project, and the tests spawn it as a user would.
 */
describe('dist/cli.js (built with tsup, spawned)', () => {
  const outDir = join(root, 'node_modules/.cache/sosie-cli-test', String(process.pid));
  const cli = join(outDir, 'cli.js');
  const work = mkdtempSync(join(tmpdir(), 'sosie-cli-'));
  const trusted = join(root, 'fixtures/demo/trusted.txt');

  beforeAll(async () => {
    const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
    const cliConfig = configs.find((c) => typeof c.entry === 'object' && c.entry !== null && 'cli' in c.entry);
    if (cliConfig === undefined) throw new Error('tsup.config.ts has no cli entry');
    await build({ ...cliConfig, outDir, config: false, silent: true, clean: true });
  }, 60_000);

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  /** Spawns the CLI; `onStdout` may destroy the pipe early. */
  function spawnCli(args: string[], options: { stdin?: string; onStdout?: (chunk: Buffer, stop: () => void) => void } = {}) {
    return new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => {
        out.push(chunk);
        options.onStdout?.(chunk, () => child.stdout.destroy());
      });
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString() }));
      child.stdin.end(options.stdin ?? '');
    });
  }

  it('starts with a shebang and prints its version', async () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const { code, out } = await spawnCli(['--version']);
    expect(code).toBe(0);
    expect(out).toBe(`${pkg.version}\n`);
  });

  it('runs the demo scan and exits 1', async () => {
    const { code, out, err } = await spawnCli(['scan', '--trusted', 'fixtures/demo/trusted.txt', '--input', 'fixtures/demo/senders.txt', '--format', 'table']);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toMatch(/ senders: /u);
  });

  it('reads stdin and exits 0 when nothing is flagged', async () => {
    const { code, out } = await spawnCli(['scan', '-t', trusted], { stdin: 'ap@fourthcoffee.com\r\nnews@github.com' });
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([1, 2]);
  });

  it('exits 2 with FILE:LINE on a bad trusted line', async () => {
    const bad = join(work, 'bad.txt');
    writeFileSync(bad, 'contoso.com\nco.uk\n');
    const { code, out, err } = await spawnCli(['check', '-t', bad, 'ap@contoso.com']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.startsWith(`${bad}:2: `)).toBe(true);
  });

  it('stops quietly when the reader closes the pipe (EPIPE, like `| head`)', async () => {
    const big = join(work, 'big.txt');
    writeFileSync(big, 'x@f0urthcoffee.com\nap@fourthcoffee.com\n'.repeat(200_000));
    const { code, err, out } = await spawnCli(['scan', '-t', trusted, '--input', big], { onStdout: (_chunk, stop) => stop() });
    expect(err).toBe('');
    expect(out.length).toBeGreaterThan(0);
    expect(code).toBe(1);
  });
});

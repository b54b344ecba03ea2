/**
 * `sosie scan` end to end: a generated file of N sender lines, the built CLI in a child process
 * (`scan --trusted FILE --input FILE --format jsonl > /dev/null`), wall time, CPU time and peak RSS
 * of the child (through rss-wrapper.mjs). The files live in a fresh directory under os.tmpdir()
 * and are deleted afterwards.
 *
 * The CLI run is dist/cli.js when it is newer than every file under src/; otherwise (no build, or
 * a stale one) the current sources are bundled with esbuild into the temporary directory, so the
 * figure is never measured on stale code and the working tree's dist/ is left alone.
 */

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanLines, trustedList } from './data';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WRAPPER = path.join(ROOT, 'bench', 'rss-wrapper.mjs');

/** Which CLI build was measured. */
export interface CliBuild {
  readonly path: string;
  readonly kind: 'dist' | 'esbuild-temp';
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The CLI to run: dist/cli.js when fresh, else a bundle of the current sources in `tmpDir`. The
 * `scan --workers` thread entry goes with it: the CLI looks for `scan-worker` next to itself with
 * its own extension (dist/scan-worker.js, or scan-worker.mjs beside the bundle's cli.mjs).
 * @throws when neither can be had.
 */
export async function resolveCli(tmpDir: string): Promise<CliBuild> {
  const dist = path.join(ROOT, 'dist', 'cli.js');
  const distWorker = path.join(ROOT, 'dist', 'scan-worker.js');
  const srcMtime = newestMtime(path.join(ROOT, 'src'));
  const fresh = (file: string): boolean => existsSync(file) && statSync(file).mtimeMs >= srcMtime;
  if (fresh(dist) && fresh(distWorker)) return { path: dist, kind: 'dist' };
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: { cli: path.join(ROOT, 'src', 'cli', 'main.ts'), 'scan-worker': path.join(ROOT, 'src', 'cli', 'scan-worker.ts') },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: tmpDir,
    // .mjs: the temporary directory has no package.json saying "type": "module".
    outExtension: { '.js': '.mjs' },
    logLevel: 'silent',
    // CommonJS dependencies (commander, tr46) call require() on Node built-ins.
    banner: { js: "import { createRequire as __sosieCreateRequire } from 'node:module'; const require = __sosieCreateRequire(import.meta.url);" },
  });
  return { path: path.join(tmpDir, 'cli.mjs'), kind: 'esbuild-temp' };
}

/** Whether the CLI's `scan` has a `--workers` option. */
export function scanHasWorkers(cli: CliBuild): boolean {
  const help = spawnSync(process.execPath, [cli.path, 'scan', '--help'], { encoding: 'utf8' });
  return `${help.stdout}${help.stderr}`.includes('--workers');
}

/** One child run. */
export interface ScanRun {
  readonly lines: number;
  readonly wallS: number;
  readonly cpuS: number;
  /** Peak RSS; for the line-count runs of benchScan, the lower of two runs of the same file. */
  readonly maxRssMB: number;
  /** Peak RSS of every run of the file (benchScan's line-count runs: two). */
  readonly maxRssRunsMB?: readonly number[];
  readonly exitCode: number;
}

/** Writes `count` sender lines for the 10,000-entry trusted list into `file`. */
export async function writeScanInput(file: string, count: number, trustedSize: number): Promise<void> {
  const list = trustedList(trustedSize);
  const out = createWriteStream(file);
  let chunk: string[] = [];
  const flush = async (): Promise<void> => {
    if (!out.write(`${chunk.join('\n')}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    chunk = [];
  };
  // Lines are senders, one per line: a sender containing a line break would change the count.
  for (const line of scanLines(list, count)) {
    chunk.push(line.replace(/[\r\n]/g, ' '));
    if (chunk.length === 10_000) await flush();
  }
  if (chunk.length > 0) await flush();
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Writes the trusted list of `size` entries as a trusted-list file. */
export function writeTrustedFile(file: string, size: number): void {
  writeFileSync(file, `# bench trusted list, ${size} entries\n${trustedList(size).entries.join('\n')}\n`);
}

/**
 * Runs `scan` once; stdout goes to /dev/null.
 * @throws when the CLI exits with a code other than 0 (nothing flagged) or 1 (something flagged).
 */
export async function runScanOnce(cli: CliBuild, tmpDir: string, trustedFile: string, inputFile: string, lines: number, extra: readonly string[] = []): Promise<ScanRun> {
  const statsFile = path.join(tmpDir, `stats-${process.hrtime.bigint()}.json`);
  const devNull = openSync(os.devNull, 'w');
  const args = [WRAPPER, statsFile, cli.path, 'scan', '--trusted', trustedFile, '--input', inputFile, '--format', 'jsonl', ...extra];
  const t0 = performance.now();
  let stderr = '';
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', devNull, 'pipe'] });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => {
      stderr = (stderr + d).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? -1));
  });
  const wallS = (performance.now() - t0) / 1000;
  closeSync(devNull);
  if (code !== 0 && code !== 1) throw new Error(`sosie scan exited with ${code}: ${stderr.trim()}`);
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { maxRssKiB: number; userUs: number; systemUs: number };
  rmSync(statsFile, { force: true });
  return { lines, wallS, cpuS: (stats.userUs + stats.systemUs) / 1e6, maxRssMB: stats.maxRssKiB / 1024, exitCode: code };
}

/** Results of the scan scenario. */
export interface ScanResults {
  readonly cli: CliBuild['kind'];
  readonly trustedSize: number;
  /** Startup: a 1-line file (process start, module load, trusted-list compile). */
  readonly startup: ScanRun;
  /** One run per line count, in the order given. */
  readonly runs: readonly ScanRun[];
  /** Runs of the largest file with `--workers 1` and `--workers 2`, when the CLI has the option. */
  readonly workers?: readonly [ScanRun, ScanRun];
}

/**
 * The scan scenario: a startup run, then one run per entry of `lineCounts` (largest last).
 * Temporary files are removed even on failure.
 */
export async function benchScan(lineCounts: readonly number[], trustedSize: number, log: (msg: string) => void): Promise<ScanResults> {
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'sosie-bench-'));
  try {
    const cli = await resolveCli(tmpDir);
    log(`  scan: CLI ${cli.kind === 'dist' ? 'dist/cli.js' : 'bundled from src/ with esbuild (dist/ missing or stale)'}`);
    const trustedFile = path.join(tmpDir, 'trusted.txt');
    writeTrustedFile(trustedFile, trustedSize);
    const one = path.join(tmpDir, 'one.txt');
    writeFileSync(one, 'ana@example.com\n');
    const startup = await runScanOnce(cli, tmpDir, trustedFile, one, 1);
    const runs: ScanRun[] = [];
    let largest = '';
    for (const count of lineCounts) {
      const input = path.join(tmpDir, `senders-${count}.txt`);
      await writeScanInput(input, count, trustedSize);
      // Twice: a process's peak RSS depends on when V8 happens to collect its old generation
      // and on whether it pretenures some allocation site (see src/cli/line-reader.ts; the same
      // 1,000,000-line file peaked at 137 to 165 MB, the 2,000,000-line one at 148 to 172 MB),
      // while bounded memory means the plateau, which the lower of two runs shows.
      // Timings are the first run's.
      const run = await runScanOnce(cli, tmpDir, trustedFile, input, count);
      const again = await runScanOnce(cli, tmpDir, trustedFile, input, count);
      const peaks = [run.maxRssMB, again.maxRssMB];
      log(`  scan: ${count.toLocaleString('en-US')} lines in ${run.wallS.toFixed(2)} s, peak RSS ${peaks.map((p) => p.toFixed(0)).join(' and ')} MB (two runs)`);
      runs.push({ ...run, maxRssMB: Math.min(...peaks), maxRssRunsMB: peaks });
      if (largest !== '') rmSync(largest, { force: true });
      largest = input;
    }
    let workers: [ScanRun, ScanRun] | undefined;
    if (largest !== '' && scanHasWorkers(cli)) {
      const count = lineCounts[lineCounts.length - 1]!;
      workers = [
        await runScanOnce(cli, tmpDir, trustedFile, largest, count, ['--workers', '1']),
        await runScanOnce(cli, tmpDir, trustedFile, largest, count, ['--workers', '2']),
      ];
    }
    return { cli: cli.kind, trustedSize, startup, runs, ...(workers === undefined ? {} : { workers }) };
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

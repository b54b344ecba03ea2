/**
 * `npm run bench:ab`: is the working tree's `check` faster or slower than at another revision?
 *
 *   tsx bench/ab.ts [REV] [--sizes 10000,100000] [--streams mixed,clean,...] [--rounds 20]
 *                   [--per-group 4000] [--json FILE]
 *
 * REV defaults to HEAD, so that a change not yet committed is compared with the code before it.
 * The `src/` of REV is read out of git into node_modules/.cache/sosie/ab/<commit>/src (removed
 * afterwards), bundled with the current `src/` and ./ab-driver.ts, and run twice under the
 * benchmark's V8 flags (./node-flags.ts): once with the working tree placed, built and timed first,
 * once with the revision first. For every list size and stream the table gives the median CPU µs
 * per check of each side, the median of the per-round ratios current/base in each order, and
 * their geometric mean ("combined"), in which a bias towards either position cancels. It also
 * reports senders whose result differs between the two sides: a pure speed change has none.
 * `bench:check` (whole runs against a committed baseline, 30% tolerance) is for regressions; this
 * is for deciding whether a change helps. bench/README.md gives its noise on the bench machine.
 *
 * Exit codes: 0 done (whatever the ratios), 2 usage error or a revision git cannot read.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AbDriverOptions, AbRow } from './ab-driver';
import { STREAM_GROUPS, type StreamGroup } from './data';
import { median } from './harness';
import { textTable } from './report';
import { BENCH_NODE_FLAGS, bundleLikeDist } from './node-flags';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Options of one comparison. */
export interface AbArgs {
  readonly rev: string;
  readonly sizes: readonly number[];
  readonly streams: readonly StreamGroup[];
  readonly rounds: number;
  readonly perGroup: number;
  readonly json?: string;
}

/** Defaults: the list sizes of the speed targets, every stream, 20 rounds of the bench's 4,000 senders. */
export const AB_DEFAULTS: AbArgs = Object.freeze({
  rev: 'HEAD',
  sizes: Object.freeze([10_000, 100_000]),
  streams: STREAM_GROUPS,
  rounds: 20,
  perGroup: 4000,
});

/** A whole number from 1 to `max` (underscores allowed as separators), or an Error naming the option. */
export function wholeNumber(v: string, option: string, max: number): number {
  const n = Number(v.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${option}: ${v} is not a whole number from 1 to ${max}`);
  return n;
}

/** Parses the command line (node:util parseArgs, strict); throws an Error naming the bad argument. */
export function parseAbArgs(argv: readonly string[]): AbArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { sizes: { type: 'string' }, streams: { type: 'string' }, rounds: { type: 'string' }, 'per-group': { type: 'string' }, json: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new Error(`one revision only (got ${positionals.join(' and ')})`);
  let streams = AB_DEFAULTS.streams;
  if (values.streams !== undefined) {
    const names = values.streams.split(',');
    for (const name of names) if (!(STREAM_GROUPS as readonly string[]).includes(name)) throw new Error(`--streams: unknown stream ${name} (${STREAM_GROUPS.join(', ')})`);
    streams = names as StreamGroup[];
  }
  return {
    rev: positionals[0] ?? AB_DEFAULTS.rev,
    sizes: values.sizes === undefined ? AB_DEFAULTS.sizes : values.sizes.split(',').map((v) => wholeNumber(v, 'sizes', 100_000)),
    streams,
    rounds: values.rounds === undefined ? AB_DEFAULTS.rounds : wholeNumber(values.rounds, 'rounds', 1000),
    perGroup: values['per-group'] === undefined ? AB_DEFAULTS.perGroup : wholeNumber(values['per-group'], 'per-group', 100_000),
    ...(values.json === undefined ? {} : { json: values.json }),
  };
}

/** One side-by-side figure of a row in one order. */
export interface OrderSummary {
  /** Median CPU µs per check. */
  readonly current: number;
  readonly base: number;
  /** Median over rounds of current/base (below 1: the working tree is faster). */
  readonly ratio: number;
}

/** Medians of one order's rounds (the per-round ratio, not the ratio of medians: rounds share the machine's state). */
export function summarizeOrder(current: readonly number[], base: readonly number[]): OrderSummary {
  if (current.length !== base.length || current.length === 0) throw new Error('summarizeOrder: rounds must pair up');
  return { current: median(current), base: median(base), ratio: median(current.map((c, k) => c / base[k]!)) };
}

/** A row of the report: both orders and their geometric mean. */
export interface AbResult {
  readonly size: number;
  readonly stream: StreamGroup;
  readonly currentFirst: OrderSummary;
  readonly baseFirst: OrderSummary;
  /** √(ratio current-first × ratio base-first): the order bias cancels in the product. */
  readonly combined: number;
  /** Both orders put the ratio on the same side of 1. */
  readonly agree: boolean;
  readonly differing: number;
  readonly firstDifference?: string;
}

/** Pairs the rows of the two driver runs (same sizes and streams, in the same order). */
export function combineOrders(currentFirst: readonly AbRow[], baseFirst: readonly AbRow[]): AbResult[] {
  if (currentFirst.length !== baseFirst.length) throw new Error('combineOrders: the two runs measured different rows');
  return currentFirst.map((a, k) => {
    const b = baseFirst[k]!;
    if (a.size !== b.size || a.stream !== b.stream) throw new Error(`combineOrders: row ${k} is ${a.size}/${a.stream} in one run, ${b.size}/${b.stream} in the other`);
    const x = summarizeOrder(a.current, a.base);
    const y = summarizeOrder(b.current, b.base);
    const differing = Math.max(a.differing, b.differing);
    const firstDifference = a.firstDifference ?? b.firstDifference;
    return {
      size: a.size,
      stream: a.stream,
      currentFirst: x,
      baseFirst: y,
      combined: Math.sqrt(x.ratio * y.ratio),
      agree: (x.ratio < 1 && y.ratio < 1) || (x.ratio > 1 && y.ratio > 1) || (x.ratio === 1 && y.ratio === 1),
      differing,
      ...(firstDifference === undefined ? {} : { firstDifference }),
    };
  });
}

/** The report as a plain-text table. */
export function renderAb(results: readonly AbResult[], rev: string, commit: string): string {
  const head = ['trusted', 'stream', 'base µs', 'current µs', 'ratio (current first)', 'ratio (base first)', 'combined', 'results'];
  const rows = results.map((r) => [
    r.size.toLocaleString('en-US'),
    r.stream,
    ((r.currentFirst.base + r.baseFirst.base) / 2).toFixed(2),
    ((r.currentFirst.current + r.baseFirst.current) / 2).toFixed(2),
    r.currentFirst.ratio.toFixed(3),
    r.baseFirst.ratio.toFixed(3),
    `${r.combined.toFixed(3)}${r.agree ? '' : ' (orders disagree)'}`,
    r.differing === 0 ? 'identical' : `${r.differing} differ`,
  ]);
  const out = [
    `bench:ab: working tree (current) against ${rev} (${commit.slice(0, 12)}), CPU µs per check; ratio < 1: current is faster`,
    textTable(head, rows, (c) => c >= 2),
  ];
  for (const r of results) {
    if (r.firstDifference !== undefined) out.push(`results differ at ${r.size.toLocaleString('en-US')}/${r.stream}, e.g. for ${JSON.stringify(r.firstDifference)}`);
  }
  return `${out.join('\n')}\n`;
}

/** `git` in the repository; throws with its stderr on failure. */
function git(args: readonly string[], input?: string): Buffer {
  const r = spawnSync('git', args, { cwd: ROOT, input, maxBuffer: 1 << 30 });
  if (r.error !== undefined) throw r.error;
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.toString().trim()}`);
  return r.stdout;
}

/**
 * Splits the output of `git cat-file --batch` (per object: "<oid> <type> <size>\n", the bytes,
 * "\n") into the objects' contents, in order.
 */
export function parseCatFileBatch(out: Buffer): Buffer[] {
  const objects: Buffer[] = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) throw new Error('git cat-file: truncated header');
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    if (header[1] === 'missing' || header.length !== 3) throw new Error(`git cat-file: ${header.join(' ')}`);
    const size = Number(header[2]);
    const start = eol + 1;
    if (!Number.isInteger(size) || start + size > out.length) throw new Error('git cat-file: truncated object');
    objects.push(out.subarray(start, start + size));
    at = start + size + 1;
  }
  return objects;
}

/** Writes `src/` as it is at `commit` under `dir` (no checkout: the working tree is not touched). */
function exportSrc(commit: string, dir: string): void {
  const listing = git(['ls-tree', '-r', '-z', commit, '--', 'src']).toString('utf8').split('\0').filter((l) => l !== '');
  const files = listing.map((l) => {
    const tab = l.indexOf('\t');
    const [, type, oid] = l.slice(0, tab).split(' ');
    if (type !== 'blob' || oid === undefined) throw new Error(`unexpected entry in ${commit}: ${l}`);
    return { oid, file: l.slice(tab + 1) };
  });
  const blobs = parseCatFileBatch(git(['cat-file', '--batch'], `${files.map((f) => f.oid).join('\n')}\n`));
  rmSync(path.join(dir, 'src'), { recursive: true, force: true });
  files.forEach((f, k) => {
    const target = path.join(dir, f.file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, blobs[k]!);
  });
}

/** Runs one driver process; returns its rows. */
function runDriver(bundle: string, options: AbDriverOptions): AbRow[] {
  const r = spawnSync(process.execPath, [...BENCH_NODE_FLAGS, bundle], {
    env: { ...process.env, SOSIE_AB_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 28,
  });
  if (r.error !== undefined) throw r.error;
  if (r.status !== 0) throw new Error(`the ${options.first}-first run exited with ${r.status ?? r.signal}`);
  return JSON.parse(r.stdout.toString('utf8')) as AbRow[];
}

function main(): number {
  let args: AbArgs;
  let commit: string;
  try {
    args = parseAbArgs(process.argv.slice(2));
    commit = git(['rev-parse', '--verify', `${args.rev}^{commit}`]).toString('utf8').trim();
  } catch (error) {
    console.error(`bench:ab: ${error instanceof Error ? error.message : String(error)}`);
    console.error('usage: tsx bench/ab.ts [REV] [--sizes 10000,100000] [--streams mixed,clean,...] [--rounds 20] [--per-group 4000] [--json FILE]');
    return 2;
  }
  // Inside the repository, so that the exported sources resolve their packages from node_modules.
  const dir = path.join(ROOT, 'node_modules', '.cache', 'sosie', 'ab', commit);
  exportSrc(commit, dir);
  const imp = (p: string): string => JSON.stringify(p.split(path.sep).join('/'));
  const importCurrent = `import { createDetector as current } from ${imp(path.join(ROOT, 'src', 'index.ts'))};`;
  const importBase = `import { createDetector as base } from ${imp(path.join(dir, 'src', 'index.ts'))};`;
  // Two bundles, the side built first also placed first: the copy of the code that comes first in
  // a bundle measured up to 6% apart from an identical second copy, so the position must swap
  // together with the order for the geometric mean to cancel both.
  const bundleFor = (first: 'current' | 'base'): string => {
    const entry = path.join(dir, `entry-${first}-first.ts`);
    const bundle = path.join(dir, `ab-${first}-first.bundle.mjs`);
    writeFileSync(
      entry,
      [
        ...(first === 'current' ? [importCurrent, importBase] : [importBase, importCurrent]),
        `import { runAbDriver } from ${imp(path.join(ROOT, 'bench', 'ab-driver.ts'))};`,
        `process.stdout.write(JSON.stringify(runAbDriver(current as never, base as never, JSON.parse(process.env.SOSIE_AB_OPTIONS ?? '{}'))));`,
        '',
      ].join('\n'),
    );
    bundleLikeDist(entry, bundle);
    return bundle;
  };
  const options = { sizes: args.sizes, streams: args.streams, rounds: args.rounds, perGroup: args.perGroup };
  console.error(`bench:ab: ${args.rev} is ${commit.slice(0, 12)}; two runs (current first, base first), ${args.rounds} rounds each`);
  let currentFirst: AbRow[];
  let baseFirst: AbRow[];
  try {
    currentFirst = runDriver(bundleFor('current'), { ...options, first: 'current' });
    baseFirst = runDriver(bundleFor('base'), { ...options, first: 'base' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const results = combineOrders(currentFirst, baseFirst);
  process.stdout.write(renderAb(results, args.rev, commit));
  if (args.json !== undefined) {
    mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    writeFileSync(args.json, `${JSON.stringify({ rev: args.rev, commit, options, results }, null, 2)}\n`);
    console.error(`wrote ${args.json}`);
  }
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])ab\.ts$/u.test(process.argv[1]);
if (invokedDirectly) process.exitCode = main();

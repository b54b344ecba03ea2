/**
 * Profile before optimising: runs `check` on a sender stream under `node --cpu-prof` and prints
 * the functions with the most self time.
 *
 *   npx tsx bench/profile.ts [--size 10000] [--stream mixed] [--seconds 5] [--top 25] [--keep DIR]
 *
 * The profile is written to a temporary directory (or DIR with --keep, to open it in Chrome
 * DevTools or speedscope) and summarised here by function, file and line of the transpiled source.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The parts of a V8 `.cpuprofile` this summary reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time of one function. */
export interface HotSpot {
  readonly name: string;
  readonly location: string;
  readonly selfMs: number;
  readonly percent: number;
}

/**
 * Self time per function (name + file + line), largest first. Pure.
 * @param root - Paths under it are shown relative to it.
 */
export function summarizeProfile(profile: CpuProfile, top: number, root = ROOT): HotSpot[] {
  const frames = new Map<number, string>();
  const info = new Map<string, { name: string; location: string }>();
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber } = n.callFrame;
    let file = url.startsWith('file://') ? fileURLToPath(url) : url;
    if (file.startsWith(root)) file = path.relative(root, file);
    // Transpiled sources may report line 0 for every function; then only the file is shown.
    const location = file === '' ? '' : lineNumber > 0 ? `${file}:${lineNumber + 1}` : file;
    const name = functionName === '' ? '(anonymous)' : functionName;
    const key = `${name}\u0000${location}`;
    frames.set(n.id, key);
    info.set(key, { name, location });
  }
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const key = frames.get(id);
    if (key !== undefined) self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => ({ ...info.get(key)!, selfMs: us / 1000, percent: total > 0 ? (100 * us) / total : 0 }));
}

interface Args {
  size: number;
  stream: string;
  seconds: number;
  top: number;
  keep?: string;
  child: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { size: 10_000, stream: 'mixed', seconds: 5, top: 25, child: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = (): string => argv[++i] ?? '';
    if (a === '--size') args.size = Number(v());
    else if (a === '--stream') args.stream = v();
    else if (a === '--seconds') args.seconds = Number(v());
    else if (a === '--top') args.top = Number(v());
    else if (a === '--keep') args.keep = v();
    else if (a === '--child') args.child = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

/** The profiled process: build the detector, then check the stream until the time is up. */
async function child(args: Args): Promise<void> {
  const { senderStreams, trustedList, STREAM_GROUPS } = await import('./data');
  const { createDetector } = await import('../src/detector');
  if (!(STREAM_GROUPS as readonly string[]).includes(args.stream)) throw new Error(`--stream: one of ${STREAM_GROUPS.join(', ')}`);
  const list = trustedList(args.size);
  const stream = senderStreams(list, 4000)[args.stream as (typeof STREAM_GROUPS)[number]];
  const detector = createDetector(list.entries);
  const end = performance.now() + args.seconds * 1000;
  let checks = 0;
  let x = 0;
  while (performance.now() < end) {
    for (const s of stream) x += detector.check(s).reasons.length;
    checks += stream.length;
  }
  console.log(`${checks.toLocaleString('en-US')} checks (${args.stream}, ${args.size.toLocaleString('en-US')} trusted) in ${args.seconds} s: ${((args.seconds * 1e6) / checks).toFixed(2)} µs per check [${x % 2}]`);
}

function parent(args: Args): void {
  const dir = args.keep ?? mkdtempSync(path.join(os.tmpdir(), 'sosie-profile-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', '--size', String(args.size), '--stream', args.stream, '--seconds', String(args.seconds)],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (run.status !== 0) throw new Error(`profiled process exited with ${run.status}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (file === undefined) throw new Error('no .cpuprofile written');
    const spots = summarizeProfile(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile, args.top);
    console.log(`\ntop ${args.top} functions by self time${args.keep === undefined ? '' : ` (profile: ${path.join(dir, file)})`}`);
    for (const s of spots) console.log(`${s.percent.toFixed(1).padStart(5)}%  ${s.selfMs.toFixed(0).padStart(6)} ms  ${s.name}  ${s.location}`);
  } finally {
    if (args.keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

// By file name, not import.meta.url: in the benchmark bundle (node-flags.ts) every module shares one URL.
const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])profile\.(?:ts|bundle\.mjs)$/u.test(process.argv[1]);
if (invokedDirectly) {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) await child(args);
  else parent(args);
}

/**
 * `npm run bench:count`: the flat ratio counted, not timed. Runs the mixed stream's checks at two
 * list sizes under Valgrind's callgrind with a simulated cache, and reports per check the
 * instructions executed and the data reads that miss each simulated cache level, at both sizes and
 * their ratio.
 *
 *   tsx bench/count.ts [--sizes 100,100000] [--passes 2] [--per-group 4000] [--json FILE] [--functions N] [--ll MIB]
 *
 * Why: timings on the shared machines scatter by more than the changes the flat target now needs
 * (bench/HISTORY.md, nineteenth to twenty-first rounds: calibration 126–183 µs against 91.5). The
 * counts do not depend on the machine's load: two runs of one tree count the same to ~0.2%.
 * They answer "does this change execute less, and read fewer cache lines that a list-sized table
 * puts out of reach?", which is what the flat ratio's growth is made of (twenty-first round: work
 * 1.2×, ~18 more last-level misses per check). They do not say how long a miss takes on a given
 * machine, so the timed runs stay the judge of the targets; this judges nothing and exits 0.
 *
 * How: for each size, two processes under `valgrind --tool=callgrind` run the same program: build
 * the detector, check the stream `WARMUP_PASSES` times, then check it 1 time in one process and
 * 1 + `passes` times in the other inside a `Reflect.apply` call, the only stretch callgrind collects
 * (`--toggle-collect=Builtins_ReflectApply`; nothing in sosie or its dependencies calls
 * Reflect.apply). The difference of the two processes' totals is `passes` passes of steady-state
 * checks, without the start-up, the build and the compilations that the first pass still triggers.
 * Node runs with COUNT_NODE_FLAGS (GC and JIT on the main thread, on a schedule that does not
 * depend on the clock) and the benchmark's V8 flags (./node-flags.ts). The caches simulated are
 * fixed (the last level's size by `--ll`), not the host's: cacheFlags.
 *
 * The report gives every count twice: all of it, and the checks' own, without the functions of
 * V8's compilers and garbage collector (functionPart). Those run in the counted passes at their own
 * moments: at 100 entries TurboFan was 22,000 of 56,000 instructions per check, still compiling
 * rarely called functions; at 100,000 a full collection's sweeping fell in one process's stretch
 * (3.7 last-level misses per check in one run, 1.4 in another).
 *
 * `--functions N` also lists the N functions with the most last-level misses per check at the
 * large size (node under `--perf-basic-prof`; see perfMapNamer). Whole-check totals at 100,000
 * move by about a miss per check whenever any code changes (compilations and collections shift,
 * and objects land elsewhere), so a change is best judged by the functions it touches.
 *
 * Needs Valgrind (`valgrind` on the PATH; Debian: `apt-get install valgrind`), which npm does not
 * install: without it the command says so and exits 2. About 10 minutes at the default sizes on 2
 * cores (Valgrind runs the program ~50× slower; two processes run at a time, largest size first).
 */

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDetector } from '../src';
import { wholeNumber } from './ab';
import { senderStreams, trustedList } from './data';
import { sizePair } from './kinds';
import { BENCH_NODE_FLAGS, bundleLikeDist } from './node-flags';
import { fmtSize, textTable } from './report';

/** Options of one run. */
export interface CountArgs {
  /** The small and the large list size. */
  readonly sizes: readonly [number, number];
  /** Passes over the stream counted (the difference of the two processes of a size). */
  readonly passes: number;
  readonly perGroup: number;
  /** Write the counts as JSON here. */
  readonly json: string | undefined;
  /** List this many functions with the most last-level misses per check at the large size (0: none). */
  readonly functions: number;
  /** The simulated last level's size in MiB (a power of two, see cacheFlags). */
  readonly llMiB: number;
}

/** Defaults: the flat target's sizes, 2 counted passes of the bench's mixed stream (4,000 senders). */
export const COUNT_DEFAULTS: CountArgs = Object.freeze({
  sizes: Object.freeze([100, 100_000]) as readonly [number, number],
  passes: 2,
  perGroup: 4000,
  json: undefined,
  functions: 0,
  llMiB: 16,
});

/** Passes over the stream before the counted stretch (the bench's own warm-up is 200 ms of checks). */
export const WARMUP_PASSES = 5;

/**
 * The simulated caches: 32 KiB 8-way first-level caches and a last level of `llMiB` MiB, 16-way,
 * 64-byte lines, whatever the host has. The default, 16 MiB, is the size at which the machines
 * here stop keeping a working set when they are quiet (bench/memory.ts: a dependent load in 16 MiB
 * took 22 ns on the baseline's machine, 134 ns in 32 MiB). On a busy day other tenants hold most of
 * the shared cache and loads miss from 4–8 MiB up (twenty-fifth round, four of five measurements:
 * 18–24 ns in 4 MiB, 59–108 in 8 MiB); `--ll 4` counts for such a day. Valgrind needs a
 * power-of-two number of sets, hence a power-of-two size.
 */
export function cacheFlags(llMiB: number = COUNT_DEFAULTS.llMiB): string[] {
  return ['--I1=32768,8,64', '--D1=32768,8,64', `--LL=${llMiB * 1024 * 1024},16,64`];
}

/**
 * V8 flags of the counted processes, besides the benchmark's: the garbage collector and the JIT
 * compilers on the main thread, and the heap's growth, idle and memory-reducing collections on a
 * fixed schedule rather than one driven by the clock (Valgrind's pace is not the machine's). Without
 * the schedule two processes collected at different points: the run with 3 passes at 100,000
 * entries counted 180,000 fewer last-level write misses than the run with 1. With it, two runs of
 * 3 passes at 100 counted 896.6 and 898.6 million instructions and 20,135 and 20,144 last-level
 * read misses.
 */
export const COUNT_NODE_FLAGS: readonly string[] = Object.freeze(['--single-threaded', '--predictable-gc-schedule']);

/** The events reported, with their labels (callgrind's names: `events:` line of its output). */
export const REPORTED_EVENTS: readonly (readonly [string, string])[] = Object.freeze([
  ['Ir', 'instructions'],
  ['Dr', 'data reads'],
  ['D1mr', 'data reads missing the first level'],
  ['DLmr', 'data reads missing the last level'],
] as const);

/** Parses the command line (node:util parseArgs, strict); throws an Error naming the bad argument. */
export function parseCountArgs(argv: readonly string[]): CountArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string' },
      passes: { type: 'string' },
      'per-group': { type: 'string' },
      json: { type: 'string' },
      functions: { type: 'string' },
      ll: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    sizes: values.sizes === undefined ? COUNT_DEFAULTS.sizes : sizePair(values.sizes),
    passes: values.passes === undefined ? COUNT_DEFAULTS.passes : wholeNumber(values.passes, 'passes', 100),
    perGroup: values['per-group'] === undefined ? COUNT_DEFAULTS.perGroup : wholeNumber(values['per-group'], 'per-group', 100_000),
    json: values.json,
    functions: values.functions === undefined ? COUNT_DEFAULTS.functions : wholeNumber(values.functions, 'functions', 1000),
    llMiB: values.ll === undefined ? COUNT_DEFAULTS.llMiB : powerOfTwoMiB(values.ll),
  };
}

/** A last-level size in MiB: a power of two from 1 to 256 (see cacheFlags). */
function powerOfTwoMiB(v: string): number {
  const n = wholeNumber(v, 'll', 256);
  if ((n & (n - 1)) !== 0) throw new Error(`--ll: ${v} is not a power of two from 1 to 256 (MiB)`);
  return n;
}

/** Event name → total, from a callgrind output file's `events:` and `totals:` (or `summary:`) lines. */
export function parseCallgrindTotals(text: string): Map<string, number> {
  let events: string[] | undefined;
  let totals: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('events:')) events = line.slice(7).trim().split(/\s+/u);
    else if (line.startsWith('totals:')) totals = line.slice(7).trim().split(/\s+/u);
    else if (totals === undefined && line.startsWith('summary:')) totals = line.slice(8).trim().split(/\s+/u);
  }
  if (events === undefined || totals === undefined) throw new Error('callgrind output without events: and totals: lines');
  const out = new Map<string, number>();
  events.forEach((name, i) => {
    const v = Number(totals[i] ?? 0);
    if (!Number.isFinite(v)) throw new Error(`callgrind total of ${name} is not a number: ${totals[i]}`);
    out.set(name, v);
  });
  return out;
}

/** Where a function's cost goes in the report (see functionPart). */
export type CountPart = 'compiler' | 'gc' | 'check';

/**
 * V8's optimising and bytecode compilers and the code they assemble: with `--single-threaded`
 * they run on the main thread, so callgrind counts them, and rarely called functions still reach
 * TurboFan in the counted passes (`--trace-opt`: 1–9 compilations per pass from the sixth pass on,
 * `parseMember`, `convertDomain`, `findingMessage` and others). In a timed run they compile on
 * another thread.
 */
const COMPILER_FUNCTION = /(?:^|[\s*&])v8::internal::(?:(?:compiler|maglev|baseline|interpreter)::|(?:\w*Assembler|Zone\w*|RelocIterator|RelocInfoWriter|TranslationArrayBuilder|SafepointTableBuilder)[:<])/u;
/**
 * V8's garbage collector: scavenges, a full collection's marking, evacuation and pointer updates,
 * and the sweeping after it. The marking visits objects through `BodyDescriptorBase` templates and
 * keeps its work in `heap::base::Worklist`: in a twenty-fourth-round run whose counted passes held a
 * full collection, those two alone were ~74 last-level misses per check that an older pattern left
 * among the checks' own.
 */
const GC_FUNCTION =
  /(?:^|[\s*&])(?:v8::internal::(?:(?:Sweeper|Scavenger\w*|\w*ScavengeVisitor|SemiSpaceNewSpace|NewSpace|PagedSpace\w*|FreeList\w*|MarkCompactCollector|MinorMarkSweepCollector|\w*Marking\w*|Heap|LargeObjectSpace|MemoryAllocator|ArrayBufferSweeper|Evacuat\w*|RememberedSet\w*|\w*SlotSet|BodyDescriptor\w*|\w*SlotVisitor|PointersUpdating\w*|LiveObjectRange|\w*StringTableCleaner|PretenuringHandler)[:<]|HeapObject::SizeFromMap)|heap::base::Worklist<)/u;

/** A demangled name without its parameter list (a parameter's type must not decide a match). */
function functionHead(name: string): string {
  return name.split('(')[0] ?? name;
}

/** A full collection's marking: present in a process's counted passes when one fell into them. */
const FULL_COLLECTION_FUNCTION = /(?:^|[\s*&])v8::internal::MarkCompactCollector::/u;

/**
 * Whether a full collection (mark-compact) ran in the counted stretch: any function of its marking
 * with a non-zero instruction count (`Ir`). Its marking reads the whole heap (~100 MB at 100,000
 * entries), so the checks after it start from a flushed cache, and their own misses in that
 * process are not comparable with a process where none ran.
 */
export function hasFullCollection({ events, functions }: { events: readonly string[]; functions: ReadonlyMap<string, readonly number[]> }): boolean {
  const ir = events.indexOf('Ir');
  if (ir < 0) return false;
  for (const [name, costs] of functions) if ((costs[ir] ?? 0) > 0 && FULL_COLLECTION_FUNCTION.test(functionHead(name))) return true;
  return false;
}

/** The part of the report a function's own cost belongs to, by its (demangled) name. */
export function functionPart(name: string): CountPart {
  const head = functionHead(name);
  if (COMPILER_FUNCTION.test(head)) return 'compiler';
  if (GC_FUNCTION.test(head)) return 'gc';
  return 'check';
}

/**
 * Each function's own costs (event name → total), by name, from a callgrind output file: the cost
 * lines under each `fn=`, less those that follow a `calls=` line (a call's inclusive cost, which
 * its callee's own lines already count). Names are compressed as `(id) name` on first use, `(id)`
 * after, in `fn=`, `cfn=` and the other name lines. JIT code has no name here, only its address
 * (`0x…`): see perfMapNamer.
 */
export function parseCallgrindFunctions(text: string): { events: string[]; functions: Map<string, number[]> } {
  let events: string[] = [];
  const names = new Map<string, string>();
  const functions = new Map<string, number[]>();
  let current: number[] | undefined;
  let afterCalls = false;
  const nameOf = (value: string): string => {
    const m = /^\((\d+)\)(?: (.*))?$/u.exec(value);
    if (m === null) return value;
    if (m[2] !== undefined) names.set(m[1]!, m[2]);
    return names.get(m[1]!) ?? value;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('events:')) events = line.slice(7).trim().split(/\s+/u);
    else if (line.startsWith('fn=')) {
      const name = nameOf(line.slice(3));
      current = functions.get(name);
      if (current === undefined) functions.set(name, (current = new Array<number>(events.length).fill(0)));
    } else if (line.startsWith('cfn=')) nameOf(line.slice(4));
    else if (line.startsWith('calls=')) afterCalls = true;
    else if (/^[0-9+*-]/u.test(line)) {
      if (afterCalls) afterCalls = false;
      else if (current !== undefined) {
        const fields = line.trim().split(/\s+/u);
        for (let i = 1; i < fields.length && i <= events.length; i++) current[i - 1]! += Number(fields[i]);
      }
    }
  }
  return { events, functions };
}

/** Event name → total of the functions' own costs in each part (functionPart), from parseCallgrindFunctions. */
export function functionParts({ events, functions }: { events: readonly string[]; functions: ReadonlyMap<string, readonly number[]> }): Map<CountPart, Map<string, number>> {
  const parts = groupFunctions(functions, functionPart);
  const out = new Map<CountPart, Map<string, number>>();
  for (const part of ['check', 'compiler', 'gc'] as const) {
    const costs = parts.get(part) ?? [];
    out.set(part, new Map(events.map((name, i) => [name, costs[i] ?? 0])));
  }
  return out;
}

/**
 * A function that names JIT code by its address, from V8's perf map (`--perf-basic-prof` writes
 * `/tmp/perf-PID.map`: one `start size name` line per code object, hexadecimal). JavaScript
 * functions become `name :line` (the line in the counted bundle; `(anonymous) :line` for closures);
 * other names (V8's, libc's, a builtin's) and addresses outside the map are kept as they are.
 */
export function perfMapNamer(map: string): (name: string) => string {
  const entries: [number, number, string][] = [];
  for (const line of map.split('\n')) {
    const m = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/u.exec(line);
    if (m !== null) entries.push([parseInt(m[1]!, 16), parseInt(m[2]!, 16), m[3]!]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  return (name) => {
    const m = /^0x([0-9a-f]+)$/u.exec(name);
    if (m === null) return name;
    const at = parseInt(m[1]!, 16);
    let lo = 0;
    let hi = entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (entries[mid]![0] <= at) lo = mid + 1;
      else hi = mid - 1;
    }
    const e = entries[hi];
    if (e === undefined || at >= e[0] + e[1]) return name;
    const js = /^JS:[~*^+]?(\S*) \S*?:(\d+)(?::\d+)?$/u.exec(e[2]);
    if (js !== null) return `${js[1] === '' ? '(anonymous)' : js[1]} :${js[2]}`;
    return e[2].replace(/^(?:Builtin|Bytecode\w*|Handler|Stub|RegExp):/u, '');
  };
}

/**
 * Per check and function, `event` in `longer` minus `shorter` (functions matched by name, so JIT
 * code by its resolved name: addresses differ between processes), the `limit` largest first, with
 * the instructions beside each: [name, event per check, instructions per check].
 */
export function topFunctions(
  shorter: ReadonlyMap<string, readonly number[]>,
  longer: ReadonlyMap<string, readonly number[]>,
  events: readonly string[],
  event: string,
  passes: number,
  checksPerPass: number,
  limit: number,
): [string, number, number][] {
  const k = events.indexOf(event);
  const ir = events.indexOf('Ir');
  const rows: [string, number, number][] = [];
  for (const name of new Set([...shorter.keys(), ...longer.keys()])) {
    const a = shorter.get(name);
    const b = longer.get(name);
    const diff = (i: number): number => ((b?.[i] ?? 0) - (a?.[i] ?? 0)) / (passes * checksPerPass);
    rows.push([name, diff(k), diff(ir)]);
  }
  return rows.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, limit);
}

/**
 * Functions' own costs regrouped under `key(name)`, the costs of one key summed: JIT code named
 * through a perf map (one function compiled twice is one entry), or functions by part.
 */
export function groupFunctions<K extends string>(functions: ReadonlyMap<string, readonly number[]>, key: (name: string) => K): Map<K, number[]> {
  const out = new Map<K, number[]>();
  for (const [name, costs] of functions) {
    const k = key(name);
    const sum = out.get(k);
    if (sum === undefined) out.set(k, [...costs]);
    else costs.forEach((v, i) => (sum[i]! += v));
  }
  return out;
}

/**
 * Per check, each of `events` in `longer` minus `shorter` (two processes that differ by `passes`
 * passes of `checksPerPass` checks). A negative difference (the longer run counted less) means the
 * stretch was not steady state, and is an error rather than a figure. Only the reported events are
 * taken by default: the instruction cache's last-level misses (ILmr) are first fetches of JIT code,
 * which two processes may compile at different moments, and can come out negative.
 */
export function perCheck(
  shorter: ReadonlyMap<string, number>,
  longer: ReadonlyMap<string, number>,
  passes: number,
  checksPerPass: number,
  events: readonly string[] = REPORTED_EVENTS.map(([name]) => name),
  allowNegative = false,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const name of events) {
    const total = longer.get(name);
    if (total === undefined) continue;
    const diff = total - (shorter.get(name) ?? 0);
    if (diff < 0 && !allowNegative) throw new Error(`${name}: the run with ${passes} more passes counted ${-diff} fewer; not steady state`);
    out.set(name, diff / (passes * checksPerPass));
  }
  return out;
}

/**
 * Per check and part (see functionPart), as perCheck. The compiler's and the collector's parts may
 * come out negative: the two processes compile and collect at their own moments (a full collection
 * and its sweeping fall in one process's counted stretch and not the other's), which is why they
 * are reported apart from the checks' own work. With `fullCollection` (one ran in either
 * process's counted passes, see hasFullCollection) the checks' own part may come out negative too:
 * the checks after it read a flushed cache in one process only.
 */
export function perCheckParts(
  shorter: ReadonlyMap<CountPart, ReadonlyMap<string, number>>,
  longer: ReadonlyMap<CountPart, ReadonlyMap<string, number>>,
  passes: number,
  checksPerPass: number,
  fullCollection = false,
): Map<CountPart, Map<string, number>> {
  const out = new Map<CountPart, Map<string, number>>();
  for (const part of ['check', 'compiler', 'gc'] as const) {
    out.set(part, perCheck(shorter.get(part) ?? new Map(), longer.get(part) ?? new Map(), passes, checksPerPass, undefined, part !== 'check' || fullCollection));
  }
  return out;
}

/**
 * The report: each reported event per check at both sizes and the ratio, as table rows (`prefix`
 * before each label; the last level's label gives its simulated size, `llMiB`).
 */
export function countRows(small: ReadonlyMap<string, number>, large: ReadonlyMap<string, number>, prefix = '', llMiB = COUNT_DEFAULTS.llMiB): string[][] {
  return REPORTED_EVENTS.map(([name, label]) => {
    const a = small.get(name) ?? NaN;
    const b = large.get(name) ?? NaN;
    const text = name === 'DLmr' ? `${label} (${llMiB} MiB)` : label;
    return [prefix + text, fmtCount(a), fmtCount(b), a > 0 && b >= 0 ? `${(b / a).toFixed(2)}×` : '—'];
  });
}

function fmtCount(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2);
}

// ---------------------------------------------------------------------------------------------
// The counted program (child mode): build, warm up, then the passes inside Reflect.apply.

function child(size: number, passes: number, perGroup: number): void {
  const list = trustedList(size);
  const detector = createDetector(list.entries);
  const stream = senderStreams(list, perGroup).mixed;
  const pass = (): number => {
    let x = 0;
    // Each result read and dropped, as a gateway does (a held result changes pretenuring: HISTORY, twentieth round).
    for (let i = 0; i < stream.length; i++) x += detector.check(stream[i]!).reasons.length;
    return x;
  };
  let sink = 0;
  for (let w = 0; w < WARMUP_PASSES; w++) sink += pass();
  const counted = (n: number): number => {
    let x = 0;
    for (let k = 0; k < n; k++) x += pass();
    return x;
  };
  sink += Reflect.apply(counted, undefined, [passes]) as number;
  console.log(JSON.stringify({ checksPerPass: stream.length, sink }));
}

// ---------------------------------------------------------------------------------------------
// The driver.

interface Job {
  readonly size: number;
  readonly passes: number;
}

/** What one counted process gives: its totals, the same split by part (see functionPart), and the stream's length. */
interface JobCounts {
  readonly totals: Map<string, number>;
  readonly parts: Map<CountPart, Map<string, number>>;
  /** Each function's own costs, JIT code named (only when functions are asked for). */
  readonly functions: Map<string, number[]> | undefined;
  readonly events: string[];
  readonly checksPerPass: number;
  /** Whether a full collection ran in the counted passes (see hasFullCollection). */
  readonly fullCollection: boolean;
}

function runJob(bundle: string, dir: string, job: Job, perGroup: number, functions: boolean, cache: readonly string[]): Promise<JobCounts> {
  const out = path.join(dir, `callgrind.${job.size}.${job.passes}.out`);
  const args = [
    '--tool=callgrind',
    `--callgrind-out-file=${out}`,
    '--collect-atstart=no',
    '--toggle-collect=Builtins_ReflectApply',
    '--cache-sim=yes',
    ...cache,
    process.execPath,
    ...COUNT_NODE_FLAGS,
    ...BENCH_NODE_FLAGS,
    // Names for JIT code (see perfMapNamer); it writes a line per compiled function, so only on
    // request. It also opens V8's log (isolate-…-v8.log in the working directory): into the temp dir.
    ...(functions ? ['--perf-basic-prof', '--no-logfile-per-isolate', `--logfile=${path.join(dir, `v8.${job.size}.${job.passes}.log`)}`] : []),
    bundle,
    '--child',
    String(job.size),
    String(job.passes),
    String(perGroup),
  ];
  return new Promise((resolve, reject) => {
    const p = spawn('valgrind', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`valgrind (${job.size} entries, ${job.passes} passes) exited ${code}: ${stderr.split('\n').slice(-8).join('\n')}`));
      try {
        const line = stdout.trim().split('\n').pop() ?? '';
        const { checksPerPass } = JSON.parse(line) as { checksPerPass: number };
        const text = readFileSync(out, 'utf8');
        const parsed = parseCallgrindFunctions(text);
        let named: Map<string, number[]> | undefined;
        if (functions) {
          const pid = /^pid: (\d+)$/mu.exec(text)?.[1];
          const mapFile = path.join(os.tmpdir(), `perf-${pid}.map`);
          named = groupFunctions(parsed.functions, perfMapNamer(pid === undefined ? '' : readFileSync(mapFile, 'utf8')));
          rmSync(mapFile, { force: true });
        }
        resolve({ totals: parseCallgrindTotals(text), parts: functionParts(parsed), functions: named, events: parsed.events, checksPerPass, fullCollection: hasFullCollection(parsed) });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

/** Runs `jobs` at most `parallel` at a time; results in job order. */
async function pool<T, R>(jobs: readonly T[], parallel: number, run: (job: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const k = next++;
      results[k] = await run(jobs[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, jobs.length)) }, worker));
  return results;
}

async function main(args: CountArgs): Promise<number> {
  const probe = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    console.error('bench:count: needs Valgrind on the PATH (Debian: apt-get install valgrind); npm does not install it');
    return 2;
  }
  const tool = probe.stdout.trim() || 'valgrind';
  const entry = fileURLToPath(import.meta.url);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sosie-count-'));
  // Next to this script, so that its imports resolve as the other benchmarks' bundles do (node-flags.ts).
  const bundle = entry.replace(/\.ts$/u, '.bundle.mjs');
  try {
    bundleLikeDist(entry, bundle);
    const jobs: Job[] = args.sizes.flatMap((size) => [{ size, passes: 1 }, { size, passes: 1 + args.passes }]);
    // Largest first: the 100,000-entry processes take longest.
    const order = [...jobs.keys()].sort((a, b) => jobs[b]!.size - jobs[a]!.size);
    console.log(`bench:count: callgrind (${tool}), mixed stream, ${args.passes} counted passes per size, ${jobs.length} processes`);
    const cache = cacheFlags(args.llMiB);
    const done = await pool(order, os.availableParallelism(), (k) => runJob(bundle, dir, jobs[k]!, args.perGroup, args.functions > 0, cache));
    const byJob = new Map(order.map((k, i) => [k, done[i]!]));
    // Per size, its two processes: 1 pass and 1 + passes.
    const runs = args.sizes.map((_, s) => [byJob.get(2 * s)!, byJob.get(2 * s + 1)!] as const);
    // A full collection in either process makes a difference that is not steady state; the
    // figures are still shown (they may come out negative), with the note below, not refused.
    const perSize = runs.map(([a, b]) => {
      const collected = a.fullCollection || b.fullCollection;
      return {
        all: perCheck(a.totals, b.totals, args.passes, a.checksPerPass, undefined, collected),
        parts: perCheckParts(a.parts, b.parts, args.passes, a.checksPerPass, collected),
      };
    });
    const [small, large] = [perSize[0]!, perSize[1]!];
    console.log(`per check of the mixed stream (${tool}; simulated caches ${cache.join(' ')}):`);
    const rows = [
      ...countRows(small.all, large.all, '', args.llMiB),
      ...countRows(small.parts.get('check')!, large.parts.get('check')!, "checks' own: ", args.llMiB),
      ...countRows(small.parts.get('compiler')!, large.parts.get('compiler')!, 'V8 compilers: ', args.llMiB).filter((_, i) => i === 0),
      ...countRows(small.parts.get('gc')!, large.parts.get('gc')!, 'V8 garbage collector: ', args.llMiB).filter((_, i) => i === 0 || i === 3),
    ];
    console.log(textTable(['per check', fmtSize(args.sizes[0]), fmtSize(args.sizes[1]), 'growth'], rows, (col) => col > 0));
    console.log("checks' own: all but the functions of V8's compilers and garbage collector (by name, see functionPart),");
    console.log('which run in the counted passes at their own moments in each process (the GC can come out negative).');
    // The processes whose counted passes ran a full collection: named in a note and in the JSON.
    const collectedJobs = jobs.filter((_, k) => byJob.get(k)!.fullCollection);
    if (collectedJobs.length > 0) {
      const named = collectedJobs.map((job) => `${fmtSize(job.size)} entries, ${job.passes} pass${job.passes === 1 ? '' : 'es'}`);
      console.log(`note: a full collection ran in the counted passes of ${named.join(' and of ')}. Its marking reads the whole heap, so the`);
      console.log("checks after it start from a flushed cache: the checks' own misses at that size are not comparable with a run");
      console.log('without one. Count again with other --passes or --per-group to move the collection out of the stretch.');
    }
    if (args.functions > 0) {
      const bySize = runs.map(
        ([a, b]) => new Map(topFunctions(a.functions!, b.functions!, a.events, 'DLmr', args.passes, a.checksPerPass, Infinity).map((r) => [r[0], r])),
      );
      const top = [...bySize[1]!.values()].slice(0, args.functions);
      console.log(`functions with the most last-level misses per check at ${fmtSize(args.sizes[1])} (own costs; JavaScript as name :line of the bundle):`);
      console.log(
        textTable(
          ['function', `misses at ${fmtSize(args.sizes[0])}`, `at ${fmtSize(args.sizes[1])}`, `instructions at ${fmtSize(args.sizes[0])}`, `at ${fmtSize(args.sizes[1])}`],
          top.map(([name, misses, ir]) => {
            const small = bySize[0]!.get(name);
            return [name.length > 60 ? `${name.slice(0, 59)}…` : name, fmtCount(small?.[1] ?? 0), fmtCount(misses), fmtCount(small?.[2] ?? 0), fmtCount(ir)];
          }),
          (col) => col > 0,
        ),
      );
    }
    if (args.json !== undefined) {
      const json = {
        tool,
        node: process.version,
        cache,
        passes: args.passes,
        fullCollections: collectedJobs.map((job) => ({ size: job.size, passes: job.passes })),
        perCheck: Object.fromEntries(args.sizes.map((size, s) => [String(size), Object.fromEntries(perSize[s]!.all)])),
        perCheckParts: Object.fromEntries(
          args.sizes.map((size, s) => [String(size), Object.fromEntries([...perSize[s]!.parts].map(([part, m]) => [part, Object.fromEntries(m)]))]),
        ),
      };
      writeFileSync(args.json, `${JSON.stringify(json, null, 2)}\n`);
      console.log(`wrote ${args.json}`);
    }
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(bundle, { force: true });
  }
}

// By file name, not import.meta.url: in a bundle every module shares one URL.
const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])count\.(?:ts|bundle\.mjs)$/u.test(process.argv[1]);
if (invokedDirectly) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    child(Number(argv[1]), Number(argv[2]), Number(argv[3]));
  } else {
    let args: CountArgs | undefined;
    try {
      args = parseCountArgs(argv);
    } catch (e) {
      console.error(`bench:count: ${(e as Error).message}`);
      process.exitCode = 2;
    }
    if (args !== undefined) {
      main(args).then(
        (code) => (process.exitCode = code),
        (e: unknown) => {
          console.error(`bench:count: ${e instanceof Error ? e.message : String(e)}`);
          process.exitCode = 1;
        },
      );
    }
  }
}

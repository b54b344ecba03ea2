/**
 * The benchmark process runs under fixed V8 flags. Without them, the same code measured in two
 * processes lands in one of two "modes" that differ by up to 1.7× on sub-microsecond stages
 * (measured: `skeleton` on ASCII labels 0.08 vs 0.14 µs, `parseSender` 0.29 vs 0.39 µs), because
 * the string hash seed and the timing of background JIT compilation change from process to
 * process. A baseline made in one mode would then fail or pass `bench:check` by luck.
 *   --hash-seed=1 --random-seed=1     the same hash tables and Math.random in every run
 *   --no-concurrent-recompilation     optimised code is installed at the same point in every run
 *   --expose-gc                       a forced GC before heap measurements and between sections
 * The steady-state code is the same as without the flags; only when it is reached is fixed.
 */

import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** V8/Node flags of every benchmark process. */
export const BENCH_NODE_FLAGS: readonly string[] = Object.freeze(['--hash-seed=1', '--random-seed=1', '--no-concurrent-recompilation', '--expose-gc']);

const MARKER = 'SOSIE_BENCH_FLAGS';

/**
 * Bundles `entry` (TypeScript) into the ES module `outfile` the way tsup builds dist/: esbuild, no
 * keepNames, packages left external. Benchmarks measure the code as users run it: under tsx,
 * esbuild's keepNames wraps every function and closure in __name() (measured: check() 4.6 vs
 * 3.5 µs).
 */
export function bundleLikeDist(entry: string, outfile: string): void {
  buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
}

/**
 * Re-runs the calling script (`script`, normally `import.meta.url` of the entry point) under
 * {@link BENCH_NODE_FLAGS} with the same arguments, unless this process already is that run.
 * @returns The child's exit code, or undefined when this process is the flagged one and must do the work.
 */
export function rerunWithBenchFlags(script: string): number | undefined {
  if (process.env[MARKER] === '1') return undefined;
  // The bundle sits next to the entry script so paths derived from import.meta.url hold.
  const entry = fileURLToPath(script);
  const bundle = entry.replace(/\.ts$/u, '.bundle.mjs');
  bundleLikeDist(entry, bundle);
  try {
    const child = spawnSync(process.execPath, [...BENCH_NODE_FLAGS, bundle, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, [MARKER]: '1' },
    });
    if (child.error !== undefined) throw child.error;
    return child.status ?? 1;
  } finally {
    rmSync(bundle, { force: true });
  }
}

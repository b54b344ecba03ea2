/**
 * The JSON written by `npm run bench -- --json FILE` and read by `bench:check`, the chart and the
 * README generator. One flat map of figures, keyed by a stable id (`check.mixed.10000`), so that a
 * baseline and a fresh run can be compared figure by figure.
 */

import os from 'node:os';

/** Version of this file format; `bench:check` refuses other versions. */
export const RESULTS_SCHEMA = 1;

/** Which way is good for a figure. */
export type Better = 'lower' | 'higher';

/** One measured or derived figure. */
export interface Figure {
  /** Stable id, dot-separated: `<section>.<what>[.<size>]`. */
  readonly id: string;
  /** Human description, one line. */
  readonly label: string;
  /** Unit of `value` (`µs`, `ms`, `MB`, `×`, `lines/s`, …). */
  readonly unit: string;
  /** Median, in `unit`. */
  readonly value: number;
  /** First and third quartiles over rounds, in `unit`, when measured in rounds. */
  readonly q1?: number;
  readonly q3?: number;
  /**
   * Machine-independent form: the fastest round of this timing divided by the fastest round of the
   * calibration workload timed in the same rounds (see harness.ts). `bench:check` compares this
   * when present, else `value`.
   */
  readonly normalized?: number;
  readonly better: Better;
  /** Whether `bench:check` fails when this figure regresses. */
  readonly tracked: boolean;
  /** A wider tolerance for this figure (a fraction); `bench:check` uses the larger of it and its own. */
  readonly tolerance?: number;
}

/** Where and how a run was made. */
export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly release: string;
  readonly arch: string;
}

/** A whole run. */
export interface BenchResults {
  readonly schema: number;
  readonly mode: 'full' | 'smoke';
  readonly calibrationVersion: number;
  /** ISO date of the run. */
  readonly date: string;
  /** The command line that produced it. */
  readonly command: string;
  readonly machine: MachineInfo;
  /** Trusted-list sizes measured. */
  readonly sizes: readonly number[];
  /** Calibration workload, µs per call (median over all groups' rounds). */
  readonly calibrationUs: number;
  readonly figures: Readonly<Record<string, Figure>>;
  /** Things skipped or worth knowing (e.g. a stage not available yet). */
  readonly notes: readonly string[];
  /** Wall time of the whole run, seconds. */
  readonly durationS: number;
}

/** This machine. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: (cpus[0]?.model ?? 'unknown').trim(),
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
    platform: os.platform(),
    release: os.release(),
    arch: os.arch(),
  };
}

/** The value `bench:check` compares for a figure: the normalised form when there is one. */
export function comparable(f: Figure): number {
  return f.normalized ?? f.value;
}

/** Type guard for a parsed results file (shallow: enough to give a clear error on the wrong file). */
export function isBenchResults(x: unknown): x is BenchResults {
  if (x === null || typeof x !== 'object') return false;
  const r = x as Record<string, unknown>;
  return typeof r['schema'] === 'number' && typeof r['figures'] === 'object' && r['figures'] !== null && typeof r['mode'] === 'string';
}

import { CALIBRATION_VERSION } from '../../bench/harness';
import { RESULTS_SCHEMA, type BenchResults, type Figure } from '../../bench/results';

/** A synthetic results file of a full run holding `figures` (tests of the comparison and the reports). */
export function benchRun(figures: Readonly<Record<string, Figure>>, over: Partial<BenchResults> = {}): BenchResults {
  return {
    schema: RESULTS_SCHEMA,
    mode: 'full',
    calibrationVersion: CALIBRATION_VERSION,
    date: '2026-01-01T00:00:00.000Z',
    command: 'test',
    machine: { cpu: 'test', cores: 2, memoryGiB: 1, node: 'v20', v8: '11', platform: 'linux', release: '6', arch: 'x64' },
    sizes: [100, 1000],
    calibrationUs: 100,
    figures,
    notes: [],
    durationS: 1,
    ...over,
  };
}

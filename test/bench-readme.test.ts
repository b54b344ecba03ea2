import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReadmes, replaceBlock } from '../bench/readme';
import { evaluateTargets, renderSummaryBlock } from '../bench/report';
import type { BenchResults, Figure } from '../bench/results';
import { benchRun } from './helpers/bench-results';

const ROOT = path.resolve(__dirname, '..');

/** A figure in one line: id, value (unit × unless given). */
function f(id: string, value: number, unit = '×'): Figure {
  return { id, label: id, unit, value, better: 'lower', tracked: false };
}

/** A full run at 100 and 100,000 trusted domains with the figures the summary quotes. */
function run(over: { flat?: number; median?: number; speedup?: number; clean?: number } = {}): BenchResults {
  const figures: Figure[] = [
    f('check.mixed.100', 3.1, 'µs'),
    f('check.mixed.100000', 6.2, 'µs'),
    f('naive.mixed.100', 12.5, 'µs'),
    f('naive.mixed.100000', 11_800, 'µs'),
    f('ratio.speedup.100', 4.03),
    f('ratio.speedup.100000', 1903),
    f('ratio.speedup.10000', over.speedup ?? 341),
    f('latency.mixed.100.p50', 2.31, 'µs'),
    f('latency.mixed.100000.p50', 3.54, 'µs'),
    f('latency.mixed.100.p99', 14.9, 'µs'),
    f('latency.mixed.100000.p99', 33, 'µs'),
    f('ratio.flat.mixed', over.flat ?? 1.91),
    f('ratio.flat.mixed.p50', over.median ?? 1.51),
    f('ratio.flat.unflagged.p50', 1.13),
    f('flagged.mixed.100', 15, '%'),
    f('flagged.mixed.100000', 28.7, '%'),
    f('floor.check', 0.34, 'µs'),
    f('ratio.floor.clean', over.clean ?? 8.06),
    f('ratio.floor.typo', 25.9),
    f('ratio.floor.homoglyph', 24.9),
    f('check.clean.100000', 4.3, 'µs'),
    f('build.100000', 1383, 'ms'),
    f('heap.100000', 107, 'MB'),
    f('scan.linesPerCpuSecond', 134_303, 'lines/s'),
    f('scan.workers.scaling', 1.59),
  ];
  return benchRun(Object.fromEntries(figures.map((x) => [x.id, x])), { sizes: [100, 100_000], command: 'npm run bench -- --json bench/baseline.json --update-readme' });
}

const summary = (r: BenchResults): string => renderSummaryBlock(r, evaluateTargets(r));

describe('README performance summary', () => {
  it('tabulates the mixed stream, the naive loop, the speed-up and the per-check latency by size', () => {
    const text = summary(run());
    expect(text).toContain('| trusted domains | 100 | 100,000 |');
    expect(text).toContain('| sosie `check`, mixed stream: mean µs per check | 3.10 | 6.20 |');
    expect(text).toContain('| naive loop: mean µs per check | 12.5 | 11,800 |');
    expect(text).toContain('| speed-up | 4.03× | 1,903× |');
    expect(text).toContain('| median check, each timed alone: µs | 2.31 | 3.54 |');
    expect(text).toContain('| 99th percentile: µs | 14.9 | 33.0 |');
    expect(text).toContain('with `npm run bench -- --json bench/baseline.json --update-readme` (full run)');
  });

  const cases: { description: string; over: Parameters<typeof run>[0]; expected: RegExp }[] = [
    { description: 'a flat ratio over the target is missed', over: { flat: 1.91 }, expected: /costs 1\.91× as much \(target ≤ 1\.5×: \*\*missed\*\*\)/ },
    { description: 'a flat ratio within the target is met', over: { flat: 1.42 }, expected: /costs 1\.42× as much \(target ≤ 1\.5×: met\)/ },
    { description: 'a ratio just over the limit is not printed as the limit', over: { flat: 1.502 }, expected: /costs 1\.502× as much \(target ≤ 1\.5×: \*\*missed\*\*\)/ },
    { description: 'a median check over 1.5× says so', over: { median: 1.56 }, expected: /the median check 1\.56× \(over 1\.5× too\)/ },
    { description: 'a median check within 1.5× says so', over: { median: 1.44 }, expected: /the median check 1\.44× \(within 1\.5×\)/ },
    { description: 'a speed-up under 300× is missed', over: { speedup: 289 }, expected: /289× \(target ≥ 300×: \*\*missed\*\*\)/ },
    { description: 'a clean sender over 10× the floor is missed', over: { clean: 10.4 }, expected: /costs 10\.4× the floor \(4\.30 µs; target ≤ 10×: \*\*missed\*\*\)/ },
  ];
  for (const c of cases) {
    it(c.description, () => {
      expect(summary(run(c.over))).toMatch(c.expected);
    });
  }

  it('splits the flat ratio into like-for-like growth and the verdict mix, when the run has them', () => {
    const base = run();
    expect(summary(base)).not.toContain('each kind of sender alone');
    const split = { ...base, figures: { ...base.figures, 'ratio.flat.mixed.sameMix': f('ratio.flat.mixed.sameMix', 1.64), 'ratio.flat.mixed.mixOnly': f('ratio.flat.mixed.mixOnly', 1.14) } };
    expect(summary(split)).toContain('each kind of sender alone (the mix of 100 held) 1.64×, the verdict mix alone 1.14×');
  });

  it("gives the floor's own growth beside the flat ratio, when the run has it", () => {
    const base = run();
    expect(summary(base)).not.toContain('the floor itself');
    const withFloor = { ...base, figures: { ...base.figures, 'ratio.flat.floor': f('ratio.flat.floor', 1.43) } };
    expect(summary(withFloor)).toContain("; the floor itself, one lookup into a table of the list's labels, 1.43×");
  });

  it.each([
    { description: 'a flat ratio met in the median round with rounds across the limit is unsettled', value: 1.48, q1: 1.31, q3: 1.72, expected: /costs 1\.48× as much \(target ≤ 1\.5×: met in the median round, unsettled \(see bench\/README\.md\)\)/ },
    { description: 'a flat ratio missed in the median round with rounds across the limit is unsettled', value: 1.62, q1: 1.45, q3: 1.8, expected: /costs 1\.62× as much \(target ≤ 1\.5×: \*\*missed\*\* in the median round, unsettled/ },
    { description: 'quartiles on one side leave the plain verdict', value: 1.91, q1: 1.85, q3: 1.97, expected: /costs 1\.91× as much \(target ≤ 1\.5×: \*\*missed\*\*\)/ },
  ])('$description', ({ value, q1, q3, expected }) => {
    const base = run();
    const r = { ...base, figures: { ...base.figures, 'ratio.flat.mixed': { ...f('ratio.flat.mixed', value), q1, q3 } } };
    expect(summary(r)).toMatch(expected);
  });

  it('judges nothing in a smoke run', () => {
    const text = summary({ ...run({ flat: 3 }), mode: 'smoke' });
    expect(text).not.toMatch(/: met\b|missed|1\.5× too|within 1\.5×/);
    expect(text).toContain('costs 3.00× as much (target ≤ 1.5×)');
  });
});

describe('replaceBlock and renderReadmes', () => {
  it('replaces only the named block', () => {
    const text = 'a\n<!-- x:start -->\nold\n<!-- x:end -->\n<!-- figures:start -->\nkeep\n<!-- figures:end -->\n';
    expect(replaceBlock(text, 'new', 'x')).toBe('a\n<!-- x:start -->\nnew\n<!-- x:end -->\n<!-- figures:start -->\nkeep\n<!-- figures:end -->\n');
    expect(() => replaceBlock('a\n<!-- figures:start -->\n<!-- figures:end -->\n', 'new', 'x')).toThrow(/x:start/);
  });

  it('writes both READMEs from one run and leaves the rest of them alone', () => {
    const r = run();
    const out = renderReadmes(r, 'intro\n<!-- figures:start -->\nold\n<!-- figures:end -->\ntail\n', '# sosie\n<!-- bench-summary:start -->\nold\n<!-- bench-summary:end -->\nmore\n');
    expect(out.bench.startsWith('intro\n<!-- figures:start -->\nMeasured 2026-01-01')).toBe(true);
    expect(out.bench.endsWith('<!-- figures:end -->\ntail\n')).toBe(true);
    expect(out.main.startsWith('# sosie\n<!-- bench-summary:start -->\nMeasured 2026-01-01')).toBe(true);
    expect(out.main.endsWith('<!-- bench-summary:end -->\nmore\n')).toBe(true);
  });

  it('the committed READMEs quote the committed baseline (rewrite them with `npx tsx bench/readme.ts`)', () => {
    const baseline = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'baseline.json'), 'utf8')) as BenchResults;
    const bench = readFileSync(path.join(ROOT, 'bench', 'README.md'), 'utf8');
    const main = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const out = renderReadmes(baseline, bench, main);
    expect(out.bench).toBe(bench);
    expect(out.main).toBe(main);
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUSY_CALIBRATION_RATIO, compare, DEFAULT_TOLERANCE, formatComparison, machineState, mergeBest, readResults, VERDICT_EXIT, verdictOf } from '../bench/check';
import { CALIBRATION_VERSION } from '../bench/harness';
import { evaluateTargets, renderReadmeBlock, renderReport, UNSETTLED_LEGEND, unsettledClause } from '../bench/report';
import { RESULTS_SCHEMA, type BenchResults, type Figure } from '../bench/results';
import { STREAM_GROUPS } from '../bench/data';
import { benchRun } from './helpers/bench-results';

/** A synthetic results file: figures given as [id, normalized-or-value, better, tracked]. */
function results(figs: readonly (readonly [string, number, Figure['better']?, boolean?, boolean?])[], over: Partial<BenchResults> = {}): BenchResults {
  const figures: Record<string, Figure> = {};
  for (const [id, v, better = 'lower', tracked = true, normalized = true] of figs) {
    figures[id] = {
      id,
      label: id,
      unit: 'µs',
      // the raw value is deliberately unrelated to the normalised one: only the latter is compared
      value: normalized ? v * 137 : v,
      ...(normalized ? { normalized: v } : {}),
      better,
      tracked,
    };
  }
  return benchRun(figures, over);
}

const BASE = results([
  ['check.mixed.100', 0.02],
  ['check.mixed.1000', 0.021],
  ['stage.parse.address', 0.004],
  ['heap.10000', 12, 'lower', true, false],
  ['variants.rate', 500, 'higher'],
  ['naive.mixed.100', 0.5, 'lower', false],
]);

/** The baseline with every tracked lower-is-better figure multiplied by `factor`. */
function scaled(factor: number, only?: string): BenchResults {
  return results([
    ['check.mixed.100', 0.02 * (only === undefined || only === 'check.mixed.100' ? factor : 1)],
    ['check.mixed.1000', 0.021 * (only === undefined || only === 'check.mixed.1000' ? factor : 1)],
    ['stage.parse.address', 0.004 * (only === undefined || only === 'stage.parse.address' ? factor : 1)],
    ['heap.10000', 12, 'lower', true, false],
    ['variants.rate', 500, 'higher'],
    ['naive.mixed.100', 0.5, 'lower', false],
  ]);
}

describe('bench:check compare', () => {
  it.each([
    { description: 'an unchanged run passes', current: scaled(1), pass: true, regressed: [] as string[] },
    { description: 'noise within tolerance (+20% everywhere) passes', current: scaled(1.2), pass: true, regressed: [] },
    { description: 'a uniform speed-up passes', current: scaled(0.5), pass: true, regressed: [] },
    { description: 'a deliberate 2× slowdown of every check fails', current: scaled(2), pass: false, regressed: ['check.mixed.100', 'check.mixed.1000', 'stage.parse.address'] },
    { description: 'a 2× slowdown of one stage fails and names that stage', current: scaled(2, 'stage.parse.address'), pass: false, regressed: ['stage.parse.address'] },
    { description: 'just over the tolerance (+31%) fails', current: scaled(1.31, 'check.mixed.1000'), pass: false, regressed: ['check.mixed.1000'] },
    { description: 'just under the tolerance (+29%) passes', current: scaled(1.29, 'check.mixed.1000'), pass: true, regressed: [] },
  ])('$description', ({ current, pass, regressed }) => {
    const cmp = compare(BASE, current, 0.3);
    expect(cmp.pass).toBe(pass);
    expect(cmp.rows.filter((r) => r.status === 'regressed').map((r) => r.id)).toEqual(regressed);
  });

  it('a higher-is-better figure regresses when it drops, not when it rises', () => {
    const worse = results([...Object.values(BASE.figures).filter((f) => f.id !== 'variants.rate').map((f) => [f.id, f.normalized ?? f.value, f.better, f.tracked, f.normalized !== undefined] as const), ['variants.rate', 250, 'higher']]);
    const better = results([...Object.values(BASE.figures).filter((f) => f.id !== 'variants.rate').map((f) => [f.id, f.normalized ?? f.value, f.better, f.tracked, f.normalized !== undefined] as const), ['variants.rate', 1000, 'higher']]);
    const a = compare(BASE, worse);
    expect(a.pass).toBe(false);
    expect(a.rows.find((r) => r.id === 'variants.rate')).toMatchObject({ status: 'regressed', factor: 2 });
    const b = compare(BASE, better);
    expect(b.pass).toBe(true);
    expect(b.rows.find((r) => r.id === 'variants.rate')?.status).toBe('improved');
  });

  it('compares normalised figures, not raw times: a 2× slower machine with the same ratios passes', () => {
    const slowerMachine = results(Object.values(BASE.figures).map((f) => [f.id, f.normalized ?? f.value, f.better, f.tracked, f.normalized !== undefined] as const));
    const raw: Record<string, Figure> = {};
    for (const [id, f] of Object.entries(slowerMachine.figures)) raw[id] = f.normalized === undefined ? f : { ...f, value: f.value * 2 };
    expect(compare(BASE, { ...slowerMachine, figures: raw }).pass).toBe(true);
  });

  it('uses the raw value for figures without a normalised form (retained heap)', () => {
    const heavier = results(Object.values(BASE.figures).map((f) => [f.id, f.id === 'heap.10000' ? 24 : (f.normalized ?? f.value), f.better, f.tracked, f.normalized !== undefined] as const));
    const cmp = compare(BASE, heavier);
    expect(cmp.pass).toBe(false);
    expect(cmp.rows.find((r) => r.id === 'heap.10000')).toMatchObject({ status: 'regressed', baseline: 12, current: 24 });
  });

  it('a tracked figure missing from the current run fails and is reported', () => {
    const current = results([
      ['check.mixed.100', 0.02],
      ['stage.parse.address', 0.004],
      ['heap.10000', 12, 'lower', true, false],
      ['variants.rate', 500, 'higher'],
    ]);
    const cmp = compare(BASE, current);
    expect(cmp.pass).toBe(false);
    expect(cmp.rows.filter((r) => r.status === 'missing').map((r) => r.id)).toEqual(['check.mixed.1000']);
    expect(formatComparison(cmp)).toContain('MISSING');
  });

  it('a new figure is reported and does not fail', () => {
    const current = results([...Object.values(BASE.figures).map((f) => [f.id, f.normalized ?? f.value, f.better, f.tracked, f.normalized !== undefined] as const), ['stage.new', 0.01]]);
    const cmp = compare(BASE, current);
    expect(cmp.pass).toBe(true);
    expect(cmp.rows.find((r) => r.id === 'stage.new')?.status).toBe('new');
    expect(formatComparison(cmp)).toContain('new (not in baseline)');
  });

  it.each([
    { description: 'a build figure with its own 60% tolerance passes +50%', factor: 1.5, pass: true },
    { description: 'a build figure with its own 60% tolerance still fails a 2× slowdown', factor: 2, pass: false },
  ])('$description', ({ factor, pass }) => {
    const withTol = (v: number): BenchResults => {
      const r = results([['build.100000', v]]);
      return { ...r, figures: { 'build.100000': { ...r.figures['build.100000']!, tolerance: 0.6 } } };
    };
    expect(compare(withTol(100), withTol(100 * factor), 0.3).pass).toBe(pass);
    // the global tolerance still applies when it is the larger one
    expect(compare(withTol(100), withTol(100 * 1.5), 0.3).rows[0]?.status).toBe('ok');
    expect(compare(results([['build.100000', 100]]), results([['build.100000', 150]]), 0.3).pass).toBe(false);
  });

  it('untracked figures never fail, even 10× slower', () => {
    const current = results(Object.values(BASE.figures).map((f) => [f.id, f.id === 'naive.mixed.100' ? 5 : (f.normalized ?? f.value), f.better, f.tracked, f.normalized !== undefined] as const));
    const cmp = compare(BASE, current);
    expect(cmp.pass).toBe(true);
    expect(cmp.rows.some((r) => r.id === 'naive.mixed.100')).toBe(false);
  });

  it.each([
    { description: 'another calibration workload version', over: { calibrationVersion: CALIBRATION_VERSION + 1 } },
    { description: 'another results schema', over: { schema: RESULTS_SCHEMA + 1 } },
    { description: 'a smoke run against a full baseline', over: { mode: 'smoke' as const } },
  ])('refuses to compare with $description', ({ over }) => {
    const cmp = compare(BASE, { ...scaled(1), ...over });
    expect(cmp.pass).toBe(false);
    expect(cmp.problems.length).toBeGreaterThan(0);
  });

  it('a non-positive figure is reported as not comparable and does not fail', () => {
    const current = results(Object.values(BASE.figures).map((f) => [f.id, f.id === 'check.mixed.100' ? 0 : (f.normalized ?? f.value), f.better, f.tracked, f.normalized !== undefined] as const));
    const cmp = compare(BASE, current);
    expect(cmp.pass).toBe(true);
    expect(cmp.rows.find((r) => r.id === 'check.mixed.100')?.status).toBe('incomparable');
  });

  it('the before/after table shows each failing figure with both values and the change', () => {
    const text = formatComparison(compare(BASE, scaled(2, 'check.mixed.100')));
    const row = text.split('\n').find((l) => l.startsWith('check.mixed.100 '));
    expect(row).toBeDefined();
    expect(row).toContain('REGRESSED');
    expect(row).toContain('+100% worse');
    expect(row).toContain('0.0200');
    expect(row).toContain('0.0400');
    expect(text).toMatch(/→ FAIL\n$/);
    expect(formatComparison(compare(BASE, scaled(1)))).toMatch(/→ PASS\n$/);
  });

  it('the default tolerance is documented as 30%', () => {
    expect(DEFAULT_TOLERANCE).toBe(0.3);
  });
});

describe('bench:check mergeBest (confirmation run)', () => {
  it('keeps the better value of each figure, so a one-off noisy run does not fail the check', () => {
    const noisy = scaled(2, 'check.mixed.100');
    const clean = scaled(1.05);
    const merged = mergeBest([noisy, clean]);
    expect(merged.figures['check.mixed.100']?.normalized).toBeCloseTo(0.021);
    expect(merged.figures['check.mixed.1000']?.normalized).toBeCloseTo(0.021);
    expect(compare(BASE, merged).pass).toBe(true);
  });

  it('a regression that shows in both runs still fails', () => {
    expect(compare(BASE, mergeBest([scaled(2), scaled(1.9)])).pass).toBe(false);
  });

  it('keeps the higher value of a higher-is-better figure', () => {
    const a = results([['variants.rate', 300, 'higher']]);
    const b = results([['variants.rate', 450, 'higher']]);
    expect(mergeBest([a, b]).figures['variants.rate']?.normalized).toBe(450);
    expect(mergeBest([b, a]).figures['variants.rate']?.normalized).toBe(450);
  });

  it('refuses an empty list', () => {
    expect(() => mergeBest([])).toThrow(RangeError);
  });
});

describe('bench:check on the committed bench/baseline.json', () => {
  const baseline = readResults(fileURLToPath(new URL('../bench/baseline.json', import.meta.url)));

  /** The baseline with the tracked figures whose id starts with `prefix` made `factor`× slower. */
  function slowed(prefix: string, factor: number): BenchResults {
    const figures: Record<string, Figure> = {};
    for (const [id, f] of Object.entries(baseline.figures)) {
      figures[id] = id.startsWith(prefix) && f.normalized !== undefined ? { ...f, value: f.value * factor, normalized: f.normalized * factor } : f;
    }
    return { ...baseline, figures };
  }

  it('is a full run that tracks check, stages, build, heap, variants and scan', () => {
    expect(baseline.mode).toBe('full');
    expect(baseline.sizes).toEqual([100, 1000, 10_000, 100_000]);
    const tracked = Object.values(baseline.figures).filter((f) => f.tracked).map((f) => f.id.split('.')[0]);
    expect(new Set(tracked)).toEqual(new Set(['check', 'stage', 'build', 'heap', 'variants', 'scan']));
  });

  it('an unchanged tree passes', () => {
    expect(compare(baseline, baseline).pass).toBe(true);
  });

  it.each([
    { description: 'a 2× slower check fails on every check figure', prefix: 'check.', expected: 24 },
    { description: 'a 2× slower delete-index lookup fails on the lookup figures only', prefix: 'stage.lookup.', expected: 4 },
    { description: 'a 2× slower build fails despite the wider build tolerance', prefix: 'build.', expected: 2 },
  ])('$description', ({ prefix, expected }) => {
    const cmp = compare(baseline, slowed(prefix, 2));
    expect(cmp.pass).toBe(false);
    const regressed = cmp.rows.filter((r) => r.status === 'regressed');
    expect(regressed).toHaveLength(expected);
    expect(regressed.every((r) => r.id.startsWith(prefix))).toBe(true);
  });
});

describe('the flat target row', () => {
  const flatRun = (flat: number, extra: readonly (readonly [string, number])[] = []): BenchResults =>
    results(
      [
        ['ratio.flat.mixed', flat, 'lower', false, false],
        ...STREAM_GROUPS.map((g) => [`ratio.flat.${g}`, flat, 'lower', false, false] as const),
        ...extra.map(([id, v]) => [id, v, 'lower', false, false] as const),
      ],
      { sizes: [100, 1000, 10_000, 100_000] },
    );
  const flatRow = (r: BenchResults) => evaluateTargets(r).find((t) => t.target.startsWith('flat'))!;

  it.each([
    { description: 'passes at the limit', flat: 1.5, pass: true },
    { description: 'fails above it', flat: 1.51, pass: false },
    // The figure of the senders not flagged is reported, and judges nothing.
    { description: 'fails above it whatever the senders not flagged measure', flat: 2.04, pass: false, unflagged: 1.2 },
  ])('$description', ({ flat, pass, unflagged }) => {
    const row = flatRow(flatRun(flat, [['ratio.flat.mixed.p50', 1.6], ...(unflagged === undefined ? [] : [['ratio.flat.unflagged.p50', unflagged] as const])]));
    expect(row.pass).toBe(pass);
    expect(row.measured).toContain('the median check (each timed alone) 1.60×');
    if (unflagged !== undefined) expect(row.measured).toContain(`of the senders not flagged ${unflagged.toFixed(2)}×`);
    else expect(row.measured).not.toContain('not flagged');
  });

  it('reports like-for-like growth and the verdict mix alone, and judges only the stream mean', () => {
    const split = [['ratio.flat.mixed.sameMix', 1.2], ['ratio.flat.mixed.mixOnly', 1.1]] as const;
    const over = flatRow(flatRun(1.62, split));
    expect(over.pass).toBe(false);
    expect(over.measured).toContain("like for like (each kind of sender, flagged ones by technique, at 100's mix) 1.20×, the verdict mix alone 1.10×");
    expect(flatRow(flatRun(1.45, [['ratio.flat.mixed.sameMix', 1.7], ['ratio.flat.mixed.mixOnly', 0.9]])).pass).toBe(true);
    expect(flatRow(flatRun(1.62)).measured).not.toContain('like for like');
  });

  it.each([
    { description: 'a floor that grows less than the stream is shown, and the stream still fails', flat: 1.62, floor: 1.41, pass: false },
    { description: 'a floor that grows more than the limit does not excuse the stream', flat: 1.62, floor: 1.7, pass: false },
    { description: 'a stream within the limit passes whatever the floor measures', flat: 1.45, floor: 1.6, pass: true },
  ])('$description', ({ flat, floor, pass }) => {
    const row = flatRow(flatRun(flat, [['ratio.flat.floor', floor], ['floor.mixed.100', 0.36], ['floor.mixed.100000', 0.52]]));
    expect(row.pass).toBe(pass);
    expect(row.measured).toContain(`the floor itself ${floor.toFixed(2)}× (0.36 → 0.52 µs;`);
  });

  it('leaves the floor out of the row when the run has no floor at both ends', () => {
    expect(flatRow(flatRun(1.62)).measured).not.toContain('the floor itself');
  });

  it.each([
    { description: 'a ratio just above the limit keeps the digit that shows it', p50: 1.502, shown: '1.502×' },
    { description: 'just below it, too', p50: 1.4981, shown: '1.498×' },
    { description: 'the limit itself prints as usual', p50: 1.5, shown: '1.50×' },
    { description: 'a ratio far from the limit prints as usual', p50: 1.6449, shown: '1.64×' },
  ])('$description', ({ p50, shown }) => {
    const row = flatRow(flatRun(1.79, [['ratio.flat.mixed.p50', p50]]));
    expect(row.measured).toContain(`the median check (each timed alone) ${shown}`);
  });
});

describe('targets whose rounds disagree', () => {
  /** A full run with one ratio figure carrying quartiles over its rounds. */
  const runWith = (id: string, value: number, q1?: number, q3?: number, over: Partial<BenchResults> = {}): BenchResults =>
    benchRun(
      { [id]: { id, label: id, unit: '×', value, ...(q1 === undefined ? {} : { q1 }), ...(q3 === undefined ? {} : { q3 }), better: 'lower', tracked: false } },
      { sizes: [100, 1000, 10_000, 100_000], ...over },
    );
  const row = (r: BenchResults, prefix: string) => evaluateTargets(r).find((t) => t.target.startsWith(prefix))!;

  it.each([
    // The twentieth round's busy run: the median round passed, a quarter of the rounds or more did not.
    { description: 'flat: a median under the limit with quartiles across it is unsettled', id: 'ratio.flat.mixed', prefix: 'flat', value: 1.48, q1: 1.31, q3: 1.72, pass: true, unsettled: true },
    { description: 'flat: a median over the limit with quartiles across it is unsettled', id: 'ratio.flat.mixed', prefix: 'flat', value: 1.55, q1: 1.42, q3: 1.7, pass: false, unsettled: true },
    { description: 'flat: quartiles all over the limit settle a miss', id: 'ratio.flat.mixed', prefix: 'flat', value: 1.91, q1: 1.85, q3: 1.97, pass: false, unsettled: false },
    { description: 'flat: a third quartile at the limit itself still passes', id: 'ratio.flat.mixed', prefix: 'flat', value: 1.45, q1: 1.4, q3: 1.5, pass: true, unsettled: false },
    { description: 'flat: no quartiles, judged on the median alone', id: 'ratio.flat.mixed', prefix: 'flat', value: 1.48, pass: true, unsettled: false },
    // Higher is better here: the quartiles are tested against the minimum.
    { description: 'speed-up: quartiles across 300× are unsettled', id: 'ratio.speedup.10000', prefix: 'vs naive', value: 310, q1: 290, q3: 330, pass: true, unsettled: true },
    { description: 'speed-up: quartiles all under 300× settle a miss', id: 'ratio.speedup.10000', prefix: 'vs naive', value: 202, q1: 180, q3: 230, pass: false, unsettled: false },
    { description: 'a lookalike over the floor, across 30×', id: 'ratio.floor.typo', prefix: 'typo', value: 29.5, q1: 27, q3: 31, pass: true, unsettled: true },
    { description: 'the floor in µs, across 1 µs', id: 'floor.check', prefix: 'floor', value: 0.9, q1: 0.8, q3: 1.1, pass: true, unsettled: true },
  ])('$description', ({ id, prefix, value, q1, q3, pass, unsettled }) => {
    const t = row(runWith(id, value, q1, q3), prefix);
    expect(t.pass).toBe(pass);
    expect(t.unsettled === true).toBe(unsettled);
    if (unsettled) expect(t.measured).toMatch(/unsettled: over the rounds it runs .+ \(first to third quartile\), across the limit$/);
    else expect(t.measured).not.toContain('unsettled');
  });

  it('names the quartiles in the row', () => {
    expect(row(runWith('ratio.flat.mixed', 1.48, 1.31, 1.72), 'flat').measured).toContain('unsettled: over the rounds it runs 1.31–1.72×');
    expect(unsettledClause({ id: 'floor.check', label: '', unit: 'µs', value: 0.9, q1: 0.8, q3: 1.1, better: 'lower', tracked: false }, (x) => x < 1, ' µs')).toBe(
      'unsettled: over the rounds it runs 0.80–1.10 µs (first to third quartile), across the limit',
    );
  });

  it('a smoke run judges nothing, so nothing is unsettled', () => {
    const t = row(runWith('ratio.flat.mixed', 1.48, 1.31, 1.72, { mode: 'smoke' }), 'flat');
    expect(t.pass).toBeUndefined();
    expect(t.unsettled).toBeUndefined();
  });

  it('marks unsettled verdicts in the terminal report and bench/README.md, with the legend', () => {
    const unsettled = runWith('ratio.flat.mixed', 1.48, 1.31, 1.72);
    const report = renderReport(unsettled, evaluateTargets(unsettled));
    expect(report).toContain('PASS? flat: check() at 100,000 trusted');
    expect(report).toContain(UNSETTLED_LEGEND);
    const readme = renderReadmeBlock(unsettled, evaluateTargets(unsettled));
    expect(readme).toMatch(/\| pass\? \(unsettled\) \|/);
    expect(readme).toContain(UNSETTLED_LEGEND);
    const settled = runWith('ratio.flat.mixed', 1.91, 1.85, 1.97);
    const plain = renderReport(settled, evaluateTargets(settled));
    expect(plain).toContain('FAIL  flat: check() at 100,000 trusted');
    expect(plain).not.toContain(UNSETTLED_LEGEND);
    expect(renderReadmeBlock(settled, evaluateTargets(settled))).not.toContain('unsettled');
  });
});

describe('machine state and the verdict', () => {
  /** A run of BASE's figures scaled by `factor`, made with the calibration at `calibrationUs` on `cpu`. */
  const runOn = (factor: number, calibrationUs: number, cpu = 'test', cores = 2): BenchResults => ({
    ...scaled(factor),
    calibrationUs,
    machine: { ...BASE.machine, cpu, cores },
  });

  const cases: { description: string; factor: number; runs: readonly [number, string?, number?][]; verdict: 'pass' | 'regressed' | 'inconclusive' }[] = [
    { description: 'an unchanged tree on a machine as quiet as the baseline passes', factor: 1, runs: [[100]], verdict: 'pass' },
    { description: 'an unchanged tree on a busy machine still passes when its figures do', factor: 1.1, runs: [[150]], verdict: 'pass' },
    { description: 'a 2× slowdown on a machine like the baseline is a regression', factor: 2, runs: [[100]], verdict: 'regressed' },
    { description: 'a regression with the calibration 10% slower (the limit) is still judged', factor: 1.5, runs: [[100 * BUSY_CALIBRATION_RATIO]], verdict: 'regressed' },
    { description: 'a regression with the calibration 28% slower on the same kind of machine is inconclusive', factor: 1.5, runs: [[128]], verdict: 'inconclusive' },
    { description: 'inconclusive only when every run was busy: a quiet confirming run decides', factor: 1.5, runs: [[128], [104]], verdict: 'regressed' },
    { description: 'both runs busy: inconclusive', factor: 1.5, runs: [[128], [190]], verdict: 'inconclusive' },
    { description: 'another CPU model: its calibration time says nothing of load, so a regression is a regression', factor: 1.5, runs: [[190, 'other cpu']], verdict: 'regressed' },
    { description: 'another core count: the same', factor: 1.5, runs: [[190, 'test', 4]], verdict: 'regressed' },
  ];
  for (const c of cases) {
    it(c.description, () => {
      const baseline = { ...BASE, calibrationUs: 100 };
      const runs = c.runs.map(([cal, cpu, cores]) => runOn(c.factor, cal, cpu, cores));
      const cmp = compare(baseline, mergeBest(runs));
      expect(verdictOf(cmp, runs.map((r) => machineState(baseline, r)))).toBe(c.verdict);
    });
  }

  it('never hides incompatible files, busy or not', () => {
    const baseline = { ...BASE, calibrationUs: 100 };
    const other = { ...runOn(1, 200), schema: RESULTS_SCHEMA + 1 };
    expect(verdictOf(compare(baseline, other), [machineState(baseline, other)])).toBe('incompatible');
  });

  it('maps each verdict to its documented exit code', () => {
    expect(VERDICT_EXIT).toEqual({ pass: 0, regressed: 1, incompatible: 2, inconclusive: 3 });
  });

  it('says how the machine compares, with the memory latency when both runs measured it', () => {
    const chase = (ns: number): Figure => ({ id: 'memory.chase.16', label: '16 MiB', unit: 'ns', value: ns, better: 'lower', tracked: false });
    const baseline = { ...BASE, calibrationUs: 91.5, figures: { ...BASE.figures, 'memory.chase.16': chase(21.9) } };
    const run = { ...runOn(1, 117.5), figures: { ...BASE.figures, 'memory.chase.16': chase(134) } };
    const st = machineState(baseline, run);
    expect(st.busy).toBe(true);
    expect(st.calibrationRatio).toBeCloseTo(1.284, 3);
    expect(st.text).toBe('machine: calibration workload 118 µs against 91.5 µs for the baseline (1.28×); a dependent load in 16 MiB 134 ns against 21.9 ns — busier than the tolerance was measured on (> 1.1×)');
    expect(machineState(baseline, runOn(1, 117.5, 'other cpu')).text).toMatch(/another kind of machine \(other cpu, 2 cores\)/);
  });
});

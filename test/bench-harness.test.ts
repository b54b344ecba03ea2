import { describe, expect, it } from 'vitest';
import { calibrationWorkload, measureGroup, measureLatency, median, quantile, quantileSorted, ratioOfRounds, type LatencyWorkload, type Workload } from '../bench/harness';
import { formatMicros, renderChart } from '../bench/chart';
import { summarizeProfile, type CpuProfile } from '../bench/profile';
import { replaceBlock } from '../bench/readme';

/** A fake clock that workloads advance by a fixed cost per call, with optional per-round noise. */
function fakeClock() {
  let t = 0;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('median and quantile', () => {
  it.each([
    { description: 'odd length', values: [5, 1, 3], q: 0.5, expected: 3 },
    { description: 'even length averages the middle pair', values: [4, 1, 3, 2], q: 0.5, expected: 2.5 },
    { description: 'first quartile interpolates', values: [1, 2, 3, 4, 5], q: 0.25, expected: 2 },
    { description: 'minimum', values: [9, 7, 8], q: 0, expected: 7 },
    { description: 'maximum', values: [9, 7, 8], q: 1, expected: 9 },
    { description: 'single value', values: [42], q: 0.75, expected: 42 },
  ])('$description', ({ values, q, expected }) => {
    expect(quantile(values, q)).toBe(expected);
    if (q === 0.5) expect(median(values)).toBe(expected);
  });

  it('an empty list has no median', () => {
    expect(median([])).toBeNaN();
  });
});

describe('ratioOfRounds', () => {
  it.each([
    // Round r of a over round r of b: 2, 2, 3 → median 2, quartiles 2 and 2.5.
    { description: 'per-round ratios, their median and quartiles', a: [2, 4, 6], b: [1, 2, 2], expected: { value: 2, q1: 2, q3: 2.5 } },
    // A burst that slows round 2 of both sides cancels in its ratio; the ratio of the medians would not see it as paired.
    { description: 'a round slow on both sides keeps its ratio', a: [3, 30, 3, 3, 3], b: [2, 20, 2, 2, 2], expected: { value: 1.5, q1: 1.5, q3: 1.5 } },
    // One side fast or slow in some rounds (ratios 1.5, 1.5, 1.2, 2, 3): the quartiles spread, the median holds.
    { description: 'rounds that disagree spread the quartiles', a: [6, 6, 6, 6, 6], b: [4, 4, 5, 3, 2], expected: { value: 1.5, q1: 1.5, q3: 2 } },
    { description: 'fewer than 3 rounds: no quartiles', a: [4, 6], b: [2, 2], expected: { value: 2.5 } },
    { description: 'rounds of unequal count: the ratio of the medians, no quartiles', a: [1, 2, 3], b: [1, 2], expected: { value: 2 / 1.5 } },
  ])('$description', ({ a, b, expected }) => {
    expect(ratioOfRounds(a, b)).toEqual(expected);
  });
});

describe('measureGroup', () => {
  it('reports ns per operation, sizes samples, and normalises by the calibration of the same round', () => {
    const clock = fakeClock();
    const make = (id: string, msPerCall: number, opsPerCall: number): Workload => ({
      id,
      opsPerCall,
      fn: () => {
        clock.advance(msPerCall);
        return 0;
      },
    });
    const rounds = 5;
    const results = measureGroup([make('a', 2, 100), make('b', 4, 10), make('calibration', 1, 1)], {
      rounds,
      warmupMs: 0,
      sampleMs: 8,
      calibrationId: 'calibration',
      now: clock.now,
      cpuNow: null,
    });
    const [a, b, cal] = results;
    // 2 ms per call of 100 ops = 20,000 ns per op; 4 ms / 10 ops = 400,000 ns; 1 ms / 1 op = 1e6 ns.
    expect(a!.medianNs).toBeCloseTo(20_000);
    expect(b!.medianNs).toBeCloseTo(400_000);
    expect(cal!.medianNs).toBeCloseTo(1_000_000);
    expect(a!.normalized).toBeCloseTo(0.02);
    expect(b!.normalized).toBeCloseTo(0.4);
    expect(a!.rounds).toBe(rounds);
    expect(a!.samples).toHaveLength(rounds);
    // sample sizing: 8 ms per sample → 4 calls of a (2 ms), 2 of b, 8 of the calibration
    expect(a!.opsPerSample).toBe(400);
    expect(b!.opsPerSample).toBe(20);
    expect(cal!.opsPerSample).toBe(8);
  });

  it('has no normalised figure without a calibration workload', () => {
    const clock = fakeClock();
    const [m] = measureGroup([{ id: 'x', opsPerCall: 1, fn: () => (clock.advance(1), 0) }], { rounds: 2, warmupMs: 0, sampleMs: 1, now: clock.now, cpuNow: null });
    expect(m!.normalized).toBeUndefined();
  });

  it('calls beforeSample once before every timed sample, outside the timing', () => {
    const clock = fakeClock();
    let hooks = 0;
    const w = (id: string): Workload => ({ id, opsPerCall: 1, fn: () => (clock.advance(1), 0) });
    const results = measureGroup([w('x'), w('y')], {
      rounds: 4,
      warmupMs: 0,
      sampleMs: 1,
      now: clock.now,
      cpuNow: null,
      beforeSample: () => {
        hooks++;
        clock.advance(100); // a slow GC here must not show in any sample
      },
    });
    expect(hooks).toBe(8);
    for (const m of results) expect(m.medianNs).toBe(1e6);
  });

  it('rotates the order of workloads from one round to the next', () => {
    const clock = fakeClock();
    const order: string[] = [];
    const w = (id: string): Workload => ({
      id,
      opsPerCall: 1,
      fn: () => {
        order.push(id);
        clock.advance(1);
        return 0;
      },
    });
    measureGroup([w('x'), w('y'), w('z')], { rounds: 3, warmupMs: 0, sampleMs: 1, now: clock.now, cpuNow: null });
    // warm-up: two calls each; then one call per workload per round
    const timed = order.slice(6);
    expect(timed).toEqual(['x', 'y', 'z', 'y', 'z', 'x', 'z', 'x', 'y']);
  });

  it('a burst of noise in one round moves neither the median nor the normalised figure', () => {
    const clock = fakeClock();
    let timedCalls = 0;
    let warm = true;
    const w = (id: string, ms: number): Workload => ({
      id,
      opsPerCall: 1,
      fn: () => {
        if (!warm) timedCalls++;
        // timed calls 4–6 are round 1 (slow, calibration, fast after rotation): all 5× slower
        clock.advance(!warm && timedCalls >= 4 && timedCalls <= 6 ? ms * 5 : ms);
        return 0;
      },
    });
    const results = measureGroup(
      [w('fast', 1), w('slow', 3), w('calibration', 2)],
      {
        rounds: 5,
        warmupMs: 0,
        sampleMs: 0,
        calibrationId: 'calibration',
        cpuNow: null,
        now: () => {
          // warm-up ends after 6 calls (2 per workload)
          if (warm && clock.now() >= 12) warm = false;
          return clock.now();
        },
      },
    );
    const fast = results.find((m) => m.id === 'fast')!;
    const slow = results.find((m) => m.id === 'slow')!;
    expect(fast.medianNs).toBe(1e6);
    expect(slow.medianNs).toBe(3e6);
    expect(fast.normalized).toBeCloseTo(0.5);
    expect(slow.normalized).toBeCloseTo(1.5);
    expect(Math.max(...fast.samples)).toBe(5e6);
  });
});

describe('quantileSorted', () => {
  it('equals quantile on the sorted values, and is NaN when empty', () => {
    const values = [7, 1, 9, 3, 5, 2];
    const sorted = Float64Array.from(values).sort();
    for (const q of [0, 0.1, 0.5, 0.9, 0.99, 1]) expect(quantileSorted(sorted, q)).toBe(quantile(values, q));
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('measureLatency', () => {
  /** A clock that every reading advances by `tickMs` (the clock's own cost); operations advance it by what they cost. */
  function tickingClock(tickMs: number) {
    let t = 0;
    return {
      now: (): number => {
        const v = t;
        t += tickMs;
        return v;
      },
      advance: (ms: number): void => {
        t += ms;
      },
    };
  }
  const QUANTILES = [0.5, 0.9, 0.99];

  it('reports per-operation quantiles with the cost of the clock readings subtracted', () => {
    const clock = tickingClock(0.00004); // 40 ns per pair of readings
    // operation i costs (i + 1) µs: quantiles of 1..100 µs
    const w: LatencyWorkload = { id: 'a', count: 100, op: (i) => (clock.advance((i + 1) / 1000), i) };
    const [m] = measureLatency([w], { rounds: 3, quantiles: QUANTILES, now: clock.now, overheadPairs: 10 });
    expect(m!.overheadNs).toBeCloseTo(40, 6);
    expect(m!.ns[0]).toBeCloseTo(50_500, 3);
    expect(m!.ns[1]).toBeCloseTo(90_100, 3);
    expect(m!.ns[2]).toBeCloseTo(99_010, 3);
    expect(m!.perRound.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(m!.rounds).toBe(3);
  });

  it('the tail shows in the high percentiles, not in the median', () => {
    const clock = tickingClock(0);
    // 98 operations of 2 µs and two of 50 µs: the mean would be 2.96 µs
    const w: LatencyWorkload = { id: 'tail', count: 100, op: (i) => (clock.advance(i % 50 === 49 ? 0.05 : 0.002), i) };
    const [m] = measureLatency([w], { rounds: 3, quantiles: QUANTILES, now: clock.now, overheadPairs: 10 });
    expect(m!.ns[0]).toBeCloseTo(2_000, 6);
    expect(m!.ns[1]).toBeCloseTo(2_000, 6);
    expect(m!.ns[2]).toBeGreaterThan(40_000);
  });

  it('reports the quantiles of a subset from the same timings, and none without one', () => {
    const clock = tickingClock(0);
    // operation i costs (i + 1) µs; the subset is the even ones: 1, 3, …, 99 µs, median 50 µs
    const cost = (i: number): number => (clock.advance((i + 1) / 1000), i);
    const subset = Array.from({ length: 100 }, (_, i) => i % 2 === 0);
    const [m, plain] = measureLatency(
      [
        { id: 'a', count: 100, op: cost, subset },
        { id: 'b', count: 100, op: cost },
      ],
      { rounds: 3, quantiles: QUANTILES, now: clock.now, overheadPairs: 10 },
    );
    expect(m!.ns[0]).toBeCloseTo(50_500, 3);
    expect(m!.subsetNs![0]).toBeCloseTo(50_000, 3);
    expect(m!.subsetNs![2]).toBeCloseTo(98_020, 3);
    expect(m!.subsetPerRound!.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(plain!.subsetNs).toBeUndefined();
  });

  it('runs one untimed pass of each workload, then whole passes in an order rotated every round', () => {
    const clock = tickingClock(0);
    const passes: string[] = [];
    const w = (id: string): LatencyWorkload => ({ id, count: 4, op: (i) => (i === 0 && passes.push(id), clock.advance(0.001), i) });
    measureLatency([w('x'), w('y'), w('z')], { rounds: 3, quantiles: [0.5], now: clock.now, overheadPairs: 1 });
    expect(passes).toEqual(['x', 'y', 'z', 'x', 'y', 'z', 'y', 'z', 'x', 'z', 'x', 'y']);
  });

  it('a round slowed down by noise moves no reported quantile', () => {
    const clock = tickingClock(0);
    let calls = 0;
    // 10 operations per pass; the first pass is the untimed one, so calls 30–39 are timed round 2
    const w: LatencyWorkload = {
      id: 'n',
      count: 10,
      op: (i) => {
        const round = Math.floor(calls++ / 10) - 1;
        clock.advance((round === 2 ? 10 : 1) * (i + 1) * 0.001);
        return i;
      },
    };
    const [m] = measureLatency([w], { rounds: 5, quantiles: QUANTILES, now: clock.now, overheadPairs: 1 });
    expect(m!.ns[0]).toBeCloseTo(5_500, 6);
    expect(Math.max(...m!.perRound[0]!)).toBeCloseTo(55_000, 6);
  });

  it('with perOperation, gives each operation its own median over rounds, and none without', () => {
    const clock = tickingClock(0.00004); // 40 ns per pair of readings, subtracted
    let calls = 0;
    // Operation i costs ((7i mod 10) + 1) µs, not in order (the quantiles sort a round's times); in
    // timed round 1 every operation costs ten times that.
    const op = (i: number): number => {
      const round = Math.floor(calls++ / 10) - 1;
      clock.advance((round === 1 ? 10 : 1) * (((i * 7) % 10) + 1) * 0.001);
      return i;
    };
    const [m] = measureLatency([{ id: 'p', count: 10, op }], { rounds: 3, quantiles: [0.5], now: clock.now, overheadPairs: 10, perOperation: true });
    expect(Array.from(m!.opNs!, (ns) => Math.round(ns))).toEqual([1_000, 8_000, 5_000, 2_000, 9_000, 6_000, 3_000, 10_000, 7_000, 4_000]);
    const [plain] = measureLatency([{ id: 'q', count: 10, op: (i) => (clock.advance(0.001), i) }], { rounds: 3, quantiles: [0.5], now: clock.now, overheadPairs: 10 });
    expect(plain!.opNs).toBeUndefined();
  });
});

describe('calibration workload', () => {
  it('is deterministic', () => {
    expect(calibrationWorkload()).toBe(calibrationWorkload());
  });
});

describe('chart', () => {
  const svg = renderChart(
    [
      { name: 'naive loop (fast-levenshtein)', color: '#c0392b', points: [{ x: 100, y: 14 }, { x: 1000, y: 140 }, { x: 10_000, y: 1400 }, { x: 100_000, y: 20_000 }] },
      { name: 'sosie check (mixed stream)', color: '#1f6feb', points: [{ x: 100, y: 2 }, { x: 1000, y: 2.2 }, { x: 10_000, y: 2.5 }, { x: 100_000, y: 3 }] },
    ],
    0.4,
    'test machine <2 cores> & Node 20',
  );

  function polyline(color: string): { x: number; y: number }[] {
    const m = new RegExp(`<polyline fill="none" stroke="${color}"[^>]* points="([^"]+)"`).exec(svg);
    expect(m).not.toBeNull();
    return m![1]!.split(' ').map((p) => {
      const [x, y] = p.split(',').map(Number);
      return { x: x!, y: y! };
    });
  }

  it('is one SVG document with both series and the floor line', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('floor 400 ns');
  });

  it('escapes text', () => {
    expect(svg).toContain('test machine &lt;2 cores&gt; &amp; Node 20');
  });

  it('uses log axes: equal ratios are equal distances, and larger values are higher up', () => {
    const naive = polyline('#c0392b');
    const sosie = polyline('#1f6feb');
    const dx1 = naive[1]!.x - naive[0]!.x;
    const dx2 = naive[2]!.x - naive[1]!.x;
    expect(dx1).toBeGreaterThan(0);
    expect(Math.abs(dx1 - dx2)).toBeLessThan(0.2);
    // 14 → 140 → 1400 µs: equal steps up (svg y decreases)
    expect(naive[1]!.y).toBeLessThan(naive[0]!.y);
    expect(Math.abs(naive[0]!.y - naive[1]!.y - (naive[1]!.y - naive[2]!.y))).toBeLessThan(0.2);
    // sosie sits below naive at every size
    sosie.forEach((p, i) => expect(p.y).toBeGreaterThan(naive[i]!.y));
  });

  it.each([
    { description: 'nanoseconds below a microsecond', us: 0.38, text: '380 ns' },
    { description: 'microseconds', us: 16.4, text: '16.4 µs' },
    { description: 'milliseconds from 1,000 µs', us: 20_844, text: '20.8 ms' },
  ])('formats $description', ({ us, text }) => {
    expect(formatMicros(us)).toBe(text);
  });
});

describe('profile summary', () => {
  it('adds self time per function and sorts by it', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
        { id: 2, callFrame: { functionName: 'probe', url: 'file:///repo/src/trust-index/delete-index.ts', lineNumber: 9 } },
        { id: 3, callFrame: { functionName: '', url: 'file:///repo/src/parse/x.ts', lineNumber: 0 } },
        // the same function reached through another call path
        { id: 4, callFrame: { functionName: 'probe', url: 'file:///repo/src/trust-index/delete-index.ts', lineNumber: 9 } },
      ],
      samples: [2, 2, 3, 4, 1],
      timeDeltas: [1000, 1000, 500, 1000, 500],
    };
    const spots = summarizeProfile(profile, 10, '/repo');
    expect(spots[0]).toEqual({ name: 'probe', location: 'src/trust-index/delete-index.ts:10', selfMs: 3, percent: 75 });
    expect(spots.map((s) => s.name)).toEqual(['probe', '(anonymous)', '(root)']);
    expect(summarizeProfile(profile, 1, '/repo')).toHaveLength(1);
  });
});

describe('README figures block', () => {
  it('replaces only the text between the markers', () => {
    const readme = 'intro\n<!-- figures:start -->\nold\n<!-- figures:end -->\noutro\n';
    expect(replaceBlock(readme, 'new figures')).toBe('intro\n<!-- figures:start -->\nnew figures\n<!-- figures:end -->\noutro\n');
  });

  it('refuses a README without the markers', () => {
    expect(() => replaceBlock('no markers', 'x')).toThrow(/figures:start/);
  });
});

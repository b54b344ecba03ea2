import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chase, chaseCycle, measureChase } from '../bench/memory';
import { evaluateTargets, renderReadmeBlock, renderReport } from '../bench/report';
import type { BenchResults } from '../bench/results';
import { benchRun } from './helpers/bench-results';

/** The nodes a chase visits from node 0 before it returns there (at most `limit` steps). */
function cycleOf(next: Int32Array, limit: number): number[] {
  const seen: number[] = [];
  let p = 0;
  do {
    seen.push(p / 16);
    p = next[p]!;
  } while (p !== 0 && seen.length <= limit);
  return seen;
}

describe('chaseCycle', () => {
  it('is one cycle through every node, one node per 64-byte line (property, seeded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 600 }), fc.integer({ min: 1, max: 2 ** 32 - 1 }), (nodes, seed) => {
        const next = chaseCycle(nodes, seed);
        expect(next.length).toBe(nodes * 16);
        const visited = cycleOf(next, nodes);
        // A shorter cycle would make the chase stay in a corner of the working set.
        expect(visited.length).toBe(nodes);
        expect(new Set(visited).size).toBe(nodes);
        // Only the first word of each line is a link.
        let stray = 0;
        for (let i = 0; i < next.length; i++) if (i % 16 !== 0 && next[i] !== 0) stray++;
        expect(stray).toBe(0);
      }),
      { seed: 4242, numRuns: 200 },
    );
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(chaseCycle(1000, 7)).toEqual(chaseCycle(1000, 7));
    expect(chaseCycle(1000, 7)).not.toEqual(chaseCycle(1000, 8));
  });

  it('visits the nodes in an order no stride predicts', () => {
    // Sequential links (node i → i + 1) would let the hardware prefetcher hide the latency.
    const next = chaseCycle(4096);
    const order = cycleOf(next, 4096);
    let sequential = 0;
    for (let i = 1; i < order.length; i++) if (order[i] === order[i - 1]! + 1) sequential++;
    expect(sequential).toBeLessThan(10);
  });

  it.each([
    { description: 'no nodes', nodes: 0 },
    { description: 'one node (no cycle to chase)', nodes: 1 },
    { description: 'a fraction', nodes: 2.5 },
  ])('rejects $description', ({ nodes }) => {
    expect(() => chaseCycle(nodes)).toThrow(RangeError);
  });
});

describe('chase', () => {
  it('returns to the start after one full cycle and not before', () => {
    const next = chaseCycle(50);
    expect(chase(next, 50)).toBe(0);
    for (let s = 1; s < 50; s++) expect(chase(next, s)).not.toBe(0);
  });
});

describe('measureChase', () => {
  it('gives one positive figure per size, in the order asked', () => {
    const { results } = measureChase([0.0625, 0.25], 20_000, 1);
    expect(results.map((r) => r.mib)).toEqual([0.0625, 0.25]);
    for (const r of results) {
      expect(r.ns).toBeGreaterThan(0);
      expect(Number.isFinite(r.ns)).toBe(true);
    }
  });
});

describe('the report of the memory figures', () => {
  const run = (withChase: boolean): BenchResults =>
    benchRun(
      withChase
        ? {
            'memory.chase.4': { id: 'memory.chase.4', label: 'dependent random load, 4 MiB working set', unit: 'ns', value: 12.5, better: 'lower', tracked: false },
            'memory.chase.64': { id: 'memory.chase.64', label: 'dependent random load, 64 MiB working set', unit: 'ns', value: 159.7, better: 'lower', tracked: false },
          }
        : {},
      { sizes: [100] },
    );

  it('shows one row per working-set size in the terminal and in the README block', () => {
    const r = run(true);
    for (const text of [renderReport(r, evaluateTargets(r)), renderReadmeBlock(r, evaluateTargets(r))]) {
      expect(text).toContain('ns per dependent random load');
      expect(text).toMatch(/4 MiB\W+12\.5/);
      expect(text).toMatch(/64 MiB\W+160/);
    }
  });

  it('leaves the section out of a run without them', () => {
    const r = run(false);
    expect(renderReport(r, evaluateTargets(r))).not.toContain('dependent random load');
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AB_DEFAULTS, combineOrders, parseAbArgs, parseCatFileBatch, renderAb, summarizeOrder } from '../bench/ab';
import type { AbRow } from '../bench/ab-driver';

/** Whether git and this repository's history are at hand (a checkout without .git has neither). */
const inGitRepo = ((): boolean => {
  try {
    return execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() === 'true';
  } catch {
    return false;
  }
})();

/** A driver row with per-round CPU µs of each side. */
function row(size: number, stream: AbRow['stream'], current: number[], base: number[], differing = 0, firstDifference?: string): AbRow {
  return { size, stream, senders: 4000, current, base, differing, ...(firstDifference === undefined ? {} : { firstDifference }) };
}

describe('parseAbArgs', () => {
  it.each([
    { description: 'no arguments: HEAD, the target sizes, every stream', argv: [], expected: AB_DEFAULTS },
    { description: 'a revision', argv: ['main~3'], expected: { ...AB_DEFAULTS, rev: 'main~3' } },
    { description: 'sizes with separators', argv: ['--sizes', '1_000,100000'], expected: { ...AB_DEFAULTS, sizes: [1000, 100_000] } },
    { description: 'streams, rounds, senders per group, json', argv: ['abc123', '--streams', 'mixed,typo', '--rounds', '8', '--per-group', '500', '--json', 'out.json'], expected: { ...AB_DEFAULTS, rev: 'abc123', streams: ['mixed', 'typo'], rounds: 8, perGroup: 500, json: 'out.json' } },
  ])('$description', ({ argv, expected }) => {
    expect(parseAbArgs(argv)).toEqual(expected);
  });

  it.each([
    { description: 'an unknown stream', argv: ['--streams', 'mixed,spam'], message: /unknown stream spam/ },
    { description: 'a size beyond the bench data', argv: ['--sizes', '200000'], message: /--sizes: 200000/ },
    { description: 'zero rounds', argv: ['--rounds', '0'], message: /--rounds: 0/ },
    { description: 'a missing value', argv: ['--rounds'], message: /--rounds/ },
    { description: 'an unknown option', argv: ['--fast'], message: /unknown option '--fast'/i },
    { description: 'two revisions', argv: ['HEAD', 'main'], message: /one revision only/ },
  ])('rejects $description', ({ argv, message }) => {
    expect(() => parseAbArgs(argv)).toThrow(message);
  });
});

describe('summarizeOrder', () => {
  it('takes the median of per-round ratios, not the ratio of medians', () => {
    // Rounds 2 and 3 ran on a slower machine (both sides slower); in round 1 only current was hit
    // by a neighbour. Per round, current is 0.9× base twice: the median ratio says 0.9, while the
    // ratio of the medians (2.1 / 2) would say 1.05.
    const current = [2.1, 1.8, 2.7];
    const base = [1, 2, 3];
    const s = summarizeOrder(current, base);
    expect(s.ratio).toBeCloseTo(0.9, 12);
    expect(s.current).toBe(2.1);
    expect(s.base).toBe(2);
  });

  it('refuses rounds that do not pair up', () => {
    expect(() => summarizeOrder([1, 2], [1])).toThrow(/pair up/);
    expect(() => summarizeOrder([], [])).toThrow(/pair up/);
  });
});

describe('combineOrders', () => {
  it('cancels a bias that favours whichever side runs first', () => {
    // The change makes current 10% faster; running first is worth another 5% in either direction.
    const currentFirst = [row(10_000, 'mixed', [0.9 * 0.95, 0.9 * 0.95, 0.9 * 0.95], [1, 1, 1])];
    const baseFirst = [row(10_000, 'mixed', [0.9, 0.9, 0.9], [0.95, 0.95, 0.95])];
    const [r] = combineOrders(currentFirst, baseFirst);
    expect(r!.currentFirst.ratio).toBeCloseTo(0.855, 12);
    expect(r!.baseFirst.ratio).toBeCloseTo(0.9 / 0.95, 12);
    expect(r!.combined).toBeCloseTo(0.9, 12);
    expect(r!.agree).toBe(true);
  });

  it('flags orders that disagree, and keeps the larger count of differing results', () => {
    const [r] = combineOrders([row(100, 'clean', [1.02], [1], 0)], [row(100, 'clean', [0.97], [1], 3, 'a@b.example')]);
    expect(r!.agree).toBe(false);
    expect(r!.differing).toBe(3);
    expect(r!.firstDifference).toBe('a@b.example');
  });

  it('refuses runs that measured different rows', () => {
    expect(() => combineOrders([row(100, 'clean', [1], [1])], [row(100, 'typo', [1], [1])])).toThrow(/row 0/);
    expect(() => combineOrders([row(100, 'clean', [1], [1])], [])).toThrow(/different rows/);
  });
});

describe('renderAb', () => {
  it('prints one line per row, marks disagreement and differing results', () => {
    const results = combineOrders(
      [row(10_000, 'mixed', [4.5, 4.5], [5, 5]), row(100_000, 'typo', [10.5], [10], 2, 'x@contoso.example')],
      [row(10_000, 'mixed', [4.5, 4.5], [5, 5]), row(100_000, 'typo', [9.8], [10], 2, 'x@contoso.example')],
    );
    const text = renderAb(results, 'HEAD', '0123456789abcdef0123');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toContain('against HEAD (0123456789ab)');
    expect(lines[3]).toMatch(/^10,000\s+mixed\s+5\.00\s+4\.50\s+0\.900\s+0\.900\s+0\.900\s+identical$/);
    expect(lines[4]).toMatch(/^100,000\s+typo\s+10\.00\s+10\.15\s+1\.050\s+0\.980\s+1\.014 \(orders disagree\)\s+2 differ$/);
    expect(lines[5]).toBe('results differ at 100,000/typo, e.g. for "x@contoso.example"');
  });
});

describe('parseCatFileBatch', () => {
  it('splits objects by their declared sizes, whatever bytes they hold', () => {
    const a = Buffer.from('export const a = 1;\n');
    const b = Buffer.from([0x00, 0x0a, 0xff, 0x20]);
    const out = Buffer.concat([Buffer.from(`aaaa blob ${a.length}\n`), a, Buffer.from('\n'), Buffer.from(`bbbb blob ${b.length}\n`), b, Buffer.from('\n')]);
    const objects = parseCatFileBatch(out);
    expect(objects.map((o) => [...o])).toEqual([[...a], [...b]]);
  });

  it.skipIf(!inGitRepo)('reads what git cat-file --batch writes for this repository', () => {
    const oid = execFileSync('git', ['rev-parse', 'HEAD:package.json']).toString().trim();
    const expected = execFileSync('git', ['cat-file', 'blob', oid]);
    const [object] = parseCatFileBatch(execFileSync('git', ['cat-file', '--batch'], { input: `${oid}\n` }));
    expect(object!.equals(expected)).toBe(true);
  });

  it.each([
    { description: 'a missing object', out: 'cafe missing\n', message: /cafe missing/ },
    { description: 'a truncated object', out: 'aaaa blob 10\nshort\n', message: /truncated object/ },
    { description: 'a truncated header', out: 'aaaa blob', message: /truncated header/ },
  ])('refuses $description', ({ out, message }) => {
    expect(() => parseCatFileBatch(Buffer.from(out))).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { COUNT_DEFAULTS, countRows, parseCallgrindTotals, parseCountArgs, perCheck } from '../bench/count';

/** The head and tail of a callgrind output file, as valgrind 3.19 writes them (cache simulation on). */
const CALLGRIND_OUT = `# callgrind format
version: 1
creator: callgrind-3.19.0
pid: 4879
cmd:  node --single-threaded .exp/count.bundle.mjs --size 100 --passes 3
part: 1

desc: I1 cache: 32768 B, 64 B, 8-way associative
desc: D1 cache: 32768 B, 64 B, 8-way associative
desc: LL cache: 16777216 B, 64 B, 16-way associative

desc: Timerange: Basic block 0 - 1575373027
desc: Trigger: Program termination

positions: line
events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw
summary: 918084316 259709133 121434230 12359850 6656794 1585141 13795 28143 44360

ob=(1) /usr/bin/node
fl=(1) ???
fn=(1) 0x0000000000e4a1c0
0 12 3 1

totals: 918084316 259709133 121434230 12359850 6656794 1585141 13795 28143 44360
`;

describe('parseCountArgs', () => {
  it.each([
    { description: 'no arguments: the flat target’s sizes, 2 passes of 4,000 senders per group', argv: [], expected: COUNT_DEFAULTS },
    { description: 'two sizes with separators', argv: ['--sizes', '1_000,10000'], expected: { ...COUNT_DEFAULTS, sizes: [1000, 10_000] } },
    { description: 'passes, senders per group and a JSON file', argv: ['--passes', '3', '--per-group', '500', '--json', 'out.json'], expected: { ...COUNT_DEFAULTS, passes: 3, perGroup: 500, json: 'out.json' } },
  ])('$description', ({ argv, expected }) => {
    expect(parseCountArgs(argv)).toEqual(expected);
  });

  it.each([
    { description: 'one size', argv: ['--sizes', '100'], message: /two sizes/ },
    { description: 'sizes out of order', argv: ['--sizes', '100000,100'], message: /small then large/ },
    { description: 'zero passes', argv: ['--passes', '0'], message: /--passes/ },
    { description: 'an unknown option', argv: ['--rounds', '3'], message: /rounds/ },
  ])('rejects $description', ({ argv, message }) => {
    expect(() => parseCountArgs(argv)).toThrow(message);
  });
});

describe('parseCallgrindTotals', () => {
  it('reads every event of the totals line by the events line', () => {
    const totals = parseCallgrindTotals(CALLGRIND_OUT);
    expect([...totals.keys()]).toEqual(['Ir', 'Dr', 'Dw', 'I1mr', 'D1mr', 'D1mw', 'ILmr', 'DLmr', 'DLmw']);
    expect(totals.get('Ir')).toBe(918_084_316);
    expect(totals.get('DLmr')).toBe(28_143);
  });

  it('falls back to the summary line when there is no totals line', () => {
    const text = CALLGRIND_OUT.replace(/^totals:.*$/mu, '').replace('summary: 918084316', 'summary: 5');
    expect(parseCallgrindTotals(text).get('Ir')).toBe(5);
  });

  it('prefers the totals line to the summary line', () => {
    const text = CALLGRIND_OUT.replace('summary: 918084316', 'summary: 5');
    expect(parseCallgrindTotals(text).get('Ir')).toBe(918_084_316);
  });

  it.each([
    { description: 'no events line', text: 'totals: 1 2 3\n' },
    { description: 'no totals or summary line', text: 'events: Ir Dr\n' },
    { description: 'a total that is not a number', text: 'events: Ir Dr\ntotals: 12 x\n' },
  ])('rejects $description', ({ text }) => {
    expect(() => parseCallgrindTotals(text)).toThrow(/callgrind/);
  });
});

describe('perCheck', () => {
  it('divides the difference of the two runs by the passes and checks between them', () => {
    const shorter = new Map([['Ir', 420_000_000], ['DLmr', 17_000]]);
    const longer = new Map([['Ir', 918_000_000], ['DLmr', 28_000]]);
    const out = perCheck(shorter, longer, 2, 4000);
    expect(out.get('Ir')).toBeCloseTo(62_250, 6);
    expect(out.get('DLmr')).toBeCloseTo(1.375, 9);
  });

  it('rejects a longer run that counted less: the stretch was not steady state', () => {
    expect(() => perCheck(new Map([['Ir', 10]]), new Map([['Ir', 9]]), 1, 1)).toThrow(/Ir.*not steady state/);
  });

  it('takes only the reported events unless told otherwise: instruction misses may come out negative', () => {
    const shorter = new Map([['Ir', 10], ['ILmr', 500]]);
    const longer = new Map([['Ir', 30], ['ILmr', 400]]);
    expect([...perCheck(shorter, longer, 1, 10)]).toEqual([['Ir', 2]]);
    expect(() => perCheck(shorter, longer, 1, 10, ['Ir', 'ILmr'])).toThrow(/ILmr/);
  });
});

describe('countRows', () => {
  it('gives each reported event at both sizes with the growth', () => {
    const small = new Map([['Ir', 62_000], ['Dr', 17_000], ['D1mr', 400], ['DLmr', 3], ['DLmw', 2]]);
    const large = new Map([['Ir', 74_400], ['Dr', 20_000], ['D1mr', 480], ['DLmr', 21], ['DLmw', 9]]);
    expect(countRows(small, large)).toEqual([
      ['instructions', '62,000', '74,400', '1.20×'],
      ['data reads', '17,000', '20,000', '1.18×'],
      ['data reads missing the first level', '400', '480', '1.20×'],
      ['data reads missing the last level (16 MiB)', '3.00', '21.00', '7.00×'],
    ]);
  });

  it('shows a dash for an event a run did not count', () => {
    expect(countRows(new Map(), new Map([['Ir', 1]]))[0]).toEqual(['instructions', '—', '1.00', '—']);
  });
});

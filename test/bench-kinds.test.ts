import { describe, expect, it } from 'vitest';
import { KINDS_DEFAULTS, kindStats, latencyUs, mixRatios, parseKindsArgs, senderKind, techniqueClass } from '../bench/kinds';
import { createDetector } from '../src';

describe('parseKindsArgs', () => {
  it.each([
    { description: 'no arguments: the flat target’s sizes, 7 rounds, 4,000 senders per group', argv: [], expected: KINDS_DEFAULTS },
    { description: 'two sizes with separators', argv: ['--sizes', '1_000,10000'], expected: { ...KINDS_DEFAULTS, sizes: [1000, 10_000] } },
    { description: 'rounds and senders per group', argv: ['--rounds', '3', '--per-group', '500'], expected: { ...KINDS_DEFAULTS, rounds: 3, perGroup: 500 } },
    { description: 'flagged senders split by technique', argv: ['--techniques'], expected: { ...KINDS_DEFAULTS, techniques: true } },
  ])('$description', ({ argv, expected }) => {
    expect(parseKindsArgs(argv)).toEqual(expected);
  });

  it.each([
    { description: 'one size', argv: ['--sizes', '100'], message: /two sizes/ },
    { description: 'sizes out of order', argv: ['--sizes', '100000,100'], message: /small then large/ },
    { description: 'a size over the pool', argv: ['--sizes', '100,200000'], message: /--sizes/ },
    { description: 'zero rounds', argv: ['--rounds', '0'], message: /--rounds/ },
    { description: 'an unknown option', argv: ['--size', '100'], message: /size/ },
    { description: 'a value for the techniques switch', argv: ['--techniques=yes'], message: /techniques/ },
  ])('rejects $description', ({ argv, message }) => {
    expect(() => parseKindsArgs(argv)).toThrow(message);
  });
});

describe('senderKind', () => {
  const detector = createDetector(['contoso.com', 'mail.northwind.com', 'Ana Pereira <ana@fabrikam.com>']);
  it.each([
    { description: 'a trusted host as listed', input: 'ap@contoso.com', kind: 'trusted, host as listed' },
    { description: 'a host under a trusted one', input: 'ap@billing.contoso.com', kind: 'trusted, parent trusted' },
    { description: 'a trusted header', input: 'Accounts <ap@contoso.com>', kind: 'trusted header, host as listed' },
    { description: 'a lookalike', input: 'ap@c0ntoso.com', kind: 'lookalike' },
    { description: 'an unknown short label', input: 'ap@zeta.org', kind: 'unknown, label ≤ 5' },
    { description: 'an unknown label of 7', input: 'ap@example.org', kind: 'unknown, label 6–7' },
    { description: 'an unknown label of 9', input: 'ap@adventure.org', kind: 'unknown, label 8–9' },
    { description: 'an unknown long label in a header', input: '"Sales" <s@wideworldimporters.org>', kind: 'unknown header, label 10+' },
    { description: 'an invalid input', input: 'not an address', kind: 'invalid' },
  ])('$description', ({ input, kind }) => {
    expect(senderKind(input, detector.check(input))).toBe(kind);
  });

  it.each([
    { description: 'a homoglyph', input: 'ap@c0ntoso.com', kind: 'lookalike: visual' },
    { description: 'a typo', input: 'ap@contosso.com', kind: 'lookalike: typo' },
    { description: 'a typo under another suffix', input: 'ap@contosso.net', kind: 'lookalike: typo + tld-swap' },
    { description: 'a tld-swap', input: 'ap@contoso.net', kind: 'lookalike: tld-swap' },
    { description: 'a combo', input: 'ap@contoso-billing.com', kind: 'lookalike: structure' },
    { description: 'an impersonation in a header', input: '"Ana Pereira" <ana@gmail.com>', kind: 'impersonation header: display-name+freemail' },
    { description: 'an unknown sender, as without the switch', input: 'ap@example.org', kind: 'unknown, label 6–7' },
  ])('with techniques: $description', ({ input, kind }) => {
    expect(senderKind(input, detector.check(input), true)).toBe(kind);
  });
});

describe('techniqueClass', () => {
  it.each([
    { description: 'structure first, whatever else', codes: ['homoglyph', 'combo', 'tld-swap'], expected: 'structure' },
    { description: 'visual before typo', codes: ['replacement', 'diacritic'], expected: 'visual' },
    { description: 'visual under another suffix', codes: ['mixed-script', 'homoglyph', 'tld-swap'], expected: 'visual + tld-swap' },
    { description: 'typo alone', codes: ['transposition'], expected: 'typo' },
    { description: 'tld-swap alone', codes: ['tld-swap'], expected: 'tld-swap' },
    { description: 'other codes, sorted, once each', codes: ['freemail', 'display-name', 'freemail'], expected: 'display-name+freemail' },
  ])('$description', ({ codes, expected }) => {
    expect(techniqueClass(codes)).toBe(expected);
  });
});

describe('kindStats and mixRatios', () => {
  it('reads per-operation latency in µs, and refuses a run without it', () => {
    const base = { id: '100', quantiles: [0.5], ns: [1500], perRound: [[1500]], overheadNs: 40, rounds: 1 };
    expect(latencyUs({ ...base, opNs: Float64Array.from([1500, 250]) })).toEqual([1.5, 0.25]);
    expect(() => latencyUs(base)).toThrow(/latency 100 was measured without perOperation/);
  });

  it('counts and averages each kind', () => {
    expect(kindStats(['a', 'b', 'a'], [1, 5, 3])).toEqual(new Map([['a', { count: 2, meanUs: 2 }], ['b', { count: 1, meanUs: 5 }]]));
  });

  it.each([
    {
      description: 'every kind slower and the mix shifted towards the costly kind',
      small: { a: [10, 1], b: [10, 3] },
      large: { a: [5, 2], b: [15, 6] },
      // Means: small 2 µs; large (10 + 90) / 20 = 5; the mix alone (5·1 + 15·3) / 20 = 2.5.
      // The same mix as small: (10·2 + 10·6) / (10·1 + 10·3) = 2.
      expected: { measured: 2.5, mixOnly: 1.25, sameMix: 2, unmatched: 0 },
    },
    {
      description: 'the same mix, every kind twice as slow: the mix alone is 1',
      small: { a: [10, 1], b: [10, 3] },
      large: { a: [10, 2], b: [10, 6] },
      expected: { measured: 2, mixOnly: 1, sameMix: 2, unmatched: 0 },
    },
    {
      description: 'a kind only the large stream has: left out of the mix alone, and counted',
      small: { a: [20, 2] },
      large: { a: [10, 2], c: [10, 8] },
      expected: { measured: 2.5, mixOnly: 1, sameMix: 1, unmatched: 10 },
    },
    {
      description: 'a kind only the small stream has: left out of the same mix',
      small: { a: [10, 1], b: [10, 9] },
      large: { a: [20, 1.5] },
      // Measured 1.5 / 5; the same mix over kind a only: 1.5 / 1.
      expected: { measured: 0.3, mixOnly: 0.2, sameMix: 1.5, unmatched: 0 },
    },
  ])('$description', ({ small, large, expected }) => {
    const stats = (m: Record<string, number[]>) => new Map(Object.entries(m).map(([k, [count, meanUs]]) => [k, { count: count!, meanUs: meanUs! }]));
    const r = mixRatios(stats(small), stats(large));
    expect(r.measured).toBeCloseTo(expected.measured, 12);
    expect(r.mixOnly).toBeCloseTo(expected.mixOnly, 12);
    expect(r.sameMix).toBeCloseTo(expected.sameMix, 12);
    expect(r.unmatched).toBe(expected.unmatched);
  });
});

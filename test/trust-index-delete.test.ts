import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildDeleteIndex, buildPresenceFilter, charSignature, countDistinct, keyUsableByProbe, LONG_PREFIX, LONG_PREFIX_MIN_TARGETS, PREFIX, presenceMayHold, queryDeleteIndex, scanTargets, shortQueryProbes, signatureBound, signatureDistance, tailTag } from '../src/trust-index/delete-index';
import { OsaPattern, osaAlign, osaWithin, osaWithinCodes } from '../src/trust-index/osa';
import { mulberry32 } from '../bench/data';

const require = createRequire(import.meta.url);
const disposable: string[] = require('disposable-email-domains');

/** Textbook full-matrix OSA, the oracle for both implementations. */
function osaOracle(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push(Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const label = fc.string({ unit: fc.constantFrom(...'abcdeo0-'.split('')), maxLength: 14 });

describe('osa', () => {
  it.each([
    { description: 'identical', a: 'contoso', b: 'contoso', d: 0 },
    { description: 'one substitution', a: 'contoso', b: 'c0ntoso', d: 1 },
    { description: 'adjacent swap counts once', a: 'contoso', b: 'cnotoso', d: 1 },
    { description: 'omission', a: 'contso', b: 'contoso', d: 1 },
    { description: 'two edits', a: 'welsfarrgo', b: 'wellsfargo', d: 2 },
    { description: 'OSA is not full Damerau: ca → abc is 3', a: 'ca', b: 'abc', d: 3 },
  ])('$description', ({ a, b, d }) => {
    expect(osaAlign([...a], [...b]).distance).toBe(d);
    expect(osaWithin(a, b, 3)).toBe(Math.min(d, 4));
  });

  it('bounded and full distances agree with the textbook oracle', () => {
    fc.assert(
      fc.property(label, label, fc.integer({ min: 0, max: 3 }), (a, b, k) => {
        const truth = osaOracle(a, b);
        expect(osaAlign([...a], [...b]).distance).toBe(truth);
        expect(osaWithin(a, b, k)).toBe(truth <= k ? truth : k + 1);
        // The code-array form, with b at an offset inside a larger buffer (as the index stores it).
        const codes = (s: string): Uint16Array => Uint16Array.from(s, (c) => c.charCodeAt(0));
        const buffer = codes(`xy${b}z`);
        expect(osaWithinCodes(codes(a), a.length, buffer, 2, b.length, k)).toBe(truth <= k ? truth : k + 1);
        const pattern = new OsaPattern();
        pattern.set(codes(a), a.length);
        expect(pattern.distance(buffer, 2, b.length)).toBe(truth);
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('the bit-parallel pattern agrees with the oracle on non-ASCII text and at 32 code units', () => {
    const wide = fc.string({ unit: fc.constantFrom(...'aеoо0ß-ä'.split('')), minLength: 0, maxLength: 32 });
    fc.assert(
      fc.property(wide, wide, (a, b) => {
        const pattern = new OsaPattern();
        pattern.set(Uint16Array.from(a, (c) => c.charCodeAt(0)), a.length);
        expect(pattern.distance(Uint16Array.from(b, (c) => c.charCodeAt(0)), 0, b.length)).toBe(osaOracle(a, b));
      }),
      { seed: 7, numRuns: 2000 },
    );
    const p = new OsaPattern();
    const a32 = 'abcdefghijklmnopqrstuvwxyzabcdef';
    p.set(Uint16Array.from(a32, (c) => c.charCodeAt(0)), 32);
    const b = 'bacdefghijklmnopqrstuvwxyzabcdeg';
    expect(p.distance(Uint16Array.from(b, (c) => c.charCodeAt(0)), 0, 32)).toBe(osaOracle(a32, b));
  });

  it('the alignment script replays to the trusted string', () => {
    fc.assert(
      fc.property(label, label, (a, b) => {
        const { ops } = osaAlign([...a], [...b]);
        let out = '';
        for (const op of ops) {
          if (op.op === 'match' || op.op === 'substitute') out += b[op.j];
          else if (op.op === 'delete') out += b[op.j];
          else if (op.op === 'transpose') out += b[op.j]! + b[op.j + 1]!;
        }
        expect(out).toBe(b);
      }),
      { seed: 7, numRuns: 1000 },
    );
  });
});

describe('character signature filter', () => {
  /** Whether the filter lets the pair through to verification at budget k. */
  const admits = (a: string, b: string, k: number): boolean =>
    signatureDistance(charSignature(a), charSignature(b)) <= signatureBound(k, Math.abs(a.length - b.length));

  it.each([
    { description: 'a typo key and a vanity label of its family, same letters, other counts', a: 'mall2soldier', b: 'mall2college', k: 2, admitted: false },
    { description: 'a family member two substitutions away', a: 'mall2soldier', b: 'mall2solder', k: 2, admitted: true },
    { description: 'one letter doubled: counts differ by one, lengths by one', a: 'contoso', b: 'conttoso', k: 1, admitted: true },
    { description: 'two insertions leave no room for a substitution', a: 'contoso', b: 'contosoxy', k: 2, admitted: true },
    { description: 'a length difference of two uses the whole budget', a: 'contoso', b: 'bontosoxy', k: 2, admitted: false },
    { description: 'a swap changes no count', a: 'northwind', b: 'nrothwind', k: 1, admitted: true },
    { description: 'letters 16 code units apart share a bucket (a, q)', a: 'aaa', b: 'qqq', k: 0, admitted: true },
  ])('$description', ({ a, b, k, admitted }) => {
    expect(admits(a, b, k)).toBe(admitted);
    // Whatever it admits, it never rejects a pair within k (the property below, on this case).
    if (osaOracle(a, b) <= k) expect(admits(a, b, k)).toBe(true);
  });

  it('never rejects a pair within the budget (edits, swaps, repeated and non-ASCII letters)', () => {
    const unit = fc.constantFrom(...'aaqbrlm2-еоß'.split(''));
    const edit = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.nat(40), unit);
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), fc.array(edit, { maxLength: 2 }), (a, edits) => {
        let b = a;
        for (const [op, at, c] of edits) {
          const p = at % (b.length + 1);
          if (op === 0) b = b.slice(0, p) + b.slice(p + 1);
          else if (op === 1) b = b.slice(0, p) + c + b.slice(p);
          else if (op === 2) b = b.slice(0, p) + c + b.slice(p + 1);
          else b = b.slice(0, p) + (b[p + 1] ?? '') + (b[p] ?? '') + b.slice(p + 2);
        }
        const d = osaOracle(a, b);
        for (let k = d; k <= 2; k++) expect(admits(a, b, k)).toBe(true);
      }),
      { seed: 2026, numRuns: 4000 },
    );
  });

  it('rejects most random pairs that are farther than the budget', () => {
    const rand = mulberry32(5);
    const word = (): string => Array.from({ length: 6 + Math.floor(rand() * 6) }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rand() * 36)]).join('');
    let far = 0;
    let rejected = 0;
    for (let i = 0; i < 2000; i++) {
      const a = word();
      const b = word();
      if (osaOracle(a, b) <= 2) continue;
      far++;
      if (!admits(a, b, 2)) rejected++;
    }
    expect(rejected / far).toBeGreaterThan(0.9);
  });
});

describe('delete index (differential against a brute-force scan)', () => {
  // Real registrable labels from disposable-email-domains, deterministic sample.
  const labels = [...new Set(disposable.filter((_, i) => i % 37 === 0).map((d) => d.split('.')[0]!))].slice(0, 2500);
  const budgets = labels.map((l) => (l.length >= 9 ? 2 : l.length >= 5 ? 1 : 0));
  const index = buildDeleteIndex(labels, budgets);
  // The same index probed one probe at a time (the default for small tables): both must agree.
  const sequential = buildDeleteIndex(labels, budgets, { passes: false });
  // The same targets with the prefix of large lists.
  const long = buildDeleteIndex(labels, budgets, { prefix: LONG_PREFIX });

  const mutate = (s: string, ops: number[]): string => {
    let out = s;
    for (const op of ops) {
      const p = op % Math.max(1, out.length);
      switch (op % 4) {
        case 0: out = out.slice(0, p) + out.slice(p + 1); break;
        case 1: out = `${out.slice(0, p)}x${out.slice(p)}`; break;
        case 2: out = `${out.slice(0, p)}q${out.slice(p + 1)}`; break;
        default: out = out.slice(0, p) + (out[p + 1] ?? '') + (out[p] ?? '') + out.slice(p + 2);
      }
    }
    return out;
  };

  it('returns exactly the targets a full scan finds, for mutated real labels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: labels.length - 1 }), fc.array(fc.nat(1000), { maxLength: 3 }), (i, ops) => {
        const q = mutate(labels[i]!, ops);
        const truth = scanTargets(labels, budgets, q);
        expect(queryDeleteIndex(index, q)).toEqual(truth);
        expect(queryDeleteIndex(sequential, q)).toEqual(truth);
        expect(queryDeleteIndex(long, q)).toEqual(truth);
      }),
      { seed: 1234, numRuns: 1500 },
    );
  });

  it('returns exactly the targets a full scan finds, for random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (q) => {
        const truth = scanTargets(labels, budgets, q);
        expect(queryDeleteIndex(index, q)).toEqual(truth);
        expect(queryDeleteIndex(sequential, q)).toEqual(truth);
        expect(queryDeleteIndex(long, q)).toEqual(truth);
      }),
      { seed: 99, numRuns: 500 },
    );
  });

  it('finds every one of many near targets in one query (past the short seen-list)', () => {
    // 26 substitutions at each of 16 positions: hundreds of targets within 2 of the query, so one
    // query verifies far more candidates than the 32-entry list holds before the stamps take over.
    const base = 'contosopayments1';
    const near: string[] = [];
    for (let p = 0; p < base.length; p++) for (const c of 'abcdefghijklmnopqrstuvwxyz') near.push(base.slice(0, p) + c + base.slice(p + 1));
    const targets = [...new Set(near)];
    const budget = targets.map(() => 2);
    const idx = buildDeleteIndex(targets, budget);
    const seq = buildDeleteIndex(targets, budget, { passes: !idx.passes });
    for (const q of [base, 'contosopaymnets1', 'cnotosopayments1x', 'zzzzzzzzzzzzzzzz']) {
      const hits = queryDeleteIndex(idx, q);
      expect(hits).toEqual(scanTargets(targets, budget, q));
      expect(queryDeleteIndex(seq, q)).toEqual(hits);
      if (q === base) expect(hits.length).toBe(targets.length);
    }
  });

  it('keeps full recall with prefix indexing on long labels edited near the start', () => {
    const alphabet = fc.constantFrom(...'abcxyz'.split(''));
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: alphabet, minLength: 6, maxLength: 30 }), { minLength: 20, maxLength: 60 }),
        fc.nat(59),
        fc.array(fc.nat(40), { maxLength: 2 }),
        (targets, pick, ops) => {
          const budget = targets.map((t) => (t.length >= 9 ? 2 : 1));
          const idx = buildDeleteIndex(targets, budget, { passes: targets.length % 2 === 0, prefix: pick % 2 === 0 ? PREFIX : LONG_PREFIX });
          const q = mutate(targets[pick % targets.length]!, ops.map((o) => o * 4 + (o % 4)));
          expect(queryDeleteIndex(idx, q)).toEqual(scanTargets(targets, budget, q));
        },
      ),
      { seed: 2017, numRuns: 400 },
    );
  });

  it('keeps full recall for any budget at any length around the prefix (custom policies)', () => {
    // Budgets are a policy (minLengthOneEdit, minLengthTwoEdits): a 6-letter label may allow two
    // edits. Lengths from 3 to 12 straddle both prefixes; queries are the targets edited once or
    // twice, and random strings of the same alphabet.
    const alphabet = fc.constantFrom(...'abcx'.split(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: alphabet, minLength: 3, maxLength: 12 }), fc.integer({ min: 0, max: 2 })), { minLength: 10, maxLength: 50 }),
        fc.nat(49),
        fc.array(fc.nat(60), { maxLength: 2 }),
        fc.string({ unit: alphabet, minLength: 1, maxLength: 14 }),
        (pairs, pick, ops, random) => {
          const targets = pairs.map(([t]) => t);
          const budget = pairs.map(([, k]) => k);
          const q = mutate(targets[pick % targets.length]!, ops.map((o) => o * 4 + (o % 4)));
          for (const prefix of [PREFIX, LONG_PREFIX] as const) {
            for (const passes of [true, false]) {
              const idx = buildDeleteIndex(targets, budget, { passes, prefix });
              expect(queryDeleteIndex(idx, q)).toEqual(scanTargets(targets, budget, q));
              expect(queryDeleteIndex(idx, random)).toEqual(scanTargets(targets, budget, random));
              // A distance cap below the budgets: only the closer targets.
              for (const cap of [0, 1]) expect(queryDeleteIndex(idx, q, cap)).toEqual(scanTargets(targets, budget, q, cap));
            }
          }
        },
      ),
      { seed: 46, numRuns: 500 },
    );
  });

  it.each([
    { description: '8 letters, two-edit targets from 10, prefix 8: only the probe that deletes the last two', L: 8, M: 10, prefix: 8, from: 6, probes: 1 },
    { description: '9 letters, two-edit targets from 10, prefix 8: the last position and any other', L: 9, M: 10, prefix: 8, from: 0, probes: 7 },
    { description: '12 letters, two-edit targets from 13, prefix 7', L: 12, M: 13, prefix: 7, from: 0, probes: 6 },
    { description: '12 letters, two-edit targets from 14, prefix 7', L: 12, M: 14, prefix: 7, from: 5, probes: 1 },
    { description: '6 letters (shorter than the prefix 7), two-edit targets from 7', L: 6, M: 7, prefix: 7, from: 5, probes: 0 },
    { description: '7 letters (shorter than the prefix 8), two-edit targets from 9', L: 7, M: 9, prefix: 8, from: 6, probes: 0 },
  ])('a query shorter than every two-edit target makes few two-deletion probes: $description', ({ L, M, prefix, from, probes }) => {
    const n = Math.min(L, prefix);
    expect(shortQueryProbes(L, M, prefix)).toBe(from);
    // Probes delete position n − 1 and one position i in [from, n − 1).
    expect(Math.max(0, n - 1 - from)).toBe(probes);
  });

  it('keeps full recall for queries shorter than every two-edit target (the few probes they make)', () => {
    // Targets from 2 to 14 letters over two letters, so that many pairs are within two edits;
    // budgets by a random policy (two edits from M letters, one from M1); queries one or two edits
    // from a target, most of them shorter than M. Cutting any case of shortQueryProbes fails this.
    const unit = fc.constantFrom('a', 'b');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit, minLength: 2, maxLength: 14 }), { minLength: 20, maxLength: 80 }),
        fc.integer({ min: 3, max: 12 }),
        fc.integer({ min: 2, max: 12 }),
        fc.nat(79),
        fc.array(fc.nat(60), { minLength: 1, maxLength: 2 }),
        (targets, M, M1, pick, ops) => {
          const budget = targets.map((t) => (t.length >= M ? 2 : t.length >= Math.min(M, M1) ? 1 : 0));
          const q = mutate(targets[pick % targets.length]!, ops).replace(/[xq]/g, 'a');
          for (const prefix of [PREFIX, LONG_PREFIX] as const) {
            for (const passes of [true, false]) {
              const idx = buildDeleteIndex(targets, budget, { passes, prefix });
              expect(queryDeleteIndex(idx, q)).toEqual(scanTargets(targets, budget, q));
            }
          }
        },
      ),
      { seed: 1313, numRuns: 1500 },
    );
  });

  it('with a distance cap, returns the capped scan\'s hits: the uncapped hits within the cap', () => {
    const targets = ['northwindtraders', 'northwindtrader', 'northwindtrade', 'nrthwindtradrs', 'contoso', 'fabrikam'];
    const budget = targets.map((t) => (t.length >= 10 ? 2 : 1));
    for (const passes of [true, false]) {
      const idx = buildDeleteIndex(targets, budget, { passes });
      const all = queryDeleteIndex(idx, 'northwindtraders');
      expect(all.map((h) => [targets[h.target], h.distance])).toEqual([['northwindtraders', 0], ['northwindtrader', 1], ['northwindtrade', 2], ['nrthwindtradrs', 2]]);
      expect(queryDeleteIndex(idx, 'northwindtraders', 1)).toEqual(all.filter((h) => h.distance <= 1));
      expect(queryDeleteIndex(idx, 'northwindtraders', 0)).toEqual(all.filter((h) => h.distance === 0));
      expect(queryDeleteIndex(idx, 'northwindtraders', 1)).toEqual(scanTargets(targets, budget, 'northwindtraders', 1));
    }
  });

  it('agrees with the scan in a table filled to its highest load', () => {
    // Budget 0: one key per target, so 3,070 distinct targets fill 4,096 slots to 0.7495, just
    // under the 0.75 the build allows: long collision runs, for the keys it holds and for those it
    // does not (the filter lets some of those through to the table).
    const rng = mulberry32(0x10ad);
    const word = (alphabet: string): string => Array.from({ length: 6 }, () => alphabet[Math.floor(rng() * alphabet.length)]!).join('');
    const set = new Set<string>();
    while (set.size < 3070) set.add(word('abcdefgh'));
    const targets = [...set];
    const zero = targets.map(() => 0);
    const passes = buildDeleteIndex(targets, zero, { passes: true });
    const oneByOne = buildDeleteIndex(targets, zero, { passes: false });
    let used = 0;
    for (let i = 1; i < passes.slots.length; i += 2) if (passes.slots[i] !== 0) used++;
    expect(passes.slots.length / 2).toBe(4096);
    expect(used / (passes.slots.length / 2)).toBeGreaterThan(0.74);
    const queries = [...targets.slice(0, 400), ...Array.from({ length: 400 }, () => word('abcdefghij'))];
    for (const q of queries) {
      const truth = scanTargets(targets, zero, q);
      expect(queryDeleteIndex(passes, q)).toEqual(truth);
      expect(queryDeleteIndex(oneByOne, q)).toEqual(truth);
    }
  });

  /** Applies edits at positions counted from the start or from the end (where tail tags matter). */
  const editAt = (s: string, edits: readonly (readonly [number, number, boolean, string])[]): string => {
    let out = s;
    for (const [kind, at, fromEnd, unit] of edits) {
      const n = out.length;
      const p = Math.max(0, Math.min(n, fromEnd ? n - 1 - (at % Math.max(1, n)) : at % Math.max(1, n + 1)));
      switch (kind) {
        case 0: out = out.slice(0, p) + out.slice(p + 1); break;
        case 1: out = `${out.slice(0, p)}${unit}${out.slice(p)}`; break;
        case 2: out = `${out.slice(0, p)}${unit}${out.slice(p + 1)}`; break;
        default: out = out.slice(0, Math.max(0, p - 1)) + (out[p] ?? '') + (out[p - 1] ?? '') + out.slice(p + 1);
      }
    }
    return out;
  };

  it.each([
    // Prefix 8: targets are tagged from 10 code units, queries from 8.
    { description: 'two substitutions in the prefix, same last letter: a two-deletion probe', q: 'brand-love', t: 'brand-llke', prefix: 8, distance: 2 },
    { description: 'one substitution in the prefix, another at the end: a one-deletion probe', q: 'brand-lxkz', t: 'brand-llke', prefix: 8, distance: 2 },
    { description: 'last two letters swapped and one substitution in the prefix', q: 'brxnd-loev', t: 'brand-love', prefix: 8, distance: 2 },
    { description: 'a 9-letter query, the target one longer, last two swapped', q: 'abcdefghi', t: 'Xabcdefgih', prefix: 8, distance: 2 },
    { description: 'an 8-letter query, the target with two letters inserted in the prefix', q: 'abcdefgh', t: 'aXbcYdefgh', prefix: 8, distance: 2 },
    { description: 'an 8-letter query, the target with a letter appended and one inserted', q: 'abcdefgh', t: 'abcXdefghZ', prefix: 8, distance: 2 },
    { description: 'prefix 7: two substitutions, 9-letter strings (tagged from 9)', q: 'contosoab', t: 'contxsyab', prefix: 7, distance: 2 },
    { description: 'three edits: nothing', q: 'brand-love', t: 'brxnd-llke', prefix: 8, distance: -1 },
  ])('finds two-edit targets through tail-tagged keys: $description', ({ q, t, prefix, distance }) => {
    for (const passes of [true, false]) {
      const idx = buildDeleteIndex([t], [2], { prefix: prefix as 7 | 8, passes });
      expect(idx.tagged2).toBe(t.length >= prefix + 2);
      const hits = queryDeleteIndex(idx, q);
      expect(hits).toEqual(scanTargets([t], [2], q));
      expect(hits.map((h) => h.distance)).toEqual(distance < 0 ? [] : [distance]);
    }
  });

  it.each([
    { description: 'a target of prefix + 2 code units is tagged', s: 'abcdefghij', minLength: 10, tagged: true },
    { description: 'one code unit shorter is not', s: 'abcdefghi', minLength: 10, tagged: false },
    { description: 'a query of prefix code units is tagged', s: 'abcdefgh', minLength: 8, tagged: true },
    { description: 'the tag is the last code unit: same last letter, same tag', s: 'zzzzzzzzzj', minLength: 10, tagged: true },
  ])('tail tags: $description', ({ s, minLength, tagged }) => {
    expect(tailTag(s, minLength) !== 0).toBe(tagged);
    if (tagged) {
      expect(tailTag(s, minLength)).toBe(tailTag(`q${s}`, minLength));
      expect(tailTag(s, minLength)).not.toBe(tailTag(`${s}q`, minLength));
    }
  });

  it('keeps full recall with tail-tagged keys: lengths around prefix + 2, edits at either end, any budgets', () => {
    // Three letters, so that last letters often agree and often not; targets of 5 to 14 letters
    // straddle both prefixes and both tag thresholds; two edits from M letters (a policy), one from
    // 5; queries are targets with one or two edits counted from the start or from the end.
    const unit = fc.constantFrom('a', 'b', 'c');
    const edit = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.nat(12), fc.boolean(), unit);
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit, minLength: 5, maxLength: 14 }), { minLength: 10, maxLength: 60 }),
        fc.integer({ min: 5, max: 12 }),
        fc.nat(59),
        fc.array(edit, { minLength: 1, maxLength: 2 }),
        (targets, M, pick, edits) => {
          const budget = targets.map((t) => (t.length >= M ? 2 : 1));
          const q = editAt(targets[pick % targets.length]!, edits);
          for (const prefix of [PREFIX, LONG_PREFIX] as const) {
            for (const passes of [true, false]) {
              const idx = buildDeleteIndex(targets, budget, { passes, prefix });
              expect(queryDeleteIndex(idx, q)).toEqual(scanTargets(targets, budget, q));
            }
          }
        },
      ),
      { seed: 1010, numRuns: 2000 },
    );
  });

  it('indexes 7 leading characters of small lists and 8 of large ones', () => {
    expect(index.prefix).toBe(PREFIX);
    expect(long.prefix).toBe(LONG_PREFIX);
    // Distinct names, budget 0 (one key each), so that the large build stays cheap.
    const many = Array.from({ length: LONG_PREFIX_MIN_TARGETS }, (_, i) => `brand${i.toString(36)}`);
    const big = buildDeleteIndex(many, many.map(() => 0));
    expect(big.prefix).toBe(LONG_PREFIX);
    expect(buildDeleteIndex(many.slice(1), many.slice(1).map(() => 0)).prefix).toBe(PREFIX);
    expect(queryDeleteIndex(big, 'brandzz')).toEqual([{ target: many.indexOf('brandzz'), distance: 0, length: 7 }]);
  });

  it('finds a one-edit typo of a 5+ letter label and nothing for a 4-letter one', () => {
    const small = buildDeleteIndex(['contoso', 'ups'], [1, 0]);
    expect(small.passes).toBe(false); // a tiny table is probed one probe at a time
    expect(index.passes).toBe(true);
    expect(queryDeleteIndex(small, 'contso').map((h) => h.target)).toEqual([0]);
    expect(queryDeleteIndex(small, 'ubs')).toEqual([]);
    expect(queryDeleteIndex(small, 'ups')).toEqual([{ target: 1, distance: 0, length: 3 }]);
  });
});

describe('presence filters', () => {
  it.each([
    // Default policy, prefix 8: two deletions from a 10-letter label leave a 6-letter key; a probe
    // with fewer deletions would come from a query of 6 or 7 letters, 3 or more from the label.
    { description: 'a two-deletion key of a long label: two-deletion probes only', length: 10, k: 2, e: 2, prefix: 8, shallow: false, deep: true },
    { description: 'the same from a 9-letter label: a 7-letter query is within two', length: 9, k: 2, e: 2, prefix: 8, shallow: true, deep: true },
    { description: 'a whole short label that allows two edits: every probe', length: 6, k: 2, e: 0, prefix: 8, shallow: true, deep: true },
    { description: 'a one-deletion key: one-deletion probes of long queries', length: 12, k: 1, e: 1, prefix: 8, shallow: true, deep: false },
    { description: 'a whole long label: a two-deletion probe would need a 10-letter prefix', length: 12, k: 2, e: 0, prefix: 8, shallow: true, deep: false },
    { description: 'a label with no budget: its exact key only', length: 4, k: 0, e: 0, prefix: 7, shallow: true, deep: false },
  ])('$description', ({ length, k, e, prefix, shallow, deep }) => {
    expect(keyUsableByProbe(length, k, e, 0, prefix) || keyUsableByProbe(length, k, e, 1, prefix)).toBe(shallow);
    expect(keyUsableByProbe(length, k, e, 2, prefix)).toBe(deep);
  });

  it('agrees with brute force: a key is usable by a probe exactly when some query length makes a hit possible', () => {
    for (const prefix of [PREFIX, LONG_PREFIX]) {
      for (let length = 1; length <= 14; length++) {
        for (let k = 0; k <= 2; k++) {
          for (let e = 0; e <= k && e <= Math.min(length, prefix); e++) {
            for (let d = 0; d <= 2; d++) {
              // queries of every length whose indexed prefix, minus d, is as long as the key
              let possible = false;
              for (let q = 0; q <= 20; q++) {
                if (Math.min(q, prefix) - d === Math.min(length, prefix) - e && d <= k && Math.abs(q - length) <= k) possible = true;
              }
              expect(keyUsableByProbe(length, k, e, d, prefix), `|t| ${length} k ${k} e ${e} d ${d} P ${prefix}`).toBe(possible);
            }
          }
        }
      }
    }
  });

  // The loads of the two filters at 100,000 bench entries (7.3 and 4.5 bits per key), and a small
  // list's (at least 2^16 bits: 17.9 bits per key). `falsePositives`: the blocked three-bit model's
  // rate (presenceMask), ±1.5 points; a filter of one bit per key lets through 12.8%, 19.9% and 5.4%.
  it.each([
    { description: '7.3 bits per key', keys: 143_640, bits: 2 ** 20, falsePositives: 0.052 },
    { description: '4.5 bits per key', keys: 233_017, bits: 2 ** 20, falsePositives: 0.131 },
    { description: 'a small list, 17.9 bits per key', keys: 3_660, bits: 2 ** 16, falsePositives: 0.009 },
  ])('holds every key and few others: $description', ({ keys, bits, falsePositives }) => {
    const rng = mulberry32(keys);
    const held = Uint32Array.from({ length: keys }, () => (rng() * 2 ** 32) >>> 0);
    const filter = buildPresenceFilter(held);
    expect(filter.bits.length * 32).toBe(bits);
    expect(held.every((h) => presenceMayHold(filter, h))).toBe(true);
    const heldSet = new Set(held);
    let absent = 0;
    let maybe = 0;
    while (absent < 200_000) {
      const h = (rng() * 2 ** 32) >>> 0;
      if (heldSet.has(h)) continue;
      absent++;
      if (presenceMayHold(filter, h)) maybe++;
    }
    expect(Math.abs(maybe / absent - falsePositives)).toBeLessThan(0.015);
  });

  it.each([
    { description: 'a short list, exactly', size: 1_000, distinct: 700, tolerance: 0 },
    { description: 'a long list, by linear counting', size: 2_000_000, distinct: 1_300_000, tolerance: 0.01 },
  ])('counts distinct hashes: $description', ({ size, distinct, tolerance }) => {
    const rng = mulberry32(size);
    const values = Array.from({ length: distinct }, () => (rng() * 2 ** 32) >>> 0);
    const list = Uint32Array.from({ length: size }, (_, i) => values[i < distinct ? i : Math.floor(rng() * distinct)]!);
    const truth = new Set(list).size;
    const counted = countDistinct(list);
    expect(Math.abs(counted - truth)).toBeLessThanOrEqual(truth * tolerance);
    expect(list[0]).toBe(values[0]); // left as it was
  });
});

describe('a postings budget (queryDeleteIndex with maxPostings)', () => {
  // vendor0 … vendor2999: each key of `vendor1` is shared by about a thousand labels.
  const dense = Array.from({ length: 3000 }, (_, i) => `vendor${i}`);
  const budgets = dense.map((t) => (t.length >= 10 ? 2 : t.length >= 5 ? 1 : 0));
  describe.each([
    { description: 'probing in passes', passes: true },
    { description: 'one probe at a time', passes: false },
  ])('$description', ({ passes }) => {
    const idx = buildDeleteIndex(dense, budgets, { passes });
    it.each([
      { description: 'a dense query over the budget', query: 'vendor1234', max: 64, answered: false },
      { description: 'the same query with room for its postings', query: 'vendor1234', max: 100_000, answered: true },
      { description: 'a query that finds no key', query: 'northwind', max: 0, answered: true },
      { description: 'no budget', query: 'vendor1234', max: Infinity, answered: true },
    ])('$description', ({ query, max, answered }) => {
      const result = queryDeleteIndex(idx, query, 1, max);
      if (!answered) {
        expect(result).toBeUndefined();
        return;
      }
      expect(result).toEqual(queryDeleteIndex(idx, query, 1));
      expect(result).toEqual(scanTargets(dense, budgets, query, 1));
    });

    it('answers the next query in full after abandoning one', () => {
      expect(queryDeleteIndex(idx, 'vendor1234', 2, 10)).toBeUndefined();
      expect(queryDeleteIndex(idx, 'vendor2345', 2)).toEqual(scanTargets(dense, budgets, 'vendor2345', 2));
    });
  });
});

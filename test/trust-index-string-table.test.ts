import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../src/trust-index/hash';
import { StringTable, TABLE_MIN_SIZE, stringTable } from '../src/trust-index/string-table';

const require = createRequire(import.meta.url);
const disposable: string[] = require('disposable-email-domains');

/** Every get/has answer of `table` equals the map's, for each query. */
function expectSameAnswers<V>(table: ReadonlyMap<string, V>, map: ReadonlyMap<string, V>, queries: Iterable<string>): void {
  for (const q of queries) {
    expect(table.get(q), q).toBe(map.get(q));
    expect(table.has(q), q).toBe(map.has(q));
  }
}

// Keys around the 22 units a slot keeps inline: equal up to there and different after, or differing
// only in the last unit, so that the comparison of the rest is exercised both ways.
const long = 'billing-and-payments-portal';
const edgeKeys = [
  '',
  'a',
  'contoso.com',
  'münchen.de',
  '例え.テスト',
  'x'.repeat(21),
  'x'.repeat(22),
  'x'.repeat(23),
  'x'.repeat(24),
  `${long}.contoso.com`,
  `${long}.contoso.net`,
  `${long}.fabrikam.com`,
  `${'a'.repeat(200)}.example`,
  '\u{1F600}.example',
];

/**
 * Two strings of equal length and equal fnv1a32 hash, `prefix` + a number + `suffix` (birthday search
 * over fixed-width numbers; deterministic). Only such pairs reach the comparison of the key's units.
 */
function collision(prefix: string, suffix: string): [string, string] {
  const seen = new Map<number, string>();
  for (let n = 0; ; n++) {
    const s = `${prefix}${String(n).padStart(7, '0')}${suffix}`;
    const h = fnv1a32(s);
    const other = seen.get(h);
    if (other !== undefined) return [other, s];
    seen.set(h, s);
  }
}

describe('StringTable', () => {
  it.each([
    { description: 'in the units kept inline', prefix: '', suffix: '.contoso.com' },
    { description: 'past the units kept inline (same first 22)', prefix: 'billing-and-payments-portal.', suffix: '.com' },
  ])('tells apart two keys with the same hash and length, differing $description', ({ prefix, suffix }) => {
    const [a, b] = collision(prefix, suffix);
    expect(fnv1a32(a)).toBe(fnv1a32(b));
    expect(a.length).toBe(b.length);
    const only = new StringTable(new Map([[a, 1]]));
    expect(only.get(b)).toBeUndefined();
    expect(only.has(b)).toBe(false);
    expect(only.get(a)).toBe(1);
    const both = new StringTable(new Map([[a, 1], [b, 2]]));
    expect([both.get(a), both.get(b)]).toEqual([1, 2]);
  });

  it.each([
    { description: 'real domains, present and absent', keys: disposable.slice(0, 5_000), queries: disposable.slice(0, 10_000) },
    {
      description: 'keys longer than the inline part, empty and non-ASCII keys',
      keys: edgeKeys,
      queries: [...edgeKeys, ...edgeKeys.map((k) => `${k}x`), ...edgeKeys.map((k) => k.slice(0, -1)), `${long}.contoso.co`, 'x'.repeat(26), 'X'.repeat(24)],
    },
  ])('answers like a Map: $description', ({ keys, queries }) => {
    const map = new Map(keys.map((k, i) => [k, i]));
    expectSameAnswers(new StringTable(map), map, queries);
  });

  it('answers like a Map for random keys and near misses (seeded)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 40 }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 50 }),
        (keys, others) => {
          const map = new Map(keys.map((k, i) => [k, { i }]));
          const table = new StringTable(map);
          // Each key, the key with its last unit changed or dropped, with a unit added, and unrelated strings.
          const near = keys.flatMap((k) => [k, k.slice(0, -1), `${k.slice(0, -1)}\u0000`, `${k}z`]);
          expectSameAnswers(table, map, [...near, ...others]);
        },
      ),
      { seed: 2026, numRuns: 300 },
    );
  });

  it('iterates like the map it was built from (order, size, forEach)', () => {
    const map = new Map(disposable.slice(0, 3_000).map((d, i) => [d, i]));
    const table = new StringTable(map);
    expect(table.size).toBe(map.size);
    expect([...table]).toEqual([...map]);
    expect([...table.keys()]).toEqual([...map.keys()]);
    expect([...table.values()]).toEqual([...map.values()]);
    expect([...table.entries()]).toEqual([...map.entries()]);
    const seen: [string, number][] = [];
    table.forEach((v, k, m) => {
      seen.push([k, v]);
      expect(m).toBe(table);
    });
    expect(seen).toEqual([...map]);
  });

  it('returns each key’s index and tag from its slot, and -1 for an absent key', () => {
    const keys = disposable.slice(0, 2_000);
    const map = new Map(keys.map((k, i) => [k, { i }]));
    const table = new StringTable(map, { tag: (v, k) => (v.i * 7919) ^ k.length });
    keys.forEach((k, i) => {
      expect(table.indexOf(k), k).toBe(i);
      expect(table.lastTag, k).toBe((i * 7919) ^ k.length);
      expect(table.valueAt(i)).toBe(map.get(k));
    });
    for (const k of disposable.slice(2_000, 3_000)) expect(table.indexOf(k), k).toBe(-1);
    const untagged = new StringTable(map);
    expect([untagged.indexOf(keys[5]!), untagged.lastTag]).toEqual([5, 0]);
  });

  it('is empty-safe', () => {
    const table = new StringTable(new Map<string, number>());
    expect(table.size).toBe(0);
    expect(table.get('contoso.com')).toBeUndefined();
    expect(table.has('')).toBe(false);
  });
});

describe('stringTable', () => {
  it.each([
    { description: 'a small map stays a V8 map (its table is in cache anyway)', size: TABLE_MIN_SIZE - 1, table: false },
    { description: 'a large map becomes a StringTable', size: TABLE_MIN_SIZE, table: true },
  ])('$description', ({ size, table }) => {
    const map = new Map(disposable.slice(0, size).map((d, i) => [d, i]));
    const out = stringTable(map);
    expect(out instanceof StringTable).toBe(table);
    expectSameAnswers(out, map, disposable.slice(0, size + 500));
  });
});

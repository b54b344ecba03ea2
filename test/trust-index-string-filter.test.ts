import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FILTER_MIN_SIZE, FilteredMap, FilteredSet, StringFilter, filtered, filteredSet } from '../src/trust-index/string-filter';

const require = createRequire(import.meta.url);
const disposable: string[] = require('disposable-email-domains');

describe('StringFilter', () => {
  it('never says absent for a key (seeded, Unicode keys)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 300 }), (keys) => {
        const filter = new StringFilter(keys, keys.length);
        for (const k of keys) expect(filter.mayHave(k)).toBe(true);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('rejects almost every absent real domain (false positives near the designed 1.4%)', () => {
    const keys = disposable.slice(0, 10_000);
    const others = disposable.slice(10_000, 40_000);
    const filter = new StringFilter(keys, keys.length);
    const falsePositives = others.filter((d) => filter.mayHave(d)).length;
    expect(falsePositives / others.length).toBeLessThan(0.03);
    expect(keys.every((k) => filter.mayHave(k))).toBe(true);
  });
});

describe('FilteredMap', () => {
  it('answers exactly like the map it wraps', () => {
    const map = new Map(disposable.slice(0, 2_000).map((d, i) => [d, i]));
    const filtered = new FilteredMap(map);
    for (const d of disposable.slice(0, 4_000)) {
      expect(filtered.get(d)).toBe(map.get(d));
      expect(filtered.has(d)).toBe(map.has(d));
    }
    expect(filtered.size).toBe(map.size);
    expect([...filtered]).toEqual([...map]);
    expect([...filtered.keys()]).toEqual([...map.keys()]);
    const seen: string[] = [];
    filtered.forEach((_, k, m) => {
      seen.push(k);
      expect(m).toBe(filtered);
    });
    expect(seen).toEqual([...map.keys()]);
  });
});

describe('FilteredSet', () => {
  it('answers exactly like the set it wraps', () => {
    const set = new Set(disposable.slice(0, 2_000));
    const filtered = new FilteredSet(set);
    for (const d of disposable.slice(0, 4_000)) expect(filtered.has(d)).toBe(set.has(d));
    expect(filtered.size).toBe(set.size);
    expect([...filtered]).toEqual([...set]);
    expect([...filtered.keys()]).toEqual([...set.keys()]);
    expect([...filtered.values()]).toEqual([...set.values()]);
    expect([...filtered.entries()]).toEqual([...set.entries()]);
    const seen: string[] = [];
    filtered.forEach((v, k, s) => {
      expect(v).toBe(k);
      expect(s).toBe(filtered);
      seen.push(k);
    });
    expect(seen).toEqual([...set]);
  });
});

describe('filteredSet', () => {
  it.each([
    { description: 'a small set stays plain', size: FILTER_MIN_SIZE - 1, wrapped: false },
    { description: 'a large set gets a filter', size: FILTER_MIN_SIZE, wrapped: true },
  ])('$description', ({ size, wrapped }) => {
    const set = new Set(disposable.slice(0, size));
    const out = filteredSet(set);
    expect(out instanceof FilteredSet).toBe(wrapped);
    for (const d of disposable.slice(0, size + 500)) expect(out.has(d)).toBe(set.has(d));
  });
});

describe('filtered', () => {
  it.each([
    { description: 'a small map stays plain (its table is in cache anyway)', size: FILTER_MIN_SIZE - 1, wrapped: false },
    { description: 'a large map gets a filter', size: FILTER_MIN_SIZE, wrapped: true },
  ])('$description', ({ size, wrapped }) => {
    const map = new Map(disposable.slice(0, size).map((d, i) => [d, i]));
    const out = filtered(map);
    expect(out instanceof FilteredMap).toBe(wrapped);
    for (const d of disposable.slice(0, size + 500)) expect(out.get(d)).toBe(map.get(d));
  });
});

import { describe, expect, it } from 'vitest';
import { createVariantStats, FUZZER_IDS, generateVariants, KEYBOARD_LAYOUTS } from '../src/variants';

// The issue asks that a 10-character domain generates all variants (every fuzzer, three layouts)
// in well under a second. Time is measured by the benchmarks (bench/, `generateVariants` scenario),
// never asserted here: this shared 2-core machine is too noisy for timed tests. What a test can
// pin, machine-independently, is the amount of work: the candidates built per variant emitted
// (a regression to quadratic work or to per-candidate rejection shows up here).

describe('work per variant', () => {
  it.each([
    { description: 'wellsfargo.com (10 characters, 8 distinct letters)', domain: 'wellsfargo.com' },
    { description: 'salesforce.com (10 characters, vowels with many accented forms)', domain: 'salesforce.com' },
  ])('$description: every fuzzer, three layouts, bounded candidates per variant', ({ domain }) => {
    const stats = createVariantStats();
    let count = 0;
    for (const _ of generateVariants(domain, { fuzzers: FUZZER_IDS, keyboards: KEYBOARD_LAYOUTS, stats })) count++;
    expect(count).toBeGreaterThan(20_000);
    expect(stats.emitted).toBe(count);
    expect(stats.candidates).toBeLessThan(count * 1.5);
  });

  it('is lazy: the first variants arrive without generating the rest', () => {
    const stats = createVariantStats();
    const iterator = generateVariants('wellsfargo.com', { stats });
    for (let i = 0; i < 10; i++) iterator.next();
    expect(stats.emitted).toBe(10);
    expect(stats.candidates).toBeLessThan(100);
  });
});

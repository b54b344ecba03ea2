import { describe, expect, it } from 'vitest';
import { createVariantStats, FUZZER_IDS, generateVariants, KEYBOARD_LAYOUTS } from '../src/variants';

// The issue: "A domain of 10 characters generates all variants (every fuzzer, three layouts) in
// well under a second." Measured after one warm-up run (lazy tables: skeleton reverse index,
// character classes), median of three. The bound leaves room for this noisy 2-core machine
// (typical: 100–160 ms); a regression to quadratic work or per-candidate UTS #46 runs breaks it.

function timeRun(domain: string): { ms: number; count: number } {
  const start = performance.now();
  let count = 0;
  for (const _ of generateVariants(domain, { fuzzers: FUZZER_IDS, keyboards: KEYBOARD_LAYOUTS })) count++;
  return { ms: performance.now() - start, count };
}

describe('performance', () => {
  it.each([
    { description: 'wellsfargo.com (10 characters, 8 distinct letters)', domain: 'wellsfargo.com' },
    { description: 'salesforce.com (10 characters, vowels with many accented forms)', domain: 'salesforce.com' },
  ])('$description: every fuzzer, three layouts, well under a second', ({ domain }) => {
    timeRun(domain);
    const runs = [timeRun(domain), timeRun(domain), timeRun(domain)].sort((a, b) => a.ms - b.ms);
    const median = runs[1]!;
    expect(median.count).toBeGreaterThan(20_000);
    expect(median.ms).toBeLessThan(500);
  });

  it('is lazy: the first variants arrive without generating the rest', () => {
    const stats = createVariantStats();
    const iterator = generateVariants('wellsfargo.com', { stats });
    for (let i = 0; i < 10; i++) iterator.next();
    expect(stats.emitted).toBe(10);
    expect(stats.candidates).toBeLessThan(100);
  });
});

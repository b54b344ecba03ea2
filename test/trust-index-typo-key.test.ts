import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skeletonUnits } from '../src/skeleton';
import { foldPairs, typoKey } from '../src/trust-index/typo-key';

describe('typo key', () => {
  it.each([
    { description: 'keeps m, w and d whole (i folds to l as in the skeleton)', label: 'microsoft-dw', key: 'mlcrosoft-dw' },
    { description: 'maps digits and capitals like the skeleton', label: 'PayPa1', key: 'paypal' },
    { description: 'maps Cyrillic homoglyphs', label: 'cоntoso', key: 'contoso' },
    { description: 'leaves written pairs alone', label: 'rnicrosoft', key: 'rnlcrosoft' },
  ])('$description', ({ label, key }) => {
    expect(typoKey(label)).toBe(key);
  });

  it('folds written pairs only on request', () => {
    expect(foldPairs('rnlcrosoft')).toBe('mlcrosoft');
    expect(foldPairs('vvellsfargo-clropbox')).toBe('wellsfargo-dropbox');
    expect(foldPairs('contoso')).toBe('contoso');
  });

  it('the ASCII fast path agrees with the per-unit definition', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 100 }), (s) => {
        const slow = skeletonUnits(s).map((u) => ({ rn: 'm', vv: 'w', cl: 'd' })[u.output] ?? u.output).join('');
        expect(typoKey(s)).toBe(slow);
      }),
      { seed: 128, numRuns: 2000 },
    );
  });
});

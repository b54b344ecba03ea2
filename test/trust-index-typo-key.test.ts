import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skeleton, skeletonOfCodePoint, skeletonUnits } from '../src/skeleton';
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

  it('folds pairs like a left-to-right scan (seeded, pair-dense strings)', () => {
    const scan = (key: string): string => {
      let out = '';
      for (let i = 0; i < key.length; i++) {
        const pair = ({ rn: 'm', vv: 'w', cl: 'd' } as Record<string, string>)[key.slice(i, i + 2)];
        if (pair !== undefined) {
          out += pair;
          i++;
        } else out += key[i]!;
      }
      return out;
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('r', 'n', 'v', 'c', 'l', 'm', 'w', 'd', 'a'), maxLength: 24 }), (s) => {
        expect(foldPairs(s)).toBe(scan(s));
      }),
      { seed: 2917, numRuns: 5000 },
    );
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

  // analyzeDomain skips the typo query when a same-skeleton label already scores above any typo
  // hit; that is sound only if a typo hit at distance 0 always has the sender's skeleton, i.e. the
  // typo key determines the skeleton (expand m, w, d back to rn, vv, cl).
  it('determines the skeleton: no prototype but rn, vv, cl contains m, w or d', () => {
    const offenders: string[] = [];
    for (let cp = 0; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const out = skeletonOfCodePoint(cp);
      if (out !== 'rn' && out !== 'vv' && out !== 'cl' && /[mwd]/u.test(out)) offenders.push(`U+${cp.toString(16)} → ${out}`);
    }
    expect(offenders).toEqual([]);
  });

  it.each([
    { description: 'Cyrillic о', label: 'nоrthwind' },
    { description: 'rn written for m', label: 'rnicrosoft' },
    { description: 'vv written for w', label: 'vvoodgrove' },
    { description: 'cl written for d', label: 'fabrikam-clata' },
    { description: 'Greek and digits', label: 'αdventure-w0rks' },
  ])('expanding the typo key gives the skeleton ($description)', ({ label }) => {
    const expand = (k: string): string => k.replace(/[mwd]/gu, (c) => ({ m: 'rn', w: 'vv', d: 'cl' })[c]!);
    expect(expand(typoKey(label))).toBe(skeleton(label));
    expect(expand(foldPairs(typoKey(label)))).toBe(skeleton(label));
  });
});

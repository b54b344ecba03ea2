import fc from 'fast-check';
import tr46 from 'tr46';
import { describe, expect, it } from 'vitest';
import { simpleALabel, simpleLabel } from '../src/normalize/simple-label';

// UTS #46 reference options, the same as src/normalize/idna.ts uses.
const OPTIONS = { checkBidi: true, checkHyphens: false, checkJoiners: true, useSTD3ASCIIRules: true, transitionalProcessing: false, verifyDNSLength: true };

function reference(label: string): { ascii: string; unicode: string } | null {
  const ascii = tr46.toASCII(label, OPTIONS);
  const unicode = tr46.toUnicode(label, OPTIONS);
  if (ascii === null || unicode.error) return null;
  return { ascii, unicode: unicode.domain };
}

const SET: string[] = [];
for (let c = 0; c < 0x600; c++) {
  const ch = String.fromCharCode(c);
  if (simpleLabel(`a${ch}b`) !== null || simpleLabel(`${ch}ö`) !== null) SET.push(ch);
}

describe('simple-label fast path agrees with tr46', () => {
  it('covers the documented ranges', () => {
    expect(SET).toContain('ö');
    expect(SET).toContain('о');
    expect(SET).toContain('ς');
    expect(SET).toContain('ӏ');
    expect(SET).toContain('ո'); // Armenian small letters
    expect(SET).toContain('Ո'); // and capitals lowercased like UTS #46
    expect(SET).toContain('À');
    expect(SET).toContain('Ж');
    expect(SET).not.toContain('Σ'); // final-sigma lowercasing differs from UTS #46
    expect(SET).not.toContain('×');
    expect(SET).not.toContain('ſ');
    expect(SET).not.toContain('İ');
    expect(SET).not.toContain('\u0483');
    expect(SET.length).toBeGreaterThan(150);
  });

  it.each(SET.filter((c) => c.charCodeAt(0) > 0x7f).map((ch) => ({ description: `U+${ch.charCodeAt(0).toString(16).toUpperCase()} ${ch}`, ch })))(
    '$description',
    ({ ch }) => {
      for (const label of [`${ch}`, `a${ch}b`, `Con${ch}toso`, `${ch}${ch}-x`]) {
        expect(simpleLabel(label)).toEqual(reference(label));
      }
    },
  );

  it('random labels over the set agree with tr46', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SET, 'A', 'Q'), { minLength: 1, maxLength: 20 }), (chars) => {
        const label = chars.join('');
        const fast = simpleLabel(label);
        if (fast !== null) expect(fast).toEqual(reference(label));
      }),
      { seed: 46, numRuns: 3000 },
    );
  });

  it('declines labels it does not cover', () => {
    for (const label of ['contoso', 'ſtore', 'İstanbul', 'a\u0301b', '日本', 'ΣΟΦΙΑ', 'مثال', 'xn--ö', 'XN--cöntoso']) expect(simpleLabel(label)).toBeNull();
  });
});

describe('A-label fast path agrees with tr46', () => {
  it('random A-labels of labels over the set decode like tr46', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SET), { minLength: 1, maxLength: 20 }), (chars) => {
        const label = chars.join('');
        const ref = reference(label);
        if (ref === null || !ref.ascii.startsWith('xn--')) return;
        expect(simpleALabel(ref.ascii)).toEqual(reference(ref.ascii));
        expect(simpleALabel(ref.ascii.toUpperCase())).toEqual(reference(ref.ascii));
      }),
      { seed: 3492, numRuns: 2000 },
    );
  });

  it.each([
    { description: 'malformed punycode', label: 'xn--zz' },
    { description: 'not an A-label', label: 'contoso' },
    { description: 'a label outside the set (Han)', label: 'xn--fiqs8s' },
    { description: 'a non-canonical encoding of a simple label (upper-case letters inside)', label: 'xn--Cntoso-wqf' },
    { description: 'an A-label of an ASCII-only string', label: 'xn--contoso-' },
  ])('declines $description', ({ label }) => {
    const fast = simpleALabel(label);
    if (fast !== null) expect(fast).toEqual(reference(label));
    if (label === 'xn--zz' || label === 'contoso' || label === 'xn--fiqs8s' || label === 'xn--contoso-') expect(fast).toBeNull();
  });
});

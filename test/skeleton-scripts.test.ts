import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeScripts, describeCodePoint, scriptOf } from '../src/skeleton';

interface ScriptCase {
  readonly description: string;
  readonly codePoint: number;
  readonly script: string;
}

const scriptCases: readonly ScriptCase[] = [
  { description: 'ASCII letter', codePoint: 0x61, script: 'Latin' },
  { description: 'ASCII capital', codePoint: 0x5a, script: 'Latin' },
  { description: 'ASCII digit', codePoint: 0x30, script: 'Common' },
  { description: 'ASCII hyphen', codePoint: 0x2d, script: 'Common' },
  { description: 'ASCII backquote (next to the letters)', codePoint: 0x60, script: 'Common' },
  { description: 'Latin with diacritic', codePoint: 0xf6, script: 'Latin' },
  { description: 'Cyrillic о', codePoint: 0x43e, script: 'Cyrillic' },
  { description: 'Greek ο', codePoint: 0x3bf, script: 'Greek' },
  { description: 'combining acute', codePoint: 0x301, script: 'Inherited' },
  { description: 'Han', codePoint: 0x65e5, script: 'Han' },
  { description: 'Hiragana', codePoint: 0x3072, script: 'Hiragana' },
  { description: 'Katakana', codePoint: 0x30ab, script: 'Katakana' },
  { description: 'Hangul', codePoint: 0xd55c, script: 'Hangul' },
  { description: 'Armenian', codePoint: 0x585, script: 'Armenian' },
  { description: 'Cherokee', codePoint: 0x13aa, script: 'Cherokee' },
  { description: 'astral: mathematical bold a', codePoint: 0x1d41a, script: 'Common' },
  { description: 'astral: Gothic', codePoint: 0x10330, script: 'Gothic' },
  { description: 'private use', codePoint: 0xe000, script: 'Unknown' },
  { description: 'unassigned', codePoint: 0x378, script: 'Unknown' },
  { description: 'surrogate', codePoint: 0xd800, script: 'Unknown' },
  { description: 'out of range', codePoint: 0x110000, script: 'Unknown' },
  { description: 'negative', codePoint: -1, script: 'Unknown' },
  { description: 'not an integer', codePoint: 1.5, script: 'Unknown' },
];

describe('scriptOf', () => {
  it.each(scriptCases)('$description (U+$codePoint) is $script', ({ codePoint, script }) => {
    expect(scriptOf(codePoint)).toBe(script);
  });

  it('agrees with \\p{Script=…} on every BMP code point', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const script = scriptOf(cp);
      if (script === 'Unknown') continue;
      if (!new RegExp(`^\\p{Script=${script}}$`, 'u').test(String.fromCharCode(cp)) && wrong.length < 5) {
        wrong.push(cp.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('names a script for every assigned code point except private use', () => {
    const missing: string[] = [];
    const assigned = /^[^\p{Cn}\p{Co}\p{Cs}]$/u;
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x30000 ? 1 : 0x101) {
      const c = String.fromCodePoint(cp);
      if (assigned.test(c) && scriptOf(cp) === 'Unknown' && missing.length < 5) missing.push(cp.toString(16));
    }
    expect(missing).toEqual([]);
  });
});

describe('describeCodePoint', () => {
  it.each([
    { description: 'Cyrillic о', input: 'о', expected: { char: 'о', codePoint: 'U+043E', script: 'Cyrillic' } },
    { description: 'ASCII zero', input: '0', expected: { char: '0', codePoint: 'U+0030', script: 'Common' } },
    {
      description: 'astral character, 5 hex digits',
      input: '\u{1D41A}',
      expected: { char: '\u{1D41A}', codePoint: 'U+1D41A', script: 'Common' },
    },
    { description: 'first code point of a longer string', input: 'ab', expected: { char: 'a', codePoint: 'U+0061', script: 'Latin' } },
    { description: 'empty string', input: '', expected: { char: '', codePoint: '', script: 'Unknown' } },
    { description: 'lone surrogate', input: '\uD800', expected: { char: '\uD800', codePoint: 'U+D800', script: 'Unknown' } },
  ])('$description', ({ input, expected }) => {
    expect(describeCodePoint(input)).toEqual(expected);
  });
});

interface AnalysisCase {
  readonly description: string;
  readonly label: string;
  readonly scripts: readonly string[];
  readonly mixedScript: boolean;
  readonly wholeScriptConfusable: boolean;
}

const analysisCases: readonly AnalysisCase[] = [
  { description: 'plain Latin', label: 'contoso', scripts: ['Latin'], mixedScript: false, wholeScriptConfusable: false },
  {
    description: 'one Cyrillic о in a Latin label',
    label: 'cont\u043Eso',
    scripts: ['Cyrillic', 'Latin'],
    mixedScript: true,
    wholeScriptConfusable: false,
  },
  {
    description: 'соntоsо: Cyrillic с о with Latin n t is mixed, not whole-script',
    label: '\u0441\u043Ent\u043Es\u043E',
    scripts: ['Cyrillic', 'Latin'],
    mixedScript: true,
    wholeScriptConfusable: false,
  },
  {
    description: 'сосо: all Cyrillic, reads as Latin coco',
    label: '\u0441\u043E\u0441\u043E',
    scripts: ['Cyrillic'],
    mixedScript: false,
    wholeScriptConfusable: true,
  },
  {
    description: 'аррӏе: all Cyrillic, reads as Latin apple',
    label: '\u0430\u0440\u0440\u04CF\u0435',
    scripts: ['Cyrillic'],
    mixedScript: false,
    wholeScriptConfusable: true,
  },
  {
    description: 'all-Cyrillic with digits still reads as Latin (с0с0)',
    label: '\u04410\u04410',
    scripts: ['Cyrillic'],
    mixedScript: false,
    wholeScriptConfusable: true,
  },
  {
    description: 'Greek ορο reads as Latin opo',
    label: '\u03BF\u03C1\u03BF',
    scripts: ['Greek'],
    mixedScript: false,
    wholeScriptConfusable: true,
  },
  {
    description: 'пример: a real Russian word is not whole-script confusable',
    label: 'пример',
    scripts: ['Cyrillic'],
    mixedScript: false,
    wholeScriptConfusable: false,
  },
  { description: '日本語: Han only', label: '日本語', scripts: ['Han'], mixedScript: false, wholeScriptConfusable: false },
  {
    description: 'ひらがなカタカナ漢字: Japanese combination resolves to Jpan (UTS #39 §5.1)',
    label: 'ひらがなカタカナ漢字',
    scripts: ['Han', 'Hiragana', 'Katakana'],
    mixedScript: false,
    wholeScriptConfusable: false,
  },
  {
    description: 'Hangul with Han resolves to Kore',
    label: '한국漢字',
    scripts: ['Han', 'Hangul'],
    mixedScript: false,
    wholeScriptConfusable: false,
  },
  {
    description: 'Hiragana with Hangul has no common script',
    label: 'ひ한',
    scripts: ['Hangul', 'Hiragana'],
    mixedScript: true,
    wholeScriptConfusable: false,
  },
  {
    description: 'Latin with Han is mixed under §5.1 (the Highly Restrictive allowance is policy, not applied)',
    label: 'abc日本',
    scripts: ['Han', 'Latin'],
    mixedScript: true,
    wholeScriptConfusable: false,
  },
  {
    description: 'Common and Inherited are ignored: digits, hyphen, combining mark',
    label: 'a-1\u0301',
    scripts: ['Latin'],
    mixedScript: false,
    wholeScriptConfusable: false,
  },
  { description: 'digits only', label: '123', scripts: [], mixedScript: false, wholeScriptConfusable: false },
  { description: 'empty', label: '', scripts: [], mixedScript: false, wholeScriptConfusable: false },
];

describe('analyzeScripts', () => {
  it.each(analysisCases)('$description', ({ label, scripts, mixedScript, wholeScriptConfusable }) => {
    expect(analyzeScripts(label)).toEqual({ scripts, mixedScript, wholeScriptConfusable });
  });

  it('never throws and keeps its invariants', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (label) => {
        const a = analyzeScripts(label);
        const sorted = [...a.scripts].sort();
        return (
          a.scripts.every((s, k) => s === sorted[k]) &&
          !a.scripts.includes('Common') &&
          !a.scripts.includes('Inherited') &&
          (!a.wholeScriptConfusable || (a.scripts.length === 1 && a.scripts[0] !== 'Latin' && !a.mixedScript))
        );
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

/**
 * Stage `skeleton`: visual identity of text. Extended UTS #39 skeletons (confusables, case and
 * diacritic folding, ASCII multi-letter lookalikes), Unicode scripts and UTS #39 mixed-script /
 * whole-script analysis, and reverse homoglyph lookups for variant generation.
 */

export { codePointAt, skeleton, skeletonOfCodePoint, skeletonUnits, type SkeletonUnit } from './skeleton';
export { scriptOf, describeCodePoint, describeText, type CodePointInfo } from './script-of';
export { analyzeScripts, type ScriptAnalysis } from './analyze-scripts';
export { homoglyphsOf, multiCharLookalikes } from './homoglyphs';
export { isDiacriticOf } from './diacritics';

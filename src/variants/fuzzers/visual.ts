/**
 * Visual fuzzers: labels that render like the input. All lookalikes come from src/skeleton (the
 * extended UTS #39 confusables the detector uses), so a variant made here is, by construction, one
 * the detector's skeleton maps back to the input:
 * - `diacritic`: accented forms of a letter (`cöntoso`), told apart with `isDiacriticOf`;
 * - `homoglyph`: every other lookalike: digits for letters (`c0ntoso`, `paypa1`), letters of other
 *   scripts (Cyrillic `о` in `contоso`), Latin variants (`ɑ`, small capitals), and multi-letter
 *   lookalikes in both directions (`rn` ↔ `m`, `vv` ↔ `w`, `cl` ↔ `d`);
 * - `whole-script`: the label written entirely in one other script (`аррӏе`), where possible.
 *
 * Single and double substitutions. Doubles combine two non-overlapping single edits, with two
 * limits: both edits must use characters valid anywhere in a left-to-right label (no marks or
 * right-to-left letters, which mostly break the Bidi rule or UTS #46 V6), and the result may hold
 * at most two scripts (the label's and one other): a label mixing Latin, Cyrillic and Greek is
 * refused by every registry and adds nothing a reader would not already be fooled by.
 */

import { isAscii } from '../../normalize/is-ascii';
import { analyzeScripts, homoglyphsOf, isDiacriticOf, multiCharLookalikes, scriptOf } from '../../skeleton';
import { labelCharClass } from '../validate';
import { labelCandidate, type Candidate, type FuzzContext, type RawChange } from './context';

/** One substitution of the input label. */
interface Edit {
  /** First code point replaced. */
  readonly position: number;
  /** Number of code points replaced. */
  readonly length: number;
  readonly from: string;
  readonly to: string;
  /** Scripts of `to` other than Common and Inherited. */
  readonly scripts: readonly string[];
  /** Whether the edit may take part in a double substitution. */
  readonly combinable: boolean;
  /** The edit as reported (one shared object: candidates only read it). */
  readonly change: RawChange;
}

/** Longest ASCII sequence looked up for a multi-letter lookalike (`rn`, `vv`, `cl` are 2). */
const MAX_WINDOW = 3;

function scriptsOf(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    const s = scriptOf(ch.codePointAt(0) ?? 0);
    if (s !== 'Common' && s !== 'Inherited' && !out.includes(s)) out.push(s);
  }
  return out;
}

function makeEdit(position: number, length: number, from: string, to: string): Edit | undefined {
  let combinable = true;
  for (const ch of to) {
    const cls = labelCharClass(ch);
    if (cls === 'bad') return undefined; // never valid in a label: not a candidate at all
    if (cls !== 'simple') combinable = false;
  }
  return { position, length, from, to, scripts: scriptsOf(to), combinable, change: { position, from, to } };
}

/** Code-unit offsets of each code point of the label, plus its length. */
function offsets(ctx: FuzzContext): number[] {
  const out: number[] = [];
  let at = 0;
  for (const ch of ctx.chars) {
    out.push(at);
    at += ch.length;
  }
  out.push(at);
  return out;
}

/** Yields every single edit, then every allowed pair, as label candidates. */
function* singlesAndDoubles(ctx: FuzzContext, edits: readonly Edit[]): Generator<Candidate> {
  const { label } = ctx;
  const at = offsets(ctx);
  const start = (e: Edit): number => at[e.position]!;
  const end = (e: Edit): number => at[e.position + e.length]!;
  for (const e of edits) {
    yield labelCandidate(ctx, label.slice(0, start(e)) + e.to + label.slice(end(e)), [e.change]);
  }
  const base = ctx.labelScripts;
  for (let i = 0; i < edits.length; i++) {
    const a = edits[i]!;
    if (!a.combinable) continue;
    const head = label.slice(0, start(a)) + a.to;
    const aEnd = end(a);
    const scriptsA = [...base];
    for (const s of a.scripts) if (!scriptsA.includes(s)) scriptsA.push(s);
    for (let j = i + 1; j < edits.length; j++) {
      const b = edits[j]!;
      if (!b.combinable || b.position < a.position + a.length) continue;
      let count = scriptsA.length;
      for (const s of b.scripts) if (!scriptsA.includes(s)) count++;
      if (count > 2) continue;
      const text = head + label.slice(aEnd, start(b)) + b.to + label.slice(end(b));
      yield labelCandidate(ctx, text, [a.change, b.change]);
    }
  }
}

/** `diacritic`: one or two letters replaced by an accented form of themselves (or an accent removed). */
export function* diacritic(ctx: FuzzContext): Generator<Candidate> {
  if (!ctx.idn) return;
  const edits: Edit[] = [];
  ctx.chars.forEach((ch, i) => {
    for (const c of homoglyphsOf(ch)) {
      if (!isDiacriticOf(c, ch)) continue;
      const edit = makeEdit(i, 1, ch, c);
      if (edit !== undefined) edits.push(edit);
    }
  });
  yield* singlesAndDoubles(ctx, edits);
}

/** The homoglyph edits of the label: per position, single characters, then `m` → `rn`, then `rn` → `m`. */
function homoglyphEdits(ctx: FuzzContext): Edit[] {
  const { chars } = ctx;
  const edits: Edit[] = [];
  const push = (edit: Edit | undefined): void => {
    if (edit !== undefined && (ctx.idn || isAscii(edit.to))) edits.push(edit);
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    for (const c of homoglyphsOf(ch)) {
      if (!isDiacriticOf(c, ch)) push(makeEdit(i, 1, ch, c));
    }
    for (const multi of multiCharLookalikes(ch)) {
      if ([...multi].length > 1) push(makeEdit(i, 1, ch, multi));
    }
    let window = ch;
    for (let len = 2; len <= MAX_WINDOW && i + len <= chars.length; len++) {
      window += chars[i + len - 1]!;
      for (const single of multiCharLookalikes(window)) push(makeEdit(i, len, window, single));
    }
  }
  return edits;
}

/** `homoglyph`: one or two substitutions by lookalikes that are not accents (see the file header). */
export function* homoglyph(ctx: FuzzContext): Generator<Candidate> {
  yield* singlesAndDoubles(ctx, homoglyphEdits(ctx));
}

/**
 * Scripts `whole-script` writes labels in, in this order: the two whose lowercase letters pass for
 * Latin ones. Other scripts have lookalikes too (Lisu ꓔ, Cherokee), but they look like capitals,
 * or only some letters have one; their single letters come from `homoglyph`.
 */
const WHOLE_SCRIPTS = ['Cyrillic', 'Greek'];

/**
 * Preferred lookalikes for the two letters the skeleton folds together. src/skeleton maps `i` to `l`
 * (extra-confusables.ts), so every i-like letter is a homoglyph of l and vice versa; for a whole
 * label we want the letter UTS #39 itself maps to each one: Cyrillic і (U+0456) and Greek ι
 * (U+03B9) for i, Cyrillic palochka ӏ (U+04CF) for l (the `аррӏе` of the 2017 Zheng demonstration).
 */
const PREFERRED: Readonly<Record<string, readonly string[]>> = { i: ['\u0456', '\u03B9'], l: ['\u04CF'] };

/**
 * The lookalike of `ch` in `script`: the preferred letter if any, else the first plain lookalike in
 * homoglyph order (no accent of its own: θ reads as a barred o, not as o), undecomposed letters first.
 */
function lookalikeIn(ch: string, script: string): string | undefined {
  const all = homoglyphsOf(ch);
  for (const p of PREFERRED[ch] ?? []) {
    if (all.includes(p) && scriptOf(p.codePointAt(0) ?? 0) === script) return p;
  }
  let fallback: string | undefined;
  for (const c of all) {
    if (scriptOf(c.codePointAt(0) ?? 0) !== script || labelCharClass(c) !== 'simple' || isDiacriticOf(c, ch)) continue;
    if (c.normalize('NFD') === c) return c;
    fallback ??= c;
  }
  return fallback;
}

/**
 * `whole-script`: the label written entirely in Cyrillic, or entirely in Greek, when every letter
 * has a lookalike there and the result reads as a Latin label (UTS #39 §4 whole-script
 * confusable, as `analyzeScripts` decides): `аррӏе` for `apple`. At most one variant per script,
 * each letter taken as its first undecomposed lookalike in homoglyph order. Digits and hyphens are
 * kept.
 */
export function* wholeScript(ctx: FuzzContext): Generator<Candidate> {
  if (!ctx.idn) return;
  const letters: number[] = [];
  ctx.chars.forEach((ch, i) => {
    const s = scriptOf(ch.codePointAt(0) ?? 0);
    if (s !== 'Common' && s !== 'Inherited') letters.push(i);
  });
  if (letters.length === 0) return;
  for (const script of WHOLE_SCRIPTS) {
    if (ctx.labelScripts.includes(script)) continue;
    const out = [...ctx.chars];
    const changes: RawChange[] = [];
    let complete = true;
    for (const i of letters) {
      const c = lookalikeIn(ctx.chars[i]!, script);
      if (c === undefined) {
        complete = false;
        break;
      }
      out[i] = c;
      changes.push({ position: i, from: ctx.chars[i]!, to: c });
    }
    if (!complete) continue;
    const label = out.join('');
    if (!analyzeScripts(label).wholeScriptConfusable) continue;
    yield labelCandidate(ctx, label, changes, { script });
  }
}

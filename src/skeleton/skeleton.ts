/**
 * The extended UTS #39 skeleton: two strings that render alike get the same skeleton.
 *
 * UTS #39 §4 defines skeleton(X) as: convert X to NFD; remove Default_Ignorable_Code_Point
 * characters; replace each character by its prototype from confusables.txt; reapply NFD. We apply
 * that per input code point and then deviate, on purpose, in four ways:
 *
 * 1. Lowercasing after the prototype step. Domains are case-insensitive and display names are
 *    compared regardless of case. The prototype step comes first because UTS #39 maps case forms
 *    separately where they look different: capital Greek Β looks like B (→ b), small β does not.
 *    So the skeleton is case-insensitive on ASCII; other scripts keep UTS #39's per-case decisions.
 * 2. Removing nonspacing and enclosing marks (\p{Mn}, \p{Me}) after NFD, so diacritics fold:
 *    cöntoso → contoso, ø → o̸ → o. UTS #39 keeps marks (an accented letter is a different letter),
 *    but for spotting an imitation of a trusted domain an accent is a visual lookalike. The score
 *    stage tells diacritics apart from other homoglyphs with isDiacriticOf. Spacing marks (\p{Mc})
 *    stay: they take their own width and are visibly there.
 * 3. Extra ASCII lookalikes (./extra-confusables.ts): w → vv, d → cl, i → l, plus ASCII-lookalike
 *    additions from the `confusables` package folded into the prototype table (compatibility
 *    forms such as fullwidth and circled letters, small capitals, letters with hooks).
 * 4. Iteration to a fixpoint: the steps above repeat until a character's output no longer changes
 *    (e.g. W → w → vv, Ƀ → ƀ → b̵ → b), so skeleton(skeleton(x)) === skeleton(x) holds for the whole
 *    pipeline, as UTS #39 §4 requires of a skeleton. A lone surrogate becomes U+FFFD, what a renderer
 *    shows, so that output units never pair up into a different character on a second pass.
 *
 * Because each input code point maps on its own, the skeleton is the concatenation of per-code-point
 * outputs (skeletonUnits), which lets explanations align a sender with a trusted label.
 *
 * Cost: ASCII goes through a 128-entry table (no normalize call; an already-folded string is
 * returned as is); other code points are folded once and cached. Work is linear in the input.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import { confusableMap } from './confusable-map';
import { EXTRA_CONFUSABLES } from './extra-confusables';

/** One input code point and its share of the skeleton. */
export interface SkeletonUnit {
  /** One input code point as written (a lone surrogate as written). */
  readonly source: string;
  /** UTF-16 offset of `source` in the input. */
  readonly offset: number;
  /** Code-point index of `source` in the input. */
  readonly position: number;
  /** Its skeleton: '' (marks, invisible characters), one or several characters. */
  readonly output: string;
}

const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const MARKS = /[\p{Mn}\p{Me}]/gu;
/** A safety net against a cycle in the data; a test checks every code point reaches a fixpoint within it. */
const MAX_ROUNDS = 8;
/** Bounds the per-code-point cache; an adversary cycling through code points cannot grow it. */
const CACHE_LIMIT = 20_000;
const REPLACEMENT = '\uFFFD';

const cache = new Map<number, string>();
let asciiOut: string[] | undefined;
/** 1 where an ASCII character is its own skeleton. */
let asciiIdentity: Uint8Array | undefined;

/** One round: NFD, drop ignorables, prototypes, NFD, lowercase, drop marks, extra lookalikes. */
function foldRound(text: string, prototypes: ReadonlyMap<number, string>): string {
  let mapped = '';
  for (const ch of text.normalize('NFD')) {
    if (IGNORABLE.test(ch)) continue; // UTS #39 §4: remove Default_Ignorable_Code_Point
    const cp = ch.codePointAt(0) ?? 0;
    mapped += prototypes.get(cp) ?? ch; // UTS #39 §4: prototype of each character
  }
  const folded = mapped.normalize('NFD').toLowerCase().normalize('NFD').replace(MARKS, '');
  let out = '';
  for (const ch of folded) out += EXTRA_CONFUSABLES.get(ch) ?? ch;
  return out;
}

/** The skeleton of one code point, computed without caches. */
function computeCodePoint(cp: number): string {
  if (cp >= 0xd800 && cp <= 0xdfff) return REPLACEMENT;
  const prototypes = confusableMap();
  let current = String.fromCodePoint(cp);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = foldRound(current, prototypes);
    if (next === current) break;
    current = next;
  }
  return current;
}

function buildAscii(): string[] {
  const out: string[] = [];
  const identity = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const s = computeCodePoint(c);
    out.push(s);
    identity[c] = s === String.fromCharCode(c) ? 1 : 0;
  }
  asciiIdentity = identity;
  asciiOut = out;
  return out;
}

/** The skeleton of one code point (ASCII table, cache, or computed). */
export function skeletonOfCodePoint(cp: number): string {
  if (cp < 128 && cp >= 0) return (asciiOut ?? buildAscii())[cp] ?? '';
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const out = computeCodePoint(cp);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cp, out);
  return out;
}

/**
 * Reads the code point at UTF-16 index `i`, as `skeleton` reads it: a surrogate pair is one code
 * point, a lone surrogate is returned as such.
 */
export function codePointAt(text: string, i: number): number {
  const c = codeUnitAt(text, i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = codeUnitAt(text, i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * Extended UTS #39 §4 skeleton: NFD → confusable prototype per code point → lowercase → remove
 * combining marks (so diacritics fold: cöntoso → contoso) → extra ASCII lookalikes; iterated to a
 * fixpoint so skeleton(skeleton(x)) === skeleton(x). Case-insensitive (on ASCII; see the file
 * header for other scripts). Never throws; linear in the input.
 * @example skeleton('rnicros0ft') === skeleton('microsoft') // 'rnlcrosoft'
 */
export function skeleton(text: string): string {
  if (typeof text !== 'string') return '';
  const table = asciiOut ?? buildAscii();
  const identity = asciiIdentity as Uint8Array; // set together with asciiOut by buildAscii
  const n = text.length;
  let i = 0;
  // Fast path: a prefix of ASCII characters that are their own skeleton needs no copy.
  while (i < n) {
    const c = codeUnitAt(text, i);
    if (c >= 128 || identity[c] === 0) break;
    i++;
  }
  if (i === n) return text;
  let out = text.slice(0, i);
  while (i < n) {
    const c = codeUnitAt(text, i);
    if (c < 128) {
      out += table[c];
      i++;
      continue;
    }
    const cp = codePointAt(text, i);
    out += skeletonOfCodePoint(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/**
 * Per-code-point skeleton, for explanations and alignment.
 * Invariant: units.map(u => u.output).join('') === skeleton(text). Never throws.
 */
export function skeletonUnits(text: string): SkeletonUnit[] {
  if (typeof text !== 'string') return [];
  const units: SkeletonUnit[] = [];
  let position = 0;
  for (let i = 0; i < text.length; position++) {
    const cp = codePointAt(text, i);
    const width = cp > 0xffff ? 2 : 1;
    units.push({ source: text.slice(i, i + width), offset: i, position, output: skeletonOfCodePoint(cp) });
    i += width;
  }
  return units;
}

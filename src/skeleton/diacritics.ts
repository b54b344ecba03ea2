/**
 * Diacritic comparison: whether two strings differ only in accents and similar marks.
 *
 * Base letters come from the canonical decomposition (NFD, UAX #15) with nonspacing and enclosing
 * marks removed. Letters with a stroke, bar or hook that have no decomposition (ø ł đ ħ ƀ ɨ ȼ ɇ …)
 * are split the way UTS #39 confusables.txt does (ø → o + U+0338 COMBINING LONG SOLIDUS OVERLAY),
 * so they count as diacritic forms of their base letter too. A homoglyph from another script
 * (Cyrillic о for o) is not a diacritic form: its prototype is a different letter, not a letter
 * plus marks.
 */

import { confusableMap } from './confusable-map';

const MARK = /^[\p{Mn}\p{Me}]$/u;
const MAX_LENGTH = 1024;

/** The prototype's base when UTS #39 maps `ch` to one letter followed only by marks, else `ch`. */
function overlayBase(ch: string): string {
  const prototype = confusableMap().get(ch.codePointAt(0) ?? 0);
  if (prototype === undefined) return ch;
  const parts = [...prototype.normalize('NFD')];
  const [base, ...rest] = parts;
  if (base === undefined || rest.length === 0 || MARK.test(base) || !rest.every((c) => MARK.test(c))) return ch;
  return base;
}

/** Base letters of a string: lowercase, NFD, overlay letters split, marks dropped. */
function baseLetters(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase().normalize('NFD')) {
    if (MARK.test(ch)) continue;
    out += overlayBase(ch).toLowerCase();
  }
  return out;
}

/**
 * Answers for short pairs already compared, keyed `${a.length}\0${a}${b}` (the length makes the
 * key unambiguous): explanations ask about the same few hundred pairs (о/o, ö/o, rn/m) over and
 * over, and each fresh answer costs two NFC and two NFD normalisations (0.31 → 0.08 µs per visual
 * finding of the benchmark's homoglyph stream). Bounded: cleared when full.
 */
const memo = new Map<string, boolean>();
const MEMO_LIMIT = 5_000;
const MEMO_MAX_INPUT = 32;

/**
 * True when `a` is `b` with only diacritics added, removed or changed: the base letters are equal
 * (NFD with marks removed, ignoring case; stroke letters such as ø and ł count as o and l) and the
 * strings differ beyond case. ('ö', 'o') → true, ('ö', 'ó') → true, ('o', 'O') → false,
 * ('о' Cyrillic, 'o') → false. Symmetric. Never throws; false for inputs over 1,024 characters.
 */
export function isDiacriticOf(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (a.length > MAX_LENGTH || b.length > MAX_LENGTH) return false;
  if (a.length + b.length > MEMO_MAX_INPUT) return compareBases(a, b);
  const key = `${a.length}\u0000${a}${b}`;
  let answer = memo.get(key);
  if (answer === undefined) {
    answer = compareBases(a, b);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, answer);
  }
  return answer;
}

function compareBases(a: string, b: string): boolean {
  const x = a.normalize('NFC').toLowerCase();
  const y = b.normalize('NFC').toLowerCase();
  if (x === y) return false;
  const base = baseLetters(x);
  return base !== '' && base === baseLetters(y);
}

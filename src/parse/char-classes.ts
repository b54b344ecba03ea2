/**
 * Character classes of RFC 5322 §3.2.3 (atext, specials) widened by RFC 6532 §3.2 (any non-ASCII
 * code unit is atext). One lookup table keeps the scanners branch-light and linear.
 */

import { codeUnitAt } from './code-unit-at';

/** `ASCII_CLASS` value: whitespace, controls, and specials other than `.` and `@`. */
export const CC_OTHER = 0;
/** `ASCII_CLASS` value: RFC 5322 atext except `=`. */
export const CC_ATEXT = 1;
/** `ASCII_CLASS` value: `.`. */
export const CC_DOT = 2;
/** `ASCII_CLASS` value: `@`. */
export const CC_AT = 3;
/** `ASCII_CLASS` value: `=`, atext, but `=?` may open an RFC 2047 encoded word. */
export const CC_EQUALS = 4;

/** RFC 5322 §3.2.3: atext = ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "/" / "=" / "?" / "^" / "_" / "`" / "{" / "|" / "}" / "~" */
const ATEXT_PUNCTUATION = "!#$%&'*+-/?^_`{|}~";

/** Class of each ASCII code unit (index < 128). */
export const ASCII_CLASS: Uint8Array = /*#__PURE__*/ (() => {
  const table = new Uint8Array(128);
  for (let c = 0x30; c <= 0x39; c++) table[c] = CC_ATEXT;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = CC_ATEXT;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = CC_ATEXT;
  for (let i = 0; i < ATEXT_PUNCTUATION.length; i++) table[codeUnitAt(ATEXT_PUNCTUATION, i)] = CC_ATEXT;
  table[0x2e] = CC_DOT;
  table[0x40] = CC_AT;
  table[0x3d] = CC_EQUALS;
  return table;
})();

/** RFC 5322 atext or (RFC 6532) any non-ASCII code unit, lone surrogates included: they are kept as written. */
export function isAtomChar(c: number): boolean {
  if (c >= 0x80) return true;
  const k = ASCII_CLASS[c];
  return k === CC_ATEXT || k === CC_EQUALS;
}

/** RFC 5322 §3.2.2 WSP plus the CR and LF of folding: the whitespace that separates tokens. */
export function isFoldingSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** ASCII control characters (C0 and DEL); RFC 5322 allows them in no unquoted token. */
export function isAsciiControl(c: number): boolean {
  return c < 0x20 || c === 0x7f;
}

/** Whitespace trimmed from the ends of the input: ASCII only (SP, HT, LF, VT, FF, CR). Unicode spaces are kept for the normalize stage. */
export function isTrimmable(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Removes ASCII whitespace from both ends; returns the same string when there is none. */
export function trimAscii(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isTrimmable(codeUnitAt(s, a))) a++;
  while (b > a && isTrimmable(codeUnitAt(s, b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Collapses runs of folding whitespace (SP, HT, CR, LF) to one space and trims ASCII whitespace. Linear. */
export function collapseSpaces(s: string): string {
  let out = '';
  let pendingSpace = false;
  let runStart = 0;
  let i = 0;
  const n = s.length;
  // Copy maximal runs without whitespace in one slice each.
  while (i < n) {
    const c = codeUnitAt(s, i);
    if (isFoldingSpace(c)) {
      if (i > runStart) {
        if (pendingSpace && out !== '') out += ' ';
        out += s.slice(runStart, i);
      }
      pendingSpace = true;
      runStart = i + 1;
    }
    i++;
  }
  if (n > runStart) {
    if (pendingSpace && out !== '') out += ' ';
    out += s.slice(runStart, n);
  }
  return trimAscii(out);
}

/**
 * Quoting of input text inside error messages.
 */

/** Longest excerpt (code points) of input text shown in a message, so a hostile input cannot bloat it. */
const MAX_QUOTED = 40;

/** Characters a reader cannot see or that break a line: controls, format, unassigned, surrogates, separators. */
const UNPRINTABLE = /^[\p{C}\p{Z}\p{Default_Ignorable_Code_Point}]$/u;

/**
 * `"text"` for messages: double-quoted, cut to 40 code points, with every invisible or control character
 * (`\p{C}`, `\p{Z}` except SPACE, Default_Ignorable_Code_Point) written as `\u{XXXX}` so the reader sees it.
 * @param text - Any input text.
 * @returns The quoted excerpt.
 */
export function quote(text: string): string {
  let out = '"';
  let count = 0;
  for (const ch of text) {
    if (count++ === MAX_QUOTED) {
      out += '…';
      break;
    }
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch !== ' ' && UNPRINTABLE.test(ch)) out += `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * Terminal-safe text for human output. Senders are written by attackers: a bidi control
 * (U+202E RIGHT-TO-LEFT OVERRIDE, "Trojan Source", CVE-2021-42574) would reorder the rest of the
 * terminal line, an ANSI escape (ESC, a C0 control) could recolour or rewrite it, and invisible
 * characters (U+200B, U+00AD, tags) are exactly what the reader needs to see. So human formats
 * show each such character as `<U+XXXX>`. Machine formats (JSON, CSV) keep the text exact.
 *
 * The class: general categories Cc (controls) and Cf (format: bidi controls, zero-width
 * characters, tags), Zl/Zp (line and paragraph separators), and Default_Ignorable_Code_Point
 * (UTS #44; covers the Hangul fillers, variation selectors and other characters that render as
 * nothing). One character class with the `u` flag: linear, no backtracking.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

/** Replaces control, format and default-ignorable characters with `<U+XXXX>`. */
export function visible(text: string): string {
  return text.replace(HIDDEN, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** Shortens `text` to at most `max` code points, marking the cut with `…`. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // 2 × max code units hold at least max code points: no need to split a 64 KiB line entirely.
  const head = Array.from(text.slice(0, 2 * max));
  if (head.length <= max && text.length <= 2 * max) return text;
  return `${head.slice(0, Math.max(0, max - 1)).join('')}…`;
}

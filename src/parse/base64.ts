/**
 * A small strict base64 decoder (RFC 4648 §4 alphabet) for RFC 2047 "B" encoded words.
 * Hand-written instead of `atob` so that a bad word is a `null` result rather than an exception,
 * and so the library core needs neither `Buffer` nor DOM-only globals.
 */

import { codeUnitAt } from './code-unit-at';

/** Sextet value of each ASCII code unit, or 255 when it is not in the base64 alphabet. */
const SEXTET: Uint8Array = /*#__PURE__*/ (() => {
  const table = new Uint8Array(128).fill(255);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[codeUnitAt(alphabet, i)] = i;
  return table;
})();

/**
 * Decodes `text[start, end)` as base64. Padding `=` is optional but, when present, only at the end
 * and at most two; whitespace is not allowed (RFC 2047 §2 forbids it inside encoded-text).
 * Returns null for anything malformed, including a final group of a single character.
 */
export function decodeBase64(text: string, start: number, end: number): Uint8Array | null {
  let stop = end;
  let padding = 0;
  while (stop > start && codeUnitAt(text, stop - 1) === 0x3d /* = */ && padding < 2) {
    stop--;
    padding++;
  }
  const count = stop - start;
  if (count % 4 === 1) return null;
  if (padding > 0 && (count + padding) % 4 !== 0) return null;
  const out = new Uint8Array(Math.floor((count * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = start; i < stop; i++) {
    const c = codeUnitAt(text, i);
    const v = c < 128 ? (SEXTET[c] ?? 255) : 255;
    if (v === 255) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return o === out.length ? out : out.subarray(0, o);
}

/**
 * Whether a string is ASCII: the test that picks the fast paths of normalisation (no UTS #46),
 * of the script findings (a Latin-only label has none) and of `generateVariants` (no IDN policy).
 */

import { codeUnitAt } from '../parse/code-unit-at';

/** True when every code unit is ASCII (the empty string too). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (codeUnitAt(text, i) > 0x7f) return false;
  return true;
}

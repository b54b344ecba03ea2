/**
 * Local-part normalisation for matching trusted addresses: case and RFC 5233 subaddresses.
 */

import { codeUnitAt } from '../parse/code-unit-at';

/**
 * Normalises a local part for comparison: lowercase (ASCII and Unicode, locale-independent `toLowerCase`), and the
 * RFC 5233 subaddress removed (`Ana.Pereira+invoices` → `ana.pereira`).
 *
 * Why lowercase although RFC 5321 §2.4 lets a server treat local parts as case-sensitive: no real mailbox provider
 * does, and an attacker gains nothing a case change could hide. Exceptions, kept whole (only lowercased):
 * - a local part that STARTS with `+` (`+15551234567`): there is no user part before a separator, so the `+` is
 *   part of the name;
 * - a quoted local part (`"a+b"`, RFC 5322 §3.4.1 quoted-string): its `+` is literal text, not a separator.
 * @param localPart - The local part as written (without `@`); hidden characters are the caller's business
 *   (`findHiddenChars(localPart, 'local-part')`).
 * @returns The normalised local part ('' for a non-string). Never throws.
 */
export function normalizeLocalPart(localPart: string): string {
  if (typeof localPart !== 'string') return '';
  const lower = localPart.toLowerCase();
  if (lower.length === 0) return lower;
  const first = codeUnitAt(lower, 0);
  if (first === 0x2b /* + */ || first === 0x22 /* " */) return lower;
  // RFC 5233 §1: "user+detail"; the detail starts at the first separator.
  const plus = lower.indexOf('+');
  return plus === -1 ? lower : lower.slice(0, plus);
}

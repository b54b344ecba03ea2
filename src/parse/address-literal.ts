/**
 * RFC 5321 §4.1.3 address literals, the only domain literals mail can be routed to:
 *   IPv4-address-literal    = Snum 3("." Snum)                       e.g. [192.0.2.1]
 *   IPv6-address-literal    = "IPv6:" IPv6-addr                      e.g. [IPv6:2001:db8::1]
 *   General-address-literal = Standardized-tag ":" 1*dcontent
 * Hand-written scanners, linear and allocation-free.
 */

import { codeUnitAt } from './code-unit-at';

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

/** Snum 3("." Snum) over `s[start, end)`, Snum = 1*3DIGIT with value 0-255. */
function isIPv4(s: string, start: number, end: number): boolean {
  let parts = 0;
  let i = start;
  while (parts < 4) {
    let value = 0;
    let digits = 0;
    while (i < end && isDigit(codeUnitAt(s, i)) && digits < 4) {
      value = value * 10 + (codeUnitAt(s, i) - 0x30);
      digits++;
      i++;
    }
    if (digits === 0 || digits > 3 || value > 255) return false;
    parts++;
    if (parts === 4) break;
    if (i >= end || codeUnitAt(s, i) !== 0x2e) return false;
    i++;
  }
  return i === end;
}

/**
 * IPv6-addr over `s[start, end)`: full, `::`-compressed, and both with a trailing IPv4 part.
 * RFC 5321 caps the groups beside `::` at 6 (4 with IPv4); RFC 4291 §2.2, which defines the text
 * form, lets `::` stand for a single group, so up to 7 (5) are accepted here.
 */
function isIPv6(s: string, start: number, end: number): boolean {
  if (start >= end) return false;
  let groups = 0;
  let compressed = false;
  let i = start;
  if (codeUnitAt(s, i) === 0x3a) {
    if (codeUnitAt(s, i + 1) !== 0x3a || i + 1 >= end) return false;
    compressed = true;
    i += 2;
    if (i === end) return true;
  }
  let ipv4 = false;
  for (;;) {
    let j = i;
    while (j < end && j - i < 5 && isHexDigit(codeUnitAt(s, j))) j++;
    if (j < end && codeUnitAt(s, j) === 0x2e /* . */) {
      if (!isIPv4(s, i, end)) return false;
      ipv4 = true;
      break;
    }
    const len = j - i;
    if (len === 0 || len > 4) return false;
    groups++;
    if (groups > 8) return false;
    if (j === end) break;
    if (codeUnitAt(s, j) !== 0x3a) return false;
    if (codeUnitAt(s, j + 1) === 0x3a && j + 1 < end) {
      if (compressed) return false;
      compressed = true;
      i = j + 2;
      if (i === end) break;
      continue;
    }
    i = j + 1;
    if (i === end) return false; // a single trailing ':'
  }
  const units = groups + (ipv4 ? 2 : 0);
  return compressed ? units <= 7 : units === 8;
}

/** Ldh-str (RFC 5321 §4.1.2): letters, digits, hyphens; no leading or trailing hyphen. */
function isLdhStr(s: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) {
    const c = codeUnitAt(s, i);
    const alnum = isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
    if (!alnum && !(c === 0x2d && i !== start && i !== end - 1)) return false;
  }
  return true;
}

/**
 * Whether `literal` (with its brackets, FWS already removed) is an RFC 5321 §4.1.3 address literal.
 * The `IPv6:` tag is matched case-insensitively, as ABNF strings are (RFC 5234 §2.3).
 */
export function isAddressLiteral(literal: string): boolean {
  const n = literal.length;
  if (n < 3 || codeUnitAt(literal, 0) !== 0x5b || codeUnitAt(literal, n - 1) !== 0x5d) return false;
  const start = 1;
  const end = n - 1;
  if (isDigit(codeUnitAt(literal, start))) return isIPv4(literal, start, end);
  const colon = literal.indexOf(':', start);
  if (colon < 0 || colon >= end) return false;
  if (colon - start === 4 && literal.slice(start, colon).toLowerCase() === 'ipv6') return isIPv6(literal, colon + 1, end);
  if (!isLdhStr(literal, start, colon) || colon + 1 >= end) return false;
  // dcontent = %d33-90 / %d94-126
  for (let i = colon + 1; i < end; i++) {
    const c = codeUnitAt(literal, i);
    if (c < 33 || c > 126 || (c > 90 && c < 94)) return false;
  }
  return true;
}

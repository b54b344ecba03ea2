/**
 * Syntax and length rules for an ASCII host name (the fast path's lowercased input, or the slow path's UTS #46
 * ToASCII output), and IP-literal detection. One linear scan, no regular expressions.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import { quote } from './quote';

/** RFC 1035 §2.3.4 / RFC 5321 §4.5.3.1.2: 255 octets on the wire = 253 characters in dotted text form
 * (the wire form adds one length octet per label and the root octet). Same limit as UTS #46 VerifyDnsLength. */
export const MAX_DOMAIN_LENGTH = 253;

/** RFC 1035 §2.3.4: 63 octets per label. */
export const MAX_LABEL_LENGTH = 63;

/** Why a host was rejected; `code` is the detector's invalid-reason code. */
export interface HostProblem {
  readonly code: 'too-long' | 'invalid-domain' | 'ip-literal';
  readonly message: string;
}

const DOT = 0x2e;
const HYPHEN = 0x2d;
const COLON = 0x3a;

function isLdh(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === HYPHEN;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Checks a lowercase ASCII host: total and per-label length, LDH characters, no empty label, no leading or
 * trailing hyphen in a label, and not an IP address.
 *
 * Hyphen policy: a label may not start or end with `-` (RFC 952 / RFC 1123 §2.1 host names; RFC 5891 §4.2.3.1;
 * every registry enforces it). `--` in positions 3–4 is allowed (UTS #46 CheckHyphens=false, as browsers do):
 * such labels exist in the wild under old registrations, and `xn--` labels were already validated by UTS #46.
 * @param host - Lowercase ASCII host, root dot removed.
 * @returns The first problem found, or undefined when the host is a well-formed DNS name.
 */
export function checkAsciiHost(host: string): HostProblem | undefined {
  if (host.length > MAX_DOMAIN_LENGTH) {
    return {
      code: 'too-long',
      message: `the domain is ${host.length} characters long; the limit is ${MAX_DOMAIN_LENGTH} (RFC 1035 §2.3.4, RFC 5321 §4.5.3.1.2)`,
    };
  }
  let labelStart = 0;
  let lastLabelNumeric = true;
  for (let i = 0; i <= host.length; i++) {
    const c = i < host.length ? codeUnitAt(host, i) : DOT;
    if (c === DOT) {
      const length = i - labelStart;
      if (length === 0) {
        return { code: 'invalid-domain', message: `${quote(host)} has an empty label (a leading dot or two dots in a row)` };
      }
      if (length > MAX_LABEL_LENGTH) {
        return {
          code: 'too-long',
          message: `label ${quote(host.slice(labelStart, i))} is ${length} characters long; the limit is ${MAX_LABEL_LENGTH} (RFC 1035 §2.3.4)`,
        };
      }
      if (codeUnitAt(host, labelStart) === HYPHEN || codeUnitAt(host, i - 1) === HYPHEN) {
        return {
          code: 'invalid-domain',
          message: `label ${quote(host.slice(labelStart, i))} starts or ends with a hyphen (RFC 1123 §2.1, RFC 5891 §4.2.3.1)`,
        };
      }
      if (i < host.length) lastLabelNumeric = true;
      labelStart = i + 1;
      continue;
    }
    if (!isLdh(c)) return badCharacter(host, i);
    if (!isDigit(c)) lastLabelNumeric = false;
  }
  if (lastLabelNumeric) return numericHost(host);
  return undefined;
}

/**
 * True when `text` is already a normalized ASCII host that {@link checkAsciiHost} accepts: lowercase
 * letters, digits, hyphens and dots only, at most 253 characters, labels of 1–63 characters that
 * neither start nor end with a hyphen, a last label that is not all digits, and no `xn--` label
 * (which UTS #46 must decode). Most senders' hosts are; one scan answers what trimming, the case and
 * A-label tests and checkAsciiHost found in five (a test compares the two paths on random hosts).
 * @param text - Any text.
 * @returns Whether normalization can go straight to the Public Suffix List split.
 */
export function isPlainLowerHost(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > MAX_DOMAIN_LENGTH) return false;
  let labelStart = 0;
  let numeric = true;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? codeUnitAt(text, i) : DOT;
    if (c === DOT) {
      const length = i - labelStart;
      if (length === 0 || length > MAX_LABEL_LENGTH) return false;
      if (codeUnitAt(text, labelStart) === HYPHEN || codeUnitAt(text, i - 1) === HYPHEN) return false;
      // `xn--`: an A-label, for UTS #46.
      if (length >= 4 && codeUnitAt(text, labelStart) === 0x78 && codeUnitAt(text, labelStart + 1) === 0x6e && codeUnitAt(text, labelStart + 2) === HYPHEN && codeUnitAt(text, labelStart + 3) === HYPHEN) return false;
      if (i === n) return !numeric;
      labelStart = i + 1;
      numeric = true;
      continue;
    }
    if (c >= 0x61 && c <= 0x7a) numeric = false;
    else if (c === HYPHEN) numeric = false;
    else if (c < 0x30 || c > 0x39) return false;
  }
  return false;
}

/**
 * The hyphen rule of {@link checkAsciiHost} applied to Unicode labels. Needed because an A-label hides it:
 * `cоntoso-` encodes to `xn--cntoso--…`, which neither starts nor ends with `-` (RFC 5891 §4.2.3.1 is a rule on
 * the U-label).
 * @param labels - The labels of the Unicode form.
 * @returns The problem for the first label starting or ending with `-`, or undefined.
 */
export function checkUnicodeHyphens(labels: readonly string[]): HostProblem | undefined {
  for (const label of labels) {
    if (label.startsWith('-') || label.endsWith('-')) {
      return { code: 'invalid-domain', message: `label ${quote(label)} starts or ends with a hyphen (RFC 1123 §2.1, RFC 5891 §4.2.3.1)` };
    }
  }
  return undefined;
}

/** The problem for a host holding a character outside letters, digits, hyphen and dot. */
function badCharacter(host: string, index: number): HostProblem {
  if (codeUnitAt(host, index) === COLON && looksLikeIpv6(host)) {
    return { code: 'ip-literal', message: `${quote(host)} is an IPv6 address, not a domain name` };
  }
  const ch = host.charAt(index);
  const code = `U+${codeUnitAt(host, index).toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    code: 'invalid-domain',
    message: `${quote(host)} contains ${quote(ch)} (${code}); a domain name has only letters, digits, hyphens and dots (RFC 1123 §2.1, UTS #46 UseSTD3ASCIIRules)`,
  };
}

/** Hex digits, colons and dots only, with at least two colons (RFC 4291 §2.2 text forms, loosely). */
function looksLikeIpv6(host: string): boolean {
  let colons = 0;
  for (let i = 0; i < host.length; i++) {
    const c = codeUnitAt(host, i);
    if (c === COLON) colons++;
    else if (!(isDigit(c) || (c >= 0x61 && c <= 0x66) || c === DOT)) return false;
  }
  return colons >= 2;
}

/**
 * A host whose last label is all digits: a dotted-quad IPv4 address (RFC 791 / RFC 1123 §2.1 text form), or an
 * invalid name, since no top-level domain is all-numeric (RFC 3696 §2).
 */
function numericHost(host: string): HostProblem {
  const parts = host.split('.');
  const isIpv4 =
    parts.length === 4 && parts.every((part) => part.length <= 3 && [...part].every((d) => d >= '0' && d <= '9') && Number(part) <= 255);
  if (isIpv4) return { code: 'ip-literal', message: `${quote(host)} is an IPv4 address, not a domain name` };
  return { code: 'invalid-domain', message: `${quote(host)} ends in an all-numeric label; no top-level domain is numeric (RFC 3696 §2)` };
}

/**
 * RFC 5321 §4.1.3 address literal: `[192.0.2.1]` or `[IPv6:2001:db8::1]` in place of a domain.
 * @param text - Trimmed domain text.
 * @returns True when it is bracketed.
 */
export function isAddressLiteral(text: string): boolean {
  return codeUnitAt(text, 0) === 0x5b && codeUnitAt(text, text.length - 1) === 0x5d;
}

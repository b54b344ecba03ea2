/**
 * UTS #46 (Unicode IDNA Compatibility Processing, Unicode 17.0.0) through `tr46@6`, plus readable diagnoses
 * of why a name failed. Used only on the slow path: non-ASCII input or an `xn--` label.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import tr46 from 'tr46';
import { isAscii } from './is-ascii';
import { quote } from './quote';

/**
 * Longest input (UTF-16 code units) any function of this stage processes. A DNS name is at most 253 ASCII
 * characters (RFC 1035 §2.3.4); its Unicode form is never longer in code points, at most twice that in code
 * units (astral characters), plus generous room for hidden characters the caller wants reported. Anything
 * longer is rejected before any work, so hostile megabyte inputs cost nothing.
 */
export const MAX_INPUT_LENGTH = 1024;

/**
 * The UTS #46 flags of this library.
 * - `transitionalProcessing: false`: Nontransitional processing (UTS #46 §4, IDNA2008-compatible): `ß`, `ς`,
 *   ZWJ/ZWNJ are kept, so `faß.de` is `xn--fa-hia.de`, not `fass.de` (that is what registries and browsers do).
 * - `useSTD3ASCIIRules: true`: only letters, digits and hyphen in ASCII (UTS #46 §4.1 step 7; RFC 1123 §2.1).
 * - `checkHyphens: false`: UTS #46 §4.1 V2/V3 off, as browsers do (WHATWG URL "domain to ASCII"); leading and
 *   trailing hyphens are rejected separately (`checkAsciiHost`, `checkUnicodeHyphens`), for every label.
 * - `checkBidi`, `checkJoiners: true`: RFC 5893 §2 Bidi rule and RFC 5892 Appendix A ContextJ.
 * - `verifyDNSLength`: true for the public wrappers; the detector path checks lengths itself (same limits) so it
 *   can tell `too-long` from `invalid-domain`.
 */
const UTS46_OPTIONS: tr46.Tr46Options = Object.freeze({
  checkBidi: true,
  checkHyphens: false,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  transitionalProcessing: false,
  verifyDNSLength: true,
});

const UTS46_NO_LENGTH: tr46.Tr46Options = Object.freeze({ ...UTS46_OPTIONS, verifyDNSLength: false });

/** Only the ContextJ rules (RFC 5892 Appendix A), to judge a zero-width (non-)joiner in its label. */
const CONTEXTJ_ONLY: tr46.Tr46Options = Object.freeze({ checkJoiners: true });

/** Options to probe one character alone: is it disallowed or STD3-invalid wherever it stands? */
const PROBE_CHAR: tr46.Tr46Options = Object.freeze({ useSTD3ASCIIRules: true });

/**
 * UTS #46 §4.2 ToASCII with this library's flags (Nontransitional, STD3 rules, Bidi, ContextJ, DNS lengths).
 * Hidden characters are NOT removed here: this is the plain conformance function.
 * @param domain - A domain name in any form (Unicode, mixed case, A-labels).
 * @returns The ASCII form (A-labels, lowercase), or null on any UTS #46 error, input over
 *   {@link MAX_INPUT_LENGTH}, or a non-string. Never throws.
 */
export function toAsciiDomain(domain: string): string | null {
  if (typeof domain !== 'string' || domain.length > MAX_INPUT_LENGTH) return null;
  try {
    return tr46.toASCII(domain, UTS46_OPTIONS);
  } catch {
    return null;
  }
}

/**
 * UTS #46 §4.3 ToUnicode with this library's flags (Nontransitional, STD3 rules, Bidi, ContextJ).
 * @param domain - A domain name in any form.
 * @returns The Unicode form (lowercase, A-labels decoded), or null when UTS #46 records an error, the input is
 *   over {@link MAX_INPUT_LENGTH}, or not a string. Never throws.
 */
export function toUnicodeDomain(domain: string): string | null {
  if (typeof domain !== 'string' || domain.length > MAX_INPUT_LENGTH) return null;
  try {
    const result = tr46.toUnicode(domain, UTS46_OPTIONS);
    return result.error ? null : result.domain;
  } catch {
    return null;
  }
}

/**
 * Whether every U+200C ZERO WIDTH NON-JOINER / U+200D ZERO WIDTH JOINER in `label` stands where IDNA2008 allows
 * it: after a virama, or (ZWNJ) between Arabic-style joining letters (RFC 5892 Appendix A.1, A.2; UTS #46 §4.1
 * CheckJoiners). Only the joiner rules are applied, no other validity criterion.
 * @param label - One label (no dots).
 * @returns True when the label passes ContextJ.
 */
export function passesContextJ(label: string): boolean {
  try {
    return tr46.toASCII(label, CONTEXTJ_ONLY) !== null;
  } catch {
    return false;
  }
}

/**
 * ToASCII without the DNS length step (the caller checks lengths itself, to report `too-long` distinctly).
 * @param domain - Prepared domain text (hidden characters removed, trimmed, root dot removed).
 * @returns The ASCII form or null.
 */
export function idnaToAscii(domain: string): string | null {
  try {
    return tr46.toASCII(domain, UTS46_NO_LENGTH);
  } catch {
    return null;
  }
}

/**
 * ToUnicode of a name that {@link idnaToAscii} accepted.
 * @param ascii - An ASCII domain from {@link idnaToAscii}.
 * @returns The Unicode form, or null on error.
 */
export function idnaToUnicode(ascii: string): string | null {
  try {
    const result = tr46.toUnicode(ascii, UTS46_NO_LENGTH);
    return result.error ? null : result.domain;
  } catch {
    return null;
  }
}

/** True when some code unit is ASCII but not a letter, digit, hyphen or dot (RFC 1123 §2.1 LDH, plus the separator). */
export function hasNonLdhAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = codeUnitAt(text, i);
    if (c >= 0x80) continue;
    const letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
    if (!letter && !(c >= 0x30 && c <= 0x39) && c !== 0x2d && c !== 0x2e) return true;
  }
  return false;
}

/** `U+005F` form of one code point. */
function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Explains why {@link idnaToAscii} rejected `domain`: the first label at fault and the rule it breaks.
 * Runs only on the error path, so it may call tr46 once per label and per character.
 * @param domain - The prepared domain text {@link idnaToAscii} returned null for.
 * @returns One plain English sentence.
 */
export function describeIdnaFailure(domain: string): string {
  try {
    for (const label of domain.split('.')) {
      const problem = describeLabelFailure(label);
      if (problem !== undefined) return problem;
    }
    // Every label passes alone: the Bidi rule failed across labels (RFC 5893 §2 applies to the whole name
    // once any label is right-to-left).
    if (tr46.toASCII(domain, { ...UTS46_NO_LENGTH, checkBidi: false }) !== null) {
      return `${quote(domain)} mixes right-to-left and left-to-right labels in a way the Bidi rule forbids (RFC 5893 §2)`;
    }
  } catch {
    // fall through to the generic sentence
  }
  return `${quote(domain)} is not a valid internationalized domain name (UTS #46 §4)`;
}

function describeLabelFailure(label: string): string | undefined {
  if (label.length >= 4 && label.slice(0, 4).toLowerCase() === 'xn--') {
    if (!isAscii(label)) {
      return `label ${quote(label)} starts with "xn--" but is not ASCII (UTS #46 §4 step 4)`;
    }
    const decoded = tr46.toUnicode(label, UTS46_NO_LENGTH);
    if (!decoded.error) return undefined;
    if (decoded.domain.toLowerCase() === label.toLowerCase()) {
      return `label ${quote(label)} is not valid Punycode (RFC 3492)`;
    }
    if (decoded.domain === '' || isAscii(decoded.domain)) {
      return `label ${quote(label)} decodes to ${quote(decoded.domain)}; an A-label must decode to non-ASCII text (UTS #46 §4 step 4)`;
    }
    const reason = describeUnicodeLabel(decoded.domain) ?? 'it breaks the UTS #46 validity criteria (§4.1)';
    return `label ${quote(label)} decodes to ${quote(decoded.domain)}, but ${reason}`;
  }
  // A label with an ASCII character other than a letter, digit or hyphen fails (UseSTD3ASCIIRules):
  // no need to ask tr46, whose call was most of the cost of diagnosing such a sender.
  if (!hasNonLdhAscii(label) && tr46.toASCII(label, UTS46_NO_LENGTH) !== null) return undefined;
  const reason = describeUnicodeLabel(label) ?? 'it is not valid under UTS #46 §4.1';
  return `label ${quote(label)} is invalid: ${reason}`;
}

/** Answers of `probeFails`, by probe text; cleared when full, so hostile input cannot grow it. */
const probeCache = new Map<string, boolean>();
const PROBE_CACHE_LIMIT = 4096;

/**
 * Whether `text` (one character, or 'a' and one character) fails UTS #46 on its own. A pure function
 * of the text, kept in a cache: each probe is a whole tr46 call, and a sender's invalid label was
 * probed character by character until the culprit (`Jx==’&` at 50 µs a check, the slowest senders of
 * the benchmark's mixed stream), with the same few characters in every such label.
 */
function probeFails(text: string): boolean {
  let fails = probeCache.get(text);
  if (fails === undefined) {
    fails = tr46.toASCII(text, PROBE_CHAR) === null;
    if (probeCache.size >= PROBE_CACHE_LIMIT) probeCache.clear();
    probeCache.set(text, fails);
  }
  return fails;
}

/** Why a (non-A-label) label fails UTS #46, as a clause, or undefined when no single rule can be named. */
function describeUnicodeLabel(label: string): string | undefined {
  for (const ch of label) {
    // Probe after an 'a' so a combining mark is judged as a character, not as a label start (V6).
    if (probeFails(`a${ch}`)) {
      return `it contains ${quote(ch)} (${codePointLabel(ch)}), which is not allowed in domain names (UTS #46 §5 IDNA Mapping Table, UseSTD3ASCIIRules)`;
    }
  }
  const first = Array.from(label)[0] ?? '';
  if (probeFails(first)) {
    return 'it begins with a combining mark (UTS #46 §4.1 V6)';
  }
  if (!passesContextJ(label)) {
    return 'it has a zero-width joiner or non-joiner where RFC 5892 Appendix A (ContextJ) forbids one';
  }
  if (tr46.toASCII(label, { ...UTS46_NO_LENGTH, checkBidi: false }) !== null) {
    return 'it breaks the Bidi rule for right-to-left labels (RFC 5893 §2)';
  }
  return undefined;
}

/**
 * `normalizeDomain`: the detector calls it on every message, so the common case (a plain ASCII host) takes a
 * fast path with no UTS #46 call and exactly one tldts call; anything else goes through UTS #46 (tr46).
 */

import { codeUnitAt } from '../parse/code-unit-at';
import type { HiddenChar } from '../types';
import { findHiddenChars } from './hidden-chars';
import { keepContextualJoiners } from './joiners';
import { checkAsciiHost, checkUnicodeHyphens, isAddressLiteral, isPlainLowerHost, type HostProblem } from './host-syntax';
import { convertDomain } from './convert-domain';
import { MAX_INPUT_LENGTH } from './idna';
import { tldtsOptionsFor, type NormalizeOptions } from './options';
import { splitAscii, toUnicodeSplit, type SuffixSplit } from './public-suffix';
import { quote } from './quote';

/** The parts of a normalised domain. */
export interface DomainParts {
  /** UTS #46 ToUnicode form: lowercase, A-labels decoded, no trailing dot. */
  readonly unicode: string;
  /** UTS #46 ToASCII form (Punycode A-labels), lowercase. */
  readonly ascii: string;
  /** Registrable domain (Unicode), via the Public Suffix List; null for a bare suffix or a single label. */
  readonly registrableDomain: string | null;
  /** Public suffix (Unicode), or null. */
  readonly publicSuffix: string | null;
  /** Labels left of the registrable domain (Unicode), '' when none. */
  readonly subdomain: string;
  /** The registrable label, i.e. the registrable domain without its suffix (`contoso` for `mail.contoso.co.uk`). */
  readonly label: string | null;
  /**
   * The registrable label as it was WRITTEN, case preserved (`PaypaI` for `PaypaI.com`), so the detector can
   * catch a capital I posing as an l. Located in the input for ASCII input, or when the written label has as
   * many code points as the normalised one; otherwise equal to `label`.
   */
  readonly writtenLabel: string | null;
  /** True when the suffix is in the ICANN section of the PSL, false for a private or unknown suffix. */
  readonly isIcann: boolean | null;
}

/** The result of {@link normalizeDomain}: the parts, or a stable error code with one sentence. */
export type NormalizeDomainResult =
  | ({ readonly ok: true; readonly hidden: readonly HiddenChar[] } & DomainParts)
  | {
      readonly ok: false;
      readonly code: 'empty' | 'too-long' | 'invalid-domain' | 'ip-literal';
      readonly message: string;
      readonly hidden: readonly HiddenChar[];
    };

type Failure = Extract<NormalizeDomainResult, { ok: false }>;

const NO_HIDDEN: readonly HiddenChar[] = Object.freeze([]);

/**
 * UTS #46 label separators other than U+002E: IDEOGRAPHIC FULL STOP, FULLWIDTH FULL STOP, HALFWIDTH IDEOGRAPHIC
 * FULL STOP. The IDNA Mapping Table maps each of them to `.` (UTS #46 §4 step 1); we map them before the
 * trailing-dot step so that `contoso.com。` loses its root dot too.
 */
function mapLabelSeparators(text: string): string {
  let out = text;
  for (const separator of ['\u3002', '\uff0e', '\uff61']) if (out.includes(separator)) out = out.split(separator).join('.');
  return out;
}

/** Any label starting with `xn--` (lowercase input): it must be decoded and validated by UTS #46. */
function hasALabel(lower: string): boolean {
  return lower.startsWith('xn--') || lower.includes('.xn--');
}

function fail(code: Failure['code'], message: string, hidden: readonly HiddenChar[]): Failure {
  return { ok: false, code, message, hidden };
}

function failWith(problem: HostProblem, hidden: readonly HiddenChar[]): Failure {
  return { ok: false, code: problem.code, message: problem.message, hidden };
}

/**
 * Normalises a domain for matching: reports and removes hidden characters, then applies UTS #46 (Nontransitional,
 * STD3 rules, Bidi, ContextJ), DNS length limits, and the Public Suffix List split.
 *
 * Steps, in order:
 * 1. Inputs over 1024 UTF-16 code units are `too-long` before any work.
 * 2. Invisible (Default_Ignorable_Code_Point) and bidi-control characters are recorded (position in code points
 *    of `input`) and removed. UTS #46 would drop most of them silently; the caller must be told. Exception: a
 *    ZWJ/ZWNJ that passes ContextJ (RFC 5892 Appendix A) in its label is part of the registered name under
 *    Nontransitional processing, like ß and ς, and is kept and not reported (see `joiners.ts`).
 * 3. The UTS #46 label separators (`。` `．` `｡`) become `.`; whitespace is trimmed; one root dot is removed.
 * 4. `[…]` address literals and bare IPv4/IPv6 addresses are `ip-literal`.
 * 5. Fast path, pure ASCII without an `xn--` label: lowercase, LDH and length checks, one tldts call.
 *    Slow path: UTS #46 ToASCII/ToUnicode (tr46), the same checks on the ASCII form, tldts on the ASCII form,
 *    and the split carried over to the Unicode labels. The result is idempotent: `normalizeDomain(r.unicode)`
 *    gives the same `unicode` and `ascii`.
 * @param input - A domain as written (Unicode or ASCII, any case, optional trailing dot).
 * @param options - `privateSuffixes` (default true): use the PSL private section.
 * @returns `ok: true` with the parts, or `ok: false` with `code` and `message`; `hidden` in both cases. Never throws.
 */
export function normalizeDomain(input: string, options?: NormalizeOptions): NormalizeDomainResult {
  if (typeof input !== 'string') return fail('invalid-domain', 'the domain is not a string', NO_HIDDEN);
  if (input.length > MAX_INPUT_LENGTH) {
    return fail('too-long', `the domain text is ${input.length} characters long; nothing over ${MAX_INPUT_LENGTH} is processed`, NO_HIDDEN);
  }
  try {
    return normalizePrepared(input, options);
  } catch {
    // Defensive only: every step above is written not to throw; a throwing dependency must not reach the caller.
    return fail('invalid-domain', `${quote(input)} could not be processed as a domain name`, NO_HIDDEN);
  }
}

const NOT_ASCII = 0;
const ASCII_WITH_CAPITALS = 1;
const ASCII_LOWER = 2;

/**
 * One pass over a domain: does it have a non-ASCII unit, or an ASCII capital? Most senders are
 * lowercase ASCII, and a separate isAscii loop plus toLowerCase scanned them twice (most of
 * normalizePrepared's own time in the CPU profile; normalizeDomain alone 0.86–0.90× after).
 */
function asciiForm(text: string): typeof NOT_ASCII | typeof ASCII_WITH_CAPITALS | typeof ASCII_LOWER {
  let capitals = false;
  for (let i = 0; i < text.length; i++) {
    const c = codeUnitAt(text, i);
    if (c > 0x7f) return NOT_ASCII;
    if (c >= 0x41 && c <= 0x5a) capitals = true;
  }
  return capitals ? ASCII_WITH_CAPITALS : ASCII_LOWER;
}

/**
 * `text` with its ASCII capitals lowercased when it is all ASCII (`Contoso.COM` → `contoso.com`),
 * else `text` itself. For ASCII, lowercasing is all that UTS #46 maps (§4 step 1, the IDNA Mapping
 * Table maps A–Z to a–z and leaves the other ASCII as it is), so a host that is listed in this form
 * is that listed host. The detector looks hosts up by this form before normalizing: a sender who
 * capitalizes a trusted domain (`Sales@Contoso.com`) is then found from the table like one who
 * writes it as listed. Not ASCII (`Ünicode.com`): left to normalizeDomain.
 * @param text - A host as written.
 * @returns The lowercased host, or `text` when it has no ASCII capital or has a non-ASCII unit.
 */
export function lowerAsciiHost(text: string): string {
  // Most hosts have no capital: the regex (one character class, nothing to backtrack) answers that
  // in ~20 ns for a 27-character host sliced from an address, a charCodeAt loop in ~65 ns.
  // Then the one-pass test normalizeDomain makes (asciiForm), for a non-ASCII unit.
  return ASCII_CAPITAL.test(text) && asciiForm(text) === ASCII_WITH_CAPITALS ? text.toLowerCase() : text;
}

const ASCII_CAPITAL = /[A-Z]/;

function normalizePrepared(input: string, options: NormalizeOptions | undefined): NormalizeDomainResult {
  // Most hosts are written normalized already: one scan, then the suffix split.
  if (isPlainLowerHost(input)) return splitResult(input, input, NO_HIDDEN, options);
  let text = input;
  let hidden = NO_HIDDEN;
  let form = asciiForm(input);
  let ascii = form !== NOT_ASCII;
  if (!ascii) {
    let scan = findHiddenChars(input, 'domain');
    if (scan.found.some((h) => h.codePoint === 'U+200C' || h.codePoint === 'U+200D')) {
      scan = keepContextualJoiners(input, scan.found);
    }
    hidden = scan.found;
    text = mapLabelSeparators(scan.cleaned);
    form = asciiForm(text);
    ascii = form !== NOT_ASCII;
  }
  text = text.trim();
  // RFC 1034 §3.1: a trailing dot names the root; `contoso.com.` is `contoso.com`. Only one is removed.
  if (text.endsWith('.')) text = text.slice(0, -1);
  if (text === '') return fail('empty', 'the domain is empty', hidden);
  if (isAddressLiteral(text)) {
    return fail('ip-literal', `${quote(text)} is an address literal (RFC 5321 §4.1.3), not a domain name`, hidden);
  }
  if (ascii) {
    // Trimming removed only whitespace, so the form found before it still holds.
    const lower = form === ASCII_LOWER ? text : text.toLowerCase();
    if (!hasALabel(lower)) return fastPath(text, lower, hidden, options);
  }
  return slowPath(text, hidden, options);
}

/** Pure ASCII, no A-label: no UTS #46 call (UTS #46 maps ASCII to itself lowercased, STD3 rules are `checkAsciiHost`). */
function fastPath(written: string, lower: string, hidden: readonly HiddenChar[], options: NormalizeOptions | undefined): NormalizeDomainResult {
  const problem = checkAsciiHost(lower);
  if (problem !== undefined) return failWith(problem, hidden);
  return splitResult(written, lower, hidden, options);
}

/** The fast path past its checks: the suffix split of a valid lowercase ASCII host. */
function splitResult(written: string, lower: string, hidden: readonly HiddenChar[], options: NormalizeOptions | undefined): NormalizeDomainResult {
  const split = splitAscii(lower, tldtsOptionsFor(options));
  let writtenLabel = split.label;
  if (split.label !== null && split.publicSuffix !== null && written !== lower) {
    // Lowercasing ASCII keeps every index, so the label's span in `lower` is its span in `written`.
    const end = lower.length - split.publicSuffix.length - 1;
    writtenLabel = written.slice(end - split.label.length, end);
  }
  return result(lower, lower, split, writtenLabel, hidden);
}

function slowPath(written: string, hidden: readonly HiddenChar[], options: NormalizeOptions | undefined): NormalizeDomainResult {
  const converted = convertDomain(written);
  if (typeof converted === 'string') return fail('invalid-domain', converted, hidden);
  const unicodeLabels = converted.unicode.split('.');
  const problem = checkAsciiHost(converted.ascii) ?? checkUnicodeHyphens(unicodeLabels);
  if (problem !== undefined) return failWith(problem, hidden);

  const split = toUnicodeSplit(splitAscii(converted.ascii, tldtsOptionsFor(options)), unicodeLabels);
  return result(converted.unicode, converted.ascii, split, writtenLabelOf(written, unicodeLabels, split), hidden);
}

/**
 * The registrable label as written, when the written text maps label for label and the label keeps its length
 * in code points (case mapping, full-width forms); otherwise the normalised label.
 */
function writtenLabelOf(written: string, unicodeLabels: readonly string[], split: SuffixSplit): string | null {
  if (split.label === null || split.publicSuffix === null) return split.label;
  const writtenLabels = written.split('.');
  if (writtenLabels.length !== unicodeLabels.length) return split.label;
  const index = unicodeLabels.length - split.publicSuffix.split('.').length - 1;
  const candidate = writtenLabels[index];
  if (candidate === undefined || candidate.slice(0, 4).toLowerCase() === 'xn--') return split.label;
  return codePointLength(candidate) === codePointLength(split.label) ? candidate : split.label;
}

/** Length in code points (a surrogate pair counts once). */
export function codePointLength(text: string): number {
  const n = text.length;
  let length = n;
  for (let i = 0; i + 1 < n; i++) {
    const c = codeUnitAt(text, i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = codeUnitAt(text, i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--; // a surrogate pair is one code point
        i++;
      }
    }
  }
  return length;
}

function result(
  unicode: string,
  ascii: string,
  split: SuffixSplit,
  writtenLabel: string | null,
  hidden: readonly HiddenChar[],
): NormalizeDomainResult {
  return {
    ok: true,
    hidden,
    unicode,
    ascii,
    // The same string object when equal (most senders write their registrable domain): V8 caches a
    // string's hash in the string, so the detector's lookups by domain and by registrable domain
    // then hash it once.
    registrableDomain: split.registrableDomain === unicode ? unicode : split.registrableDomain,
    publicSuffix: split.publicSuffix,
    subdomain: split.subdomain,
    label: split.label,
    writtenLabel,
    isIcann: split.isIcann,
  };
}

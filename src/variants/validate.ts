/**
 * Validity of a candidate host: every label a valid LDH label or IDN U-label, the whole host
 * surviving the UTS #46 round trip (ToASCII then ToUnicode gives it back unchanged), DNS lengths,
 * and a Public Suffix List split (tldts) that matches what the fuzzer meant.
 *
 * Speed: a full UTS #46 run costs ~15 µs, and the visual fuzzers propose tens of thousands of IDN
 * candidates, so there is a fast path. A non-ASCII character is classified once (cached): "simple"
 * when it is a letter or digit that UTS #46 leaves unchanged and that passes the Bidi rule inside a
 * Latin label (tested with tr46 on `a<c>a`). A label made only of ASCII and simple characters, and
 * stable under NFC, passes UTS #46 §4.1 validity by construction: no mapping applies (each character
 * maps to itself), NFC holds, no combining mark can lead (marks are not simple), no joiner is
 * present (joiners are not letters), and no right-to-left character makes the host a Bidi domain
 * name (RFC 5893 §1.4). Its A-label is then `xn--` + Punycode (RFC 3492), computed here. Any other
 * label sends the whole host through tr46. The property tests check every emitted variant against
 * the normalize stage's UTS #46 implementation.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import { parse } from 'tldts';
import tr46 from 'tr46';
import { toAsciiDomain, toUnicodeDomain } from '../normalize';
import { isAscii } from '../normalize/is-ascii';
import { punycodeEncode } from './punycode';
import type { SkipReason } from './types';

/** RFC 1035 §2.3.4: 63 octets per label, 253 characters for a dotted name. */
const MAX_LABEL = 63;
const MAX_HOST = 253;

/**
 * RFC 5892 §2.1 (LetterDigits): IDNA2008 derives PVALID from these general categories. A character
 * outside them (symbols, punctuation, dashes, spaces) is never valid in a registered label, even
 * where UTS #46 would let it through.
 */
const LETTER_DIGIT_MARK = /^[\p{Ll}\p{Lo}\p{Lm}\p{Mn}\p{Mc}\p{Nd}]$/u;
const MARK = /^\p{M}$/u;

/** Character classes for the fast path. */
const SIMPLE = 0;
const SLOW = 1;
const BAD = 2;

/** Flags of the per-character probe: the library's UTS #46 flags (see src/normalize/idna.ts). */
const PROBE: tr46.Tr46Options = Object.freeze({
  checkBidi: true,
  checkHyphens: false,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  transitionalProcessing: false,
  verifyDNSLength: false,
});

const CACHE_LIMIT = 20_000;
const charClass = new Map<string, number>();

function classify(ch: string): number {
  const hit = charClass.get(ch);
  if (hit !== undefined) return hit;
  let cls: number;
  if (!LETTER_DIGIT_MARK.test(ch)) cls = BAD;
  else if (MARK.test(ch)) cls = SLOW;
  else {
    const probe = `a${ch}a`;
    let ok = false;
    try {
      const ascii = tr46.toASCII(probe, PROBE);
      if (ascii !== null) {
        const back = tr46.toUnicode(ascii, PROBE);
        ok = !back.error && back.domain === probe;
      }
    } catch {
      ok = false;
    }
    cls = ok ? SIMPLE : SLOW;
  }
  if (charClass.size >= CACHE_LIMIT) charClass.clear();
  charClass.set(ch, cls);
  return cls;
}

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What the fuzzer means the host to be. */
export type Expectation =
  /** The host is itself a registrable domain whose public suffix is the one given. */
  | 'registrable'
  /** The host is a registrable domain or a name under one (subdomain, level-squat). */
  | 'host';

/** The outcome of {@link Validator.check}. */
export type CheckOutcome =
  | {
      readonly ok: true;
      readonly ascii: string;
      /** Registrable domain, Unicode. */
      readonly registrableDomain: string;
      /** Registrable label and public suffix, Unicode (for the IDN policy). */
      readonly registrableLabel: string;
      readonly publicSuffix: string;
    }
  | { readonly ok: false; readonly reason: SkipReason; readonly message: string };

function fail(reason: SkipReason, message: string): CheckOutcome {
  return { ok: false, reason, message };
}

interface TldtsOptions {
  readonly allowPrivateDomains: boolean;
  readonly detectIp: false;
  readonly extractHostname: false;
  readonly mixedInputs: false;
  readonly validateHostname: false;
}

/** Frozen and shared: tldts copies the fields on every call (see src/normalize/options.ts). */
const TLDTS_PRIVATE: TldtsOptions = Object.freeze({
  allowPrivateDomains: true,
  detectIp: false,
  extractHostname: false,
  mixedInputs: false,
  validateHostname: false,
});
const TLDTS_ICANN: TldtsOptions = Object.freeze({ ...TLDTS_PRIVATE, allowPrivateDomains: false });

/** Problems of one label, or its ASCII form; `null` ascii = needs the slow path. */
type LabelResult = { readonly ascii: string | null } | { readonly problem: CheckOutcome };

function checkHyphens(label: string): CheckOutcome | undefined {
  if (label.startsWith('-') || label.endsWith('-')) {
    return fail('invalid-label', `label "${label}" starts or ends with a hyphen (RFC 1123 §2.1, RFC 5891 §4.2.3.1)`);
  }
  // RFC 5891 §4.2.3.1: "--" in the third and fourth positions is reserved (R-LDH: xn--, future
  // prefixes); registries refuse new registrations of such labels.
  if (label.length >= 4 && label[2] === '-' && label[3] === '-') {
    return fail('invalid-label', `label "${label}" has "--" in the third and fourth positions, reserved by RFC 5891 §4.2.3.1`);
  }
  return undefined;
}

function checkLabel(label: string): LabelResult {
  if (label === '') return { problem: fail('invalid-label', 'the host has an empty label') };
  const hyphens = checkHyphens(label);
  if (hyphens !== undefined) return { problem: hyphens };
  if (isAscii(label)) {
    for (let i = 0; i < label.length; i++) {
      const c = codeUnitAt(label, i);
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) {
        return { problem: fail('invalid-label', `label "${label}" contains "${label[i]}", not a letter, digit or hyphen (RFC 1123 §2.1)`) };
      }
    }
    if (label.length > MAX_LABEL) {
      return { problem: fail('too-long', `label "${label}" is ${label.length} characters long; the limit is ${MAX_LABEL} (RFC 1035 §2.3.4)`) };
    }
    return { ascii: label };
  }
  let fast = true;
  for (const ch of label) {
    if (codeUnitAt(ch, 0) < 0x80) continue;
    const cls = classify(ch);
    if (cls === BAD) {
      return {
        problem: fail('invalid-label', `label "${label}" contains "${ch}" (${codePoint(ch)}), not a letter, digit or mark (RFC 5892 §2.1)`),
      };
    }
    if (cls === SLOW) fast = false;
  }
  if (!fast || label.normalize('NFC') !== label) return { ascii: null };
  const ascii = `xn--${punycodeEncode(label)}`;
  if (ascii.length > MAX_LABEL) {
    return { problem: fail('too-long', `label "${label}" is ${ascii.length} characters long as an A-label; the limit is ${MAX_LABEL} (RFC 1035 §2.3.4)`) };
  }
  return { ascii };
}

/** Checks candidates against one input; holds per-generation caches. */
export class Validator {
  readonly #tldts: TldtsOptions;
  readonly #inputAscii: string;
  readonly #suffixes = new Map<string, { ascii: string | null; fast: boolean }>();

  /**
   * @param privateSuffixes - Use the PSL private section.
   * @param inputRegistrableAscii - The input's registrable domain in ASCII (variants must differ from it).
   */
  constructor(privateSuffixes: boolean, inputRegistrableAscii: string) {
    this.#tldts = privateSuffixes ? TLDTS_PRIVATE : TLDTS_ICANN;
    this.#inputAscii = inputRegistrableAscii;
  }

  #suffix(suffix: string): { ascii: string | null; fast: boolean } {
    let hit = this.#suffixes.get(suffix);
    if (hit === undefined) {
      let fast = true;
      for (const ch of suffix) if (codeUnitAt(ch, 0) >= 0x80 && classify(ch) !== SIMPLE) fast = false;
      hit = { ascii: isAscii(suffix) ? suffix : toAsciiDomain(suffix), fast };
      this.#suffixes.set(suffix, hit);
    }
    return hit;
  }

  /**
   * Checks the host `left.suffix`.
   * @param left - The labels left of the suffix, Unicode, lowercase (`contoso`, `cont.oso`, `contoso.com`).
   * @param suffix - The public suffix the fuzzer means, Unicode.
   * @param expect - What the host must be.
   */
  check(left: string, suffix: string, expect: Expectation): CheckOutcome {
    const sfx = this.#suffix(suffix);
    if (sfx.ascii === null) return fail('invalid-label', `the suffix "${suffix}" is not a valid domain name under UTS #46`);
    const host = `${left}.${suffix}`;
    let fast = sfx.fast;
    let asciiLeft = '';
    let start = 0;
    for (let i = 0; i <= left.length; i++) {
      if (i < left.length && codeUnitAt(left, i) !== 0x2e) continue;
      const result = checkLabel(left.slice(start, i));
      if ('problem' in result) return result.problem;
      if (result.ascii === null) fast = false;
      else if (fast) asciiLeft += start === 0 ? result.ascii : `.${result.ascii}`;
      start = i + 1;
    }
    let ascii: string;
    if (fast) ascii = `${asciiLeft}.${sfx.ascii}`;
    else {
      // Slow path: the whole host through UTS #46, so the Bidi rule sees every label (RFC 5893 §2).
      const a = toAsciiDomain(host);
      if (a === null) return fail('invalid-label', `"${host}" is not a valid internationalized domain name (UTS #46 §4, or a label over 63 octets)`);
      if (toUnicodeDomain(a) !== host) return fail('invalid-label', `"${host}" does not survive the UTS #46 round trip (ToASCII then ToUnicode changes it)`);
      ascii = a;
    }
    if (ascii.length > MAX_HOST) {
      return fail('too-long', `"${host}" is ${ascii.length} characters long in ASCII; the limit is ${MAX_HOST} (RFC 1035 §2.3.4)`);
    }
    const psl = parse(ascii, this.#tldts);
    if (!(psl.isIcann === true || psl.isPrivate === true) || psl.domain === null || psl.publicSuffix === null) {
      return fail('not-registrable', `"${host}" has no registrable domain under a suffix of the Public Suffix List`);
    }
    if (expect === 'registrable' && (psl.domain !== ascii || psl.publicSuffix !== sfx.ascii)) {
      return fail('not-registrable', `the Public Suffix List reads "${host}" with the suffix "${psl.publicSuffix}", not "${suffix}"`);
    }
    if (psl.domain === this.#inputAscii) return fail('same-as-input', `"${host}" is the input's own registrable domain or a host under it`);
    if (psl.domain === ascii && psl.publicSuffix === sfx.ascii) {
      // The common case (a label fuzzer or a suffix swap): the host is `left.suffix` as meant.
      return { ok: true, ascii, registrableDomain: host, registrableLabel: left, publicSuffix: suffix };
    }
    const labels = host.split('.');
    const suffixLabels = countLabels(psl.publicSuffix);
    const registrableDomain = labels.slice(labels.length - suffixLabels - 1).join('.');
    return {
      ok: true,
      ascii,
      registrableDomain,
      registrableLabel: labels[labels.length - suffixLabels - 1] ?? '',
      publicSuffix: labels.slice(labels.length - suffixLabels).join('.'),
    };
  }
}

function countLabels(name: string): number {
  let n = 1;
  for (let i = 0; i < name.length; i++) if (codeUnitAt(name, i) === 0x2e) n++;
  return n;
}

/**
 * Whether a character can go into a label by the fast path (exported for the fuzzers, which skip
 * characters that can never be valid in a left-to-right label).
 * @param ch - One code point.
 * @returns 'simple', 'slow' (needs a full UTS #46 run: marks, right-to-left letters) or 'bad'.
 */
export function labelCharClass(ch: string): 'simple' | 'slow' | 'bad' {
  if (ch.length === 1 && codeUnitAt(ch, 0) < 0x80) return 'simple';
  const cls = classify(ch);
  return cls === SIMPLE ? 'simple' : cls === SLOW ? 'slow' : 'bad';
}

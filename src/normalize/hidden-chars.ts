/**
 * Invisible and bidi-control characters: found, named, and removed before any IDNA processing.
 *
 * PROVENANCE (hand-written table, KEEP IN SYNC with the Unicode data named here):
 * - Unicode 17.0.0 `DerivedCoreProperties.txt`, property `Default_Ignorable_Code_Point`
 *   (https://www.unicode.org/Public/17.0.0/ucd/DerivedCoreProperties.txt), every range.
 * - Unicode 17.0.0 `PropList.txt`, property `Bidi_Control`
 *   (https://www.unicode.org/Public/17.0.0/ucd/PropList.txt): U+061C, U+200E, U+200F, U+202A..U+202E,
 *   U+2066..U+2069. All of them are also Default_Ignorable; they get kind `bidi`.
 * - Names from `UnicodeData.txt`; unassigned code points use the Unicode code point label
 *   `<reserved-XXXX>` (Unicode §4.8 "Name").
 * - Why: UTS #39 §3.1 (General Security Profile) gives these characters Identifier_Type=Default_Ignorable,
 *   i.e. not allowed in identifiers; UTS #46 §4 step 1 *silently* maps many of them away (status `ignored`),
 *   which is exactly how a `pay\u00ADpal.com` sender would pass as `paypal.com` unnoticed.
 *   Bidi controls are the Trojan Source vector (CVE-2021-42574): they reorder what the reader sees.
 * `test/normalize-hidden-chars.test.ts` checks this table against the engine's `\p{Default_Ignorable_Code_Point}`
 * and `\p{Bidi_Control}` for every code point, so a drift is caught.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import type { HiddenChar } from '../types';

/** One row of the table: an inclusive code point range, its kind and a name (or a name for each member). */
interface HiddenRange {
  readonly start: number;
  readonly end: number;
  readonly kind: HiddenChar['kind'];
  readonly name: string | ((codePoint: number) => string);
}

/** `<reserved-XXXX>`, the Unicode code point label of an unassigned code point (Unicode §4.8). */
const reserved = (codePoint: number): string => `<reserved-${hex(codePoint)}>`;

/** Names of U+0020..U+007E (UnicodeData.txt), used for the TAG characters U+E0020..U+E007E. */
const ASCII_PUNCTUATION_NAMES: Readonly<Record<string, string>> = {
  ' ': 'SPACE',
  '!': 'EXCLAMATION MARK',
  '"': 'QUOTATION MARK',
  '#': 'NUMBER SIGN',
  $: 'DOLLAR SIGN',
  '%': 'PERCENT SIGN',
  '&': 'AMPERSAND',
  "'": 'APOSTROPHE',
  '(': 'LEFT PARENTHESIS',
  ')': 'RIGHT PARENTHESIS',
  '*': 'ASTERISK',
  '+': 'PLUS SIGN',
  ',': 'COMMA',
  '-': 'HYPHEN-MINUS',
  '.': 'FULL STOP',
  '/': 'SOLIDUS',
  ':': 'COLON',
  ';': 'SEMICOLON',
  '<': 'LESS-THAN SIGN',
  '=': 'EQUALS SIGN',
  '>': 'GREATER-THAN SIGN',
  '?': 'QUESTION MARK',
  '@': 'COMMERCIAL AT',
  '[': 'LEFT SQUARE BRACKET',
  '\\': 'REVERSE SOLIDUS',
  ']': 'RIGHT SQUARE BRACKET',
  '^': 'CIRCUMFLEX ACCENT',
  _: 'LOW LINE',
  '`': 'GRAVE ACCENT',
  '{': 'LEFT CURLY BRACKET',
  '|': 'VERTICAL LINE',
  '}': 'RIGHT CURLY BRACKET',
  '~': 'TILDE',
};

const DIGIT_NAMES = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'] as const;

/** `TAG LATIN SMALL LETTER A` etc.: U+E0020..U+E007E mirror ASCII (UnicodeData.txt). */
function tagName(codePoint: number): string {
  const ch = String.fromCharCode(codePoint - 0xe0000);
  if (ch >= 'a' && ch <= 'z') return `TAG LATIN SMALL LETTER ${ch.toUpperCase()}`;
  if (ch >= 'A' && ch <= 'Z') return `TAG LATIN CAPITAL LETTER ${ch}`;
  if (ch >= '0' && ch <= '9') return `TAG DIGIT ${DIGIT_NAMES[codeUnitAt(ch, 0) - 0x30] ?? ''}`;
  return `TAG ${ASCII_PUNCTUATION_NAMES[ch] ?? reserved(codePoint)}`;
}

/** Names of a run of consecutive code points. */
const listed =
  (start: number, names: readonly string[]) =>
  (codePoint: number): string =>
    names[codePoint - start] ?? reserved(codePoint);

/**
 * The table, sorted by `start`, non-overlapping. Every Default_Ignorable_Code_Point range of Unicode 17.0.0
 * (DerivedCoreProperties.txt) with the Bidi_Control members (PropList.txt) split out as kind `bidi`.
 */
const HIDDEN_RANGES: readonly HiddenRange[] = [
  { start: 0x00ad, end: 0x00ad, kind: 'invisible', name: 'SOFT HYPHEN' },
  { start: 0x034f, end: 0x034f, kind: 'invisible', name: 'COMBINING GRAPHEME JOINER' },
  { start: 0x061c, end: 0x061c, kind: 'bidi', name: 'ARABIC LETTER MARK' },
  { start: 0x115f, end: 0x1160, kind: 'invisible', name: listed(0x115f, ['HANGUL CHOSEONG FILLER', 'HANGUL JUNGSEONG FILLER']) },
  { start: 0x17b4, end: 0x17b5, kind: 'invisible', name: listed(0x17b4, ['KHMER VOWEL INHERENT AQ', 'KHMER VOWEL INHERENT AA']) },
  {
    start: 0x180b,
    end: 0x180f,
    kind: 'invisible',
    name: listed(0x180b, [
      'MONGOLIAN FREE VARIATION SELECTOR ONE',
      'MONGOLIAN FREE VARIATION SELECTOR TWO',
      'MONGOLIAN FREE VARIATION SELECTOR THREE',
      'MONGOLIAN VOWEL SEPARATOR',
      'MONGOLIAN FREE VARIATION SELECTOR FOUR',
    ]),
  },
  { start: 0x200b, end: 0x200d, kind: 'invisible', name: listed(0x200b, ['ZERO WIDTH SPACE', 'ZERO WIDTH NON-JOINER', 'ZERO WIDTH JOINER']) },
  { start: 0x200e, end: 0x200f, kind: 'bidi', name: listed(0x200e, ['LEFT-TO-RIGHT MARK', 'RIGHT-TO-LEFT MARK']) },
  {
    start: 0x202a,
    end: 0x202e,
    kind: 'bidi',
    name: listed(0x202a, [
      'LEFT-TO-RIGHT EMBEDDING',
      'RIGHT-TO-LEFT EMBEDDING',
      'POP DIRECTIONAL FORMATTING',
      'LEFT-TO-RIGHT OVERRIDE',
      'RIGHT-TO-LEFT OVERRIDE',
    ]),
  },
  {
    start: 0x2060,
    end: 0x2065,
    kind: 'invisible',
    name: listed(0x2060, ['WORD JOINER', 'FUNCTION APPLICATION', 'INVISIBLE TIMES', 'INVISIBLE SEPARATOR', 'INVISIBLE PLUS']),
  },
  {
    start: 0x2066,
    end: 0x2069,
    kind: 'bidi',
    name: listed(0x2066, ['LEFT-TO-RIGHT ISOLATE', 'RIGHT-TO-LEFT ISOLATE', 'FIRST STRONG ISOLATE', 'POP DIRECTIONAL ISOLATE']),
  },
  {
    // Deprecated format characters (Unicode 3.0): invisible, not Bidi_Control.
    start: 0x206a,
    end: 0x206f,
    kind: 'invisible',
    name: listed(0x206a, [
      'INHIBIT SYMMETRIC SWAPPING',
      'ACTIVATE SYMMETRIC SWAPPING',
      'INHIBIT ARABIC FORM SHAPING',
      'ACTIVATE ARABIC FORM SHAPING',
      'NATIONAL DIGIT SHAPES',
      'NOMINAL DIGIT SHAPES',
    ]),
  },
  { start: 0x3164, end: 0x3164, kind: 'invisible', name: 'HANGUL FILLER' },
  { start: 0xfe00, end: 0xfe0f, kind: 'invisible', name: (cp) => `VARIATION SELECTOR-${cp - 0xfe00 + 1}` },
  { start: 0xfeff, end: 0xfeff, kind: 'invisible', name: 'ZERO WIDTH NO-BREAK SPACE' },
  { start: 0xffa0, end: 0xffa0, kind: 'invisible', name: 'HALFWIDTH HANGUL FILLER' },
  { start: 0xfff0, end: 0xfff8, kind: 'invisible', name: reserved },
  {
    start: 0x1bca0,
    end: 0x1bca3,
    kind: 'invisible',
    name: listed(0x1bca0, [
      'SHORTHAND FORMAT LETTER OVERLAP',
      'SHORTHAND FORMAT CONTINUING OVERLAP',
      'SHORTHAND FORMAT DOWN STEP',
      'SHORTHAND FORMAT UP STEP',
    ]),
  },
  {
    start: 0x1d173,
    end: 0x1d17a,
    kind: 'invisible',
    name: listed(0x1d173, [
      'MUSICAL SYMBOL BEGIN BEAM',
      'MUSICAL SYMBOL END BEAM',
      'MUSICAL SYMBOL BEGIN TIE',
      'MUSICAL SYMBOL END TIE',
      'MUSICAL SYMBOL BEGIN SLUR',
      'MUSICAL SYMBOL END SLUR',
      'MUSICAL SYMBOL BEGIN PHRASE',
      'MUSICAL SYMBOL END PHRASE',
    ]),
  },
  {
    // Tags block: U+E0001 LANGUAGE TAG, U+E0020..U+E007E tag ASCII, U+E007F CANCEL TAG; the rest is reserved.
    start: 0xe0000,
    end: 0xe00ff,
    kind: 'invisible',
    name: (cp) => (cp === 0xe0001 ? 'LANGUAGE TAG' : cp === 0xe007f ? 'CANCEL TAG' : cp >= 0xe0020 && cp < 0xe007f ? tagName(cp) : reserved(cp)),
  },
  { start: 0xe0100, end: 0xe01ef, kind: 'invisible', name: (cp) => `VARIATION SELECTOR-${cp - 0xe0100 + 17}` },
  { start: 0xe01f0, end: 0xe0fff, kind: 'invisible', name: reserved },
];

/** The lowest code point in the table: everything below it (all of ASCII and Latin-1 up to U+00AC) is skipped. */
const FIRST_HIDDEN = 0x00ad;

/** `U+200B` form: at least 4 upper-case hex digits. */
function hex(codePoint: number): string {
  return codePoint.toString(16).toUpperCase().padStart(4, '0');
}

/** The table row holding `codePoint`, or undefined. Linear: 22 rows, reached only for non-Latin-1 text. */
function findRange(codePoint: number): HiddenRange | undefined {
  for (const range of HIDDEN_RANGES) {
    if (codePoint < range.start) return undefined;
    if (codePoint <= range.end) return range;
  }
  return undefined;
}

const NO_HIDDEN: readonly HiddenChar[] = Object.freeze([]);

/**
 * Finds invisible (Default_Ignorable_Code_Point) and bidi-control (Bidi_Control) characters in `text`,
 * records each one, and returns the text without them.
 *
 * Linear in `text.length`, never throws; a lone surrogate is treated as one (ordinary) code point. When nothing
 * is found, `cleaned` is `text` itself and `found` is a shared frozen empty array (no allocation on the hot path).
 * @param text - The part of the address to scan, as written.
 * @param where - Which part `text` is, copied into every record.
 * @returns `cleaned`: `text` minus the hidden characters; `found`: one record per character, in order, with its
 *   position counted in code points of `text`.
 */
export function findHiddenChars(
  text: string,
  where: HiddenChar['where'],
): { readonly cleaned: string; readonly found: readonly HiddenChar[] } {
  let found: HiddenChar[] | undefined;
  let cleaned = '';
  let copiedUpTo = 0; // code unit index up to which `text` has been copied into `cleaned`
  let position = 0; // code point index of the character at `i`
  for (let i = 0; i < text.length; position++) {
    const unit = codeUnitAt(text, i);
    let codePoint = unit;
    let width = 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = codeUnitAt(text, i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const range = codePoint >= FIRST_HIDDEN ? findRange(codePoint) : undefined;
    if (range !== undefined) {
      const name = typeof range.name === 'string' ? range.name : range.name(codePoint);
      (found ??= []).push({ codePoint: `U+${hex(codePoint)}`, name, kind: range.kind, where, position });
      cleaned += text.slice(copiedUpTo, i);
      copiedUpTo = i + width;
    }
    i += width;
  }
  if (found === undefined) return { cleaned: text, found: NO_HIDDEN };
  cleaned += text.slice(copiedUpTo);
  return { cleaned, found };
}

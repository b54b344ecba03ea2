/**
 * Reverse lookups over the skeleton: which single characters render like a given one
 * (homoglyphsOf), and which multi-letter ASCII sequences do (multiCharLookalikes). Used to generate
 * lookalike variants of trusted labels, so results are restricted to characters that can appear in
 * a domain label.
 *
 * The reverse index is built once, on first use, from every code point whose skeleton can differ
 * from itself or be someone's skeleton: ASCII, the sources and one-character prototypes of the
 * confusable table, the extra lookalikes, and BMP characters with a canonical decomposition
 * (accented letters). Hangul syllables, CJK ideographs and private use are not scanned: their
 * skeletons are themselves or jamo sequences, never another letter's.
 */

import { confusableMap } from './confusable-map';
import { EXTRA_CONFUSABLES } from './extra-confusables';
import { scriptOf } from './script-of';
import { skeletonOfCodePoint } from './skeleton';

const LETTER_OR_DIGIT = /^[\p{Ll}\p{Lm}\p{Lo}\p{Nd}]$/u;
const MARKS = /[\p{Mn}\p{Me}]/gu;
const ASCII_WORD = /^[a-z0-9]{2,}$/;

/**
 * Whether `c` can stand in a domain label as written: a lowercase letter or a digit that UTS #46
 * mapping leaves unchanged. Approximated without IDNA tables as: letter or decimal digit, stable
 * under NFKC (UTS #46 maps compatibility forms such as fullwidth or circled letters) and under
 * lowercasing.
 */
function isLabelChar(c: string): boolean {
  return LETTER_OR_DIGIT.test(c) && c.normalize('NFKC') === c && c.toLowerCase() === c;
}

/** Deterministic order: ASCII, other Latin, Cyrillic, Greek, then the rest; by code point within. */
function rank(cp: number): number {
  if (cp < 128) return 0;
  const script = scriptOf(cp);
  if (script === 'Latin') return 1;
  if (script === 'Cyrillic') return 2;
  if (script === 'Greek') return 3;
  return 4;
}

function byRankThenCodePoint(a: number, b: number): number {
  return rank(a) - rank(b) || a - b;
}

function singleCodePoint(ch: unknown): number | undefined {
  if (typeof ch !== 'string' || ch.length === 0 || ch.length > 2) return undefined;
  const cp = ch.codePointAt(0);
  if (cp === undefined || String.fromCodePoint(cp).length !== ch.length) return undefined;
  return cp;
}

let reverse: Map<string, number[]> | undefined;

function candidates(): Set<number> {
  const set = new Set<number>();
  for (let cp = 0; cp < 128; cp++) set.add(cp);
  for (const [source, prototype] of confusableMap()) {
    set.add(source);
    const only = singleCodePoint(prototype);
    if (only !== undefined) set.add(only);
  }
  for (const key of EXTRA_CONFUSABLES.keys()) set.add(key.codePointAt(0) ?? 0);
  // BMP characters with a canonical decomposition (accented letters), skipping blocks without any.
  for (let cp = 0xc0; cp <= 0xffff; cp++) {
    if (cp === 0x3400) cp = 0xa000; // CJK Extension A + Unified Ideographs: no decompositions
    if (cp === 0xac00) cp = 0xf900; // Hangul syllables, surrogates, private use
    const c = String.fromCharCode(cp);
    if (c.normalize('NFD') !== c) set.add(cp);
  }
  return set;
}

function reverseIndex(): Map<string, number[]> {
  if (reverse !== undefined) return reverse;
  const index = new Map<string, number[]>();
  for (const cp of candidates()) {
    if (!isLabelChar(String.fromCodePoint(cp))) continue;
    const key = skeletonOfCodePoint(cp);
    if (key === '') continue;
    const list = index.get(key);
    if (list === undefined) index.set(key, [cp]);
    else list.push(cp);
  }
  reverse = index;
  return index;
}

const homoglyphCache = new Map<string, readonly string[]>();
const EMPTY: readonly string[] = Object.freeze([]);

/**
 * Single code points (other than `ch` itself and its case variants) whose skeleton equals
 * skeleton(ch), restricted to characters valid in IDNA labels (lowercase letters and digits that
 * UTS #46 mapping leaves unchanged), in a deterministic order: ASCII first, then other Latin,
 * Cyrillic, Greek, then others by code point. Includes digits for letters and accented forms
 * (isDiacriticOf tells those apart). Cached; returns [] for anything but one code point.
 * @example homoglyphsOf('o') // ['0', 'ò', 'ó', …, 'о', …, 'ο', …]
 */
export function homoglyphsOf(ch: string): readonly string[] {
  const cp = singleCodePoint(ch);
  if (cp === undefined) return EMPTY;
  const hit = homoglyphCache.get(ch);
  if (hit !== undefined) return hit;
  const key = skeletonOfCodePoint(cp);
  const exclude = new Set([ch, ch.toLowerCase(), ch.toUpperCase()]);
  const found = (key === '' ? [] : (reverseIndex().get(key) ?? []))
    .filter((c) => !exclude.has(String.fromCodePoint(c)))
    .sort(byRankThenCodePoint)
    .map((c) => String.fromCodePoint(c));
  const result = Object.freeze(found);
  if (homoglyphCache.size > 5_000) homoglyphCache.clear();
  homoglyphCache.set(ch, result);
  return result;
}

let multiIndex: { bySingle: Map<string, string[]>; byMulti: Map<string, string[]> } | undefined;

function addPair(
  index: { bySingle: Map<string, string[]>; byMulti: Map<string, string[]> },
  single: string,
  multi: string,
): void {
  const a = index.bySingle.get(single) ?? [];
  if (!a.includes(multi)) a.push(multi);
  index.bySingle.set(single, a);
  const b = index.byMulti.get(multi) ?? [];
  if (!b.includes(single)) b.push(single);
  index.byMulti.set(multi, b);
}

/**
 * Pairs of (one character, the ASCII letters it renders like): the multi-letter prototypes of the
 * confusable table for ASCII and Latin label characters (m → rn, æ → ae, ǳ → dz), and the extra
 * lookalikes (w → vv, d → cl). The written prototype is used, not its skeleton, so ǳ gives `dz`.
 */
function multiCharIndex(): { bySingle: Map<string, string[]>; byMulti: Map<string, string[]> } {
  if (multiIndex !== undefined) return multiIndex;
  const index = { bySingle: new Map<string, string[]>(), byMulti: new Map<string, string[]>() };
  const pairs: [string, string][] = [];
  for (const [cp, prototype] of confusableMap()) {
    const c = String.fromCodePoint(cp);
    if (!(cp < 128 || (scriptOf(cp) === 'Latin' && isLabelChar(c)))) continue;
    const written = prototype.normalize('NFD').toLowerCase().replace(MARKS, '');
    if (ASCII_WORD.test(written)) pairs.push([c.toLowerCase(), written]);
  }
  for (const [c, multi] of EXTRA_CONFUSABLES) if (multi.length > 1) pairs.push([c, multi]);
  pairs.sort((x, y) => byRankThenCodePoint(x[0].codePointAt(0) ?? 0, y[0].codePointAt(0) ?? 0));
  for (const [single, multi] of pairs) addPair(index, single, multi);
  multiIndex = index;
  return index;
}

/**
 * Multi-character ASCII lookalikes of a single character, and vice versa: 'm' → ['rn'],
 * 'w' → ['vv'], 'd' → ['cl'], 'æ' → ['ae']; 'rn' → ['m'], 'vv' → ['w'], 'cl' → ['d'].
 * Case-insensitive for ASCII. Returns [] when there is none. Never throws.
 */
export function multiCharLookalikes(ch: string): readonly string[] {
  if (typeof ch !== 'string' || ch.length === 0 || ch.length > 64) return EMPTY;
  const index = multiCharIndex();
  const cp = singleCodePoint(ch);
  if (cp !== undefined) {
    const single = cp < 128 ? ch.toLowerCase() : ch;
    return Object.freeze([...(index.bySingle.get(single) ?? [])]);
  }
  return Object.freeze([...(index.byMulti.get(ch.toLowerCase()) ?? [])]);
}

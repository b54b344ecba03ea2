/**
 * Explains how a sender label differs from the trusted label it imitates: which characters are
 * visual substitutes (homoglyph, diacritic) and which edits are typos (omission, insertion,
 * replacement, transposition, with their special cases repetition, hyphenation, vowel-swap and
 * bitsquat). Runs only for flagged senders, but every flagged sender pays for it: it was about a
 * quarter of a typo lookalike's check (~3.5 of 12.5 µs at 100 trusted), so the labels are expanded
 * into code arrays in reused buffers rather than skeleton-unit objects and string arrays, and the
 * alignment skips the common suffix (5.5 → 1.5 µs per comparison on the benchmark's typo pairs,
 * 3.7 → 0.7 µs on its homoglyph pairs, measured in one process against the previous version).
 *
 * Method: both labels are expanded into their skeleton characters (UTS #39 §4, src/skeleton), each
 * remembering the written code point it came from; an optimal OSA alignment of the two skeleton
 * strings then pairs the characters. Matched skeleton characters whose written forms differ are
 * visual substitutions (grouped so `rn`/`m` is one substitution); every other step is a typo.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import { describeText, isDiacriticOf, skeletonOfCodePoint } from '../skeleton';
import type { TechniqueCode } from '../types';
import { areKeyboardAdjacent } from '../variants/keyboards';
import { EditScript, OP_DELETE, OP_INSERT, OP_MATCH, OP_SUBSTITUTE, OP_TRANSPOSE, osaAlignInto } from '../trust-index/osa';
import { unfoldPrototype } from '../trust-index/typo-key';

/** One technique found, with structured detail; `explain` turns it into a sentence. */
export interface Finding {
  readonly code: TechniqueCode;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** The comparison of a sender label with a trusted label. */
export interface LabelComparison {
  /** OSA distance between the skeletons (0 = renders the same). */
  readonly distance: number;
  /** Visual similarity in [0, 1]. */
  readonly similarity: number;
  /** Homoglyph and diacritic substitutions. */
  readonly visual: readonly Finding[];
  /** Typo edits. */
  readonly typos: readonly Finding[];
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * One label taken apart for alignment, in reusable typed arrays (compareLabels is not re-entrant):
 * its code points ("units", as skeletonUnits splits them: a lone surrogate is a unit) with their
 * UTF-16 offsets, and the characters to align, each with the unit it came from (its owner). The
 * visual expansion is the skeleton characters; the typo expansion is the typo key
 * (src/trust-index/typo-key.ts), where `m`, `w`, `d` stay one letter. A unit's index is its
 * code-point position in the label.
 */
class Expanded {
  text = '';
  /** UTF-16 offset of each unit, plus the text length at `units`. */
  offsets: Int32Array = new Int32Array(65);
  /** Some unit's skeleton is `rn`, `vv` or `cl`: only then does the typo expansion differ. */
  unfolds = false;
  visualLength = 0;
  visualCodes: Int32Array = new Int32Array(128);
  visualOwners: Int32Array = new Int32Array(128);
  typoLength = 0;
  typoCodes: Int32Array = new Int32Array(128);
  typoOwners: Int32Array = new Int32Array(128);

  /** The unit as written. */
  source(k: number): string {
    return this.text.slice(this.offsets[k]!, this.offsets[k + 1]!);
  }

  /**
   * Drops buffers that one long input grew beyond KEEP_SYMBOLS, so it does not stay in memory.
   * Domain labels (≤ 63 code points, ~190 for a dot-insertion join) never reach it.
   */
  release(): void {
    if (this.offsets.length > KEEP_SYMBOLS) this.offsets = new Int32Array(65);
    if (this.visualCodes.length > KEEP_SYMBOLS) {
      this.visualCodes = new Int32Array(128);
      this.visualOwners = new Int32Array(128);
    }
    if (this.typoCodes.length > KEEP_SYMBOLS) {
      this.typoCodes = new Int32Array(128);
      this.typoOwners = new Int32Array(128);
    }
    this.text = '';
  }
}

const KEEP_SYMBOLS = 4096;

const senderSide = new Expanded();
const trustedSide = new Expanded();
const visualScript = new EditScript();
const typoScript = new EditScript();

/** Skeleton code points of each ASCII character, built on first use from skeletonOfCodePoint. */
let asciiSkeletons: (readonly number[])[] | undefined;
/** 1 where an ASCII character's skeleton is an `rn`/`vv`/`cl` pair that the typo key unfolds (m, w, d). */
const asciiUnfolds = new Uint8Array(128);

function buildAsciiSkeletons(): (readonly number[])[] {
  const table: (readonly number[])[] = [];
  for (let c = 0; c < 128; c++) {
    const out = skeletonOfCodePoint(c);
    table.push(codePointsOf(out));
    asciiUnfolds[c] = unfoldPrototype(out) !== out ? 1 : 0;
  }
  return table;
}

/** Code points as `for (const c of s)` yields them (a lone surrogate is one). */
function codePointsOf(s: string): number[] {
  const out: number[] = [];
  for (const c of s) out.push(c.codePointAt(0)!);
  return out;
}

function grow(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

/** Splits `text` into units and its visual expansion (the skeleton characters). */
function expandVisual(side: Expanded, text: string): void {
  const table = (asciiSkeletons ??= buildAsciiSkeletons());
  const n = text.length;
  side.text = text;
  side.offsets = grow(side.offsets, n + 1);
  side.unfolds = false;
  let units = 0;
  let len = 0;
  for (let i = 0; i < n; units++) {
    let cp = codeUnitAt(text, i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const low = codeUnitAt(text, i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    side.offsets[units] = i;
    i += width;
    if (cp < 128) {
      const out = table[cp]!;
      if (len + out.length > side.visualCodes.length) growVisual(side, len + out.length);
      for (let k = 0; k < out.length; k++) {
        side.visualCodes[len] = out[k]!;
        side.visualOwners[len++] = units;
      }
      if (asciiUnfolds[cp] === 1) side.unfolds = true;
      continue;
    }
    const out = skeletonOfCodePoint(cp);
    if (len + out.length > side.visualCodes.length) growVisual(side, len + out.length);
    for (let k = 0; k < out.length; ) {
      let c = codeUnitAt(out, k++);
      if (c >= 0xd800 && c <= 0xdbff && k < out.length) {
        const low = codeUnitAt(out, k);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          k++;
        }
      }
      side.visualCodes[len] = c;
      side.visualOwners[len++] = units;
    }
    if (out.length === 2 && unfoldPrototype(out) !== out) side.unfolds = true;
  }
  side.offsets[units] = n;
  side.visualLength = len;
}

function growVisual(side: Expanded, need: number): void {
  side.visualCodes = grow(side.visualCodes, need);
  side.visualOwners = grow(side.visualOwners, need);
}

/**
 * The typo expansion: the visual one with each `rn`/`vv`/`cl` unit (a whole unit's skeleton, as
 * unfoldPrototype reads it) back to its one letter. Never longer than the visual expansion.
 */
function expandTypo(side: Expanded): void {
  const n = side.visualLength;
  side.typoCodes = grow(side.typoCodes, n);
  side.typoOwners = grow(side.typoOwners, n);
  let len = 0;
  for (let k = 0; k < n; ) {
    const owner = side.visualOwners[k]!;
    let end = k + 1;
    while (end < n && side.visualOwners[end] === owner) end++;
    const single = end - k === 2 ? unfoldPrototype(String.fromCodePoint(side.visualCodes[k]!, side.visualCodes[k + 1]!)) : '';
    if (single.length === 1) {
      side.typoCodes[len] = codeUnitAt(single, 0);
      side.typoOwners[len++] = owner;
    } else {
      for (; k < end; k++) {
        side.typoCodes[len] = side.visualCodes[k]!;
        side.typoOwners[len++] = owner;
      }
    }
    k = end;
  }
  side.typoLength = len;
}

/** True when two ASCII characters differ in exactly one bit (bitsquatting, Dinaburg 2011). */
export function isOneBitFlip(a: string, b: string): boolean {
  if (a.length !== 1 || b.length !== 1) return false;
  const x = codeUnitAt(a, 0) ^ codeUnitAt(b, 0);
  return x !== 0 && (x & (x - 1)) === 0 && codeUnitAt(a, 0) < 128 && codeUnitAt(b, 0) < 128;
}

/** A cluster of matched characters whose written forms differ: one homoglyph or diacritic finding. */
function visualFinding(sText: string, tText: string, position: number, trustedPosition: number): Finding | undefined {
  if (sText === tText || sText.toLowerCase() === tText.toLowerCase()) return undefined;
  const detail = {
    position,
    trustedPosition,
    sender: sText,
    trusted: tText,
    senderChars: describeText(sText),
    trustedChars: describeText(tText),
  };
  return { code: isDiacriticOf(sText, tText) ? 'diacritic' : 'homoglyph', detail };
}

/** The insertion of `codes[i]` (with repetition or hyphenation when it is one). */
function insertionFindings(codes: Int32Array, length: number, i: number, position: number, typos: Finding[]): void {
  const code = codes[i]!;
  const ch = String.fromCodePoint(code);
  const base = { position, char: ch };
  if (ch === '-') typos.push({ code: 'hyphenation', detail: base });
  else if ((i > 0 && codes[i - 1] === code) || (i + 1 < length && codes[i + 1] === code)) typos.push({ code: 'repetition', detail: base });
  let keyboard: KeyboardNeighbour[] | undefined;
  if (i > 0) keyboard = addKeyboardNeighbour(keyboard, ch, codes[i - 1]!);
  if (i + 1 < length) keyboard = addKeyboardNeighbour(keyboard, ch, codes[i + 1]!);
  typos.push({ code: 'insertion', detail: keyboard !== undefined ? { ...base, keyboard } : base });
}

type KeyboardNeighbour = { neighbour: string; layouts: ReturnType<typeof areKeyboardAdjacent> };

/** `list` with the neighbour added when it is next to `ch` on some keyboard layout. */
function addKeyboardNeighbour(list: KeyboardNeighbour[] | undefined, ch: string, code: number): KeyboardNeighbour[] | undefined {
  const neighbour = String.fromCodePoint(code);
  const layouts = areKeyboardAdjacent(ch, neighbour);
  if (layouts.length === 0) return list;
  if (list === undefined) return [{ neighbour, layouts }];
  list.push({ neighbour, layouts });
  return list;
}

/**
 * Compares `sender` (as written, case preserved) with `trusted`. `offset` shifts reported
 * positions when `sender` is a part of a longer label (a combo's core).
 */
export function compareLabels(sender: string, trusted: string, offset = 0): LabelComparison {
  const su = senderSide;
  const tu = trustedSide;
  expandVisual(su, sender);
  expandVisual(tu, trusted);
  // Align visually (skeletons: `rn` matches `m`) and typographically (typo keys: a doubled `m` is
  // one edit); explain with whichever needs fewer edits.
  osaAlignInto(su.visualCodes, su.visualLength, tu.visualCodes, tu.visualLength, visualScript);
  let script = visualScript;
  let sCodes = su.visualCodes;
  let sOwners = su.visualOwners;
  let sLength = su.visualLength;
  let tOwners = tu.visualOwners;
  let tLength = tu.visualLength;
  // Without an m, w or d on either side the typo keys are the skeletons: same alignment, skip it.
  if (visualScript.distance > 0 && (su.unfolds || tu.unfolds)) {
    expandTypo(su);
    expandTypo(tu);
    osaAlignInto(su.typoCodes, su.typoLength, tu.typoCodes, tu.typoLength, typoScript);
    // On a tie the typo reading wins: a partly matched pair (`d` = `cl` against `c`) is not a homoglyph.
    if (typoScript.distance <= visualScript.distance) {
      script = typoScript;
      sCodes = su.typoCodes;
      sOwners = su.typoOwners;
      sLength = su.typoLength;
      tOwners = tu.typoOwners;
      tLength = tu.typoLength;
    }
  }
  const visual: Finding[] = [];
  const typos: Finding[] = [];

  // The open cluster of matched skeleton characters that share written units on either side:
  // its written text on each side, first units, and last units (-1: no cluster open). Owners come
  // in non-decreasing order along the alignment, so "already in the cluster" is "equals the last".
  let sText = '';
  let tText = '';
  let s0 = 0;
  let t0 = 0;
  let lastS = -1;
  let lastT = -1;

  // Code-point position in the sender just after the last sender character consumed.
  let nextSenderPos = 0;
  const ops = script.ops;
  for (let k = 0; k < 3 * script.length; k += 3) {
    const kind = ops[k]!;
    const i = ops[k + 1]!;
    const j = ops[k + 2]!;
    if (kind !== OP_DELETE) nextSenderPos = sOwners[kind === OP_TRANSPOSE ? i + 1 : i]! + 1;
    if (kind === OP_MATCH) {
      const a = sOwners[i]!;
      const b = tOwners[j]!;
      const newS = lastS !== a;
      const newT = lastT !== b;
      if (newS && newT && lastS >= 0) {
        const found = visualFinding(sText, tText, s0 + offset, t0);
        if (found !== undefined) visual.push(found);
        lastS = -1;
        lastT = -1;
      }
      if (newS) {
        if (lastS < 0) {
          s0 = a;
          sText = su.source(a);
        } else sText += su.source(a);
        lastS = a;
      }
      if (newT) {
        if (lastT < 0) {
          t0 = b;
          tText = tu.source(b);
        } else tText += tu.source(b);
        lastT = b;
      }
      continue;
    }
    if (lastS >= 0) {
      const found = visualFinding(sText, tText, s0 + offset, t0);
      if (found !== undefined) visual.push(found);
      lastS = -1;
      lastT = -1;
    }
    if (kind === OP_INSERT) {
      insertionFindings(sCodes, sLength, i, sOwners[i]! + offset, typos);
    } else if (kind === OP_DELETE) {
      const unit = tOwners[j]!;
      typos.push({ code: 'omission', detail: { position: nextSenderPos + offset, trustedPosition: unit, char: tu.source(unit) } });
    } else if (kind === OP_SUBSTITUTE) {
      const sUnit = sOwners[i]!;
      const tUnit = tOwners[j]!;
      const sSource = su.source(sUnit);
      const tSource = tu.source(tUnit);
      const from = tSource.toLowerCase();
      const to = sSource.toLowerCase();
      const base = { position: sUnit + offset, trustedPosition: tUnit, trusted: tSource, sender: sSource };
      const layouts = areKeyboardAdjacent(from, to);
      typos.push({ code: 'replacement', detail: layouts.length > 0 ? { ...base, keyboard: layouts } : base });
      if (VOWELS.has(from) && VOWELS.has(to)) typos.push({ code: 'vowel-swap', detail: base });
      if (isOneBitFlip(from, to)) {
        typos.push({
          code: 'bitsquat',
          detail: { ...base, bit: Math.log2(codeUnitAt(from, 0) ^ codeUnitAt(to, 0)) },
        });
      }
    } else {
      const a = sOwners[i]!;
      const b = sOwners[i + 1]!;
      const aSource = su.source(a);
      const bSource = su.source(b);
      typos.push({
        code: 'transposition',
        detail: { position: a + offset, positions: [a + offset, b + offset], sender: aSource + bSource, trusted: bSource + aSource },
      });
    }
  }
  if (lastS >= 0) {
    const found = visualFinding(sText, tText, s0 + offset, t0);
    if (found !== undefined) visual.push(found);
  }
  su.release();
  tu.release();
  const distance = script.distance;
  const longest = Math.max(sLength, tLength, 1);
  // Each visual substitution keeps the similarity just under 1: renders alike, is not the same name.
  const similarity = Math.max(0, (1 - distance / longest) * (visual.length > 0 ? 0.98 : 1));
  return { distance, similarity, visual, typos };
}

/**
 * Typographic fuzzers: the slips of a person typing the label. Each works on the code points of the
 * registrable label and yields in a fixed order (by position, then by character).
 */

import { codeUnitAt } from '../../parse/code-unit-at';
import { areKeyboardAdjacent, keyboardNeighbours, type KeyboardLayout } from '../keyboards';
import { labelCandidate, type Candidate, type FuzzContext } from './context';

/** Vowels for `vowel-swap`: the detector's set (src/score), so every swap it makes is reported as one. */
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'y'];
/** Characters `addition` appends: every LDH letter and digit (dnstwist's `addition`). */
const ALNUM = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
/** Characters `bitsquatting` may produce: lowercase LDH (dnstwist's `bitsquatting` filter). */
const LDH = /^[a-z0-9-]$/;

function join(chars: readonly string[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += chars[i];
  return out;
}

/** Layouts (among the selected) on which `a` and `b` are neighbours. */
function layoutsOf(ctx: FuzzContext, a: string, b: string): KeyboardLayout[] {
  const all = areKeyboardAdjacent(a, b);
  return ctx.layouts.length === 3 ? all : all.filter((l) => ctx.layouts.includes(l));
}

/** Union of the neighbours of `ch` over the selected layouts, sorted by code point. */
function neighbours(ctx: FuzzContext, ch: string): string[] {
  const set = new Set<string>();
  for (const layout of ctx.layouts) for (const n of keyboardNeighbours(ch, layout)) set.add(n);
  return [...set].sort();
}

/** `transposition`: two adjacent different characters swapped (`cnotoso`). */
export function* transposition(ctx: FuzzContext): Generator<Candidate> {
  const { chars } = ctx;
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    if (a === b) continue;
    const label = join(chars, 0, i) + b + a + join(chars, i + 2, chars.length);
    yield labelCandidate(ctx, label, [{ position: i, from: a + b, to: b + a }]);
  }
}

/**
 * `repetition`: one character typed twice (`conttoso`); a run is doubled once, not once per letter.
 * A hyphen is not repeated here: a second hyphen is a hyphen inserted, which is `hyphenation`.
 */
export function* repetition(ctx: FuzzContext): Generator<Candidate> {
  const { chars } = ctx;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '-' || chars[i + 1] === c) continue; // the last letter of a run gives the same label
    const label = join(chars, 0, i + 1) + c + join(chars, i + 1, chars.length);
    yield labelCandidate(ctx, label, [{ position: i + 1, from: '', to: c }]);
  }
}

/**
 * English plural ending of a word: `es` after x, z, ch, sh and ss; none after a single s (the word
 * already reads as a plural: `ups`, `traders`); else `s`.
 */
function pluralEnding(word: string): string | undefined {
  if (/(?:x|z|ch|sh|ss)$/.test(word)) return 'es';
  return word.endsWith('s') ? undefined : 's';
}

/**
 * `plural`: the label, and each hyphen-separated part of it, with an English plural ending
 * (`contosos`, `northwinds-traders`). Singular forms (a trailing s dropped) come from `omission`.
 */
export function* plural(ctx: FuzzContext): Generator<Candidate> {
  const { chars } = ctx;
  let start = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && chars[i] !== '-') continue;
    const ending = i > start ? pluralEnding(join(chars, start, i)) : undefined;
    if (ending !== undefined) {
      const label = join(chars, 0, i) + ending + join(chars, i, chars.length);
      yield labelCandidate(ctx, label, [{ position: i, from: '', to: ending }]);
    }
    start = i + 1;
  }
}

/** `omission`: one character left out (`contso`); in a run only once. */
export function* omission(ctx: FuzzContext): Generator<Candidate> {
  const { chars } = ctx;
  for (let i = 0; i < chars.length; i++) {
    if (i > 0 && chars[i - 1] === chars[i]) continue;
    const label = join(chars, 0, i) + join(chars, i + 1, chars.length);
    yield labelCandidate(ctx, label, [{ position: i, from: chars[i]!, to: '' }]);
  }
}

/** `vowel-swap`: one vowel (a e i o u y) replaced by another (`contuso`). */
export function* vowelSwap(ctx: FuzzContext): Generator<Candidate> {
  const { chars } = ctx;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!VOWELS.includes(c)) continue;
    for (const v of VOWELS) {
      if (v === c) continue;
      yield labelCandidate(ctx, join(chars, 0, i) + v + join(chars, i + 1, chars.length), [{ position: i, from: c, to: v }]);
    }
  }
}

/** `replacement`: one character replaced by a neighbouring key on any selected layout (`contpso`). */
export function* replacement(ctx: FuzzContext): Generator<Candidate> {
  const { chars } = ctx;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    for (const n of neighbours(ctx, c)) {
      const label = join(chars, 0, i) + n + join(chars, i + 1, chars.length);
      yield labelCandidate(ctx, label, [{ position: i, from: c, to: n }], { layouts: layoutsOf(ctx, c, n) });
    }
  }
}

/**
 * `hyphenation`: a hyphen inserted between two characters (`con-toso`), including next to an
 * existing one (`temp--mail`). Before and after a hyphen give the same label, so only after.
 */
export function* hyphenation(ctx: FuzzContext): Generator<Candidate> {
  const { chars } = ctx;
  for (let i = 1; i < chars.length; i++) {
    if (chars[i] === '-') continue;
    yield labelCandidate(ctx, `${join(chars, 0, i)}-${join(chars, i, chars.length)}`, [{ position: i, from: '', to: '-' }]);
  }
}

/**
 * `insertion`: a neighbouring key of a character typed just before or just after it, on any
 * selected layout (`contoaso`: a is next to s). For each character: first the keys inserted before
 * it, then after it, each in code-point order.
 */
export function* insertion(ctx: FuzzContext): Generator<Candidate> {
  const { chars } = ctx;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const keys = neighbours(ctx, c);
    for (const at of [i, i + 1]) {
      for (const k of keys) {
        const label = join(chars, 0, at) + k + join(chars, at, chars.length);
        yield labelCandidate(ctx, label, [{ position: at, from: '', to: k }], { layouts: layoutsOf(ctx, c, k) });
      }
    }
  }
}

/**
 * `bitsquatting` (Dinaburg, "Bitsquatting: DNS Hijacking without Exploitation", 2011): one bit of
 * one ASCII character flipped, kept when the result is a lowercase LDH character (`mikrosoft`:
 * c 0x63 → k 0x6B). Non-ASCII characters are left alone: a flip in their A-label almost never
 * yields valid Punycode.
 */
export function* bitsquatting(ctx: FuzzContext): Generator<Candidate> {
  const { chars } = ctx;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const code = codeUnitAt(c, 0);
    if (c.length !== 1 || code > 0x7f) continue;
    for (let bit = 0; bit < 8; bit++) {
      const flipped = String.fromCharCode(code ^ (1 << bit));
      if (!LDH.test(flipped)) continue;
      const label = join(chars, 0, i) + flipped + join(chars, i + 1, chars.length);
      yield labelCandidate(ctx, label, [{ position: i, from: c, to: flipped }], { bit });
    }
  }
}

/**
 * `addition`: one letter or digit added at a boundary of the label or of one of its
 * hyphen-separated parts (`contoso1`, `acontoso`, `northwindx-traders`). dnstwist appends at the
 * end and before each hyphen; we add the starts too. For each boundary, in order of position:
 * every character a–z then 0–9.
 */
export function* addition(ctx: FuzzContext): Generator<Candidate> {
  const { chars } = ctx;
  const boundaries: number[] = [0];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '-') continue;
    boundaries.push(i, i + 1);
  }
  boundaries.push(chars.length);
  for (const at of new Set(boundaries)) {
    for (const k of ALNUM) {
      yield labelCandidate(ctx, join(chars, 0, at) + k + join(chars, at, chars.length), [{ position: at, from: '', to: k }]);
    }
  }
}

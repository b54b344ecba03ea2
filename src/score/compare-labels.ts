/**
 * Explains how a sender label differs from the trusted label it imitates: which characters are
 * visual substitutes (homoglyph, diacritic) and which edits are typos (omission, insertion,
 * replacement, transposition, with their special cases repetition, hyphenation, vowel-swap and
 * bitsquat). Runs only for flagged senders, so clarity beats speed here.
 *
 * Method: both labels are expanded into their skeleton characters (UTS #39 §4, src/skeleton), each
 * remembering the written code point it came from; an optimal OSA alignment of the two skeleton
 * strings then pairs the characters. Matched skeleton characters whose written forms differ are
 * visual substitutions (grouped so `rn`/`m` is one substitution); every other step is a typo.
 */

import { describeCodePoint, isDiacriticOf, skeletonUnits, type SkeletonUnit } from '../skeleton';
import type { TechniqueCode } from '../types';
import { areKeyboardAdjacent } from '../variants/keyboards';
import { osaAlign } from '../trust-index/osa';
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
 * The characters to align, each with the written unit it came from: the skeleton characters
 * (visual mode), or the typo key (src/trust-index/typo-key.ts) where `m`, `w`, `d` stay one letter.
 */
function expand(units: readonly SkeletonUnit[], typo: boolean): { chars: string[]; owners: number[] } {
  const chars: string[] = [];
  const owners: number[] = [];
  units.forEach((u, k) => {
    const out = typo ? unfoldPrototype(u.output) : u.output;
    for (const c of out) {
      chars.push(c);
      owners.push(k);
    }
  });
  return { chars, owners };
}

function describeText(text: string): { char: string; codePoint: string; script: string }[] {
  return [...text].map((c) => describeCodePoint(c));
}

/** True when two ASCII characters differ in exactly one bit (bitsquatting, Dinaburg 2011). */
export function isOneBitFlip(a: string, b: string): boolean {
  if (a.length !== 1 || b.length !== 1) return false;
  const x = a.charCodeAt(0) ^ b.charCodeAt(0);
  return x !== 0 && (x & (x - 1)) === 0 && a.charCodeAt(0) < 128 && b.charCodeAt(0) < 128;
}

/**
 * Compares `sender` (as written, case preserved) with `trusted`. `offset` shifts reported
 * positions when `sender` is a part of a longer label (a combo's core).
 */
export function compareLabels(sender: string, trusted: string, offset = 0): LabelComparison {
  const su = skeletonUnits(sender);
  const tu = skeletonUnits(trusted);
  // Align visually (skeletons: `rn` matches `m`) and typographically (typo keys: a doubled `m` is
  // one edit); explain with whichever needs fewer edits.
  const sv = expand(su, false);
  const tv = expand(tu, false);
  const visualAlign = osaAlign(sv.chars, tv.chars);
  let s = sv;
  let t = tv;
  let { distance, ops } = visualAlign;
  if (distance > 0) {
    const st = expand(su, true);
    const tt = expand(tu, true);
    // Same characters as the visual reading (no m, w or d on either side): same alignment, skip it.
    const same = st.chars.length === sv.chars.length && tt.chars.length === tv.chars.length && st.chars.join('') === sv.chars.join('') && tt.chars.join('') === tv.chars.join('');
    const typoAlign = same ? visualAlign : osaAlign(st.chars, tt.chars);
    // On a tie the typo reading wins: a partly matched pair (`d` = `cl` against `c`) is not a homoglyph.
    if (typoAlign.distance <= distance) {
      s = st;
      t = tt;
      ({ distance, ops } = typoAlign);
    }
  }
  const visual: Finding[] = [];
  const typos: Finding[] = [];

  // Clusters of matched skeleton characters that share written units on either side. Owners come
  // in non-decreasing order along the alignment, so "already in the cluster" is "equals the last".
  let clusterS: number[] = [];
  let clusterT: number[] = [];
  const closeCluster = (): void => {
    if (clusterS.length === 0 && clusterT.length === 0) return;
    let sText = '';
    for (const k of clusterS) sText += su[k]!.source;
    let tText = '';
    for (const k of clusterT) tText += tu[k]!.source;
    const s0 = clusterS[0]!;
    const t0 = clusterT[0]!;
    clusterS = [];
    clusterT = [];
    if (sText === tText || sText.toLowerCase() === tText.toLowerCase()) return;
    const detail = {
      position: su[s0]!.position + offset,
      trustedPosition: tu[t0]!.position,
      sender: sText,
      trusted: tText,
      senderChars: describeText(sText),
      trustedChars: describeText(tText),
    };
    visual.push({ code: isDiacriticOf(sText, tText) ? 'diacritic' : 'homoglyph', detail });
  };

  // Code-point position in the sender just after the last sender character consumed.
  let nextSenderPos = 0;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.op !== 'delete') nextSenderPos = su[s.owners[op.op === 'transpose' ? op.i + 1 : op.i]!]!.position + 1;
    if (op.op === 'match') {
      const a = s.owners[op.i]!;
      const b = t.owners[op.j]!;
      const newS = clusterS[clusterS.length - 1] !== a;
      const newT = clusterT[clusterT.length - 1] !== b;
      if (newS && newT) closeCluster();
      if (newS || clusterS.length === 0) clusterS.push(a);
      if (newT || clusterT.length === 0) clusterT.push(b);
      continue;
    }
    closeCluster();
    if (op.op === 'insert') {
      const unit = su[s.owners[op.i]!]!;
      const ch = s.chars[op.i]!;
      const position = unit.position + offset;
      const neighbours = [s.chars[op.i - 1], s.chars[op.i + 1]];
      const base = { position, char: ch };
      if (ch === '-') typos.push({ code: 'hyphenation', detail: base });
      else if (neighbours.includes(ch)) typos.push({ code: 'repetition', detail: base });
      const keyboard = (neighbours.filter((n) => n !== undefined) as string[]).flatMap((n) =>
        areKeyboardAdjacent(ch, n).length > 0 ? [{ neighbour: n, layouts: areKeyboardAdjacent(ch, n) }] : [],
      );
      typos.push({ code: 'insertion', detail: keyboard.length > 0 ? { ...base, keyboard } : base });
    } else if (op.op === 'delete') {
      const unit = tu[t.owners[op.j]!]!;
      typos.push({ code: 'omission', detail: { position: nextSenderPos + offset, trustedPosition: unit.position, char: unit.source } });
    } else if (op.op === 'substitute') {
      const sUnit = su[s.owners[op.i]!]!;
      const tUnit = tu[t.owners[op.j]!]!;
      const from = tUnit.source.toLowerCase();
      const to = sUnit.source.toLowerCase();
      const base = { position: sUnit.position + offset, trustedPosition: tUnit.position, trusted: tUnit.source, sender: sUnit.source };
      const layouts = areKeyboardAdjacent(from, to);
      typos.push({ code: 'replacement', detail: layouts.length > 0 ? { ...base, keyboard: layouts } : base });
      if (VOWELS.has(from) && VOWELS.has(to)) typos.push({ code: 'vowel-swap', detail: base });
      if (isOneBitFlip(from, to)) {
        typos.push({
          code: 'bitsquat',
          detail: { ...base, bit: Math.log2(from.charCodeAt(0) ^ to.charCodeAt(0)) },
        });
      }
    } else {
      const a = su[s.owners[op.i]!]!;
      const b = su[s.owners[op.i + 1]!]!;
      typos.push({
        code: 'transposition',
        detail: { position: a.position + offset, positions: [a.position + offset, b.position + offset], sender: a.source + b.source, trusted: b.source + a.source },
      });
    }
  }
  closeCluster();
  const longest = Math.max(s.chars.length, t.chars.length, 1);
  // Each visual substitution keeps the similarity just under 1: renders alike, is not the same name.
  const similarity = Math.max(0, (1 - distance / longest) * (visual.length > 0 ? 0.98 : 1));
  return { distance, similarity, visual, typos };
}

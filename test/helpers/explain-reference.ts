/**
 * The explanation code as it was before it was tuned for speed (commit fe04aa6), kept verbatim as
 * the oracle of the differential tests: the tuned versions must give the same results, down to the
 * key order of every detail object (users compare JSON output).
 */
import { scriptOf, skeleton, skeletonUnits, type ScriptAnalysis, type SkeletonUnit } from '../../src/skeleton';
import { confusableMap } from '../../src/skeleton/confusable-map';
import type { Finding, LabelComparison } from '../../src/score';
import { areKeyboardAdjacent } from '../../src/variants/keyboards';
import { unfoldPrototype } from '../../src/trust-index/typo-key';

/** One step of an alignment from `a` (the sender) to `b` (the trusted string). */
export type ReferenceAlignOp =
  | { readonly op: 'match'; readonly i: number; readonly j: number }
  | { readonly op: 'substitute'; readonly i: number; readonly j: number }
  | { readonly op: 'insert'; readonly i: number }
  | { readonly op: 'delete'; readonly j: number }
  | { readonly op: 'transpose'; readonly i: number; readonly j: number };

/** The original osaAlign: full matrix per call, string symbols, one object per op. */
export function referenceOsaAlign<T>(a: readonly T[], b: readonly T[]): { distance: number; ops: ReferenceAlignOp[] } {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const d = new Int32Array((n + 1) * w);
  for (let i = 0; i <= n; i++) d[i * w] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = d[(i - 1) * w + j - 1]! + cost;
      const del = d[(i - 1) * w + j]! + 1;
      if (del < v) v = del;
      const ins = d[i * w + j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        const t = d[(i - 2) * w + j - 2]! + 1;
        if (t < v) v = t;
      }
      d[i * w + j] = v;
    }
  }
  const ops: ReferenceAlignOp[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i * w + j]!;
    if (i > 0 && j > 0) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      if (d[(i - 1) * w + j - 1]! + cost === here) {
        ops.push({ op: cost === 0 ? 'match' : 'substitute', i: i - 1, j: j - 1 });
        i--;
        j--;
        continue;
      }
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] && d[(i - 2) * w + j - 2]! + 1 === here) {
        ops.push({ op: 'transpose', i: i - 2, j: j - 2 });
        i -= 2;
        j -= 2;
        continue;
      }
    }
    if (i > 0 && d[(i - 1) * w + j]! + 1 === here) {
      ops.push({ op: 'insert', i: i - 1 });
      i--;
      continue;
    }
    ops.push({ op: 'delete', j: j - 1 });
    j--;
  }
  ops.reverse();
  return { distance: d[n * w + m]!, ops };
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

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

/** The original describeCodePoint: formats and looks up the script on every call. */
export function referenceDescribeCodePoint(char: string): { readonly char: string; readonly codePoint: string; readonly script: string } {
  const cp = typeof char === 'string' ? char.codePointAt(0) : undefined;
  if (cp === undefined) return { char: '', codePoint: '', script: 'Unknown' };
  return {
    char: String.fromCodePoint(cp),
    codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`,
    script: scriptOf(cp),
  };
}

function describeText(text: string): { char: string; codePoint: string; script: string }[] {
  return [...text].map((c) => referenceDescribeCodePoint(c));
}

function isOneBitFlip(a: string, b: string): boolean {
  if (a.length !== 1 || b.length !== 1) return false;
  const x = a.charCodeAt(0) ^ b.charCodeAt(0);
  return x !== 0 && (x & (x - 1)) === 0 && a.charCodeAt(0) < 128 && b.charCodeAt(0) < 128;
}

/** The original compareLabels (skeleton units as objects, string arrays, closures). */
export function referenceCompareLabels(sender: string, trusted: string, offset = 0): LabelComparison {
  const su = skeletonUnits(sender);
  const tu = skeletonUnits(trusted);
  const sv = expand(su, false);
  const tv = expand(tu, false);
  const visualAlign = referenceOsaAlign(sv.chars, tv.chars);
  let s = sv;
  let t = tv;
  let { distance, ops } = visualAlign;
  if (distance > 0) {
    const st = expand(su, true);
    const tt = expand(tu, true);
    const same = st.chars.length === sv.chars.length && tt.chars.length === tv.chars.length && st.chars.join('') === sv.chars.join('') && tt.chars.join('') === tv.chars.join('');
    const typoAlign = same ? visualAlign : referenceOsaAlign(st.chars, tt.chars);
    if (typoAlign.distance <= distance) {
      s = st;
      t = tt;
      ({ distance, ops } = typoAlign);
    }
  }
  const visual: Finding[] = [];
  const typos: Finding[] = [];
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
    visual.push({ code: referenceIsDiacriticOf(sText, tText) ? 'diacritic' : 'homoglyph', detail });
  };
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
        typos.push({ code: 'bitsquat', detail: { ...base, bit: Math.log2(from.charCodeAt(0) ^ to.charCodeAt(0)) } });
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
  const similarity = Math.max(0, (1 - distance / longest) * (visual.length > 0 ? 0.98 : 1));
  return { distance, similarity, visual, typos };
}

type CharInfo = { char: string; codePoint: string; script: string };

/** The original `chars` of src/explain/messages.ts: `Latin 'о' (U+043E)`. */
export function referenceChars(list: unknown): string {
  const items = Array.isArray(list) ? (list as CharInfo[]) : [];
  const scripts = [...new Set(items.map((c) => c.script))];
  const text = items.map((c) => c.char).join('');
  const cps = items.map((c) => c.codePoint).join(' ');
  return `${scripts.length === 1 ? `${scripts[0]} ` : ''}'${text}' (${cps})`;
}

/** The original toReason (copy the detail, delete two keys, fill trustedDomain, spread), with a given message. */
export function referenceToReason(f: Finding, entry: { readonly domain: string } | undefined, message: string): Record<string, unknown> {
  const detail: Record<string, unknown> = { ...f.detail };
  delete detail['code'];
  delete detail['message'];
  if (entry !== undefined) detail['trustedDomain'] ??= entry.domain;
  return { code: f.code, message, ...detail };
}

// The original src/skeleton/analyze-scripts.ts (a Set per character).

const AUGMENTED: Readonly<Record<string, readonly string[]>> = {
  Han: ['Han', 'Hanb', 'Jpan', 'Kore'],
  Hiragana: ['Hiragana', 'Jpan'],
  Katakana: ['Katakana', 'Jpan'],
  Hangul: ['Hangul', 'Kore'],
  Bopomofo: ['Bopomofo', 'Hanb'],
};

const LETTER = /^\p{L}$/u;
const LATIN_READING = /^[a-z0-9-]+$/;

/**
 * Mixed-script (UTS #39 §5.1) and whole-script-confusable (UTS #39 §4, simplified) analysis of one
 * label (no dots). Never throws; linear in the input.
 */
export function referenceAnalyzeScripts(label: string): ScriptAnalysis {
  if (typeof label !== 'string') return { scripts: [], mixedScript: false, wholeScriptConfusable: false };
  const scripts = new Set<string>();
  /** null = every script (nothing but Common/Inherited seen yet). */
  let resolved: Set<string> | null = null;
  let hasLetter = false;
  for (const ch of label) {
    const script = scriptOf(ch.codePointAt(0) ?? 0);
    if (!hasLetter && LETTER.test(ch)) hasLetter = true;
    if (script === 'Common' || script === 'Inherited') continue;
    scripts.add(script);
    const augmented = AUGMENTED[script] ?? [script];
    if (resolved === null) resolved = new Set(augmented);
    else {
      const next = new Set<string>();
      for (const s of augmented) if (resolved.has(s)) next.add(s);
      resolved = next;
    }
  }
  const sorted = [...scripts].sort();
  const mixedScript = resolved !== null && resolved.size === 0;
  const only = sorted.length === 1 ? sorted[0] : undefined;
  const wholeScriptConfusable =
    only !== undefined && only !== 'Latin' && hasLetter && LATIN_READING.test(skeleton(label));
  return { scripts: sorted, mixedScript, wholeScriptConfusable };
}

// The original src/skeleton/diacritics.ts (no memo).

const MARK = /^[\p{Mn}\p{Me}]$/u;
const MAX_LENGTH = 1024;

/** The prototype's base when UTS #39 maps `ch` to one letter followed only by marks, else `ch`. */
function overlayBase(ch: string): string {
  const prototype = confusableMap().get(ch.codePointAt(0) ?? 0);
  if (prototype === undefined) return ch;
  const parts = [...prototype.normalize('NFD')];
  const [base, ...rest] = parts;
  if (base === undefined || rest.length === 0 || MARK.test(base) || !rest.every((c) => MARK.test(c))) return ch;
  return base;
}

/** Base letters of a string: lowercase, NFD, overlay letters split, marks dropped. */
function baseLetters(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase().normalize('NFD')) {
    if (MARK.test(ch)) continue;
    out += overlayBase(ch).toLowerCase();
  }
  return out;
}

/**
 * True when `a` is `b` with only diacritics added, removed or changed: the base letters are equal
 * (NFD with marks removed, ignoring case; stroke letters such as ø and ł count as o and l) and the
 * strings differ beyond case. ('ö', 'o') → true, ('ö', 'ó') → true, ('o', 'O') → false,
 * ('о' Cyrillic, 'o') → false. Symmetric. Never throws; false for inputs over 1,024 characters.
 */
export function referenceIsDiacriticOf(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (a.length > MAX_LENGTH || b.length > MAX_LENGTH) return false;
  const x = a.normalize('NFC').toLowerCase();
  const y = b.normalize('NFC').toLowerCase();
  if (x === y) return false;
  const base = baseLetters(x);
  return base !== '' && base === baseLetters(y);
}

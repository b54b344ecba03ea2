/**
 * The strings typo distances are measured on.
 *
 * The UTS #39 skeleton maps `m` to `rn` (and ours `w` to `vv`, `d` to `cl`) so that `rnicrosoft`
 * renders like `microsoft`; equal skeletons are found by a map. But measured on skeletons, one typo
 * on an `m` (doubling it, swapping it) costs two edits, and an innocent `cl` pair absorbs a typo
 * next to it. So typos are measured on the typo key: the per-code-point skeleton, except that a
 * character whose prototype is one of those pairs keeps its own letter (`m`, `w`, `d`).
 * A sender written with the pairs themselves (`rnicrosft`: rn for m plus an omission) is also
 * looked up by its folded key (`microsft`), so the two techniques still compose.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import { skeletonOfCodePoint, skeletonUnits } from '../skeleton';

const UNFOLD: Readonly<Record<string, string>> = Object.freeze({ rn: 'm', vv: 'w', cl: 'd' });

/** A unit's typo-key output: its skeleton, except that the `rn`/`vv`/`cl` prototypes stay `m`/`w`/`d`. */
export function unfoldPrototype(output: string): string {
  return UNFOLD[output] ?? output;
}

/** Typo-key output of each ASCII code unit, built on first use (the hot path: most senders are ASCII). */
let asciiTable: string[] | undefined;

function asciiTypoTable(): string[] {
  const table: string[] = [];
  for (let c = 0; c < 128; c++) {
    const out = skeletonUnits(String.fromCharCode(c)).map((u) => unfoldPrototype(u.output)).join('');
    table.push(out);
  }
  return table;
}

/** Single-unit typo-key output per ASCII code unit (0 when the output is longer), built with asciiTable. */
let asciiUnits: Uint16Array | undefined;
/** Scratch for building a key without one intermediate string per character. */
let keyScratch = new Uint16Array(64);
/** keyScratch.subarray(0, n) per n, made once (a fresh subarray per key was an allocation per label). */
let keyViews: Uint16Array[] = [];

function keyView(n: number): Uint16Array {
  return (keyViews[n] ??= keyScratch.subarray(0, n));
}

/**
 * For a table of outputs by code unit (typo keys here, skeletons in ./skeleton-hash.ts): each output
 * that is one code unit, as that unit, else 0, so that hot loops read a number, not a string, and
 * fall back to the string only on 0.
 */
export function singleUnits(table: readonly string[]): Uint16Array {
  return Uint16Array.from(table, (out) => (out.length === 1 ? codeUnitAt(out, 0) : 0));
}

/** The typo key of a label (as written). */
export function typoKey(label: string): string {
  const table = (asciiTable ??= asciiTypoTable());
  const units = (asciiUnits ??= singleUnits(table));
  const n = label.length;
  // Most labels are ASCII letters, digits and hyphens, each mapping to one unit: the key is built
  // in a scratch array and made a string once (`+=` per character made n intermediate strings);
  // a label that maps to itself is returned as is.
  if (n > keyScratch.length) {
    keyScratch = new Uint16Array(n);
    keyViews = [];
  }
  let same = true;
  for (let i = 0; i < n; i++) {
    const c = codeUnitAt(label, i);
    if (c >= 128) return typoKeySlow(label);
    const u = units[c]!;
    if (u === 0) return typoKeyAscii(label, table);
    keyScratch[i] = u;
    if (u !== c) same = false;
  }
  return same ? label : String.fromCharCode.apply(null, keyView(n) as unknown as number[]);
}

/** ASCII labels with a character whose output has several units (`"` → `''`): the plain loop. */
function typoKeyAscii(label: string, table: readonly string[]): string {
  let out = '';
  for (let i = 0; i < label.length; i++) out += table[codeUnitAt(label, i)]!;
  return out;
}

function typoKeySlow(label: string): string {
  const table = (asciiTable ??= asciiTypoTable());
  const n = label.length;
  let out = '';
  for (let i = 0; i < n; ) {
    let cp = codeUnitAt(label, i++);
    if (cp < 128) {
      out += table[cp]!;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i < n) {
      const low = codeUnitAt(label, i);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    out += unfoldPrototype(skeletonOfCodePoint(cp));
  }
  return out;
}

/** The key with written pairs folded (`rn` → `m`, `vv` → `w`, `cl` → `d`), left to right. */
export function foldPairs(key: string): string {
  // Three native replaceAll calls equal one left-to-right scan for the three pairs: no pair ends
  // with a letter another pair starts with (only `v` both ends and starts one, `vv` itself, which
  // replaceAll also takes left to right), and no replacement letter forms a pair. A test compares
  // this with the scan. The scan built the result one character at a time: a tenth of checking
  // a long multi-label sender, whose joined labels go through here.
  // Most keys have no pair: three searches answer that faster than three replacements.
  if (!key.includes('rn') && !key.includes('vv') && !key.includes('cl')) return key;
  return key.replaceAll('rn', 'm').replaceAll('vv', 'w').replaceAll('cl', 'd');
}

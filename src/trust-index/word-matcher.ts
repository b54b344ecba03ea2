/**
 * Splits a label into brand "cores" and the business words glued around them
 * (`contosopayments` → core `contoso` + suffix word `payments`; `login-contoso` → `login-` + `contoso`).
 * Two tries (words forward, words reversed) make the split linear in the label length per word
 * boundary, instead of testing every word of the list against every label.
 */

import { codeUnitAt } from '../parse/code-unit-at';

/** Letters a–z, digits and hyphen: the characters of business words, with a dense transition row each. */
const ALPHABET = 37;
/** Column of an ASCII code unit in a transition row, or -1 (other characters go through `exotic`). */
const COLUMN = new Int8Array(128).fill(-1);
for (let c = 0x61; c <= 0x7a; c++) COLUMN[c] = c - 0x61;
for (let c = 0x30; c <= 0x39; c++) COLUMN[c] = 26 + c - 0x30;
COLUMN[0x2d] = 36;

/**
 * A trie in flat arrays: node n's children are row n of `child` (one column per character of the
 * alphabet, -1 for none), and `end[n]` marks a word's last character. A character outside the
 * alphabet (a user's word may hold one) has its edges in a Map. Every sender label walks these
 * tries from both ends, and a Map per node (one hash lookup per character) was about 5% of a clean
 * sender's check in the CPU profile.
 */
class Trie {
  private child = new Int32Array(64 * ALPHABET).fill(-1);
  private end = new Uint8Array(64);
  private readonly exotic = new Map<number, number>();
  private nodes = 1;

  /** The child of `node` by code unit `c`, or -1. */
  step(node: number, c: number): number {
    const column = c < 128 ? COLUMN[c]! : -1;
    if (column >= 0) return this.child[node * ALPHABET + column]!;
    if (this.exotic.size === 0) return -1;
    return this.exotic.get(node * 0x10000 + c) ?? -1;
  }

  isEnd(node: number): boolean {
    return this.end[node] === 1;
  }

  insert(word: string, reverse: boolean): void {
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const c = codeUnitAt(word, reverse ? word.length - 1 - k : k);
      let next = this.step(node, c);
      if (next < 0) {
        next = this.addNode();
        const column = c < 128 ? COLUMN[c]! : -1;
        if (column >= 0) this.child[node * ALPHABET + column] = next;
        else this.exotic.set(node * 0x10000 + c, next);
      }
      node = next;
    }
    this.end[node] = 1;
  }

  private addNode(): number {
    if (this.nodes === this.end.length) {
      const child = new Int32Array(this.child.length * 2).fill(-1);
      child.set(this.child);
      this.child = child;
      const end = new Uint8Array(this.end.length * 2);
      end.set(this.end);
      this.end = end;
    }
    return this.nodes++;
  }
}

/** A way to read a label as words + core + words. */
export interface CoreSplit {
  /** The brand candidate. */
  readonly core: string;
  /** Code-unit offset of the core in the label. */
  readonly start: number;
  /** The words before the core, in order. */
  readonly prefixWords: readonly string[];
  /** The words after the core, in order. */
  readonly suffixWords: readonly string[];
  /** Whether the words are joined to the core with hyphens. */
  readonly hyphenated: boolean;
}

/** At most this many splits are returned per label (bounded work on hostile labels). */
export const MAX_SPLITS = 12;

const NO_SPLITS: readonly CoreSplit[] = Object.freeze([]);

/** A compiled word list. */
export class WordMatcher {
  private readonly forward = new Trie();
  private readonly backward = new Trie();
  /** The words, lowercase. */
  readonly words: ReadonlySet<string>;

  constructor(words: Iterable<string>) {
    const set = new Set<string>();
    for (const w of words) {
      const lw = w.trim().toLowerCase();
      if (lw.length < 2) continue;
      set.add(lw);
      this.forward.insert(lw, false);
      this.backward.insert(lw, true);
    }
    this.words = set;
  }

  /** Whether some word starts the label (`forward`) or ends it. */
  private hasWordAt(label: string, forward: boolean): boolean {
    const n = label.length;
    const trie = forward ? this.forward : this.backward;
    let node = 0;
    for (let k = 0; k < n; k++) {
      node = trie.step(node, codeUnitAt(label, forward ? k : n - 1 - k));
      if (node < 0) return false;
      if (trie.isEnd(node)) return true;
    }
    return false;
  }

  /**
   * Every split of `label` into (words)(core)(words) with at least one word and a core of at least
   * `minCore` characters. Words may be joined by hyphens or directly.
   */
  splits(label: string, minCore: number): readonly CoreSplit[] {
    const n = label.length;
    // Every split has a word at the start or at the end of the label; most labels have neither,
    // and then the two walks below answer without allocating anything.
    if (!this.hasWordAt(label, true) && !this.hasWordAt(label, false)) return NO_SPLITS;
    // prefixAt[i]: words that make label[0:i] (with hyphens), or undefined
    const prefixAt: (string[] | undefined)[] = new Array(n + 1);
    prefixAt[0] = [];
    for (let i = 0; i < n; i++) {
      const before = prefixAt[i];
      if (before === undefined) continue;
      let node = 0;
      for (let k = i; k < n && node >= 0; k++) {
        node = this.forward.step(node, codeUnitAt(label, k));
        if (node >= 0 && this.forward.isEnd(node)) {
          const words = [...before, label.slice(i, k + 1)];
          if (prefixAt[k + 1] === undefined) prefixAt[k + 1] = words;
          if (k + 1 < n && codeUnitAt(label, k + 1) === 0x2d && prefixAt[k + 2] === undefined) prefixAt[k + 2] = words;
        }
      }
    }
    const suffixAt: (string[] | undefined)[] = new Array(n + 1);
    suffixAt[n] = [];
    for (let j = n; j > 0; j--) {
      const after = suffixAt[j];
      if (after === undefined) continue;
      let node = 0;
      for (let k = j - 1; k >= 0 && node >= 0; k--) {
        node = this.backward.step(node, codeUnitAt(label, k));
        if (node >= 0 && this.backward.isEnd(node)) {
          const words = [label.slice(k, j), ...after];
          if (suffixAt[k] === undefined) suffixAt[k] = words;
          if (k > 0 && codeUnitAt(label, k - 1) === 0x2d && suffixAt[k - 1] === undefined) suffixAt[k - 1] = words;
        }
      }
    }
    const out: CoreSplit[] = [];
    for (let i = 0; i <= n; i++) {
      const pre = prefixAt[i];
      if (pre === undefined) continue;
      for (let j = n; j >= i + minCore; j--) {
        const suf = suffixAt[j];
        if (suf === undefined || (i === 0 && j === n)) continue;
        const core = label.slice(i, j);
        if (codeUnitAt(core, 0) === 0x2d || codeUnitAt(core, core.length - 1) === 0x2d) continue;
        const hyphenated = (i > 0 && codeUnitAt(label, i - 1) === 0x2d) || (j < n && codeUnitAt(label, j) === 0x2d);
        out.push({ core, start: i, prefixWords: pre, suffixWords: suf, hyphenated });
        if (out.length >= MAX_SPLITS) return out;
      }
    }
    return out;
  }
}

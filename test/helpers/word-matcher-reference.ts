/**
 * The word matcher as it was before its tries became flat arrays (a Map per node), kept as the oracle of
 * test/trust-index-word-matcher.test.ts.
 */

interface TrieNode {
  end: boolean;
  next: Map<number, TrieNode>;
}

function newNode(): TrieNode {
  return { end: false, next: new Map() };
}

function insert(root: TrieNode, word: string, reverse: boolean): void {
  let node = root;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(reverse ? word.length - 1 - k : k);
    let child = node.next.get(c);
    if (child === undefined) {
      child = newNode();
      node.next.set(c, child);
    }
    node = child;
  }
  node.end = true;
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
export class ReferenceWordMatcher {
  private readonly forward = newNode();
  private readonly backward = newNode();
  /** The words, lowercase. */
  readonly words: ReadonlySet<string>;

  constructor(words: Iterable<string>) {
    const set = new Set<string>();
    for (const w of words) {
      const lw = w.trim().toLowerCase();
      if (lw.length < 2) continue;
      set.add(lw);
      insert(this.forward, lw, false);
      insert(this.backward, lw, true);
    }
    this.words = set;
  }

  /** Whether some word starts the label (`forward`) or ends it. */
  private hasWordAt(label: string, forward: boolean): boolean {
    const n = label.length;
    let node: TrieNode | undefined = forward ? this.forward : this.backward;
    for (let k = 0; k < n; k++) {
      node = node.next.get(label.charCodeAt(forward ? k : n - 1 - k));
      if (node === undefined) return false;
      if (node.end) return true;
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
      let node: TrieNode | undefined = this.forward;
      for (let k = i; k < n && node !== undefined; k++) {
        node = node.next.get(label.charCodeAt(k));
        if (node?.end === true) {
          const words = [...before, label.slice(i, k + 1)];
          if (prefixAt[k + 1] === undefined) prefixAt[k + 1] = words;
          if (label.charCodeAt(k + 1) === 0x2d && prefixAt[k + 2] === undefined) prefixAt[k + 2] = words;
        }
      }
    }
    const suffixAt: (string[] | undefined)[] = new Array(n + 1);
    suffixAt[n] = [];
    for (let j = n; j > 0; j--) {
      const after = suffixAt[j];
      if (after === undefined) continue;
      let node: TrieNode | undefined = this.backward;
      for (let k = j - 1; k >= 0 && node !== undefined; k--) {
        node = node.next.get(label.charCodeAt(k));
        if (node?.end === true) {
          const words = [label.slice(k, j), ...after];
          if (suffixAt[k] === undefined) suffixAt[k] = words;
          if (k > 0 && label.charCodeAt(k - 1) === 0x2d && suffixAt[k - 1] === undefined) suffixAt[k - 1] = words;
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
        if (core.charCodeAt(0) === 0x2d || core.charCodeAt(core.length - 1) === 0x2d) continue;
        const hyphenated = (i > 0 && label.charCodeAt(i - 1) === 0x2d) || (j < n && label.charCodeAt(j) === 0x2d);
        out.push({ core, start: i, prefixWords: pre, suffixWords: suf, hyphenated });
        if (out.length >= MAX_SPLITS) return out;
      }
    }
    return out;
  }
}

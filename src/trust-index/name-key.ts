/**
 * Folding of display names and organisation names, so that `Ana Pereira`, `ANA  PEREIRA`,
 * `Pereira, Ana`, `Ána Pereíra` and `Аna Pereira` (Cyrillic А) all give the same key.
 * Tokens are skeletons (UTS #39 confusables, case and diacritics folded: see src/skeleton);
 * the key is the sorted token list, which also folds `Last, First` order.
 */

import { skeleton } from '../skeleton';

/** Display names longer than this are cut before folding (RFC 5322 §2.1.1: 998 per line). */
export const MAX_NAME_LENGTH = 256;

/** At most this many tokens of a display name are considered. */
export const MAX_NAME_TOKENS = 8;

/** Letters and digits of any script; the `u` flag and a single character class keep this linear. */
const TOKEN = /[\p{L}\p{N}]+/gu;

/** The folded tokens of a name, in order (at most MAX_NAME_TOKENS). */
export function nameTokens(name: string): string[] {
  const cut = name.length > MAX_NAME_LENGTH ? name.slice(0, MAX_NAME_LENGTH) : name;
  const out: string[] = [];
  for (const m of cut.matchAll(TOKEN)) {
    const folded = skeleton(m[0]);
    if (folded !== '') out.push(folded);
    if (out.length === MAX_NAME_TOKENS) break;
  }
  return out;
}

/** The order-independent key of a list of folded tokens. */
export function tokensKey(tokens: readonly string[]): string {
  return [...tokens].sort().join(' ');
}

/** The key of a name (`Pereira, Ana` → `ana pereira` in skeleton form). */
export function nameKey(name: string): string {
  return tokensKey(nameTokens(name));
}

/**
 * Calls `visit(key, tokenIndexes)` for each subset of `tokens` whose size is in `sizes`
 * (so `Ana Pereira (Contoso AP)` still finds the contact `Ana Pereira`). With 8 tokens and sizes
 * {2, 3} this is 84 keys; only senders with a display name pay for it.
 */
export function forEachTokenSubset(
  tokens: readonly string[],
  sizes: ReadonlySet<number>,
  visit: (key: string, picked: readonly number[]) => boolean | void,
): void {
  const n = tokens.length;
  const picked: number[] = [];
  let stop = false;
  const rec = (start: number, size: number): void => {
    if (stop) return;
    if (picked.length === size) {
      if (visit(tokensKey(picked.map((i) => tokens[i]!)), picked) === true) stop = true;
      return;
    }
    for (let i = start; i <= n - (size - picked.length); i++) {
      picked.push(i);
      rec(i + 1, size);
      picked.pop();
      if (stop) return;
    }
  };
  for (const size of [...sizes].sort((a, b) => b - a)) {
    if (size <= n && size > 0) rec(0, size);
    if (stop) return;
  }
}

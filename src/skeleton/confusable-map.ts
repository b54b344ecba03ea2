/**
 * The confusable prototype table: UTS #39 confusables.txt (src/generated/confusables.ts, from
 * `unhomoglyph`) plus the selected ASCII-lookalike additions (from `confusables`). The generated
 * module holds compact strings; they are decoded into one Map the first time a skeleton needs a
 * non-ASCII character or the ASCII table is built, so importing the library costs nothing.
 */

import { ASCII_LOOKALIKE_ADDITIONS, UTS39_CONFUSABLES } from '../generated/confusables';

let table: Map<number, string> | undefined;

/**
 * Decodes lines of `prototype<TAB>sources` (split at the last TAB: one UTS #39 prototype contains
 * a TAB) into `target`, keeping entries already present (UTS #39 wins over the additions).
 */
function decodeInto(target: Map<number, string>, encoded: string): void {
  for (const line of encoded.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const prototype = line.slice(0, tab);
    for (const source of line.slice(tab + 1)) {
      const cp = source.codePointAt(0);
      if (cp !== undefined && !target.has(cp)) target.set(cp, prototype);
    }
  }
}

/**
 * Source code point → prototype string (UTS #39 §4 "confusable" mapping, then the additions),
 * decoded once on first use.
 */
export function confusableMap(): ReadonlyMap<number, string> {
  if (table === undefined) {
    const decoded = new Map<number, string>();
    decodeInto(decoded, UTS39_CONFUSABLES);
    decodeInto(decoded, ASCII_LOOKALIKE_ADDITIONS);
    table = decoded;
  }
  return table;
}

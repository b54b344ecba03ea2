/**
 * The string typo distances are measured on: the UTS #39 skeleton with its multi-character
 * prototypes folded back to one character (`rn` → `m`, `vv` → `w`, `cl` → `d`).
 *
 * The skeleton maps `m` to `rn` so that `rnicrosoft` renders like `microsoft`; but then one typo on
 * an `m` (doubling it, swapping it with a neighbour) costs two edits on the skeleton and escapes a
 * one-edit budget. Folding the pairs back keeps visual equality (equal skeletons give equal keys)
 * and makes each typo cost one edit again. Left to right, greedy, linear.
 */

const FOLD: Readonly<Record<string, string>> = Object.freeze({ rn: 'm', vv: 'w', cl: 'd' });

/** Folds one pair of skeleton characters, or returns undefined. */
export function foldPair(a: string, b: string): string | undefined {
  return FOLD[a + b];
}

/** The typo key of a skeleton. */
export function typoKey(skeletonText: string): string {
  if (!skeletonText.includes('rn') && !skeletonText.includes('vv') && !skeletonText.includes('cl')) return skeletonText;
  let out = '';
  for (let i = 0; i < skeletonText.length; i++) {
    const folded = i + 1 < skeletonText.length ? FOLD[skeletonText[i]! + skeletonText[i + 1]!] : undefined;
    if (folded !== undefined) {
      out += folded;
      i++;
    } else out += skeletonText[i]!;
  }
  return out;
}

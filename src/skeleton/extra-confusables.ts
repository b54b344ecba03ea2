/**
 * Hand-written ASCII lookalikes that UTS #39 confusables.txt does not provide, applied by the
 * skeleton after lowercasing and mark removal (see ./skeleton.ts). Not generated: every entry is a
 * decision, explained below. Keys are single lowercase ASCII characters so the skeleton stays a
 * per-code-point map; values are ASCII strings that are themselves skeleton fixpoints.
 *
 * Entries:
 * - `w` → `vv`: "vv" renders as "w" in most sans-serif fonts (vvellsfargo). dnstwist and
 *   ail-typo-squatting list this pair; UTS #39 does not.
 * - `d` → `cl`: "cl" renders as "d" when letters are tight (clropbox). Same sources.
 *   (UTS #39 already maps `m` → `rn`, the third classic multi-letter lookalike.)
 * - `i` → `l`: UTS #39 maps capital `I` (and `1`, `|`, Cyrillic `ӏ`) to `l` but leaves small `i`
 *   alone. The skeleton must be case-insensitive (domains are, and UTS #46 lowercases them, so
 *   `paypaI.com` as written in a header arrives as `paypai.com`). Case-insensitivity plus `I` ≡ `l`
 *   forces `i` ≡ `l`: skeleton('paypaI') = skeleton('paypai') = skeleton('paypal') = 'paypal'.
 *   Cost: small i and l, distinct in most fonts by the dot and the height, now collide (mail/mall).
 *   Such pairs are one typo apart anyway, so they would be flagged by the edit-distance check; here
 *   they are reported as homoglyphs instead. Through this entry every i-like character UTS #39 maps
 *   to `i` (ı ɩ ɪ ι і ⅰ) joins the `l` class too.
 *
 * Deliberately not added:
 * - `0` → `o` and `1` → `l`: UTS #39 already has them (0 → O, 1 → l).
 * - `5` ↔ `s`, `8` ↔ `b`, `2` ↔ `z`, `6` ↔ `b`, `9` ↔ `g`/`q`: these look alike in some capitals
 *   only; in lowercase domains they are plainly different. The edit-distance check catches them as
 *   one-character replacements.
 * - `nn`/`rr` → `m`, `lh` → `h`, `lc` → `k`, `ii` → `u`: weak; a skeleton maps each character to
 *   one string, and `m` already maps to `rn`.
 */
export const EXTRA_CONFUSABLES: ReadonlyMap<string, string> = new Map([
  ['d', 'cl'],
  ['i', 'l'],
  ['w', 'vv'],
]);

/**
 * `s.charCodeAt(i)`, written so that it stays fast whatever strings the calling loop has seen. The
 * loops that read strings unit by unit use it: those of a check (parsing, host syntax, hashes, typo
 * keys, skeletons, comparisons) and of `generateVariants`.
 *
 * Why: those loops see strings of every representation V8 has (one- and two-byte; sequential,
 * sliced, cons, thin, internalized), so once a trusted list is compiled and senders are checked
 * the `charCodeAt` and `length` loads in them are megamorphic, and `s.charCodeAt(i)` costs a
 * lookup and a call per character. Here the function is read from `String.prototype` (a
 * constant) and the call is inlined with a string check. Measured (bench/HISTORY.md, sixteenth
 * round): `fnv1a32` of a 14-letter host in a process that had compiled 100,000 entries and checked
 * 20,000 senders took 150–164 ns with `s.charCodeAt(i)`, 41–47 with this (40 for a fresh copy that
 * had seen one kind of string); `check` through `bench:ab`, both orders, 30 rounds: 0.91–0.96× at
 * 100 trusted and 0.88–0.95× at 100,000 (two runs), 0.87–0.95× at 10,000 (one run), for mixed,
 * clean, typo and invalid senders, results identical.
 *
 * Callers keep `i` within `[0, s.length)`. Out of range the answer is NaN, as for `charCodeAt`,
 * but V8 inlines the read behind a bounds check that deoptimises, and after one such deopt the call
 * site (this function's, shared by every caller it is inlined into) calls the generic builtin
 * instead, everywhere, for the rest of the process. Until the twenty-second round five lookaheads
 * one past the end (a word split, the bare-address and header tokenizers, RFC 2047 words, an empty
 * local part) did that early in every process: under callgrind the builtin was 12% of a check's
 * instructions at 100 trusted entries (7,700 of 62,300), and bounding them cut the check to 56,700.
 * Why the callers and not this function: a bound here (`i < s.length ? … : NaN`) is as safe and ran
 * the same instructions under callgrind (56,300 per check at 100), but `bench:ab` against the
 * callers' bounds measured it at 1.01–1.04× the time on most streams at 100 and 100,000 trusted
 * (the length read and branch on every unit). test/code-unit-at-bounds.test.ts runs every entry
 * point with a copy that records out-of-range reads, so a new lookahead that forgets its bound fails.
 * This stage comes first, so every later stage may import it.
 */
export function codeUnitAt(s: string, i: number): number {
  return String.prototype.charCodeAt.call(s, i);
}

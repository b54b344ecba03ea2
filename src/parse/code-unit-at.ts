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
 * This stage comes first, so every later stage may import it.
 */
export function codeUnitAt(s: string, i: number): number {
  return String.prototype.charCodeAt.call(s, i);
}

/**
 * Size limits applied by the parse stage, before and during parsing.
 *
 * The address limits are RFC 5321 §4.5.3.1 (local part 64, domain 255, path 256 including the
 * angle brackets, hence 254 for `local@domain`) and RFC 1035 §2.3.4 (63 per label). `maxInput` is
 * our own cap on a whole `From:` value: real headers are far shorter (RFC 5322 §2.1.1 lines are at
 * most 998 characters, and even a long folded group fits), and a fixed cap bounds the work done on
 * hostile input.
 *
 * Lengths are counted in UTF-16 code units of the text as written. For ASCII (nearly all mail) that
 * is exactly the octet count of the RFCs; for RFC 6532 UTF-8 text it never exceeds the octet count,
 * so a legitimate address is never refused here. The exact DNS limits on the ASCII (A-label) form of
 * an internationalised domain are the normalize stage's job, after UTS #46 mapping.
 */
export const LIMITS: Readonly<{
  maxInput: number;
  maxAddress: 254;
  maxLocalPart: 64;
  maxDomain: 255;
  maxLabel: 63;
}> = Object.freeze({
  maxInput: 16_384,
  maxAddress: 254,
  maxLocalPart: 64,
  maxDomain: 255,
  maxLabel: 63,
} as const);

/**
 * Deepest comment nesting accepted (RFC 5322 §3.2.2 allows nesting without bound). Comments are
 * scanned with a counter, not recursion, so this is not about the stack: it rejects absurd input
 * early with a clear message instead of carrying it through.
 */
export const MAX_COMMENT_DEPTH = 64;

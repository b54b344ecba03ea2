/**
 * `parseSender`: the entry point of the parse stage, called by the detector on every message.
 * Order of work: type check, length cap (before anything else, so 1 MB costs nothing), ASCII trim,
 * fast path for bare addresses and domains, then the `From:` field name and the header parser.
 */
import { codeUnitAt } from './code-unit-at';
import type { ParseResult } from './types';
import { trimAscii } from './char-classes';
import { EMPTY_FAILURE, failure } from './errors';
import { parseBare, parseSimpleNameAddr } from './fast-path';
import { parseHeader } from './parse-header';
import { LIMITS } from './limits';

/**
 * Length of a leading `From:` field name (RFC 5322 §3.6.2; obs-from §4.5.6 allows WSP before the
 * colon), matched case-insensitively as field names are (§1.2.2); 0 when there is none.
 */
function fromFieldLength(s: string): number {
  if (s.length < 5) return 0;
  if ((codeUnitAt(s, 0) | 0x20) !== 0x66 || (codeUnitAt(s, 1) | 0x20) !== 0x72) return 0; // f r
  if ((codeUnitAt(s, 2) | 0x20) !== 0x6f || (codeUnitAt(s, 3) | 0x20) !== 0x6d) return 0; // o m
  let i = 4;
  while (codeUnitAt(s, i) === 0x20 || codeUnitAt(s, i) === 0x09) i++;
  return codeUnitAt(s, i) === 0x3a ? i + 1 : 0;
}

function parse(input: string): ParseResult {
  if (typeof input !== 'string') return failure('unparseable', 'the sender is not a string');
  if (input.length > LIMITS.maxInput) {
    return failure('too-long', `the sender is longer than ${LIMITS.maxInput} characters`);
  }
  let s = trimAscii(input);
  if (s === '') return EMPTY_FAILURE;
  const bare = parseBare(s);
  if (bare !== undefined) return bare;
  const field = fromFieldLength(s);
  if (field > 0) {
    s = trimAscii(s.slice(field));
    if (s === '') return EMPTY_FAILURE;
  }
  return parseSimpleNameAddr(s) ?? parseHeader(s, field > 0);
}

/**
 * Parses a sender: a full `From:` header value (with or without the `From:` field name), a bare
 * address (`ap@contoso.com`) or a bare domain (`contoso.com`). Text is kept as written: no case
 * folding, no IDNA, no removal of invisible characters (the normalize stage does those).
 *
 * Follows RFC 5322 §3.2–§3.4 (with obsolete forms of §4 where cheap), RFC 6532 (UTF-8), RFC 2047
 * (encoded words in display names) and the RFC 5321 §4.5.3.1 size limits (`LIMITS`). A header with
 * several mailboxes or groups yields all mailboxes in order; members that fail are skipped when
 * another parses. Never throws, never hangs: linear time, input capped at `LIMITS.maxInput`.
 *
 * @example parseSender('"Ana Pereira" <ana@contoso.com>')
 * // { ok: true, form: 'header', mailboxes: [{ displayName: 'Ana Pereira', localPart: 'ana', domain: 'contoso.com', ipLiteral: false }] }
 */
export function parseSender(input: string): ParseResult {
  try {
    return parse(input);
  } catch {
    // Unreachable by design (no recursion, bounded indexes); the contract is "never throws".
    return failure('unparseable', 'the sender could not be parsed');
  }
}

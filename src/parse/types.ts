/**
 * Result types of the parse stage.
 */
import type { InvalidCode } from '../types';

/** One mailbox of a `From:` value (or the bare address / domain given instead). Text is kept as written. */
export interface ParsedMailbox {
  /**
   * Display name: RFC 2047 words decoded, unfolded, quotes and backslash escapes removed, comments
   * dropped, runs of ASCII whitespace collapsed to one space, trimmed. Absent when there is none.
   * For an old-style `addr (Full Name)` mailbox with no phrase, the trailing comment is the name.
   */
  readonly displayName?: string;
  /** Local part as written; for a quoted local part the quotes are removed and escapes resolved. Absent for a bare domain. */
  readonly localPart?: string;
  /** Domain as written (no case folding, no IDNA), trailing dot kept; for a domain literal the bracketed text, e.g. `[192.0.2.1]`. */
  readonly domain: string;
  /** True when the domain is an RFC 5321 §4.1.3 address literal (`[192.0.2.1]`, `[IPv6:2001:db8::1]`). */
  readonly ipLiteral: boolean;
}

/** A successful parse: at least one mailbox, in header order. */
export interface ParseSuccess {
  readonly ok: true;
  /** `address`: a bare addr-spec; `domain`: a bare domain; `header`: anything needing header syntax. */
  readonly form: 'header' | 'address' | 'domain';
  /** Every mailbox that parsed, in order (at least one). */
  readonly mailboxes: readonly ParsedMailbox[];
}

/** A failed parse: a stable code and one plain English sentence. */
export interface ParseFailure {
  readonly ok: false;
  readonly code: InvalidCode;
  readonly message: string;
}

/** The result of `parseSender`. Never thrown: failures are values. */
export type ParseResult = ParseSuccess | ParseFailure;

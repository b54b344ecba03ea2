/**
 * Errors for misuse of the API: a trusted list that cannot be compiled. Checking a sender never
 * throws; compiling a bad trusted list does, with a typed error that names the entry and why.
 * One table of codes and messages, in the manner of punycode.js.
 */

/** Why a trusted entry was refused. */
export type TrustedListErrorCode =
  | 'empty-entry'
  | 'not-a-string-or-object'
  | 'unparseable-entry'
  | 'invalid-domain'
  | 'invalid-address'
  | 'ip-literal'
  | 'no-registrable-domain'
  | 'conflicting-fields'
  | 'too-long';

/** Default sentence per code; the thrown message adds the entry and its location. */
export const TRUSTED_LIST_ERROR_MESSAGES: Readonly<Record<TrustedListErrorCode, string>> = Object.freeze({
  'empty-entry': 'the entry is empty',
  'not-a-string-or-object': 'an entry must be a string or an object { domain?, address?, name?, id? }',
  'unparseable-entry': 'the entry is not a domain, an address or a mailbox with a display name',
  'invalid-domain': 'the domain is not a valid hostname under UTS #46',
  'invalid-address': 'the address is not a valid RFC 5322 address',
  'ip-literal': 'IP-literal domains cannot be trusted by name',
  'no-registrable-domain': 'the domain is a public suffix (or a single label) with no registrable part',
  'conflicting-fields': 'the address and the domain of the entry disagree',
  'too-long': 'the entry exceeds the RFC 5321 length limits',
});

/** Where an entry came from, for error messages (`FILE:LINE: reason`). */
export interface EntryLocation {
  /** 0-based index in the list. */
  readonly index: number;
  /** 1-based line in the text it was parsed from. */
  readonly line?: number;
  /** File name (or other source label) the text came from. */
  readonly file?: string;
}

/** Thrown by `createDetector` / `compileTrustedList` / `parseTrustedList` when an entry is unusable. */
export class TrustedListError extends Error {
  override readonly name = 'TrustedListError';
  /** Stable code, see `TRUSTED_LIST_ERROR_MESSAGES`. */
  readonly code: TrustedListErrorCode;
  /** The offending entry as text. */
  readonly entry: string;
  /** 0-based index in the list (-1 when not about one entry). */
  readonly index: number;
  /** 1-based line, when parsed from text. */
  readonly line: number | undefined;
  /** Source file name, when known. */
  readonly file: string | undefined;
  /** The reason without location. */
  readonly reason: string;

  constructor(code: TrustedListErrorCode, entry: string, location: EntryLocation, detail?: string) {
    const reason = detail ?? TRUSTED_LIST_ERROR_MESSAGES[code];
    const where =
      location.line !== undefined
        ? `${location.file ?? 'trusted list'}:${location.line}`
        : location.index >= 0
          ? `trusted entry #${location.index + 1}`
          : 'trusted list';
    const shown = entry.length > 80 ? `${entry.slice(0, 77)}...` : entry;
    super(entry === '' ? `${where}: ${reason}` : `${where}: ${JSON.stringify(shown)}: ${reason}`);
    this.code = code;
    this.entry = entry;
    this.index = location.index;
    this.line = location.line;
    this.file = location.file;
    this.reason = reason;
  }
}

/**
 * Failure values of the parse stage. Parsing never throws; it returns a `ParseFailure` with a
 * stable `InvalidCode` and a short sentence. Messages never echo more than one character of the
 * input, so hostile text cannot flood logs or terminals through them.
 */
import type { InvalidCode } from '../types';
import type { ParseFailure } from './types';

/** Builds a frozen failure value. */
export function failure(code: InvalidCode, message: string): ParseFailure {
  return Object.freeze({ ok: false, code, message });
}

/** Shown for a character in a message: printable ASCII quoted, anything else as U+XXXX. */
export function describeChar(text: string): string {
  const cp = text.codePointAt(0);
  if (cp === undefined) return 'nothing';
  if (cp > 0x20 && cp < 0x7f) return `'${String.fromCharCode(cp)}'`;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Shared failures that carry no detail. */
export const EMPTY_FAILURE: ParseFailure = failure('empty', 'the sender is empty');

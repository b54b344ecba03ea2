/**
 * The trusted-list file format: one entry per line; `#` starts a comment (a whole line, or the rest
 * of a line after whitespace); blank lines are ignored. An entry is
 *   - a domain:                         contoso.com
 *   - an address:                       ap@contoso.com
 *   - a contact (RFC 5322 name-addr):   "Ana Pereira" <ana.pereira@contoso.com>  or  Ana Pereira <ana.pereira@contoso.com>
 *   - an organisation with its name:    Contoso Ltd <contoso.com>
 * Parsing is line-based and linear; an entry that is not one of these throws `TrustedListError`
 * with the file and line.
 */

import type { TrustedInput } from '../detector/types';
import { parseSender } from '../parse';
import { TrustedListError } from './errors';

/** Options of `parseTrustedList`. */
export interface ParseTrustedListOptions {
  /** File name for error messages and for `TrustedInput.file`. */
  readonly file?: string;
}

/** Longest line considered (RFC 5322 §2.1.1 line limit is 998 characters; a contact fits easily). */
const MAX_LINE = 998;

/** Removes a `#` comment: at the start of the line or after whitespace, outside double quotes. */
function stripComment(line: string): string {
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5c /* \ */ && inQuote) {
      i++;
      continue;
    }
    if (c === 0x22 /* " */) inQuote = !inQuote;
    else if (c === 0x23 /* # */ && !inQuote) {
      const before = i === 0 ? 0x20 : line.charCodeAt(i - 1);
      if (before === 0x20 || before === 0x09) return line.slice(0, i);
    }
  }
  return line;
}

/**
 * Parses one entry (already without comment) into a `TrustedInput`, or returns a reason string.
 * @internal exported for `compileTrustedList`, which accepts the same text forms in arrays.
 */
export function parseTrustedEntryText(text: string): TrustedInput | string {
  const entry = text.trim();
  if (entry === '') return 'the entry is empty';
  if (entry.length > MAX_LINE) return `the entry is longer than ${MAX_LINE} characters`;
  // Organisation form: `Name <domain>` (no '@' inside the brackets).
  if (entry.endsWith('>')) {
    const open = entry.lastIndexOf('<');
    if (open >= 0) {
      const inside = entry.slice(open + 1, -1).trim();
      if (inside !== '' && !inside.includes('@')) {
        let name = entry.slice(0, open).trim();
        if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).replace(/\\(.)/gu, '$1');
        return name === '' ? { domain: inside } : { domain: inside, name };
      }
    }
  }
  if (!entry.includes('@')) {
    if (/\s/u.test(entry)) return 'a domain cannot contain spaces (write a contact as `Name <address>`)';
    return { domain: entry };
  }
  const parsed = parseSender(entry);
  if (!parsed.ok) return parsed.message;
  if (parsed.mailboxes.length !== 1) return 'one line holds one entry; found several addresses';
  const box = parsed.mailboxes[0]!;
  if (box.localPart === undefined) return { domain: box.domain };
  const address = `${box.localPart}@${box.domain}`;
  return box.displayName !== undefined && box.displayName !== '' ? { address, name: box.displayName } : { address };
}

/**
 * Parses the text of a trusted-list file into entries, each carrying its 1-based `line` (and `file`).
 * Throws `TrustedListError` (code `unparseable-entry`) naming `FILE:LINE` for a line it cannot read.
 * Domains and addresses are validated later, by `createDetector`, with the same location.
 */
export function parseTrustedList(text: string, options: ParseTrustedListOptions = {}): TrustedInput[] {
  const out: TrustedInput[] = [];
  const file = options.file;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1); // UTF-8 BOM
    start = end + 1;
    const body = stripComment(line).trim();
    if (body === '') {
      if (end === text.length) break;
      continue;
    }
    const parsed = parseTrustedEntryText(body);
    const location = file === undefined ? { index: out.length, line: lineNo } : { index: out.length, line: lineNo, file };
    if (typeof parsed === 'string') throw new TrustedListError('unparseable-entry', body, location, parsed);
    out.push({ ...parsed, source: body, line: lineNo, ...(file === undefined ? {} : { file }) });
    if (end === text.length) break;
  }
  return out;
}

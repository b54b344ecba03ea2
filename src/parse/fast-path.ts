/**
 * The fast path: a bare address (`ap@contoso.com`) or bare domain (`contoso.com`) made only of
 * atext, dots, at most one `@` and non-ASCII (RFC 6532) text. This is the common case in a mail
 * gateway's hot loop, so it is one table-driven scan plus `lastIndexOf`-style slicing, with no
 * tokenizer and no grammar. Anything else (whitespace, quotes, specials, controls, `=?`, several
 * `@`) returns undefined and goes to the header parser, which gives the same verdict on what both
 * can read.
 */
import type { ParseResult } from './types';
import { checkAddressLengths, checkDomainText, checkDotAtomLocal } from './addr-spec';
import { ASCII_CLASS, CC_AT, CC_EQUALS, CC_OTHER } from './char-classes';

/** Parses `s` (already trimmed, non-empty, within `LIMITS.maxInput`) or returns undefined for the header parser. */
export function parseBare(s: string): ParseResult | undefined {
  const n = s.length;
  let at = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) continue;
    const k = ASCII_CLASS[c];
    if (k === CC_OTHER) return undefined;
    if (k === CC_AT) {
      if (at >= 0) return undefined;
      at = i;
    } else if (k === CC_EQUALS && s.charCodeAt(i + 1) === 0x3f /* ? */) return undefined;
  }
  if (at < 0) {
    const bad = checkDomainText(s);
    if (bad !== undefined) return bad;
    return { ok: true, form: 'domain', mailboxes: [{ domain: s, ipLiteral: false }] };
  }
  const localPart = s.slice(0, at);
  const domain = s.slice(at + 1);
  const bad = checkDotAtomLocal(localPart) ?? checkDomainText(domain) ?? checkAddressLengths(localPart.length, domain.length);
  if (bad !== undefined) return bad;
  return { ok: true, form: 'address', mailboxes: [{ localPart, domain, ipLiteral: false }] };
}

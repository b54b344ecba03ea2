/**
 * RFC 5322 §3.4.1 addr-spec = local-part "@" domain, checked on text (fast path) and on tokens
 * (header path), with the RFC 5321 §4.5.3.1 size limits. Both paths share the text checks and the
 * order of checks (local syntax, domain, local length, address length), so an address gets the
 * same verdict whichever path reads it.
 *
 * Only syntax is checked here. Which characters make a valid host name is UTS #46's business and
 * belongs to the normalize stage: `a!b.com` is a valid RFC 5322 dot-atom and passes.
 */
import { codeUnitAt } from './code-unit-at';
import type { ParseFailure } from './types';
import { describeChar, failure } from './errors';
import { isAddressLiteral } from './address-literal';
import { LIMITS } from './limits';
import { TK_ATOM, TK_LITERAL, TK_QUOTED, TK_SPECIAL, type Token } from './tokenize';

/** A checked local part and domain, before the mailbox is built. */
export interface AddrSpec {
  readonly localPart: string;
  readonly domain: string;
  readonly ipLiteral: boolean;
}

/** A checked domain. */
export interface DomainPart {
  readonly domain: string;
  readonly ipLiteral: boolean;
}

/**
 * Checks a domain written as dot-separated labels (RFC 5322 dot-atom / obs-domain): not empty, no
 * empty label except after one trailing dot (the FQDN form is kept as written), at most 255 code
 * units (RFC 5321 §4.5.3.1.2), ASCII labels at most 63 (RFC 1035 §2.3.4). Non-ASCII labels are left
 * to the normalize stage, which measures their A-label after UTS #46 mapping.
 */
export function checkDomainText(domain: string): ParseFailure | undefined {
  const n = domain.length;
  if (n === 0) return failure('no-domain', 'the address has no domain after the @');
  if (n > LIMITS.maxDomain) return failure('too-long', `the domain is longer than ${LIMITS.maxDomain} characters (RFC 5321 §4.5.3.1.2)`);
  let labelStart = 0;
  let ascii = true;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? codeUnitAt(domain, i) : 0x2e;
    if (c === 0x2e) {
      const len = i - labelStart;
      if (len === 0 && !(i === n && n > 0 && labelStart > 0)) {
        return failure('invalid-domain', i === 0 ? 'the domain starts with a dot' : 'the domain has an empty label (two dots in a row)');
      }
      if (ascii && len > LIMITS.maxLabel) {
        return failure('too-long', `a domain label is longer than ${LIMITS.maxLabel} characters (RFC 1035 §2.3.4)`);
      }
      labelStart = i + 1;
      ascii = true;
    } else if (c >= 0x80) ascii = false;
  }
  return undefined;
}

/** RFC 5322 §3.2.3 dot-atom shape of an unquoted local part whose characters are already known to be atext. */
export function checkDotAtomLocal(local: string): ParseFailure | undefined {
  const n = local.length;
  if (n === 0) return failure('invalid-local-part', 'the address has nothing before the @');
  if (codeUnitAt(local, 0) === 0x2e) return failure('invalid-local-part', 'the local part starts with a dot');
  if (codeUnitAt(local, n - 1) === 0x2e) return failure('invalid-local-part', 'the local part ends with a dot');
  if (local.includes('..')) return failure('invalid-local-part', 'the local part has two dots in a row');
  return undefined;
}

/** RFC 5321 §4.5.3.1.1 and §4.5.3.1.3: local part at most 64, `local@domain` at most 254. */
export function checkAddressLengths(localLength: number, domainLength: number): ParseFailure | undefined {
  if (localLength > LIMITS.maxLocalPart) {
    return failure('too-long', `the local part is longer than ${LIMITS.maxLocalPart} characters (RFC 5321 §4.5.3.1.1)`);
  }
  if (localLength + 1 + domainLength > LIMITS.maxAddress) {
    return failure('too-long', `the address is longer than ${LIMITS.maxAddress} characters (RFC 5321 §4.5.3.1.3)`);
  }
  return undefined;
}

function isDot(t: Token): boolean {
  return t.kind === TK_SPECIAL && t.text === '.';
}

function describeToken(t: Token): string {
  switch (t.kind) {
    case TK_QUOTED:
      return 'a quoted string';
    case TK_LITERAL:
      return 'a bracketed literal';
    case TK_ATOM:
      return 'characters that need quoting';
    default:
      return describeChar(t.text);
  }
}

/**
 * local-part = dot-atom / quoted-string / obs-local-part (RFC 5322 §3.4.1, §4.4), i.e. words
 * (atoms or quoted strings) separated by dots, CFWS allowed around them. Quoted words contribute
 * their content (quotes removed, escapes resolved), as the parse contract asks.
 */
export function parseLocalTokens(tokens: readonly Token[], from: number, to: number): string | ParseFailure {
  if (from >= to) return failure('invalid-local-part', 'the address has nothing before the @');
  let out = '';
  let expectWord = true;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t === undefined) break;
    const word = (t.kind === TK_ATOM || t.kind === TK_QUOTED) && !t.bad;
    if (expectWord) {
      if (word) {
        out += t.text;
        expectWord = false;
      } else if (isDot(t)) {
        return failure('invalid-local-part', k === from ? 'the local part starts with a dot' : 'the local part has two dots in a row');
      } else {
        return failure('invalid-local-part', `the local part contains ${describeToken(t)}`);
      }
    } else if (isDot(t)) {
      out += '.';
      expectWord = true;
    } else if (word) {
      return failure('invalid-local-part', 'the local part has words not joined by dots (a display name needs <angle brackets> around the address)');
    } else {
      return failure('invalid-local-part', `the local part contains ${describeToken(t)}`);
    }
  }
  if (expectWord) return failure('invalid-local-part', 'the local part ends with a dot');
  return out;
}

/**
 * domain = dot-atom / domain-literal / obs-domain (RFC 5322 §3.4.1, §4.4). A literal must be an
 * RFC 5321 §4.1.3 address literal; a dot-atom may end with one dot (FQDN form, kept as written).
 */
export function parseDomainTokens(tokens: readonly Token[], from: number, to: number): DomainPart | ParseFailure {
  if (from >= to) return failure('no-domain', 'the address has no domain after the @');
  const first = tokens[from];
  if (first !== undefined && first.kind === TK_LITERAL) {
    if (to - from !== 1) return failure('invalid-domain', 'the domain literal is followed by other text');
    if (first.bad || !isAddressLiteral(first.text)) {
      return failure('invalid-domain', 'the domain literal is not an IPv4, IPv6 or tagged address literal (RFC 5321 §4.1.3)');
    }
    return { domain: first.text, ipLiteral: true };
  }
  // atom *("." atom) with one trailing "." tolerated (FQDN form); CFWS between them is obs-domain.
  let domain = '';
  let expectAtom = true;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t === undefined) break;
    if (isDot(t)) {
      if (expectAtom) return failure('invalid-domain', k === from ? 'the domain starts with a dot' : 'the domain has an empty label (two dots in a row)');
      domain += '.';
      expectAtom = true;
    } else if (t.kind === TK_ATOM && !t.bad) {
      if (!expectAtom) return failure('invalid-domain', 'the domain has words not joined by dots');
      domain += t.text;
      expectAtom = false;
    } else return failure('invalid-domain', `the domain contains ${describeToken(t)}`);
  }
  const bad = checkDomainText(domain);
  return bad ?? { domain, ipLiteral: false };
}

/** Type guard for failures returned in place of a value. */
export function isFailure(x: unknown): x is ParseFailure {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;
}

/**
 * The header path: a full RFC 5322 `From:` value (§3.6.2 mailbox-list, §3.4 address-list with
 * groups, name-addr, angle-addr with obs-route, addr-spec, CFWS and folding), over the tokens of
 * `tokenize`. Every step is a linear loop over the tokens; nothing recurses.
 *
 * Why a hand-written scanner and not the installed `email-addresses` package: measured on Node 20,
 * email-addresses throws RangeError (stack overflow) on 16 KB of nested `(`, spends 200-500 ms on
 * 16 KB of hostile text (backtracking combinators), and rejects a whole list when one member is
 * malformed (`Pereira, Ana <ana@x.com>` gives null). The detector runs on every message and must
 * never throw or stall, and should still find the address in the sloppy headers real mail carries.
 *
 * Leniency, in order:
 *  1. mailboxes that fail inside a list are skipped when another parses;
 *  2. an unquoted `Last, First <addr>` (Outlook style) keeps `Last, First` as the display name: a
 *     phrase-only list member is carried into the next name-addr;
 *  3. the last complete `<...>` of a member is its address, and everything before it, specials
 *     included, its display name (`Ana @ Contoso <a@x.com>`); text after `>` is ignored;
 *  4. when nothing parses, the last `<...>` of the raw text is tried, the text before it being
 *     the display name (an unclosed quote or comment swallowed the header's tokens).
 */
import type { ParseFailure, ParseResult, ParsedMailbox } from './types';
import { type AddrSpec, checkAddressLengths, isFailure, parseDomainTokens, parseLocalTokens } from './addr-spec';
import { cleanLooseDisplayText, finishDisplayName, renderPhrase } from './display-name';
import { failure } from './errors';
import { TK_ATOM, TK_COMMENT, TK_ERROR, TK_QUOTED, TK_SPECIAL, type Token, tokenize } from './tokenize';

function isSpecial(t: Token | undefined, ch: string): boolean {
  return t !== undefined && t.kind === TK_SPECIAL && t.text === ch;
}

/** Tokens that may form a (obs-)phrase, RFC 5322 §3.2.5 / §4.1: words, dots, comments. */
function isPhraseToken(t: Token): boolean {
  return t.kind === TK_ATOM || t.kind === TK_QUOTED || t.kind === TK_COMMENT || isSpecial(t, '.');
}

/** Top-level split of the tokens into list members. */
interface Split {
  readonly segments: Token[][];
  readonly groupSeen: boolean;
}

/**
 * Splits the address-list at top-level `,` and `;` (outside angle brackets, where `,` belongs to an
 * obs-route), and opens a group (§3.4 `display-name ":" [group-list] ";"`) at a `:` that follows a
 * phrase. Group names are not kept: the detector checks mailboxes. A group without its closing `;`
 * is accepted, and nested groups are not (their `:` stays in the member, which then fails).
 */
function splitMembers(tokens: readonly Token[]): Split {
  const segments: Token[][] = [];
  let current: Token[] = [];
  let currentIsPhrase = true;
  let angle = 0;
  let inGroup = false;
  let groupSeen = false;
  for (const t of tokens) {
    if (t.kind === TK_SPECIAL) {
      const ch = t.text;
      if (ch === '<') angle++;
      else if (ch === '>') {
        if (angle > 0) angle--;
      } else if (angle === 0) {
        if (ch === ',' || ch === ';') {
          segments.push(current);
          current = [];
          currentIsPhrase = true;
          if (ch === ';') inGroup = false;
          continue;
        }
        if (ch === ':' && !inGroup && currentIsPhrase) {
          inGroup = true;
          groupSeen = true;
          current = [];
          continue;
        }
      }
    }
    current.push(t);
    if (!isPhraseToken(t)) currentIsPhrase = false;
  }
  segments.push(current);
  return { segments, groupSeen };
}

/** What one list member turned out to be. */
interface Member {
  /** The address, when the member parsed. */
  readonly addr: AddrSpec | undefined;
  /** Raw display text (phrase before `<`, or a trailing comment for `addr (Name)`). */
  readonly rawDisplay: string;
  /** Whether the address was in angle brackets (a name-addr). */
  readonly angle: boolean;
  /** A bare addr-spec without comments or display name. */
  readonly plain: boolean;
  readonly failure: ParseFailure | undefined;
  /** Raw text of a member that is only a phrase, for `Last, First <addr>`. */
  readonly phrase: string | undefined;
  /** The member read as a bare domain (no `@`, no spaces), used when it is the whole input. */
  readonly domainOnly: ParsedMailbox | undefined;
  /** Why a member shaped like a bare domain (atoms and dots, no spaces) is not one. */
  readonly domainFailure: ParseFailure | undefined;
}

function failed(f: ParseFailure, phrase?: string, domainOnly?: ParsedMailbox, domainFailure?: ParseFailure): Member {
  return { addr: undefined, rawDisplay: '', angle: false, plain: false, failure: f, phrase, domainOnly, domainFailure };
}

/** local-part "@" domain over `tokens[from, to)` split at the last `@` (a domain never holds one). */
function parseAddrSpec(tokens: readonly Token[], from: number, to: number, at: number): AddrSpec | ParseFailure {
  const localPart = parseLocalTokens(tokens, from, at);
  if (isFailure(localPart)) return localPart;
  const domain = parseDomainTokens(tokens, at + 1, to);
  if (isFailure(domain)) return domain;
  const long = checkAddressLengths(localPart.length, domain.domain.length);
  if (long !== undefined) return long;
  return { localPart, domain: domain.domain, ipLiteral: domain.ipLiteral };
}

function lastAt(tokens: readonly Token[], from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) if (isSpecial(tokens[k], '@')) return k;
  return -1;
}

/** The inside of `<...>`: [obs-route] addr-spec (RFC 5322 §3.4, §4.4). */
function parseAngleContent(tokens: readonly Token[], from: number, to: number): AddrSpec | ParseFailure {
  if (from >= to) return failure('no-domain', 'the angle brackets are empty (<>)');
  let start = from;
  if (isSpecial(tokens[from], '@')) {
    // obs-route = obs-domain-list ":" — a source route, ignored as RFC 5322 §4.4 says.
    let colon = -1;
    for (let k = from; k < to; k++) {
      if (isSpecial(tokens[k], ':')) {
        colon = k;
        break;
      }
    }
    if (colon < 0) return failure('invalid-local-part', 'the address in angle brackets has nothing before the @');
    start = colon + 1;
  }
  const at = lastAt(tokens, start, to);
  if (at < 0) return failure('no-domain', 'the address in angle brackets has no @ and domain');
  return parseAddrSpec(tokens, start, to, at);
}

/** Parses one list member (`segment` holds its tokens, comments included). Null for an empty member. */
function parseMember(segment: readonly Token[]): Member | null {
  const tokens = segment.some((t) => t.kind === TK_COMMENT) ? segment.filter((t) => t.kind !== TK_COMMENT) : segment;
  const n = tokens.length;
  if (n === 0) return null; // obs-mbox-list allows empty members: `a@x.com,,b@y.com`
  for (const t of tokens) if (t.kind === TK_ERROR) return failed(failure('unparseable', `the header cannot be read: ${t.text}`));

  // The last complete <...>: the nearest '>' after the last '<' that has one.
  let gt = -1;
  let lt = -1;
  let anyAngle = false;
  for (let k = n - 1; k >= 0; k--) {
    const t = tokens[k];
    if (isSpecial(t, '>')) {
      gt = k;
      anyAngle = true;
    } else if (isSpecial(t, '<')) {
      anyAngle = true;
      if (gt > k) {
        lt = k;
        break;
      }
    }
  }
  if (lt >= 0) {
    const addr = parseAngleContent(tokens, lt + 1, gt);
    if (isFailure(addr)) return failed(addr);
    return { addr, rawDisplay: renderPhrase(tokens, 0, lt), angle: true, plain: false, failure: undefined, phrase: undefined, domainOnly: undefined, domainFailure: undefined };
  }
  if (anyAngle) return failed(failure('unparseable', gt >= 0 ? "a '>' has no matching '<'" : "a '<' is not closed by '>'"));

  const at = lastAt(tokens, 0, n);
  if (at < 0) {
    const phrase = tokens.every(isPhraseToken) ? renderPhrase(tokens, 0, n) : undefined;
    let domainOnly: ParsedMailbox | undefined;
    let domainFailure: ParseFailure | undefined;
    if (tokens.every((t, k) => k === 0 || !t.space)) {
      const d = parseDomainTokens(tokens, 0, n);
      if (!isFailure(d)) domainOnly = { domain: d.domain, ipLiteral: d.ipLiteral };
      else if (tokens.every((t) => t.kind === TK_ATOM || isSpecial(t, '.'))) domainFailure = d;
    }
    return failed(failure('unparseable', 'no address found: a mailbox needs local-part@domain'), phrase, domainOnly, domainFailure);
  }
  const addr = parseAddrSpec(tokens, 0, n, at);
  if (isFailure(addr)) return failed(addr);
  // Old-style `addr (Full Name)`: with no phrase, mail clients show the trailing comment as the name.
  let rawDisplay = '';
  let hasComment = false;
  const lastEnd = tokens[n - 1]?.end ?? 0;
  for (const t of segment) {
    if (t.kind !== TK_COMMENT) continue;
    hasComment = true;
    if (t.start >= lastEnd) rawDisplay = rawDisplay === '' ? t.text : `${rawDisplay} ${t.text}`;
  }
  return { addr, rawDisplay, angle: false, plain: !hasComment, failure: undefined, phrase: undefined, domainOnly: undefined, domainFailure: undefined };
}

function makeMailbox(displayName: string | undefined, addr: AddrSpec): ParsedMailbox {
  return displayName === undefined
    ? { localPart: addr.localPart, domain: addr.domain, ipLiteral: addr.ipLiteral }
    : { displayName, localPart: addr.localPart, domain: addr.domain, ipLiteral: addr.ipLiteral };
}

/** Last resort (leniency 4): the last `<...>` of the raw text, the text before it as the name. */
function parseLooseAngle(s: string): ParseResult | undefined {
  const lt = s.lastIndexOf('<');
  if (lt < 0) return undefined;
  const gt = s.indexOf('>', lt + 1);
  if (gt < 0) return undefined;
  const tokens = tokenize(s.slice(lt + 1, gt)).filter((t) => t.kind !== TK_COMMENT);
  if (tokens.some((t) => t.kind === TK_ERROR)) return undefined;
  const addr = parseAngleContent(tokens, 0, tokens.length);
  if (isFailure(addr)) return undefined;
  return { ok: true, form: 'header', mailboxes: [makeMailbox(cleanLooseDisplayText(s.slice(0, lt)), addr)] };
}

/**
 * Parses header text `s` (trimmed, `From:` removed, within `LIMITS.maxInput`). `fieldName` says
 * whether a `From:` field name was removed: the result is then always of form `header`, unless the
 * value is a bare domain.
 */
export function parseHeader(s: string, fieldName: boolean): ParseResult {
  const { segments, groupSeen } = splitMembers(tokenize(s));
  const mailboxes: ParsedMailbox[] = [];
  let firstFailure: ParseFailure | undefined;
  let members = 0;
  let plain = false;
  let domainOnly: ParsedMailbox | undefined;
  let domainFailure: ParseFailure | undefined;
  let pending: string[] = [];
  for (const segment of segments) {
    const member = parseMember(segment);
    if (member === null) continue;
    members++;
    if (member.addr === undefined) {
      firstFailure ??= member.failure;
      domainOnly = member.domainOnly;
      domainFailure = member.domainFailure;
      // Leniency 2: keep a phrase-only member for the next name-addr.
      if (member.phrase !== undefined && member.phrase !== '') pending.push(member.phrase);
      else pending = [];
      continue;
    }
    let raw = member.rawDisplay;
    if (member.angle && pending.length > 0) raw = (raw === '' ? pending : [...pending, raw]).join(', ');
    pending = [];
    plain = member.plain;
    mailboxes.push(makeMailbox(finishDisplayName(raw), member.addr));
  }
  if (mailboxes.length > 0) {
    const form = !fieldName && !groupSeen && segments.length === 1 && plain ? 'address' : 'header';
    return { ok: true, form, mailboxes };
  }
  if (members === 1 && !groupSeen) {
    // The whole input is one bare domain (`[192.0.2.1]`, `contoso.com (HQ)`), or fails as one.
    if (domainOnly !== undefined) return { ok: true, form: 'domain', mailboxes: [domainOnly] };
    if (domainFailure !== undefined) return domainFailure;
  }
  if (firstFailure === undefined || firstFailure.code === 'unparseable') {
    const loose = parseLooseAngle(s);
    if (loose !== undefined) return loose;
  }
  return firstFailure ?? failure('unparseable', groupSeen ? 'the group has no members' : 'no mailbox found');
}

/**
 * A linear, non-recursive lexer for RFC 5322 §3.2 structured header text (with the RFC 6532 UTF-8
 * extension). It turns a `From:` value into atoms, quoted strings, domain literals, specials and
 * comments, unfolding FWS (§3.2.2) on the way. Nested comments are tracked with a counter, never
 * recursion, so 16,000 opening parentheses cost one pass and no stack.
 *
 * Malformed text never throws: a stray `)` or `]`, a control character or an unclosed `[` becomes
 * an INVALID token (the parser decides what that spoils); an unclosed quote or comment becomes an
 * ERROR token that ends the stream, because everything after it belongs to it.
 */
import { codeUnitAt } from './code-unit-at';
import { isAsciiControl, isAtomChar, isFoldingSpace } from './char-classes';
import { encodedWordLength } from './encoded-words';
import { MAX_COMMENT_DEPTH } from './limits';

/** A run of atext (RFC 5322 §3.2.3) or UTF-8 (RFC 6532); `text` is the run. */
export const TK_ATOM = 0;
/** A quoted string (§3.2.4); `text` is the content, quotes removed, quoted-pairs resolved, CRLF removed. */
export const TK_QUOTED = 1;
/** A domain literal (§3.4.1); `text` is `[...]` with FWS removed and quoted-pairs resolved. */
export const TK_LITERAL = 2;
/** One of the specials that structure an address: `< > @ , ; : .`; `text` is the character. */
export const TK_SPECIAL = 3;
/** A character allowed nowhere outside quotes (control, stray `)` `]` `\`, unclosed `[`); `text` is it. */
export const TK_INVALID = 4;
/** A comment (§3.2.2); `text` is its content with quoted-pairs resolved (inner parentheses kept). */
export const TK_COMMENT = 5;
/** An unterminated quoted string or comment, or comments nested too deep; `text` is the reason. Always last. */
export const TK_ERROR = 6;

/** Kinds of `Token`. */
export type TokenKind = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** One lexical token, with its source span. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** FWS or a comment precedes this token: a display name renders it as one space (§3.2.2). */
  readonly space: boolean;
  /**
   * The token is fine in a display name but not in an address: an atom that holds specials from a
   * lenient encoded word, or a quoted string / literal holding ASCII control characters.
   */
  readonly bad: boolean;
}

function token(kind: TokenKind, text: string, start: number, end: number, space: boolean, bad = false): Token {
  return { kind, text, start, end, space, bad };
}

/** Tokenizes `s` in one pass. */
export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  const n = s.length;
  let space = false;
  let i = 0;
  while (i < n) {
    const c = codeUnitAt(s, i);
    if (isFoldingSpace(c)) {
      space = true;
      i++;
      continue;
    }
    switch (c) {
      case 0x28 /* ( */: {
        const end = scanComment(s, i, tokens, space);
        if (end < 0) return tokens;
        i = end;
        space = true; // a comment is CFWS
        continue;
      }
      case 0x22 /* " */: {
        const end = scanQuoted(s, i, tokens, space);
        if (end < 0) return tokens;
        i = end;
        space = false;
        continue;
      }
      case 0x5b /* [ */:
        i = scanLiteral(s, i, tokens, space);
        space = false;
        continue;
      case 0x3c: case 0x3e: case 0x40: case 0x2c: case 0x3b: case 0x3a: case 0x2e: // < > @ , ; : .
        tokens.push(token(TK_SPECIAL, s[i] ?? '', i, i + 1, space));
        i++;
        space = false;
        continue;
      default:
        break;
    }
    if (!isAtomChar(c)) {
      // Controls, ')', ']', '\' outside quotes: RFC 5322 allows them in no unquoted token.
      tokens.push(token(TK_INVALID, s[i] ?? '', i, i + 1, space));
      i++;
      space = false;
      continue;
    }
    // Atom. An encoded word is taken whole, even when its encoded text holds specials.
    const start = i;
    let bad = false;
    while (i < n) {
      const d = codeUnitAt(s, i);
      if (d === 0x3d /* = */ && i + 1 < n && codeUnitAt(s, i + 1) === 0x3f /* ? */) {
        const len = encodedWordLength(s, i);
        if (len > 0) {
          for (let k = i; k < i + len; k++) if (!isAtomChar(codeUnitAt(s, k))) bad = true;
          i += len;
          continue;
        }
      }
      if (!isAtomChar(d)) break;
      i++;
    }
    tokens.push(token(TK_ATOM, s.slice(start, i), start, i, space, bad));
    space = false;
  }
  return tokens;
}

/**
 * Scans a comment opening at `start` (RFC 5322 §3.2.2: ctext, quoted-pair and nested comments).
 * Pushes a COMMENT token and returns the index after it, or pushes an ERROR token and returns -1.
 */
function scanComment(s: string, start: number, tokens: Token[], space: boolean): number {
  const n = s.length;
  let depth = 1;
  let text = '';
  let run = start + 1;
  let i = start + 1;
  while (i < n) {
    const c = codeUnitAt(s, i);
    if (c === 0x5c /* \ */) {
      text += s.slice(run, i);
      if (i + 1 >= n) break;
      text += s[i + 1] ?? '';
      i += 2;
      run = i;
      continue;
    }
    if (c === 0x28) {
      depth++;
      if (depth > MAX_COMMENT_DEPTH) {
        tokens.push(token(TK_ERROR, `comments are nested deeper than ${MAX_COMMENT_DEPTH} levels`, start, n, space));
        return -1;
      }
    } else if (c === 0x29) {
      depth--;
      if (depth === 0) {
        text += s.slice(run, i);
        tokens.push(token(TK_COMMENT, text, start, i + 1, space));
        return i + 1;
      }
    }
    i++;
  }
  tokens.push(token(TK_ERROR, 'a comment is not closed', start, n, space));
  return -1;
}

/**
 * Scans a quoted string opening at `start` (RFC 5322 §3.2.4). FWS inside is unfolded: CR and LF
 * are removed, the WSP after them kept. Any other character is accepted (obs-qtext, RFC 6532
 * UTF-8), ASCII controls other than HTAB mark the token `bad` for use in an address.
 */
function scanQuoted(s: string, start: number, tokens: Token[], space: boolean): number {
  const n = s.length;
  let text = '';
  let run = start + 1;
  let bad = false;
  let i = start + 1;
  while (i < n) {
    const c = codeUnitAt(s, i);
    if (c === 0x22) {
      text += s.slice(run, i);
      tokens.push(token(TK_QUOTED, text, start, i + 1, space, bad));
      return i + 1;
    }
    if (c === 0x5c /* \ quoted-pair */) {
      text += s.slice(run, i);
      if (i + 1 >= n) break;
      const q = codeUnitAt(s, i + 1);
      if (isAsciiControl(q) && q !== 0x09) bad = true;
      text += s[i + 1] ?? '';
      i += 2;
      run = i;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      text += s.slice(run, i);
      i++;
      run = i;
      continue;
    }
    if (isAsciiControl(c) && c !== 0x09) bad = true;
    i++;
  }
  tokens.push(token(TK_ERROR, 'a quoted string is not closed', start, n, space));
  return -1;
}

/**
 * Scans a domain literal opening at `start` (RFC 5322 §3.4.1: dtext and FWS). FWS is removed. An unclosed literal (end of text, or another `[` first) yields an INVALID `[` token only,
 * so the rest of the header is still tokenized normally.
 */
function scanLiteral(s: string, start: number, tokens: Token[], space: boolean): number {
  const n = s.length;
  let text = '[';
  let run = start + 1;
  let bad = false;
  let i = start + 1;
  while (i < n) {
    const c = codeUnitAt(s, i);
    if (c === 0x5d /* ] */) {
      text += s.slice(run, i) + ']';
      tokens.push(token(TK_LITERAL, text, start, i + 1, space, bad));
      return i + 1;
    }
    // Stop at the next '[': scans of unclosed literals then never overlap, which keeps the lexer
    // linear. For the same reason the obsolete quoted-pair in dtext is not honoured (a `\` only
    // marks the literal bad); it has no use in the address literals of RFC 5321 §4.1.3.
    if (c === 0x5b) break;
    if (isFoldingSpace(c)) {
      text += s.slice(run, i);
      i++;
      run = i;
      continue;
    }
    if (isAsciiControl(c) || c === 0x5c) bad = true;
    i++;
  }
  tokens.push(token(TK_INVALID, '[', start, start + 1, space));
  return start + 1;
}

/**
 * RFC 2047 encoded words (`=?charset?B?...?=`, `=?charset?Q?...?=`) in display names and comments.
 *
 * Decoding is lenient where mail clients are lenient, because the detector must see the name the
 * recipient sees: words are decoded wherever they appear (also inside quoted strings and glued to
 * other text, which §5 forbids but clients accept), and adjacent words in the same charset have their
 * bytes joined before decoding, so a multi-byte character split across two words still decodes.
 * A word that cannot be decoded (unknown charset, bad base64, non-ASCII inside) is left as written.
 * Charsets are resolved by `getCharsetDecoder` (WHATWG labels, `TextDecoder`).
 * Everything is a single left-to-right pass: linear time, no regular expressions, never throws.
 */
import { codeUnitAt } from './code-unit-at';
import { decodeBase64 } from './base64';
import { type CharsetDecoder, getCharsetDecoder } from './charsets';

/** Positions of one encoded word, filled by `matchEncodedWord`. */
interface WordParts {
  /** Index just past the closing `?=`. */
  end: number;
  charsetStart: number;
  /** End of the charset, before any RFC 2231 `*language` suffix. */
  charsetEnd: number;
  /** 0x42 'B' or 0x51 'Q' (upper-cased). */
  encoding: number;
  textStart: number;
  textEnd: number;
}

/** RFC 2047 §2 especials: ( ) < > @ , ; : \ " / [ ] ? . = */
function isEspecial(c: number): boolean {
  switch (c) {
    case 0x28: case 0x29: case 0x3c: case 0x3e: case 0x40: case 0x2c: case 0x3b: case 0x3a:
    case 0x5c: case 0x22: case 0x2f: case 0x5b: case 0x5d: case 0x3f: case 0x2e: case 0x3d:
      return true;
    default:
      return false;
  }
}

/** RFC 2047 §2 token character: CHAR except SPACE, CTLs and especials. */
function isTokenChar(c: number): boolean {
  return c > 0x20 && c < 0x7f && !isEspecial(c);
}

/**
 * Matches `encoded-word = "=?" charset "?" encoding "?" encoded-text "?="` (RFC 2047 §2) at `p`,
 * with the RFC 2231 §5 `charset*language` form tolerated. encoded-text is any printable ASCII but
 * `?` and SPACE; it may be empty here (clients accept `=?utf-8?Q??=`). The 75-character limit of
 * §2 is not enforced: long words from non-conforming mailers are common and still displayed.
 * Each call stops at the third `?` after `p` at the latest, so scanning every `=?` of a string is
 * linear overall.
 */
function matchEncodedWord(s: string, p: number, out: WordParts): boolean {
  const n = s.length;
  // Every read below stays inside the string (see codeUnitAt): the shortest word, `=?c?Q??=`, has 8
  // code units, and each check of the length below is one an out-of-range read would fail anyway.
  if (p < 0 || p + 8 > n || codeUnitAt(s, p) !== 0x3d || codeUnitAt(s, p + 1) !== 0x3f) return false;
  let i = p + 2;
  const charsetStart = i;
  let charsetEnd = -1;
  while (i < n) {
    const c = codeUnitAt(s, i);
    if (c === 0x2a /* * */ && charsetEnd < 0) charsetEnd = i;
    else if (!isTokenChar(c)) break;
    i++;
  }
  if (charsetEnd < 0) charsetEnd = i;
  // `?`, the encoding, `?` and the closing `?=` need five more code units.
  if (charsetEnd === charsetStart || i + 5 > n || codeUnitAt(s, i) !== 0x3f) return false;
  const enc = codeUnitAt(s, i + 1) & ~0x20; // ASCII upper case
  if ((enc !== 0x42 && enc !== 0x51) || codeUnitAt(s, i + 2) !== 0x3f) return false;
  i += 3;
  const textStart = i;
  while (i < n) {
    const c = codeUnitAt(s, i);
    if (c <= 0x20 || c >= 0x7f || c === 0x3f) break;
    i++;
  }
  if (i + 2 > n || codeUnitAt(s, i) !== 0x3f || codeUnitAt(s, i + 1) !== 0x3d) return false;
  out.end = i + 2;
  out.charsetStart = charsetStart;
  out.charsetEnd = charsetEnd;
  out.encoding = enc;
  out.textStart = textStart;
  out.textEnd = i;
  return true;
}

/** Reused by `encodedWordLength`, which runs inside the tokenizer's hot loop. */
const scratch: WordParts = { end: 0, charsetStart: 0, charsetEnd: 0, encoding: 0, textStart: 0, textEnd: 0 };

/**
 * Length of the syntactically valid encoded word starting at `p` (0 when there is none). Used by
 * the tokenizer so that a word whose encoded text holds RFC 5322 specials (`=?utf-8?Q?Smith,_J?=`,
 * produced by careless mailers) stays one atom instead of splitting the header.
 */
export function encodedWordLength(s: string, p: number): number {
  const parts = scratch;
  return matchEncodedWord(s, p, parts) ? parts.end - p : 0;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const u = c & ~0x20;
  if (u >= 0x41 && u <= 0x46) return u - 0x41 + 10;
  return -1;
}

/**
 * RFC 2047 §4.2 "Q": `_` is SPACE (0x20), `=XX` is the octet XX (lower-case hex accepted), any
 * other printable character stands for itself. A `=` not followed by two hex digits is kept as a
 * literal `=` rather than spoiling the whole word, as lenient clients do.
 */
function decodeQ(s: string, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  let o = 0;
  for (let i = start; i < end; i++) {
    const c = codeUnitAt(s, i);
    if (c === 0x5f /* _ */) out[o++] = 0x20;
    else if (c === 0x3d /* = */) {
      const hi = hexValue(codeUnitAt(s, i + 1));
      const lo = hi >= 0 && i + 2 < end ? hexValue(codeUnitAt(s, i + 2)) : -1;
      if (hi >= 0 && lo >= 0 && i + 2 < end) {
        out[o++] = (hi << 4) | lo;
        i += 2;
      } else out[o++] = c;
    } else out[o++] = c;
  }
  return out.subarray(0, o);
}

function isLinearSpaceRun(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = codeUnitAt(s, i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] ?? new Uint8Array(0);
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * Decodes the RFC 2047 encoded words of `text` (§2–§5): `B` (base64) and `Q` encodings, charset
 * matched case-insensitively as WHATWG labels (see `charsets.ts`), an RFC 2231 `*language` suffix ignored.
 * Whitespace between two adjacent encoded words is removed (§6.2); whitespace between an encoded
 * word and ordinary text is kept. A word with an unknown charset or a malformed payload is left
 * exactly as written. Never throws; returns `text` itself when it holds no `=?`.
 */
export function decodeEncodedWords(text: string): string {
  if (typeof text !== 'string') return '';
  const first = text.indexOf('=?');
  if (first < 0) return text;
  try {
    return decodeFrom(text, first);
  } catch {
    // Unreachable by design (TextDecoder is non-fatal, all indexes are bounded); kept so that a
    // runtime without some encoding quirk can never make the caller throw.
    return text;
  }
}

function decodeFrom(text: string, first: number): string {
  const parts: WordParts = { end: 0, charsetStart: 0, charsetEnd: 0, encoding: 0, textStart: 0, textEnd: 0 };
  let out = '';
  /** End of the text already emitted (or held in the pending run). */
  let done = 0;
  let runDecoder: CharsetDecoder | null = null;
  let runCharset = '';
  let runChunks: Uint8Array[] = [];
  const flush = (): void => {
    if (runDecoder !== null) out += runDecoder(concatBytes(runChunks));
    runDecoder = null;
    runChunks = [];
  };
  let p = first;
  while (p >= 0) {
    if (!matchEncodedWord(text, p, parts)) {
      p = text.indexOf('=?', p + 1);
      continue;
    }
    const charset = text.slice(parts.charsetStart, parts.charsetEnd).toLowerCase();
    const decoder = getCharsetDecoder(charset);
    const bytes =
      decoder === null
        ? null
        : parts.encoding === 0x42
          ? decodeBase64(text, parts.textStart, parts.textEnd)
          : decodeQ(text, parts.textStart, parts.textEnd);
    if (decoder === null || bytes === null) {
      // Left as written: it stays part of the ordinary text between decoded words.
      p = text.indexOf('=?', parts.end);
      continue;
    }
    const adjacent = runDecoder !== null && isLinearSpaceRun(text, done, p);
    if (adjacent && charset === runCharset) {
      runChunks.push(bytes);
    } else {
      flush();
      if (!adjacent) out += text.slice(done, p);
      runDecoder = decoder;
      runCharset = charset;
      runChunks = [bytes];
    }
    done = parts.end;
    p = text.indexOf('=?', parts.end);
  }
  flush();
  return out + text.slice(done);
}

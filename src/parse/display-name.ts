/**
 * Display names as a reader sees them: the phrase tokens joined with one space wherever FWS or a
 * comment separated them (RFC 5322 §3.2.2: CFWS between tokens is semantically one space), then
 * RFC 2047 words decoded, then whitespace collapsed and trimmed.
 */
import { collapseSpaces } from './char-classes';
import { decodeEncodedWords } from './encoded-words';
import { TK_COMMENT, TK_ERROR, type Token } from './tokenize';

/**
 * Renders `tokens[from, to)` as raw phrase text: atoms and specials as written, quoted strings by
 * their content, comments dropped. Used for strict phrases and, leniently, for the text before an
 * angle address that is not a valid phrase (`Ana @ Contoso <a@x.com>`), so nothing shown to the
 * reader is lost.
 */
export function renderPhrase(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t === undefined || t.kind === TK_COMMENT || t.kind === TK_ERROR) continue;
    if (t.space && out !== '') out += ' ';
    out += t.text;
  }
  return out;
}

/** Decodes RFC 2047 words in raw display text and collapses whitespace; undefined when nothing is left. */
export function finishDisplayName(raw: string): string | undefined {
  if (raw === '') return undefined;
  const name = collapseSpaces(decodeEncodedWords(raw));
  return name === '' ? undefined : name;
}

/**
 * Cleans the text before `<` for the last-resort fallback, when the header could not even be
 * tokenized (an unclosed quote or comment): one pair of surrounding quotes removed, backslash
 * escapes resolved, RFC 2047 words decoded, whitespace collapsed.
 */
export function cleanLooseDisplayText(text: string): string | undefined {
  let s = collapseSpaces(text);
  if (s.startsWith('"')) s = s.slice(1);
  if (s.endsWith('"') && !s.endsWith('\\"')) s = s.slice(0, -1);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      out += s[i + 1] ?? '';
      i++;
    } else out += c ?? '';
  }
  return finishDisplayName(out);
}

/**
 * A streaming line splitter over raw bytes, for `sosie scan`. It never holds more than one chunk
 * plus one (capped) line in memory, whatever the input size.
 *
 * Why bytes and not `node:readline`: readline decodes the whole stream with one decoder, so it
 * cannot cap a line before buffering all of it (a 1 GB line without a newline would be held in
 * memory), and it strips a U+FEFF at the start of the stream only. Splitting bytes on LF is safe
 * for UTF-8, because 0x0A never occurs inside a multi-byte sequence (RFC 3629 §3: continuation and
 * lead bytes are all ≥ 0x80); each line is then decoded on its own, so one line's invalid bytes
 * become U+FFFD in that line only (WHATWG Encoding "replacement" error mode).
 */

import type { ByteSource } from './io';

/**
 * The lines completed by one input chunk. No object per line: a scan holds a chunk's lines while it
 * checks them, and V8 moves the objects of an allocation site that keep surviving minor collections
 * straight to the old generation (allocation-site pretenuring). Per-line objects triggered that in
 * some runs and not others: the same 1,000,000-line scan peaked at 138–142 or at 182–205 MB of RSS
 * (3 runs of 5 high). With strings only, 137–145 MB in 7 runs of 9 and 157–165 MB in 2 (output
 * to /dev/null); some other site is still pretenured now and then.
 */
export interface LineBatch {
  /** Each line, decoded (invalid UTF-8 → U+FFFD), without its CR LF / LF terminator. */
  readonly texts: string[];
  /** Indices in `texts` of the lines that were longer than `maxLineBytes` and were cut there. */
  readonly truncated: readonly number[];
}

/** Options of `readLines`. */
export interface ReadLinesOptions {
  /** Longest line kept, in bytes; the rest of a longer line is skipped (not buffered). */
  readonly maxLineBytes: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into lines (LF or CR LF; a last line without a newline counts), yielding
 * them in batches, one batch per input chunk, so a caller can flush its output per chunk: few
 * writes on a fast file, prompt output on a slow pipe (`tail -f`). A UTF-8 byte order mark is
 * removed from the first line only: anywhere else U+FEFF is an invisible character worth reporting.
 */
export async function* readLines(source: ByteSource, options: ReadLinesOptions): AsyncGenerator<LineBatch> {
  const max = Math.max(1, Math.floor(options.maxLineBytes));
  // `ignoreBOM: true` keeps U+FEFF in the text: decode() is called once per line, and without it
  // every line's leading U+FEFF would be silently dropped (WHATWG Encoding §10.2 "BOM seen" flag).
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  let parts: Uint8Array[] = [];
  let kept = 0;
  let truncated = false;
  let first = true;

  /** Ends the current line; `tail` is its last piece, still inside the caller's chunk. */
  const finish = (tail: Uint8Array, batch: LineBatch): void => {
    let bytes: Uint8Array;
    if (parts.length === 0 && tail.length <= max) {
      bytes = tail; // the common case: the whole line is inside one chunk, no copy
    } else {
      keep(tail);
      bytes = new Uint8Array(kept);
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.length;
      }
    }
    if (tail.length > max) truncated = true;
    let end = bytes.length;
    if (!truncated && end > 0 && bytes[end - 1] === CR) end--;
    let text = decoder.decode(bytes.subarray(0, end));
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    if (truncated) (batch.truncated as number[]).push(batch.texts.length);
    batch.texts.push(text);
    parts = [];
    kept = 0;
    truncated = false;
  };

  /** Keeps a piece of the current line, up to the cap. */
  const keep = (segment: Uint8Array): void => {
    if (segment.length === 0) return;
    const room = max - kept;
    if (segment.length > room) truncated = true;
    if (room <= 0) return;
    // Copy (`new Uint8Array(view)` copies; Buffer#slice would not): the source may reuse its buffer.
    const piece = new Uint8Array(segment.length > room ? segment.subarray(0, room) : segment);
    parts.push(piece);
    kept += piece.length;
  };

  let pending = false; // bytes (or a truncation) seen since the last LF
  for await (const chunk of source) {
    const batch: LineBatch = { texts: [], truncated: [] };
    let start = 0;
    while (start <= chunk.length) {
      const nl = chunk.indexOf(LF, start);
      if (nl === -1) {
        if (start < chunk.length) {
          keep(chunk.subarray(start));
          pending = true;
        }
        break;
      }
      finish(chunk.subarray(start, nl), batch);
      pending = false;
      start = nl + 1;
    }
    if (batch.texts.length > 0) yield batch;
  }
  if (pending) {
    const last: LineBatch = { texts: [], truncated: [] };
    finish(new Uint8Array(0), last);
    yield last;
  }
}

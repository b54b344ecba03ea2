/**
 * `sosie scan --trusted FILE... [--input FILE|-] [--format jsonl|csv|table]`: checks one sender per
 * line, streaming. Memory stays bounded whatever the input size: lines are read in chunks (see
 * line-reader.ts), each chunk's records are written before the next chunk is read, and writes wait
 * for the output to drain (backpressure), so a slow consumer slows the reader instead of filling
 * memory.
 *
 * Contract: exactly one record per non-blank input line, in input order, carrying the 1-based line
 * number; lines that are not senders get `invalid` records, never dropped. Blank means empty or
 * only spaces and tabs: a line of invisible characters is not blank, it is reported.
 */

import { LIMITS, type Verdict } from '../index';
import { CliError, EXIT, describeFileError } from './errors';
import { csvRecord, CSV_HEADER, jsonlFullRecord, jsonlRecord, tableHeader, tableRow } from './format-result';
import { csvRow } from './csv';
import { writeOut, type ByteSource, type CliIO } from './io';
import { readLines, type InputLine } from './line-reader';
import { Progress } from './progress';
import { colors, isFlagged, useColor, VERDICT_ORDER, type Colors } from './style';
import { loadTrusted } from './trusted-files';

/** Output formats of `sosie scan`. */
export const SCAN_FORMATS = ['jsonl', 'csv', 'table'] as const;
/** One output format of `sosie scan`. */
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** Options of `sosie scan`. */
export interface ScanCommandOptions {
  readonly trusted: readonly string[];
  /** A file, or `-` for stdin. */
  readonly input: string;
  readonly format: ScanFormat;
  /** jsonl: write the whole CheckResult (plus `line`) instead of the compact record. */
  readonly full: boolean;
  /** csv: prefix cells starting with = + - @ with a quote (formula injection). */
  readonly formulaEscape: boolean;
}

/**
 * Longest line kept, in bytes. The library refuses senders longer than `LIMITS.maxInput` UTF-16
 * code units as `too-long`. UTF-8 spends at most 3 bytes per code unit (4 bytes per surrogate
 * pair), so cutting at 4 × maxInput bytes keeps every acceptable sender whole, and a cut line still
 * has more than maxInput code units (at least 1 per 3 bytes) — its verdict stays `too-long`.
 */
export const MAX_LINE_BYTES = LIMITS.maxInput * 4;

const BLANK = /^[ \t]*$/u;

/** Per-verdict counts, printed at the end. */
function summary(counts: ReadonlyMap<Verdict, number>, total: number, c: Colors): string {
  const parts = VERDICT_ORDER.map((v) => `${counts.get(v) ?? 0} ${v}`);
  return `${c.bold(`${total} ${total === 1 ? 'sender' : 'senders'}`)}: ${parts.join(', ')}\n`;
}

/** Opens `--input`, turning a missing or unreadable file into a usage error (exit 2). */
async function openInput(io: CliIO, input: string): Promise<ByteSource> {
  if (input === '-') return io.stdin();
  try {
    return await io.openFile(input);
  } catch (error) {
    throw new CliError(`sosie: cannot read input ${input}: ${describeFileError(error)}`);
  }
}

/** Runs `sosie scan`; returns the exit code (1 when any line is flagged). */
export async function runScan(io: CliIO, options: ScanCommandOptions): Promise<number> {
  const { detector } = await loadTrusted(io, options.trusted);
  const source = await openInput(io, options.input);
  const table = options.format === 'table';
  const c = colors(table && useColor(io.stdout, io.env));
  const progress = new Progress(io.stderr, () => io.now(), io.stderr.isTTY && !io.stdout.isTTY);
  const counts = new Map<Verdict, number>();
  let lineNo = 0;
  let records = 0;
  let flagged = false;

  if (options.format === 'csv') await writeOut(io.stdout, csvRow(CSV_HEADER, false));
  else if (table) await writeOut(io.stdout, tableHeader(c));

  const lines = readLines(source, { maxLineBytes: MAX_LINE_BYTES });
  for (;;) {
    let step: IteratorResult<InputLine[]>;
    try {
      step = await lines.next();
    } catch (error) {
      await progress.done();
      const name = options.input === '-' ? 'stdin' : options.input;
      throw new CliError(`sosie: error reading ${name} after line ${lineNo}: ${describeFileError(error)}`);
    }
    if (step.done === true) break;
    let out = '';
    for (const line of step.value) {
      lineNo++;
      if (BLANK.test(line.text)) continue;
      const result = detector.check(line.text);
      records++;
      counts.set(result.verdict, (counts.get(result.verdict) ?? 0) + 1);
      if (isFlagged(result.verdict)) flagged = true;
      switch (options.format) {
        case 'jsonl':
          out += options.full ? jsonlFullRecord(lineNo, result) : jsonlRecord(lineNo, line.text, result);
          break;
        case 'csv':
          out += csvRecord(lineNo, line.text, result, options.formulaEscape);
          break;
        case 'table':
          out += tableRow(lineNo, line.text, result, c);
          break;
      }
    }
    await writeOut(io.stdout, out);
    if (io.stdout.closed) {
      // The reader left (`| head`): stop reading (return() closes the source), quietly.
      await lines.return(undefined);
      break;
    }
    await progress.update(lineNo);
  }
  await progress.done();

  if (!io.stdout.closed) {
    if (table) await writeOut(io.stdout, `\n${summary(counts, records, c)}`);
    else await writeOut(io.stderr, `sosie: ${summary(counts, records, colors(false))}`);
  }
  return flagged ? EXIT.flagged : EXIT.ok;
}

/**
 * The unit of work of `sosie scan`: check a chunk of input lines and format their records. The
 * in-process path (`--workers 1`) and every worker thread (`--workers N`, scan-worker.ts) run this
 * same function, so both write the same bytes; the main thread only concatenates chunk outputs in
 * input order and adds the counts. Nothing here touches `node:` modules.
 */

import type { Detector, TrustedInput, Verdict } from '../index';
import { csvRecord, jsonlFullRecord, jsonlRecord, tableRow } from './format-result';
import { colors, isFlagged, type Colors } from './style';

/** Output formats of `sosie scan`. */
export const SCAN_FORMATS = ['jsonl', 'csv', 'table'] as const;
/** One output format of `sosie scan`. */
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** How records are written: everything a worker needs besides the trusted list. */
export interface ScanRecordOptions {
  readonly format: ScanFormat;
  /** jsonl: write the whole CheckResult (plus `line`) instead of the compact record. */
  readonly full: boolean;
  /** csv: prefix cells starting with = + - @ with a quote (formula injection). */
  readonly formulaEscape: boolean;
  /** table: colour the verdicts (decided by the main thread, which sees the terminal). */
  readonly color: boolean;
}

/** A run of consecutive input lines. */
export interface ScanChunk {
  /** 1-based line number of `lines[0]`. */
  readonly firstLine: number;
  /** The lines' text, blank ones included (they count for numbering but give no record). */
  readonly lines: readonly string[];
}

/** What checking a chunk gives: its records, already formatted, and their tally. */
export interface ScanChunkResult {
  /** The chunk's records in input order, in the output format. */
  readonly output: string;
  /** Number of records (non-blank lines). */
  readonly records: number;
  /** Records per verdict (verdicts absent from the chunk are absent here). */
  readonly counts: Readonly<Partial<Record<Verdict, number>>>;
  /** Whether any record is flagged (exit code 1). */
  readonly flagged: boolean;
}

/** What each worker is started with: the parsed trusted entries (not the compiled index) and the format. */
export interface ScanWorkerSetup {
  readonly entries: readonly TrustedInput[];
  readonly record: ScanRecordOptions;
}

/** One checker on another thread, as `sosie scan --workers N` drives it. */
export interface ScanWorker {
  /**
   * Checks a chunk. Rejects when the worker fails (crashes, exits, or its code throws); a failed
   * worker rejects every pending and later chunk.
   */
  check(chunk: ScanChunk): Promise<ScanChunkResult>;
  /** Stops the worker (pending chunks are abandoned). */
  close(): Promise<void>;
}

/** Starts scan workers; the Node adapter uses `node:worker_threads`, tests an in-process fake. */
export interface ScanWorkerHost {
  /** How many workers `--workers auto` asks for, before its cap. */
  available(): number;
  /**
   * Starts `count` workers and resolves once every one has compiled the trusted list.
   * @throws {CliError} when the list does not compile (the same message as without workers).
   */
  start(setup: ScanWorkerSetup, count: number): Promise<ScanWorker[]>;
}

/** Blank means empty or only spaces and tabs: a line of invisible characters is not blank, it is reported. */
const BLANK = /^[ \t]*$/u;

/**
 * Checks every non-blank line of `chunk` with `detector` and formats its record.
 * Exactly one record per non-blank line, in order, numbered from `chunk.firstLine`.
 */
export function scanChunk(detector: Detector, chunk: ScanChunk, options: ScanRecordOptions): ScanChunkResult {
  const c: Colors = colors(options.color);
  const counts: Partial<Record<Verdict, number>> = {};
  let output = '';
  let records = 0;
  let flagged = false;
  let lineNo = chunk.firstLine - 1;
  for (const text of chunk.lines) {
    lineNo++;
    if (BLANK.test(text)) continue;
    const result = detector.check(text);
    records++;
    counts[result.verdict] = (counts[result.verdict] ?? 0) + 1;
    if (isFlagged(result.verdict)) flagged = true;
    switch (options.format) {
      case 'jsonl':
        output += options.full ? jsonlFullRecord(lineNo, result) : jsonlRecord(lineNo, text, result);
        break;
      case 'csv':
        output += csvRecord(lineNo, text, result, options.formulaEscape);
        break;
      case 'table':
        output += tableRow(lineNo, text, result, c);
        break;
    }
  }
  return { output, records, counts, flagged };
}

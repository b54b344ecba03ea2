/**
 * How one `CheckResult` is written, in each output format of `check` and `scan`.
 * Human formats pass every attacker-written string through `visible` (see visible.ts); machine
 * formats (JSON, CSV) keep it exact.
 */

import type { CheckResult, TrustedEntry } from '../index';
import { csvRow } from './csv';
import { paintVerdict, type Colors } from './style';
import { clip, visible } from './visible';

/** Names a trusted entry and its place (see trusted-files.ts). */
export interface EntryDescriber {
  locate(entry: TrustedEntry): string;
  entryText(entry: TrustedEntry): string;
}

/** The distinct reason codes of a result, in order. */
export function reasonCodes(result: CheckResult): string[] {
  return [...new Set(result.reasons.map((r) => r.code))];
}

/** Scores are in [0, 1]; two decimals are what a person compares. */
function score2(score: number): string {
  return score.toFixed(2);
}

/** The verb linking a verdict to its matched trusted entry. */
function matchVerb(result: CheckResult): string {
  switch (result.verdict) {
    case 'trusted':
      return 'trusted as';
    case 'lookalike':
      return 'imitates';
    case 'impersonation':
      return 'impersonates';
    default:
      return 'related to';
  }
}

/**
 * The readable form of `sosie check`: a verdict line, the matched trusted entry, then each reason's
 * message on its own line.
 *
 *     LOOKALIKE  0.97  billing@rnicros0ft-billing.co
 *       imitates microsoft.com (trusted entry "microsoft.com", trusted.txt:12)
 *       - homoglyph: rnicros0ft uses "rn" where trusted microsoft has "m", ...
 */
export function formatHuman(result: CheckResult, c: Colors, trusted: EntryDescriber): string {
  const lines: string[] = [];
  const head = paintVerdict(c, result.verdict, result.verdict.toUpperCase());
  lines.push(`${head}  ${c.bold(score2(result.score))}  ${visible(result.input)}`);
  if (result.match !== undefined) {
    const entry = result.match.entry;
    lines.push(
      `  ${matchVerb(result)} ${c.cyan(visible(result.match.domain))} ` +
        c.dim(`(trusted entry ${JSON.stringify(visible(trusted.entryText(entry)))}, ${trusted.locate(entry)})`),
    );
  }
  for (const reason of result.reasons) {
    lines.push(`  - ${c.dim(`${reason.code}:`)} ${visible(reason.message)}`);
  }
  if (result.mailboxes !== undefined && result.mailboxes.length > 1) {
    lines.push(c.dim(`  (the header holds ${result.mailboxes.length} mailboxes; the worst is shown)`));
  }
  return `${lines.join('\n')}\n`;
}

/** The compact JSON Lines record of `sosie scan` (see its --help). */
export function jsonlRecord(line: number, input: string, result: CheckResult): string {
  return `${JSON.stringify({
    line,
    input,
    verdict: result.verdict,
    score: result.score,
    match: result.match?.domain ?? null,
    codes: reasonCodes(result),
    reasons: result.reasons,
  })}\n`;
}

/** The full JSON Lines record (`--full`): the line number, then the whole `CheckResult`. */
export function jsonlFullRecord(line: number, result: CheckResult): string {
  return `${JSON.stringify({ line, ...result })}\n`;
}

/** The CSV header of `sosie scan`. */
export const CSV_HEADER = ['line', 'input', 'verdict', 'score', 'match', 'codes', 'message'] as const;

/** One CSV record: codes space-separated, the reasons' sentences joined by a space. */
export function csvRecord(line: number, input: string, result: CheckResult, escapeFormulas: boolean): string {
  return csvRow(
    [
      String(line),
      input,
      result.verdict,
      String(result.score),
      result.match?.domain ?? '',
      reasonCodes(result).join(' '),
      result.reasons.map((r) => r.message).join(' '),
    ],
    escapeFormulas,
  );
}

/** Column widths of the table (the sender comes last, so wide characters cannot misalign it). */
const TABLE = Object.freeze({ line: 5, verdict: 13, score: 5, match: 22, codes: 44, sender: 96 });

/** Pads (or clips) to a width in code points. */
function cell(text: string, width: number): string {
  const clipped = clip(text, width);
  return clipped + ' '.repeat(Math.max(0, width - Array.from(clipped).length));
}

/** The table header line. */
export function tableHeader(c: Colors): string {
  const cols = [
    'LINE'.padStart(TABLE.line),
    cell('VERDICT', TABLE.verdict),
    cell('SCORE', TABLE.score),
    cell('MATCH', TABLE.match),
    cell('CODES', TABLE.codes),
    'SENDER',
  ];
  return `${c.bold(cols.join('  '))}\n`;
}

/** One aligned table row. */
export function tableRow(line: number, input: string, result: CheckResult, c: Colors): string {
  const cols = [
    String(line).padStart(TABLE.line),
    paintVerdict(c, result.verdict, cell(result.verdict, TABLE.verdict)),
    cell(score2(result.score), TABLE.score),
    cell(visible(result.match?.domain ?? '-'), TABLE.match),
    cell(reasonCodes(result).join(',') || '-', TABLE.codes),
    clip(visible(input.trim()), TABLE.sender),
  ];
  return `${cols.join('  ').trimEnd()}\n`;
}

/**
 * CSV cells per RFC 4180 §2: fields holding a comma, a double quote, CR or LF are enclosed in
 * double quotes, and a double quote inside is doubled. Records end with CRLF (§2.1).
 *
 * Formula injection (CWE-1236): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@`
 * (and some also after a leading tab or CR) as a formula. The senders we echo are written by
 * attackers, so by default such a cell is prefixed with a single quote, as OWASP's "CSV Injection"
 * page recommends; spreadsheets then show it as text. `escapeFormulas: false` writes cells verbatim.
 */

/** RFC 4180 §2.1 record separator. */
export const CSV_EOL = '\r\n';

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV Injection"). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** One CSV cell: formula-escaped (unless disabled), then quoted when RFC 4180 requires it. */
export function csvCell(value: string, escapeFormulas = true): string {
  let cell = value;
  if (escapeFormulas && cell !== '' && FORMULA_START.has(cell[0]!)) cell = `'${cell}`;
  if (/[",\r\n]/u.test(cell)) return `"${cell.replaceAll('"', '""')}"`;
  return cell;
}

/** One CSV record (with its CRLF). */
export function csvRow(values: readonly string[], escapeFormulas = true): string {
  return values.map((v) => csvCell(v, escapeFormulas)).join(',') + CSV_EOL;
}

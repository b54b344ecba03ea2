/**
 * A large synthetic input for `sosie scan`, streamed in chunks (never held whole), and in-process
 * fake streams that verify the output as it arrives: exactly one record per non-blank input line,
 * in order, with the right line number. Shared by test/robustness-scan.test.ts (quick size) and
 * eval/fuzz-long.ts (1,000,000 lines, with memory measured).
 */

import type { ByteSource, CliIO, CliOutput } from '../src/cli/io';
import { mulberry32 } from './seed';

/** The kinds of line in the synthetic input. */
export type LineKind = 'valid' | 'lookalike' | 'invalid' | 'binary' | 'blank' | 'long' | 'crlf';

const VALID = ['ap@contoso.com', '"Ana Pereira" <ana.pereira@contoso.com>', 'news@example.org', 'billing@eu.mail.contoso.com'];
const LOOKALIKE = ['ap@c0ntoso.com', '"Ana Pereira" <ana.p@gmail.com>', 'ap@contoso-invoices.com', 'ap@f\u0430brikam.com'];
const INVALID = ['not a sender', '@@@', 'x@', '<>', 'root@[192.0.2.1]', '"unterminated <ap@contoso.com', '=?utf-8?B?!!?='];

/** The kind of line `i` (0-based) of the synthetic input; deterministic. */
export function lineKind(i: number): LineKind {
  const r = (Math.imul(i + 1, 2_654_435_761) >>> 0) % 1000;
  if (r < 500) return 'valid';
  if (r < 650) return 'lookalike';
  if (r < 800) return 'invalid';
  if (r < 900) return 'binary';
  if (r < 960) return 'blank';
  if (r < 961) return 'long';
  return 'crlf';
}

const encoder = new TextEncoder();

/** The bytes of line `i`, with its terminator. Binary lines hold random bytes (no LF) and a visible byte. */
export function lineBytes(i: number): Uint8Array {
  const kind = lineKind(i);
  switch (kind) {
    case 'valid':
      return encoder.encode(`${VALID[i % VALID.length]!}\n`);
    case 'lookalike':
      return encoder.encode(`${LOOKALIKE[i % LOOKALIKE.length]!}\n`);
    case 'invalid':
      return encoder.encode(`${INVALID[i % INVALID.length]!}\n`);
    case 'blank':
      return encoder.encode(i % 2 === 0 ? '\n' : ' \t \r\n');
    case 'crlf':
      return encoder.encode(`ap@contoso.com\r\n`);
    case 'long':
      return encoder.encode(`${'x'.repeat(70_000 + (i % 1000))}@contoso.com\n`);
    case 'binary': {
      const rnd = mulberry32(i);
      const n = 1 + Math.floor(rnd() * 120);
      const bytes = new Uint8Array(n + 2);
      for (let k = 0; k < n; k++) {
        let b = Math.floor(rnd() * 256);
        if (b === 0x0a) b = 0x00;
        bytes[k] = b;
      }
      bytes[n] = 0x41; // 'A': never blank
      bytes[n + 1] = 0x0a;
      return bytes;
    }
  }
}

/** A byte source of `lines` lines, produced lazily in chunks of about `chunkBytes`; `stats.bytes` counts what was produced. */
export function syntheticInput(lines: number, chunkBytes = 64 * 1024, stats: { bytes: number } = { bytes: 0 }): ByteSource {
  return {
    async *[Symbol.asyncIterator]() {
      let buf = new Uint8Array(chunkBytes * 2);
      let used = 0;
      for (let i = 0; i < lines; i++) {
        const b = lineBytes(i);
        stats.bytes += b.length;
        if (used + b.length > buf.length) {
          if (used > 0) {
            yield buf.slice(0, used);
            used = 0;
          }
          if (b.length > buf.length) buf = new Uint8Array(b.length * 2);
        }
        buf.set(b, used);
        used += b.length;
        if (used >= chunkBytes) {
          yield buf.slice(0, used);
          used = 0;
        }
      }
      if (used > 0) yield buf.slice(0, used);
    },
  };
}

/** Checks jsonl records as they stream by, keeping only counters (bounded memory). */
export class RecordVerifier implements CliOutput {
  readonly isTTY = false;
  readonly closed = false;
  #pending = '';
  #nextLine = 0; // 0-based index of the next input line to expect a record for
  records = 0;
  errors: string[] = [];
  readonly verdicts = new Map<string, number>();
  readonly #total: number;

  constructor(totalLines: number) {
    this.#total = totalLines;
  }

  /** Called on every write (the fuzz script samples memory here, as the scan never yields to timers). */
  onWrite: (() => void) | undefined;

  write(text: string): void {
    this.onWrite?.();
    this.#pending += text;
    let nl = this.#pending.indexOf('\n');
    let start = 0;
    while (nl >= 0) {
      this.#record(this.#pending.slice(start, nl));
      start = nl + 1;
      nl = this.#pending.indexOf('\n', start);
    }
    this.#pending = this.#pending.slice(start);
  }

  #record(text: string): void {
    while (this.#nextLine < this.#total && lineKind(this.#nextLine) === 'blank') this.#nextLine++;
    const expected = this.#nextLine + 1;
    this.#nextLine++;
    this.records++;
    let rec: { line?: unknown; verdict?: unknown };
    try {
      rec = JSON.parse(text) as { line?: unknown; verdict?: unknown };
    } catch {
      if (this.errors.length < 20) this.errors.push(`record ${this.records} is not JSON: ${text.slice(0, 80)}`);
      return;
    }
    if (rec.line !== expected && this.errors.length < 20) this.errors.push(`record ${this.records} has line ${String(rec.line)}, expected ${expected}`);
    const v = String(rec.verdict);
    this.verdicts.set(v, (this.verdicts.get(v) ?? 0) + 1);
  }

  /** Errors after the stream ended: leftovers and missing records. */
  finish(): string[] {
    const out = [...this.errors];
    if (this.#pending !== '') out.push(`unterminated output: ${this.#pending.slice(0, 80)}`);
    let expected = 0;
    for (let i = 0; i < this.#total; i++) if (lineKind(i) !== 'blank') expected++;
    if (this.records !== expected) out.push(`${this.records} records for ${expected} non-blank lines`);
    return out;
  }
}

/** A terminal-like stderr that keeps what was written (it is small: progress and the summary). */
export class CapturedTTY implements CliOutput {
  readonly isTTY = true;
  readonly closed = false;
  readonly columns = 100;
  text = '';

  write(text: string): void {
    this.text += text;
  }
}

/** Fake process IO for `run(['scan', ...], io)`: a trusted file, the synthetic stdin and the sinks. */
export function scanIO(lines: number, stdout: CliOutput, stderr: CliOutput, trusted: string, stats: { bytes: number } = { bytes: 0 }): CliIO {
  let clock = 0;
  return {
    stdin: () => syntheticInput(lines, 64 * 1024, stats),
    stdout,
    stderr,
    env: {},
    readFile: async (path: string) => {
      if (path === 'trusted.txt') return trusted;
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    },
    openFile: async () => syntheticInput(lines, 64 * 1024, stats),
    // A clock that moves 50 ms per reading, so progress redraws (every 250 ms) happen on any machine speed.
    now: () => (clock += 50),
  };
}

/** The trusted list used by the scan runs. */
export const SCAN_TRUSTED = 'Contoso Ltd <contoso.com>\n"Ana Pereira" <ana.pereira@contoso.com>\nfabrikam.com\n';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './helpers/csv';
import { MAX_LINE_BYTES } from '../src/cli/command-scan';
import { createMemoryIO, type MemoryIOOptions } from '../src/cli/memory-io';
import { run } from '../src/cli/run';

const TRUSTED = [
  '# test list',
  'Contoso Ltd <contoso.com>',
  '"Ana Pereira" <ana.pereira@contoso.com>',
  'microsoft.com',
  'paypal.com',
  '"Bob Smith" <bob.smith@gmail.com>',
].join('\n');

/** Runs the CLI in-process; `trusted.txt` is always present. */
async function cli(argv: string[], options: MemoryIOOptions = {}) {
  const io = createMemoryIO({ ...options, files: { 'trusted.txt': TRUSTED, ...options.files } });
  const code = await run(argv, io);
  return { code, out: io.stdout.text(), err: io.stderr.text(), io };
}

interface JsonlRecord {
  line: number;
  input: string;
  verdict: string;
  score: number;
  match: string | null;
  codes: string[];
  reasons: { code: string; message: string }[];
}

const records = (out: string): JsonlRecord[] =>
  out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as JsonlRecord);


const enc = new TextEncoder();
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...enc.encode(p)] : p)));

/** A mixed input: clean, flagged, blank, whitespace-only, garbage, binary, CRLF and no final newline. */
const MIXED = bytes(
  'ap@contoso.com\n', // 1 trusted
  '\n', // 2 blank
  'billing@rnicros0ft-billing.co\r\n', // 3 lookalike, CRLF
  '   \t \n', // 4 whitespace only: blank
  'not an email address\n', // 5 invalid
  [0xff, 0xfe, 0x00, 0x01, 0x80, 0x0a], // 6 binary
  '"Ana Pereira" <ana.pereira.cfo@gmail.com>\n', // 7 impersonation
  'x@\u200b\n', // 8 invisible character only after @: not blank
  'news@github.com', // 9 unknown, no final newline
);

describe('sosie scan: one record per non-blank line', () => {
  it('writes jsonl records in input order with 1-based line numbers, invalid lines included', async () => {
    const { code, out } = await cli(['scan', '--trusted', 'trusted.txt'], { stdin: MIXED, chunkSize: 7 });
    const recs = records(out);
    expect(recs.map((r) => r.line)).toEqual([1, 3, 5, 6, 7, 8, 9]);
    expect(recs.map((r) => r.verdict)).toEqual(['trusted', 'lookalike', 'invalid', 'invalid', 'impersonation', 'invalid', 'unknown']);
    expect(recs[1]).toMatchObject({ input: 'billing@rnicros0ft-billing.co', match: 'microsoft.com' });
    expect(recs[1]!.codes).toEqual(expect.arrayContaining(['homoglyph', 'combo', 'tld-swap']));
    expect(recs[1]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(recs[1]!.codes));
    expect(recs[3]!.input).toBe('\ufffd\ufffd\u0000\u0001\ufffd');
    expect(recs[0]).toMatchObject({ match: 'contoso.com', score: 0 });
    expect(recs[6]).toMatchObject({ match: null, codes: [], reasons: [] });
    expect(code).toBe(1);
  });

  it('reads --input FILE, and - as stdin', async () => {
    const fromFile = await cli(['scan', '-t', 'trusted.txt', '--input', 'senders.txt'], { files: { 'senders.txt': MIXED } });
    const fromStdin = await cli(['scan', '-t', 'trusted.txt', '--input', '-'], { stdin: MIXED });
    expect(fromFile.out).toBe(fromStdin.out);
    expect(records(fromFile.out)).toHaveLength(7);
  });

  it('keeps exactly one record per non-blank line for any lines and chunking (property)', async () => {
    const pool = ['ap@contoso.com', '', '  ', 'garbage', 'x@paypa1.com', '\u00ff\u00fe', '=cmd|x', 'a,"b"', '@@@', 'news@github.com', '\u202e@x'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pool), { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (lines, chunkSize, crlf) => {
        const text = lines.map((l) => l + (crlf ? '\r\n' : '\n')).join('');
        const { out } = await cli(['scan', '-t', 'trusted.txt'], { stdin: text, chunkSize });
        const expected = lines.flatMap((l, i) => (/^[ \t]*$/u.test(l) ? [] : [{ line: i + 1, input: l }]));
        expect(records(out).map((r) => ({ line: r.line, input: r.input }))).toEqual(expected);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('caps a very long line and still reports it (too-long), without losing the next line', async () => {
    async function* huge(): AsyncGenerator<Uint8Array> {
      const block = new Uint8Array(64 * 1024).fill(0x61);
      for (let i = 0; i < 64; i++) yield block; // 4 MiB without a newline
      yield enc.encode('@contoso.com\nap@contoso.com\n');
    }
    const { out } = await cli(['scan', '-t', 'trusted.txt'], { stdin: huge() });
    const recs = records(out);
    expect(recs.map((r) => [r.line, r.verdict])).toEqual([
      [1, 'invalid'],
      [2, 'trusted'],
    ]);
    expect(recs[0]!.codes).toEqual(['too-long']);
    expect(recs[0]!.input.length).toBe(MAX_LINE_BYTES);
  });

  it('writes --full records: the line number and the whole CheckResult', async () => {
    const { out } = await cli(['scan', '-t', 'trusted.txt', '--full'], { stdin: 'Ana Pereira <ana.pereira@c0ntoso.com>\n' });
    const [rec] = records(out) as unknown as Record<string, unknown>[];
    expect(rec).toMatchObject({ line: 1, input: 'Ana Pereira <ana.pereira@c0ntoso.com>', verdict: 'lookalike' });
    expect(rec!['sender']).toMatchObject({ domain: 'c0ntoso.com', displayName: 'Ana Pereira' });
    expect(rec!['match']).toMatchObject({ domain: 'contoso.com', entry: { domain: 'contoso.com' } });
  });
});

describe('sosie scan: formats', () => {
  it('writes csv with the header row, RFC 4180 quoting and formula escaping', async () => {
    const input = ['"Smith, Bob" <bob.smith@gmail.com>', '=HYPERLINK("http://evil")', '-x@contoso.com', 'billing@rnicros0ft-billing.co'].join('\n');
    const { out, code } = await cli(['scan', '-t', 'trusted.txt', '--format', 'csv'], { stdin: input });
    expect(out.startsWith('line,input,verdict,score,match,codes,message\r\n')).toBe(true);
    const rows = parseCsv(out);
    expect(rows[0]).toEqual(['line', 'input', 'verdict', 'score', 'match', 'codes', 'message']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['1', '"Smith, Bob" <bob.smith@gmail.com>', 'trusted'],
      ['2', '\'=HYPERLINK("http://evil")', 'invalid'],
      ['3', "'-x@contoso.com", 'trusted'],
      ['4', 'billing@rnicros0ft-billing.co', 'lookalike'],
    ]);
    const last = rows[4]!;
    expect(last[4]).toBe('microsoft.com');
    expect(last[5]!.split(' ')).toEqual(expect.arrayContaining(['homoglyph', 'combo', 'tld-swap']));
    expect(last[6]).toMatch(/microsoft\.com/u);
    expect(Number(last[3])).toBeGreaterThan(0.5);
    expect(code).toBe(1);
  });

  it('writes formula-like cells verbatim with --no-formula-escape', async () => {
    const { out } = await cli(['scan', '-t', 'trusted.txt', '-f', 'csv', '--no-formula-escape'], { stdin: '=1+2\n' });
    expect(parseCsv(out)[1]![1]).toBe('=1+2');
  });

  it('writes an aligned table with a summary per verdict, hidden characters made visible', async () => {
    const input = 'ap@contoso.com\nbilling@rnicros0ft-billing.co\nap\u202e@contoso.com\n\nnot an email\n';
    const { out, err, code } = await cli(['scan', '-t', 'trusted.txt', '--format', 'table'], { stdin: input });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^ LINE {2}VERDICT +SCORE +MATCH +CODES +SENDER$/u);
    const rows = lines.slice(1, 5);
    const verdictAt = lines[0]!.indexOf('VERDICT');
    const senderAt = lines[0]!.indexOf('SENDER');
    expect(rows.map((r) => r.slice(verdictAt).split(' ')[0])).toEqual(['trusted', 'lookalike', 'lookalike', 'invalid']);
    expect(rows.map((r) => r.slice(0, 5).trim())).toEqual(['1', '2', '3', '5']);
    expect(rows[1]!.slice(senderAt)).toBe('billing@rnicros0ft-billing.co');
    expect(rows[2]).toContain('ap<U+202E>@contoso.com');
    expect(out).not.toContain('\u202e');
    expect(out).not.toContain('\u001b[');
    expect(out).toContain('4 senders: 2 lookalike, 0 impersonation, 0 suspicious, 0 unknown, 1 invalid, 1 trusted');
    expect(err).toBe('');
    expect(code).toBe(1);
  });

  it.each([
    { description: 'colours the table on a terminal', env: {}, tty: true, coloured: true },
    { description: 'does not colour when NO_COLOR is set', env: { NO_COLOR: '1' }, tty: true, coloured: false },
    { description: 'colours when NO_COLOR is empty (no-color.org)', env: { NO_COLOR: '' }, tty: true, coloured: true },
    { description: 'does not colour a pipe', env: {}, tty: false, coloured: false },
  ])('$description', async ({ env, tty, coloured }) => {
    const { out } = await cli(['scan', '-t', 'trusted.txt', '-f', 'table'], { stdin: 'x@paypa1.com\n', env, stdout: { isTTY: tty } });
    expect(out.includes('\u001b[')).toBe(coloured);
  });

  it('prints the summary on stderr for jsonl and csv', async () => {
    const { err } = await cli(['scan', '-t', 'trusted.txt'], { stdin: 'ap@contoso.com\nx@paypa1.com\n' });
    expect(err).toBe('sosie: 2 senders: 1 lookalike, 0 impersonation, 0 suspicious, 0 unknown, 0 invalid, 1 trusted\n');
  });
});

describe('sosie scan: exit codes and errors', () => {
  it.each([
    { description: 'exits 0 when nothing is flagged (trusted, unknown, invalid)', input: 'ap@contoso.com\nnews@github.com\ngarbage\n', code: 0 },
    { description: 'exits 1 on a lookalike', input: 'ap@contoso.com\nx@c0ntoso.com\n', code: 1 },
    { description: 'exits 1 on an impersonation', input: '"Ana Pereira" <ana@yahoo.com>\n', code: 1 },
    { description: 'exits 1 on a suspicious sender', input: 'hello@bаnkofnowhere.com\n', code: 1 },
    { description: 'exits 0 on empty input', input: '', code: 0 },
  ])('$description', async ({ input, code }) => {
    expect((await cli(['scan', '-t', 'trusted.txt'], { stdin: input })).code).toBe(code);
  });

  it('exits 2 when the input file is missing, before writing anything', async () => {
    const { code, out, err } = await cli(['scan', '-t', 'trusted.txt', '--input', 'nope.txt']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('sosie: cannot read input nope.txt: no such file or directory\n');
  });

  it('exits 2 with FILE:LINE when a trusted line is bad, before reading input', async () => {
    const { code, out, err } = await cli(['scan', '-t', 'trusted.txt', '-t', 'bad.txt'], { files: { 'bad.txt': 'fabrikam.com\n# ok\nco.uk\n' }, stdin: 'x@y.com\n' });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^bad\.txt:3: "co\.uk": .+\n$/u);
  });

  it('exits 2 when --trusted is missing', async () => {
    const { code, err } = await cli(['scan'], { stdin: 'x@y.com\n' });
    expect(code).toBe(2);
    expect(err).toContain('--trusted FILE is required');
  });

  it('exits 2 on an unknown --format', async () => {
    const { code, err } = await cli(['scan', '-t', 'trusted.txt', '--format', 'xml']);
    expect(code).toBe(2);
    expect(err).toContain("argument 'xml' is invalid");
  });

  it('exits 2 when the input fails mid-stream, after the records already read', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield enc.encode('ap@contoso.com\n');
      throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    }
    const { code, out, err } = await cli(['scan', '-t', 'trusted.txt'], { stdin: failing() });
    expect(code).toBe(2);
    expect(records(out).map((r) => r.line)).toEqual([1]);
    expect(err).toBe('sosie: error reading stdin after line 1: EIO: i/o error\n');
  });
});

describe('sosie scan: streaming', () => {
  it('writes each chunk’s records before reading the next chunk', async () => {
    const io = createMemoryIO({ files: { 'trusted.txt': TRUSTED } });
    const seenBeforeSecondChunk: string[] = [];
    async function* slow(): AsyncGenerator<Uint8Array> {
      yield enc.encode('ap@contoso.com\n');
      seenBeforeSecondChunk.push(io.stdout.text());
      yield enc.encode('x@c0ntoso.com\n');
    }
    const code = await run(['scan', '-t', 'trusted.txt'], { ...io, stdin: () => slow() });
    expect(code).toBe(1);
    expect(records(seenBeforeSecondChunk[0]!).map((r) => r.line)).toEqual([1]);
    expect(records(io.stdout.text()).map((r) => r.line)).toEqual([1, 2]);
  });

  it('waits for the output to drain (backpressure) before writing more', async () => {
    const input = Array.from({ length: 200 }, (_, i) => `user${i}@contoso.com`).join('\n');
    const { io, out } = await cli(['scan', '-t', 'trusted.txt'], { stdin: input, chunkSize: 100, stdout: { highWaterMark: 10 } });
    expect(records(out)).toHaveLength(200);
    expect(io.stdout.writes).toBeGreaterThan(10);
    expect(io.stdout.overrun).toBe(0);
  });

  it('stops reading quietly when stdout closes (EPIPE), even on endless input', async () => {
    let chunks = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        chunks++;
        yield enc.encode('x@c0ntoso.com\nap@contoso.com\n');
      }
    }
    const { code, err, out } = await cli(['scan', '-t', 'trusted.txt'], { stdin: endless(), stdout: { closeAfter: 1000 } });
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out.length).toBeGreaterThanOrEqual(1000);
    expect(chunks).toBeLessThan(100);
  });

  it('shows progress on stderr when it is a terminal and stdout is not, then erases it', async () => {
    const input = Array.from({ length: 50 }, () => 'ap@contoso.com').join('\n');
    const { err } = await cli(['scan', '-t', 'trusted.txt'], { stdin: input, chunkSize: 30, stderr: { isTTY: true } });
    expect(err).toMatch(/\rsosie: \d+ lines, [\d,]+ lines\/s\u001b\[K/u);
    expect(err).toContain('\r\u001b[K');
  });

  it.each([
    { description: 'stderr is not a terminal', stderrTTY: false, stdoutTTY: false },
    { description: 'stdout is a terminal too', stderrTTY: true, stdoutTTY: true },
  ])('shows no progress when $description', async ({ stderrTTY, stdoutTTY }) => {
    const input = Array.from({ length: 50 }, () => 'ap@contoso.com').join('\n');
    const { err } = await cli(['scan', '-t', 'trusted.txt'], { stdin: input, chunkSize: 30, stderr: { isTTY: stderrTTY }, stdout: { isTTY: stdoutTTY } });
    expect(err).not.toContain('lines/s');
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNKS_IN_FLIGHT_PER_WORKER, MAX_AUTO_WORKERS } from '../src/cli/command-scan';
import { createMemoryIO, type MemoryIOOptions } from '../src/cli/memory-io';
import { run } from '../src/cli/run';
import { FAKE_CRASH, fakeScanWorkers, type FakeScanWorkersOptions } from './helpers/scan-workers';

const demo = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/demo/${name}`, import.meta.url)), 'utf8');
const DEMO_TRUSTED = demo('trusted.txt');
const DEMO_SENDERS = demo('senders.txt');

const TRUSTED = ['Contoso Ltd <contoso.com>', '"Ana Pereira" <ana.pereira@contoso.com>', 'microsoft.com', 'paypal.com'].join('\n');

/** Runs the CLI in-process with fake workers; `trusted.txt` and `demo.txt` (the demo list) are present. */
async function cli(argv: string[], options: MemoryIOOptions = {}, workers: FakeScanWorkersOptions = {}) {
  const host = fakeScanWorkers(workers);
  const io = createMemoryIO({
    scanWorkers: host,
    ...options,
    files: { 'trusted.txt': TRUSTED, 'demo.txt': DEMO_TRUSTED, 'senders.txt': DEMO_SENDERS, ...options.files },
  });
  const code = await run(argv, io);
  return { code, out: io.stdout.text(), err: io.stderr.text(), io, host };
}

const lineNumbers = (jsonl: string): number[] =>
  jsonl
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as { line: number }).line);

describe('sosie scan --workers: the same bytes as without workers', () => {
  it.each([
    { description: 'jsonl', args: [] },
    { description: 'jsonl --full', args: ['--full'] },
    { description: 'csv', args: ['--format', 'csv'] },
    { description: 'csv --no-formula-escape', args: ['--format', 'csv', '--no-formula-escape'] },
    { description: 'table', args: ['--format', 'table'] },
    { description: 'table in colour on a terminal', args: ['--format', 'table'], stdout: { isTTY: true } },
  ])('demo fixtures, $description: --workers 2 and 3 write what --workers 1 writes', async ({ args, stdout }) => {
    const argv = ['scan', '-t', 'demo.txt', '--input', 'senders.txt', ...args];
    // 97-byte reads: the 49 demo lines arrive in about 30 chunks, so results interleave.
    const options: MemoryIOOptions = { chunkSize: 97, ...(stdout === undefined ? {} : { stdout }) };
    const one = await cli([...argv, '--workers', '1'], options);
    expect(one.code).toBe(1);
    expect(one.host.starts).toEqual([]); // --workers 1 stays in-process
    expect(one.out.length).toBeGreaterThan(1000);
    for (const n of [2, 3]) {
      const many = await cli([...argv, '--workers', String(n)], options, { seed: n });
      expect({ code: many.code, out: many.out, err: many.err }).toEqual({ code: one.code, out: one.out, err: one.err });
      expect(many.host.starts).toEqual([n]);
      expect(many.host.chunksPerWorker.every((c) => c > 0)).toBe(true);
      expect(many.host.closed).toBe(n);
    }
  });

  it('keeps input order and one record per non-blank line for any lines, chunking, worker count and timing (property)', async () => {
    const pool = ['ap@contoso.com', '', '  \t', 'x@c0ntoso.com', 'garbage', '"Ana Pereira" <ana@gmail.com>', '\u200b', 'news@github.com', 'a,"b"'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...pool), { maxLength: 60 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer(),
        async (lines, chunkSize, workers, seed) => {
          const stdin = lines.join('\n');
          const one = await cli(['scan', '-t', 'trusted.txt'], { stdin, chunkSize });
          const many = await cli(['scan', '-t', 'trusted.txt', '--workers', String(workers)], { stdin, chunkSize }, { seed, maxDelayMs: 2 });
          expect(many.out).toBe(one.out);
          expect(many.err).toBe(one.err);
          expect(many.code).toBe(one.code);
          expect(lineNumbers(many.out)).toEqual(lines.flatMap((l, i) => (/^[ \t]*$/u.test(l) ? [] : [i + 1])));
        },
      ),
      { seed: 7, numRuns: 40 },
    );
  });

  it('writes many small chunks in order while bounding the chunks in flight to 2 per worker', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => (i % 7 === 3 ? '' : i % 2 === 0 ? `user${i}@contoso.com` : `user${i}@c0ntoso.com`));
    const { code, out, host } = await cli(['scan', '-t', 'trusted.txt', '--workers', '3'], { stdin: lines.join('\n'), chunkSize: 40 }, { maxDelayMs: 5 });
    expect(code).toBe(1);
    expect(lineNumbers(out)).toEqual(lines.flatMap((l, i) => (l === '' ? [] : [i + 1])));
    const chunks = host.chunksPerWorker.reduce((a, b) => a + b, 0);
    expect(chunks).toBeGreaterThan(100);
    // Idle-first dispatch spreads equal chunks evenly.
    for (const n of host.chunksPerWorker) expect(n).toBeGreaterThan(chunks / 6);
    expect(host.maxInFlight).toBe(CHUNKS_IN_FLIGHT_PER_WORKER * 3);
  });

  it.each([
    { description: 'only blank lines', stdin: '\n  \n\t\n\n', out: '', err: 'sosie: 0 senders: 0 lookalike, 0 impersonation, 0 suspicious, 0 unknown, 0 invalid, 0 trusted\n' },
    { description: 'empty input', stdin: '', out: '', err: 'sosie: 0 senders: 0 lookalike, 0 impersonation, 0 suspicious, 0 unknown, 0 invalid, 0 trusted\n' },
    {
      description: 'blank lines around senders, CRLF',
      stdin: '\r\n\r\nap@contoso.com\r\n \r\n\r\nx@paypa1.com\r\n\r\n',
      lines: [3, 6],
      err: 'sosie: 2 senders: 1 lookalike, 0 impersonation, 0 suspicious, 0 unknown, 0 invalid, 1 trusted\n',
    },
  ])('blank lines: $description', async ({ stdin, out, lines, err }) => {
    const result = await cli(['scan', '-t', 'trusted.txt', '--workers', '2'], { stdin, chunkSize: 3 });
    if (out !== undefined) expect(result.out).toBe(out);
    if (lines !== undefined) expect(lineNumbers(result.out)).toEqual(lines);
    expect(result.err).toBe(err);
  });
});

describe('sosie scan --workers: exit codes and options', () => {
  it.each([
    { description: 'exits 0 when nothing is flagged', stdin: 'ap@contoso.com\nnews@github.com\ngarbage\n', code: 0 },
    { description: 'exits 1 on a lookalike in a late chunk', stdin: `${'ap@contoso.com\n'.repeat(30)}x@c0ntoso.com\n`, code: 1 },
    { description: 'exits 1 on an impersonation', stdin: '"Ana Pereira" <ana@yahoo.com>\n', code: 1 },
    { description: 'exits 0 on empty input', stdin: '', code: 0 },
  ])('$description', async ({ stdin, code }) => {
    expect((await cli(['scan', '-t', 'trusted.txt', '--workers', '2'], { stdin, chunkSize: 16 })).code).toBe(code);
  });

  it.each([
    { description: 'zero', value: '0' },
    { description: 'above 64', value: '65' },
    { description: 'negative', value: '-1' },
    { description: 'a fraction', value: '1.5' },
    { description: 'a word', value: 'two' },
    { description: 'empty', value: '' },
    { description: 'three digits', value: '100' },
    { description: 'AUTO in capitals', value: 'AUTO' },
  ])('refuses --workers $description (exit 2, nothing written)', async ({ value }) => {
    const { code, out, err, host } = await cli(['scan', '-t', 'trusted.txt', '--workers', value], { stdin: 'ap@contoso.com\n' });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`option '--workers <n>' argument '${value}' is invalid. expected an integer from 1 to 64, or auto.`);
    expect(host.starts).toEqual([]);
  });

  it.each([
    { description: '64 starts 64 workers', value: '64', available: 4, starts: [64] },
    { description: 'auto starts one per core', value: 'auto', available: 3, starts: [3] },
    { description: `auto is capped at ${MAX_AUTO_WORKERS}`, value: 'auto', available: 32, starts: [MAX_AUTO_WORKERS] },
    { description: 'auto on one core stays in-process', value: 'auto', available: 1, starts: [] },
  ])('--workers $description', async ({ value, available, starts }) => {
    const { code, out, host } = await cli(['scan', '-t', 'trusted.txt', '--workers', value], { stdin: 'ap@contoso.com\nx@c0ntoso.com\n' }, { available });
    expect(code).toBe(1);
    expect(lineNumbers(out)).toEqual([1, 2]);
    expect(host.starts).toEqual(starts);
  });

  it('without worker threads in the IO, --workers 2 is a usage error and auto runs in-process', async () => {
    const io = createMemoryIO({ files: { 'trusted.txt': TRUSTED }, stdin: 'x@c0ntoso.com\n' });
    expect(await run(['scan', '-t', 'trusted.txt', '--workers', '2'], io)).toBe(2);
    expect(io.stderr.text()).toBe('sosie: --workers needs worker threads, which this environment does not provide\n');
    expect(io.stdout.text()).toBe('');
    const auto = createMemoryIO({ files: { 'trusted.txt': TRUSTED }, stdin: 'x@c0ntoso.com\n' });
    expect(await run(['scan', '-t', 'trusted.txt', '--workers', 'auto'], auto)).toBe(1);
    expect(lineNumbers(auto.stdout.text())).toEqual([1]);
  });

  it('documents --workers in scan --help', async () => {
    const { code, out } = await cli(['scan', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('--workers <n>');
    expect(out).toMatch(/worker threads/u);
  });
});

describe('sosie scan --workers: failures', () => {
  it.each([
    { description: 'on its first chunk', crash: { worker: 0, onChunk: 1 } },
    { description: 'on a later chunk', crash: { worker: 1, onChunk: 3 } },
    { description: 'the last of three workers, late', crash: { worker: 2, onChunk: 5 } },
  ])('a worker crashing $description ends the scan with exit 2, a message, and only whole chunks before it', async ({ crash }) => {
    const lines = Array.from({ length: 120 }, (_, i) => `user${i}@contoso.com`);
    const { code, out, err, host } = await cli(['scan', '-t', 'trusted.txt', '--workers', '3'], { stdin: lines.join('\n'), chunkSize: 60 }, { crash });
    expect(code).toBe(2);
    const m = /^sosie: a scan worker failed; output is complete up to line (\d+): (.+)\n$/u.exec(err);
    expect(m).not.toBeNull();
    expect(m![2]).toBe(FAKE_CRASH);
    const upTo = Number(m![1]);
    expect(upTo).toBeLessThan(120);
    // Exactly the lines before the failed chunk, in order, nothing after it.
    expect(lineNumbers(out)).toEqual(Array.from({ length: upTo }, (_, i) => i + 1));
    expect(host.closed).toBe(3);
  });

  it('reports a crash while the input is quiet (tail -f), without waiting for the next line', async () => {
    const host = fakeScanWorkers({ crash: { worker: 0, onChunk: 1 } });
    const io = createMemoryIO({ files: { 'trusted.txt': TRUSTED }, scanWorkers: host });
    async function* quiet(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('ap@contoso.com\n');
      await new Promise(() => {}); // no more input, and no end either
    }
    const outcome = await Promise.race([
      run(['scan', '-t', 'trusted.txt', '--workers', '2'], { ...io, stdin: () => quiet() }),
      new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000)),
    ]);
    expect(outcome).toBe(2);
    expect(io.stderr.text()).toBe(`sosie: a scan worker failed; output is complete up to line 0: ${FAKE_CRASH}\n`);
    expect(host.closed).toBe(2);
  });

  it('reports a trusted entry the workers refuse with FILE:LINE, exit 2, before any output', async () => {
    const { code, out, err } = await cli(['scan', '-t', 'trusted.txt', '-t', 'bad.txt', '--workers', '2', '-f', 'csv'], {
      files: { 'bad.txt': 'fabrikam.com\n# ok\nco.uk\n' },
      stdin: 'x@y.com\n',
    });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^bad\.txt:3: "co\.uk": .+\n$/u);
  });

  it('exits 2 on a missing input file and still closes the workers', async () => {
    const { code, err, host } = await cli(['scan', '-t', 'trusted.txt', '--input', 'nope.txt', '--workers', '2']);
    expect(code).toBe(2);
    expect(err).toBe('sosie: cannot read input nope.txt: no such file or directory\n');
    expect(host.closed).toBe(2);
  });
});

describe('sosie scan --workers: streaming', () => {
  it('stops reading quietly when stdout closes (EPIPE), even on endless input, and closes the workers', async () => {
    let chunks = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      const bytes = new TextEncoder().encode('x@c0ntoso.com\nap@contoso.com\n');
      for (;;) {
        chunks++;
        yield bytes;
      }
    }
    const { code, err, out, host } = await cli(['scan', '-t', 'trusted.txt', '--workers', '2'], { stdin: endless(), stdout: { closeAfter: 2000 } });
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out.length).toBeGreaterThanOrEqual(2000);
    expect(chunks).toBeLessThan(100);
    expect(host.closed).toBe(2);
  });

  it('writes a chunk’s records while the next read still waits (tail -f), not once more chunks arrive', async () => {
    const host = fakeScanWorkers();
    const io = createMemoryIO({ files: { 'trusted.txt': TRUSTED }, scanWorkers: host });
    const seenWhileWaiting: string[] = [];
    async function* trickle(): AsyncGenerator<Uint8Array> {
      for (const line of ['ap@contoso.com\n', 'x@c0ntoso.com\n', 'news@github.com\n']) {
        yield new TextEncoder().encode(line);
        // A quiet pipe: the next line comes only once this one's record is out (or after 2 s).
        const deadline = Date.now() + 2000;
        const before = lineNumbers(io.stdout.text()).length;
        while (lineNumbers(io.stdout.text()).length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
        seenWhileWaiting.push(io.stdout.text());
      }
    }
    const code = await run(['scan', '-t', 'trusted.txt', '--workers', '3'], { ...io, stdin: () => trickle() });
    expect(code).toBe(1);
    expect(seenWhileWaiting.map(lineNumbers)).toEqual([[1], [1, 2], [1, 2, 3]]);
  });

  it('waits for the output to drain (backpressure) before writing more', async () => {
    const input = Array.from({ length: 200 }, (_, i) => `user${i}@contoso.com`).join('\n');
    const { io, out } = await cli(['scan', '-t', 'trusted.txt', '--workers', '2'], { stdin: input, chunkSize: 100, stdout: { highWaterMark: 10 } });
    expect(lineNumbers(out)).toHaveLength(200);
    expect(io.stdout.overrun).toBe(0);
  });

  it('shows progress on a terminal stderr, then erases it', async () => {
    const input = Array.from({ length: 50 }, () => 'ap@contoso.com').join('\n');
    const { err } = await cli(['scan', '-t', 'trusted.txt', '--workers', '2'], { stdin: input, chunkSize: 30, stderr: { isTTY: true } });
    expect(err).toMatch(/\rsosie: \d+ lines, [\d,]+ lines\/s\u001b\[K/u);
    expect(err).toContain('\r\u001b[K');
  });
});

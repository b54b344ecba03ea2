import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createNodeIO } from '../src/cli/node-io';
import { run } from '../src/cli/run';
import { sink } from './helpers/streams';

const demo = (name: string): string => fileURLToPath(new URL(`../fixtures/demo/${name}`, import.meta.url));

/** Runs the CLI over real files, through the real Node adapter (with in-memory stdio). */
async function cli(argv: string[]) {
  const stdout = sink();
  const stderr = sink();
  const io = createNodeIO({ stdin: Readable.from([]), stdout: stdout.stream, stderr: stderr.stream, env: {} });
  const code = await run(argv, io);
  return { code, out: stdout.text(), err: stderr.text() };
}

/** The README's table: line → expected verdict and codes (the README is the demo's documentation). */
function readmeTable(): Map<number, { verdict: string; codes: string[] }> {
  const table = new Map<number, { verdict: string; codes: string[] }>();
  for (const line of readFileSync(demo('README.md'), 'utf8').split('\n')) {
    const cells = /^\| (\d+) \| .* \| ([^|]+) \| [^|]+ \|$/u.exec(line);
    if (cells === null) continue;
    const [, n, result] = cells;
    if (result!.trim() === '—') continue; // the blank line
    const m = /^(\w+)(?: \(([^)]*)\))?$/u.exec(result!.trim())!;
    table.set(Number(n), { verdict: m[1]!, codes: m[2] === undefined ? [] : m[2].split(', ') });
  }
  return table;
}

describe('the demo (fixtures/demo)', () => {
  it('has a trusted list of about 25 entries that compiles', async () => {
    const entries = readFileSync(demo('trusted.txt'), 'utf8')
      .split('\n')
      .filter((l) => !/^\s*(#|$)/u.test(l));
    expect(entries.length).toBeGreaterThanOrEqual(20);
    const { code, err } = await cli(['check', '-t', demo('trusted.txt'), 'ap@fourthcoffee.com']);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('scans every non-blank sender line into the verdict and codes its README documents', async () => {
    const { code, out } = await cli(['scan', '-t', demo('trusted.txt'), '--input', demo('senders.txt')]);
    const records = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; verdict: string; codes: string[] });
    const expected = readmeTable();
    const senderLines = readFileSync(demo('senders.txt')).toString('latin1').split('\n');
    const nonBlank = senderLines.flatMap((l, i) => (l.trim() === '' ? [] : [i + 1]));
    expect(records.map((r) => r.line)).toEqual(nonBlank);
    expect([...expected.keys()]).toEqual(nonBlank);
    for (const r of records) expect({ line: r.line, verdict: r.verdict, codes: r.codes }).toEqual({ line: r.line, ...expected.get(r.line) });
    expect(code).toBe(1);
  });

  it('covers every verdict and every technique code', async () => {
    const expected = [...readmeTable().values()];
    expect(new Set(expected.map((e) => e.verdict))).toEqual(new Set(['trusted', 'lookalike', 'impersonation', 'suspicious', 'unknown', 'invalid']));
    const codes = new Set(expected.flatMap((e) => e.codes));
    for (const code of ['homoglyph', 'diacritic', 'mixed-script', 'whole-script', 'omission', 'insertion', 'replacement', 'transposition', 'repetition', 'hyphenation', 'vowel-swap', 'bitsquat', 'tld-swap', 'subdomain-embedding', 'combo', 'display-name', 'freemail', 'invisible-char', 'bidi-control', 'ip-literal']) {
      expect(codes).toContain(code);
    }
  });

  it('prints the table of `npm run demo`, with its summary, and exits 1', async () => {
    const { code, out, err } = await cli(['scan', '--trusted', demo('trusted.txt'), '--input', demo('senders.txt'), '--format', 'table']);
    expect(code).toBe(1);
    expect(err).toBe('');
    const expected = [...readmeTable().values()];
    const count = (verdict: string): number => expected.filter((e) => e.verdict === verdict).length;
    expect(out.split('\n')).toHaveLength(1 + expected.length + 3); // header, rows, blank, summary, final newline
    const summary = ['lookalike', 'impersonation', 'suspicious', 'unknown', 'invalid', 'trusted'].map((v) => `${count(v)} ${v}`).join(', ');
    expect(out.endsWith(`\n\n${expected.length} senders: ${summary}\n`)).toBe(true);
  });
});

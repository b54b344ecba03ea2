import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMemoryIO } from '../src/cli/memory-io';
import { run } from '../src/cli/run';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

async function cli(argv: string[]) {
  const io = createMemoryIO({ files: { 'trusted.txt': 'contoso.com\n' } });
  const code = await run(argv, io);
  return { code, out: io.stdout.text(), err: io.stderr.text() };
}

describe('sosie: help and version', () => {
  it.each([
    { description: 'sosie --help', argv: ['--help'], contains: ['Usage: sosie', 'check', 'scan', 'variants', 'Exit codes:'] },
    { description: 'sosie help scan', argv: ['help', 'scan'], contains: ['Usage: sosie scan', '--input <file>'] },
    {
      description: 'sosie check --help',
      argv: ['check', '--help'],
      contains: ['Usage: sosie check', '--trusted <file>', '--json', 'Trusted-list file format', '2  usage error'],
    },
    {
      description: 'sosie scan --help',
      argv: ['scan', '--help'],
      contains: ['--format <format>', 'jsonl', 'csv', 'table', 'line,input,verdict,score,match,codes,message', '--full', '--no-formula-escape', 'one record per non-blank input line'],
    },
    {
      description: 'sosie variants --help',
      argv: ['variants', '--help'],
      contains: ['--fuzzers <list>', '--layouts <list>', '--limit <n>', '--unicode', '--ascii', '--list-fuzzers', 'domain,ascii,fuzzer,detail'],
    },
  ])('$description prints help on stdout and exits 0', async ({ argv, contains }) => {
    const { code, out, err } = await cli(argv);
    expect(code).toBe(0);
    expect(err).toBe('');
    for (const text of contains) expect(out).toContain(text);
  });

  it.each([{ flag: '--version' }, { flag: '-V' }])('$flag prints the package version', async ({ flag }) => {
    const { code, out } = await cli([flag]);
    expect(code).toBe(0);
    expect(out).toBe(`${pkg.version}\n`);
  });
});

describe('sosie: usage errors exit 2', () => {
  it.each([
    { description: 'no arguments (help on stderr)', argv: [], err: 'Usage: sosie' },
    { description: 'an unknown command', argv: ['scna'], err: "unknown command 'scna'" },
    { description: 'an unknown option', argv: ['check', '-t', 'trusted.txt', '--jsn', 'a@b.c'], err: "unknown option '--jsn'" },
    { description: 'an option without its value', argv: ['scan', '--trusted'], err: "option '-t, --trusted <file>' argument missing" },
  ])('$description', async ({ argv, err }) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(err);
  });
});

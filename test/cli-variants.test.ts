import { describe, expect, it } from 'vitest';
import { parseCsv } from './helpers/csv';
import { createMemoryIO, type MemoryIOOptions } from '../src/cli/memory-io';
import { run } from '../src/cli/run';
import { FUZZERS, generateVariants, type Variant, type VariantOptions } from '../src/index';

async function cli(argv: string[], options: MemoryIOOptions = {}) {
  const io = createMemoryIO(options);
  const code = await run(argv, io);
  return { code, out: io.stdout.text(), err: io.stderr.text(), io };
}

/** The library's variants, for comparison (JSON round trip: what the CLI can print). */
function library(domain: string, options: VariantOptions = {}): Variant[] {
  return JSON.parse(JSON.stringify([...generateVariants(domain, options)])) as Variant[];
}


const lines = (out: string): string[] => out.split('\n').filter((l) => l !== '');

describe('sosie variants: formats', () => {
  it('list prints one ASCII (punycode) domain per line by default, in generator order', async () => {
    const { code, out } = await cli(['variants', 'contoso.com', '--limit', '300']);
    expect(code).toBe(0);
    const expected = library('contoso.com', { limit: 300 });
    expect(lines(out)).toEqual(expected.map((v) => v.ascii));
    expect(lines(out).every((l) => /^[\x21-\x7e]+$/u.test(l))).toBe(true);
    expect(lines(out).some((l) => l.includes('xn--'))).toBe(true);
  });

  it('list --unicode prints the Unicode form; --ascii is the default', async () => {
    const unicode = await cli(['variants', 'contoso.com', '--unicode', '--limit', '300']);
    const ascii = await cli(['variants', 'contoso.com', '--ascii', '--limit', '300']);
    const expected = library('contoso.com', { limit: 300 });
    expect(lines(unicode.out)).toEqual(expected.map((v) => v.domain));
    expect(lines(ascii.out)).toEqual(expected.map((v) => v.ascii));
  });

  it('jsonl prints each variant as a JSON object', async () => {
    const { out } = await cli(['variants', 'contoso.com', '--format', 'jsonl', '--limit', '50']);
    expect(lines(out).map((l) => JSON.parse(l) as Variant)).toEqual(library('contoso.com', { limit: 50 }));
  });

  it('json prints one array, built incrementally', async () => {
    const { out } = await cli(['variants', 'contoso.com', '-f', 'json', '--limit', '50']);
    expect(out.startsWith('[\n  {')).toBe(true);
    expect(out.endsWith('}\n]\n')).toBe(true);
    expect(JSON.parse(out)).toEqual(library('contoso.com', { limit: 50 }));
  });

  it('json prints [] when nothing is generated', async () => {
    const { out, code } = await cli(['variants', 'contoso.com', '-f', 'json', '--fuzzers', 'whole-script']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(library('contoso.com', { fuzzers: ['whole-script'] }));
  });

  it('csv prints the header, then domain, ascii, fuzzer and a readable detail per row', async () => {
    const { out } = await cli(['variants', 'contoso.com', '-f', 'csv', '--limit', '80']);
    const rows = parseCsv(out);
    expect(rows[0]).toEqual(['domain', 'ascii', 'fuzzer', 'detail']);
    const expected = library('contoso.com', { limit: 80 });
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual(expected.map((v) => [v.domain, v.ascii, v.fuzzer]));
    expect(rows.slice(1).every((r) => r.length === 4 && r[3] !== '')).toBe(true);
  });

  it.each([
    { description: 'a substitution, 1-based', fuzzer: 'homoglyph', domain: 'c0ntoso.com', detail: "'o'→'0' at 2" },
    { description: 'an omission', fuzzer: 'omission', domain: 'cntoso.com', detail: "removed 'o' at 2" },
    { description: 'a keyboard slip with its layouts', fuzzer: 'replacement', domain: 'contpso.com', detail: "'o'→'p' at 5; keys adjacent on " },
    { description: 'a suffix swap', fuzzer: 'tld-swap', domain: 'contoso.co', detail: 'suffix .com→.co (' },
    { description: 'a combo word', fuzzer: 'combo', domain: 'contoso-invoices.com', detail: "added word 'invoices' after, hyphenated" },
    { description: 'a bit flip', fuzzer: 'bitsquatting', domain: 'kontoso.com', detail: "'c'→'k' at 1; bit 3" },
    { description: 'a subdomain split naming what is registered', fuzzer: 'subdomain', domain: 'cont.oso.com', detail: "inserted '.' at 5; registers oso.com" },
  ])('csv detail summarises $description', async ({ fuzzer, domain, detail }) => {
    const { out } = await cli(['variants', 'contoso.com', '-f', 'csv', '--fuzzers', fuzzer]);
    const row = parseCsv(out).find((r) => r[0] === domain);
    expect(row).toBeDefined();
    expect(row![2]).toBe(fuzzer);
    expect(row![3]!.startsWith(detail)).toBe(true);
  });

  it('handles several domains in turn, --limit applying to each', async () => {
    const { out } = await cli(['variants', 'contoso.com', 'fabrikam.co.uk', '--limit', '5']);
    expect(lines(out)).toEqual([...library('contoso.com', { limit: 5 }), ...library('fabrikam.co.uk', { limit: 5 })].map((v) => v.ascii));
  });

  it('streams: a large set is written in several blocks, each awaited', async () => {
    const { io, out } = await cli(['variants', 'contoso.com', '-f', 'jsonl'], { stdout: { highWaterMark: 1000 } });
    expect(lines(out)).toHaveLength(library('contoso.com').length);
    expect(io.stdout.writes).toBeGreaterThan(2);
    expect(io.stdout.overrun).toBe(0);
  });

  it('stops quietly when stdout closes (EPIPE)', async () => {
    const full = library('contoso.com')
      .map((v) => `${v.ascii}\n`)
      .join('');
    const { code, err, out } = await cli(['variants', 'contoso.com'], { stdout: { closeAfter: 10 } });
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThan(full.length / 2); // one block written, then it stopped
    expect(full.startsWith(out)).toBe(true);
  });
});

describe('sosie variants: options', () => {
  it('--fuzzers keeps only the given fuzzers', async () => {
    const { out } = await cli(['variants', 'contoso.com', '-f', 'jsonl', '--fuzzers', 'omission, tld-swap']);
    const got = lines(out).map((l) => JSON.parse(l) as Variant);
    expect(got.length).toBeGreaterThan(0);
    expect(new Set(got.map((v) => v.fuzzer))).toEqual(new Set(['omission', 'tld-swap']));
    expect(got).toEqual(library('contoso.com', { fuzzers: ['omission', 'tld-swap'] }));
  });

  it('--layouts is passed as the keyboard layouts', async () => {
    const { out } = await cli(['variants', 'contoso.com', '-f', 'jsonl', '--fuzzers', 'replacement', '--layouts', 'azerty']);
    expect(lines(out).map((l) => JSON.parse(l) as Variant)).toEqual(library('contoso.com', { fuzzers: ['replacement'], keyboards: ['azerty'] }));
  });

  it('--no-idn generates ASCII variants only', async () => {
    const { out } = await cli(['variants', 'contoso.com', '--no-idn', '--unicode']);
    expect(lines(out).length).toBeGreaterThan(0);
    expect(lines(out).every((l) => /^[\x21-\x7e]+$/u.test(l) && !l.startsWith('xn--') && !l.includes('.xn--'))).toBe(true);
  });

  it('--list-fuzzers prints every fuzzer id with its description', async () => {
    const { code, out } = await cli(['variants', '--list-fuzzers']);
    expect(code).toBe(0);
    const got = lines(out).map((l) => /^(\S+) +(.+)$/u.exec(l)!.slice(1, 3));
    expect(got).toEqual(FUZZERS.map((f) => [f.id, f.description]));
  });

  it.each([
    { description: 'no DOMAIN', argv: ['variants'], err: 'variants needs a DOMAIN' },
    { description: 'an invalid DOMAIN, before any output', argv: ['variants', 'contoso.com', 'not a domain!'], err: '"not a domain!"' },
    { description: 'a public suffix', argv: ['variants', 'co.uk'], err: '"co.uk"' },
    { description: 'an unknown fuzzer', argv: ['variants', 'contoso.com', '--fuzzers', 'omission,typo'], err: 'unknown fuzzer "typo"; known: ' },
    { description: 'an unknown layout', argv: ['variants', 'contoso.com', '--layouts', 'dvorak'], err: 'unknown keyboard layout "dvorak"' },
    { description: 'a bad --limit', argv: ['variants', 'contoso.com', '--limit', 'ten'], err: 'expected a positive integer' },
    { description: 'a zero --limit', argv: ['variants', 'contoso.com', '--limit', '0'], err: 'expected a positive integer' },
    { description: '--unicode with --ascii', argv: ['variants', 'contoso.com', '--unicode', '--ascii'], err: 'cannot be used with' },
    { description: 'an unknown --format', argv: ['variants', 'contoso.com', '-f', 'xml'], err: "argument 'xml' is invalid" },
  ])('exits 2 on $description', async ({ argv, err }) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(err);
  });
});

import { describe, expect, it } from 'vitest';
import { createMemoryIO, type MemoryIOOptions } from '../src/cli/memory-io';
import { run } from '../src/cli/run';
import { trustedInputText } from '../src/cli/trusted-files';
import { createDetector, parseTrustedList } from '../src/index';

const TRUSTED = ['# a list', 'Contoso Ltd <contoso.com>', '"Ana Pereira" <ana.pereira@contoso.com>', '', 'microsoft.com'].join('\n');
const PARTNERS = ['# second file', 'fabrikam.co.uk', 'paypal.com'].join('\n');

async function cli(argv: string[], options: MemoryIOOptions = {}) {
  const io = createMemoryIO({ ...options, files: { 'trusted.txt': TRUSTED, 'partners.txt': PARTNERS, ...options.files } });
  const code = await run(argv, io);
  return { code, out: io.stdout.text(), err: io.stderr.text() };
}

/** The library's own answer, for comparison. */
const detector = createDetector([...parseTrustedList(TRUSTED, { file: 'trusted.txt' }), ...parseTrustedList(PARTNERS, { file: 'partners.txt' })]);

describe('sosie check: readable output', () => {
  it('prints the verdict, score, matched entry with FILE:LINE, and each reason on its own line', async () => {
    const sender = 'billing@rnicros0ft-billing.co';
    const { code, out } = await cli(['check', '--trusted', 'trusted.txt', sender]);
    const expected = detector.check(sender);
    const lines = out.split('\n');
    expect(lines[0]).toBe(`LOOKALIKE  ${expected.score.toFixed(2)}  ${sender}`);
    expect(lines[1]).toBe('  imitates microsoft.com (trusted entry "microsoft.com", trusted.txt:5)');
    expect(lines.slice(2, 2 + expected.reasons.length)).toEqual(expected.reasons.map((r) => `  - ${r.code}: ${r.message}`));
    expect(code).toBe(1);
  });

  it('locates entries across several --trusted files', async () => {
    const { out, code } = await cli(['check', '-t', 'trusted.txt', '-t', 'partners.txt', 'ap@fabrikam.co.uk', 'x@paypa1.com']);
    expect(out).toContain('TRUSTED  0.00  ap@fabrikam.co.uk\n  trusted as fabrikam.co.uk (trusted entry "fabrikam.co.uk", partners.txt:2)');
    expect(out).toContain('imitates paypal.com (trusted entry "paypal.com", partners.txt:3)');
    expect(out.split('\n\n')).toHaveLength(2);
    expect(code).toBe(1);
  });

  it('shows hidden characters as <U+XXXX> instead of writing them to the terminal', async () => {
    const { out } = await cli(['check', '-t', 'trusted.txt', 'ap\u202e@contoso.com']);
    expect(out).toContain('ap<U+202E>@contoso.com');
    expect(out).not.toContain('\u202e');
  });

  it.each([
    { description: 'colours on a terminal', env: {}, tty: true, coloured: true },
    { description: 'no colour with NO_COLOR', env: { NO_COLOR: 'yes' }, tty: true, coloured: false },
    { description: 'no colour on a pipe', env: {}, tty: false, coloured: false },
  ])('$description', async ({ env, tty, coloured }) => {
    const { out } = await cli(['check', '-t', 'trusted.txt', 'x@c0ntoso.com'], { env, stdout: { isTTY: tty } });
    expect(out.includes('\u001b[')).toBe(coloured);
  });
});

describe('sosie check --json', () => {
  it('prints one parseable JSON CheckResult per line, equal to the library result', async () => {
    const senders = ['"Ana Pereira" <ana.pereira@c0ntoso.com>', 'ap@contoso.com', 'garbage', 'a@contoso.com, b@paypa1.com'];
    const { out, code } = await cli(['check', '-t', 'trusted.txt', '-t', 'partners.txt', '--json', ...senders]);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(senders.length);
    lines.forEach((line, i) => {
      expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(detector.check(senders[i]!))));
    });
    expect(out).not.toContain('\u001b[');
    expect(code).toBe(1);
  });

  it('never colours JSON, even on a terminal', async () => {
    const { out } = await cli(['check', '-t', 'trusted.txt', '--json', 'x@c0ntoso.com'], { stdout: { isTTY: true } });
    expect(() => JSON.parse(out)).not.toThrow();
  });
});

describe('sosie check: exit codes', () => {
  it.each([
    { description: '0 for a trusted sender', senders: ['ap@contoso.com'], code: 0 },
    { description: '0 for unknown and invalid senders', senders: ['news@github.com', 'not an address'], code: 0 },
    { description: '1 when one of several is a lookalike', senders: ['ap@contoso.com', 'ap@contoso.co'], code: 1 },
    { description: '1 for an impersonation', senders: ['"Ana Pereira" <ana.p@gmail.com>'], code: 1 },
    { description: '1 for a suspicious sender', senders: ['hello@bаnkofnowhere.com'], code: 1 },
  ])('$description', async ({ senders, code }) => {
    expect((await cli(['check', '-t', 'trusted.txt', ...senders])).code).toBe(code);
  });

  it.each([
    { description: 'an unparseable line', text: 'contoso.com\nthis is not a domain\n', line: 2 },
    { description: 'a public suffix', text: '# c\n\nco.uk\n', line: 3 },
    { description: 'an IP literal', text: 'ap@[192.0.2.1]', line: 1 },
  ])('exits 2 with FILE:LINE on a bad trusted line: $description', async ({ text, line }) => {
    const { code, out, err } = await cli(['check', '-t', 'trusted.txt', '-t', 'bad.txt', 'ap@contoso.com'], { files: { 'bad.txt': text } });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.startsWith(`bad.txt:${line}: `)).toBe(true);
    expect(err.split('\n')).toHaveLength(2);
  });

  it('exits 2 when a trusted file is missing', async () => {
    const { code, err } = await cli(['check', '-t', 'missing.txt', 'ap@contoso.com']);
    expect(code).toBe(2);
    expect(err).toBe('sosie: cannot read trusted list missing.txt: no such file or directory\n');
  });

  it('exits 2 without --trusted or without a sender', async () => {
    const noTrusted = await cli(['check', 'ap@contoso.com']);
    expect(noTrusted.code).toBe(2);
    expect(noTrusted.err).toContain('--trusted FILE is required');
    const noSender = await cli(['check', '-t', 'trusted.txt']);
    expect(noSender.code).toBe(2);
    expect(noSender.err).toContain("missing required argument 'sender'");
  });

  it('warns when the trusted files hold no entry, and still checks', async () => {
    const { code, out, err } = await cli(['check', '-t', 'empty.txt', 'ap@contoso.com'], { files: { 'empty.txt': '# nothing yet\n' } });
    expect(code).toBe(0);
    expect(out).toMatch(/^UNKNOWN/u);
    expect(err).toContain('warning: no trusted entries in empty.txt');
  });
});

describe('trustedInputText (entries named in messages)', () => {
  it.each([
    { description: 'a domain', input: { domain: 'contoso.com' }, expected: 'contoso.com' },
    { description: 'an address', input: { address: 'ap@contoso.com' }, expected: 'ap@contoso.com' },
    { description: 'an organisation', input: { domain: 'contoso.com', name: 'Contoso Ltd' }, expected: 'Contoso Ltd <contoso.com>' },
    { description: 'a contact', input: { address: 'ana@contoso.com', name: 'Ana Pereira' }, expected: 'Ana Pereira <ana@contoso.com>' },
    { description: 'a name needing quotes', input: { address: 'ana@contoso.com', name: 'Pereira, Ana "CFO"' }, expected: '"Pereira, Ana \\"CFO\\"" <ana@contoso.com>' },
  ])('$description', ({ input, expected }) => {
    expect(trustedInputText(input)).toBe(expected);
  });

  it('names the entry in trusted-list syntax in a compile error', async () => {
    const { err } = await cli(['check', '-t', 'bad.txt', 'x@y.com'], { files: { 'bad.txt': 'contoso.com\nAcme <co.uk>  # a public suffix\n' } });
    expect(err).toMatch(/^bad\.txt:2: "Acme <co\.uk>": .+\n$/u);
  });
});

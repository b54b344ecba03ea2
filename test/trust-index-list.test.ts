import { describe, expect, it } from 'vitest';
import { createDetector, tryCreateDetector } from '../src/detector';
import { parseTrustedList, TrustedListError } from '../src/trust-index';

describe('trusted-list file format', () => {
  it('reads domains, addresses, contacts, organisations, comments and blank lines', () => {
    const entries = parseTrustedList(
      ['# vendors', '', 'contoso.com   # our domain', 'ap@fabrikam.com', '"Ana Pereira" <ana@contoso.com>', 'Rui Pereira <rui@contoso.com>', 'Contoso Ltd <contoso.com>', '"Quoted # not a comment" <q@contoso.com>'].join('\r\n'),
      { file: 'list.txt' },
    );
    expect(entries).toEqual([
      { domain: 'contoso.com', source: 'contoso.com', line: 3, file: 'list.txt' },
      { address: 'ap@fabrikam.com', source: 'ap@fabrikam.com', line: 4, file: 'list.txt' },
      { address: 'ana@contoso.com', name: 'Ana Pereira', source: '"Ana Pereira" <ana@contoso.com>', line: 5, file: 'list.txt' },
      { address: 'rui@contoso.com', name: 'Rui Pereira', source: 'Rui Pereira <rui@contoso.com>', line: 6, file: 'list.txt' },
      { domain: 'contoso.com', name: 'Contoso Ltd', source: 'Contoso Ltd <contoso.com>', line: 7, file: 'list.txt' },
      { address: 'q@contoso.com', name: 'Quoted # not a comment', source: '"Quoted # not a comment" <q@contoso.com>', line: 8, file: 'list.txt' },
    ]);
  });

  it.each([
    { description: 'a sentence', text: 'contoso.com\nthis is not a domain', line: 2, code: 'unparseable-entry' },
    { description: 'a public suffix alone', text: 'contoso.com\n\nco.uk', line: 3, code: 'no-registrable-domain' },
    { description: 'an IP literal', text: 'ap@[192.0.2.1]', line: 1, code: 'ip-literal' },
    { description: 'an invalid hostname', text: '# x\nbad_host!.com', line: 2, code: 'invalid-domain' },
    { description: 'an over-long label', text: `${'a'.repeat(64)}.com`, line: 1, code: 'too-long' },
    { description: 'a hidden character', text: 'con\u200btoso.com', line: 1, code: 'invalid-domain' },
  ])('refuses $description with FILE:LINE', ({ text, line, code }) => {
    let error: unknown;
    try {
      createDetector(text, { file: 'trusted.txt' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TrustedListError);
    const e = error as TrustedListError;
    expect(e.code).toBe(code);
    expect(e.line).toBe(line);
    expect(e.message.startsWith(`trusted.txt:${line}: `)).toBe(true);
  });

  it('names object entries by their text form in sources and errors', () => {
    const d = createDetector([{ domain: 'contoso.com', name: 'Contoso Ltd' }, { address: 'ap@fabrikam.com' }]);
    expect(d.entries.map((e) => e.source)).toEqual(['Contoso Ltd <contoso.com>', 'ap@fabrikam.com']);
    const r = tryCreateDetector([{ domain: 'co.uk', line: 4, file: 'a.txt', source: 'co.uk' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('a.txt:4: "co.uk": the domain is a public suffix (or a single label) with no registrable part');
  });

  it('names the entry index for arrays', () => {
    const r = tryCreateDetector(['contoso.com', { domain: 'fabrikam.com' }, { domain: 42 } as never]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.index).toBe(2);
      expect(r.error.message).toContain('trusted entry #3');
    }
  });

  it('refuses an object whose address and domain disagree', () => {
    expect(() => createDetector([{ domain: 'contoso.com', address: 'ap@fabrikam.com' }])).toThrow(/not "contoso.com" or under it/u);
  });

  it('compiles hostile but valid entries correctly and keeps detectors apart', () => {
    const a = createDetector(['contoso.com', ...Array.from({ length: 100_000 }, () => 'fabrikam.com')]);
    const b = createDetector(['northwind.com']);
    expect(a.check('fabrikam.com').verdict).toBe('trusted');
    expect(b.check('fabrikam.com').verdict).toBe('unknown');
    expect(b.check('contoso.com').verdict).toBe('unknown');
    expect(() => createDetector(['__proto__'])).toThrow(TrustedListError);
    expect(() => createDetector(['constructor'])).toThrow(TrustedListError);
    expect(() => createDetector([''])).toThrow(TrustedListError);
    expect(() => createDetector(['x'.repeat(100_000)])).toThrow(TrustedListError);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('trusts an entry that is itself a private public suffix, and names under it', () => {
    const d = createDetector(['3utilities.com', 'contoso.github.io']);
    expect(d.check('x@3utilities.com').verdict).toBe('trusted');
    expect(d.check('x@host.3utilities.com').verdict).toBe('trusted');
    expect(d.check('x@contoso.github.io').verdict).toBe('trusted');
    expect(d.check('x@other.github.io').verdict).toBe('unknown');
  });

  it('accepts objects with ids and echoes them', () => {
    const d = createDetector([{ domain: 'contoso.com', id: 'vendor-17', name: 'Contoso Ltd' }]);
    expect(d.check('ap@c0ntoso.com').match?.entry.id).toBe('vendor-17');
  });
});

import { describe, expect, it } from 'vitest';
import { createDetector, type TrustedListInput } from '../src/detector';
import { TrustedListError } from '../src/trust-index';

// Hostile trusted lists (issue 5): each is either compiled correctly or refused with a
// TrustedListError that names the entry and where it is; nothing leaks across detectors or into
// Object.prototype.

interface Refused {
  readonly description: string;
  readonly trusted: TrustedListInput;
  /** Codes acceptable for the refusal (the detector may be more specific than we need). */
  readonly codes: readonly string[];
  /** Where the message must point. */
  readonly where: RegExp;
}

const refused: Refused[] = [
  { description: '__proto__ as a domain', trusted: ['__proto__'], codes: ['invalid-domain', 'no-registrable-domain'], where: /trusted entry #1/ },
  { description: '__proto__.com (underscore is not a hostname character)', trusted: ['contoso.com', '__proto__.com'], codes: ['invalid-domain'], where: /trusted entry #2/ },
  { description: 'constructor as a single label', trusted: ['constructor'], codes: ['no-registrable-domain', 'invalid-domain'], where: /trusted entry #1/ },
  { description: 'an object whose only key is __proto__ (from JSON.parse)', trusted: [JSON.parse('{"__proto__": {"domain": "evil.com"}}') as object], codes: ['empty-entry'], where: /trusted entry #1/ },
  { description: 'empty string', trusted: ['contoso.com', ''], codes: ['empty-entry'], where: /trusted entry #2/ },
  { description: 'blank string', trusted: ['   '], codes: ['empty-entry'], where: /trusted entry #1/ },
  { description: 'a 100,000-character line', trusted: [`${'a'.repeat(100_000)}.com`], codes: ['unparseable-entry', 'too-long'], where: /trusted entry #1/ },
  { description: 'a 64-character label (RFC 1035 limit is 63)', trusted: [`${'a'.repeat(64)}.com`], codes: ['too-long', 'invalid-domain'], where: /trusted entry #1/ },
  { description: 'a very long line in a text list, with its line number', trusted: `contoso.com\n\n${'x'.repeat(5_000)}.com\n`, codes: ['unparseable-entry', 'too-long'], where: /trusted list:3/ },
  { description: 'null entry', trusted: [null as unknown as string], codes: ['not-a-string-or-object'], where: /trusted entry #1/ },
  { description: 'number entry', trusted: [42 as unknown as string], codes: ['not-a-string-or-object'], where: /trusted entry #1/ },
  { description: 'nested array entry', trusted: [['contoso.com'] as unknown as string], codes: ['not-a-string-or-object'], where: /trusted entry #1/ },
  { description: 'object with a non-string domain', trusted: [{ domain: 5 as unknown as string }], codes: ['not-a-string-or-object'], where: /trusted entry #1/ },
  { description: 'object whose domain has a toString', trusted: [{ domain: { toString: () => 'contoso.com' } as unknown as string }], codes: ['not-a-string-or-object'], where: /trusted entry #1/ },
  { description: 'hole in a sparse array', trusted: [, 'contoso.com'] as unknown as string[], codes: ['not-a-string-or-object', 'empty-entry'], where: /trusted entry #1/ },
  { description: 'NUL inside a domain', trusted: ['conto\u0000so.com'], codes: ['invalid-domain'], where: /trusted entry #1/ },
  { description: 'bidi override inside a domain', trusted: ['conto\u202eso.com'], codes: ['invalid-domain'], where: /trusted entry #1/ },
  { description: 'a bare public suffix', trusted: ['co.uk'], codes: ['no-registrable-domain'], where: /trusted entry #1/ },
  { description: 'an IP address', trusted: ['192.0.2.1'], codes: ['ip-literal'], where: /trusted entry #1/ },
  { description: 'a list that is neither text nor an array', trusted: { domain: 'contoso.com' } as unknown as string[], codes: ['not-a-string-or-object'], where: /trusted list/ },
  { description: '__proto__ line in a text list', trusted: 'contoso.com\n__proto__\n', codes: ['invalid-domain', 'no-registrable-domain'], where: /trusted list:2/ },
];

describe('hostile trusted lists that must be refused', () => {
  it.each(refused)('$description', ({ trusted, codes, where }) => {
    let error: unknown;
    try {
      createDetector(trusted);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TrustedListError);
    const e = error as TrustedListError;
    expect(codes).toContain(e.code);
    expect(e.message).toMatch(where);
    expect(e.message.length).toBeLessThan(400); // a 100 kB entry is shown shortened
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

interface Compiled {
  readonly description: string;
  readonly trusted: TrustedListInput;
  readonly entries: number;
  readonly checks: readonly (readonly [sender: string, verdict: string])[];
}

const compiled: Compiled[] = [
  { description: 'constructor.com is an ordinary domain', trusted: ['constructor.com'], entries: 1, checks: [['ap@constructor.com', 'trusted'], ['ap@constructr.com', 'lookalike'], ['ap@contoso.com', 'unknown']] },
  { description: 'toString.com and hasOwnProperty.com', trusted: ['tostring.com', 'hasownproperty.com'], entries: 2, checks: [['x@toString.com', 'trusted'], ['x@hasownpropertty.com', 'lookalike'], ['x@valueof.com', 'unknown']] },
  { description: 'a JSON object with an own __proto__ key and a domain', trusted: [JSON.parse('{"__proto__": {"domain": "evil.com"}, "domain": "contoso.com"}') as object], entries: 1, checks: [['ap@contoso.com', 'trusted'], ['ap@evil.com', 'unknown']] },
  { description: 'contact named __proto__', trusted: ['"__proto__" <ap@contoso.com>'], entries: 1, checks: [['"__proto__" <x@gmail.com>', 'unknown'], ['ap@contoso.com', 'trusted']] },
  { description: 'contact named Constructor Prototype', trusted: ['Constructor Prototype <ap@contoso.com>'], entries: 1, checks: [['"Constructor Prototype" <x@gmail.com>', 'impersonation'], ['"constructor" <x@gmail.com>', 'unknown']] },
  { description: 'empty display name', trusted: ['"" <ap@contoso.com>'], entries: 1, checks: [['ap@contoso.com', 'trusted'], ['"" <x@gmail.com>', 'unknown']] },
  { description: 'organisation form with an empty name', trusted: ['<contoso.com>'], entries: 1, checks: [['ap@contoso.com', 'trusted']] },
  { description: 'comments, blank lines, CRLF and a BOM in a text list', trusted: '\ufeff# vendors\r\n\r\ncontoso.com # ours\r\n  \r\nfabrikam.com\r\n', entries: 2, checks: [['ap@fabrikam.com', 'trusted'], ['ap@fabrikarn.com', 'lookalike']] },
];

describe('hostile trusted lists that compile', () => {
  it.each(compiled)('$description', ({ trusted, entries, checks }) => {
    const detector = createDetector(trusted);
    expect(detector.entries).toHaveLength(entries);
    for (const [sender, verdict] of checks) expect(detector.check(sender).verdict, sender).toBe(verdict);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('100,000 duplicates of one domain compile and behave like one entry', () => {
    const detector = createDetector(Array.from({ length: 100_000 }, () => 'contoso.com'));
    const single = createDetector(['contoso.com']);
    for (const sender of ['ap@contoso.com', 'ap@c0ntoso.com', 'ap@contoso-invoices.com', 'ap@example.org']) {
      const a = detector.check(sender);
      const b = single.check(sender);
      expect([a.verdict, a.score, a.match?.domain], sender).toEqual([b.verdict, b.score, b.match?.domain]);
    }
  });

  it('100,000 distinct entries in a text list compile', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `vendor${i}.com`).join('\n');
    const detector = createDetector(text);
    expect(detector.entries).toHaveLength(100_000);
    expect(detector.check('ap@vendor99999.com').verdict).toBe('trusted');
    expect(detector.check('ap@contoso.com').verdict).toBe('unknown');
  });
});

describe('isolation between detectors', () => {
  it('options of one detector do not affect another', () => {
    const withWord = createDetector(['contoso.com'], { words: ['kyc'] });
    const plain = createDetector(['contoso.com']);
    const codesOf = (d: typeof plain, s: string): string[] => d.check(s).reasons.map((r) => r.code);
    expect(codesOf(withWord, 'ap@contoso-kyc.com')).toContain('combo');
    expect(codesOf(plain, 'ap@contoso-kyc.com')).not.toContain('combo');
    // and again after the other detector ran, in the other order
    expect(codesOf(withWord, 'ap@contosokyc.com')).toContain('combo');
    expect(plain.check('ap@contosokyc.com').verdict).toBe('unknown');
  });

  it('a shared-provider option stays with its detector', () => {
    const shared = createDetector(['"Kim Lee" <kim@mailhost-fabrikam.com>'], { sharedProviders: ['mailhost-fabrikam.com'] });
    const normal = createDetector(['"Kim Lee" <kim@mailhost-fabrikam.com>']);
    expect(shared.check('other@mailhost-fabrikam.com').verdict).toBe('unknown');
    expect(normal.check('other@mailhost-fabrikam.com').verdict).toBe('trusted');
  });

  it('interleaved checks give the same results as fresh detectors', () => {
    const listA = ['contoso.com', '"Ana Pereira" <ana.pereira@contoso.com>'];
    const listB = ['fabrikam.com', 'northwindtraders.com'];
    const senders = ['ap@c0ntoso.com', 'ap@fabrikarn.com', '"Ana Pereira" <x@gmail.com>', 'ap@northwindtrader.com', 'ap@contoso.com', 'ap@fabrikam.com'];
    const a = createDetector(listA);
    const b = createDetector(listB);
    const interleaved = senders.flatMap((s) => [JSON.stringify(a.check(s)), JSON.stringify(b.check(s))]);
    const fresh = senders.flatMap((s) => [JSON.stringify(createDetector(listA).check(s)), JSON.stringify(createDetector(listB).check(s))]);
    expect(interleaved).toEqual(fresh);
  });

  it('changing the input list after compiling changes nothing', () => {
    const list = ['contoso.com'];
    const detector = createDetector(list);
    list[0] = 'evil.com';
    list.push('fabrikam.com');
    expect(detector.check('ap@contoso.com').verdict).toBe('trusted');
    expect(detector.check('ap@evil.com').verdict).toBe('unknown');
    expect(detector.entries).toHaveLength(1);
  });

  it('compiled entries are frozen', () => {
    const detector = createDetector(['contoso.com']);
    expect(Object.isFrozen(detector.entries[0])).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { createDetector } from '../src/detector';
import { codes, detector, expectCase, type DetectorCase } from './helpers/detector';

// One table per family of reason codes; each row is a realistic sender with what must be reported.

const trusted: DetectorCase[] = [
  { description: 'exact trusted domain', sender: 'contoso.com', verdict: 'trusted', match: 'contoso.com', codes: ['trusted-domain'] },
  { description: 'address at a trusted domain, case and trailing dot folded', sender: 'AP@Contoso.COM.', verdict: 'trusted', match: 'contoso.com' },
  { description: 'subdomain of a trusted domain', sender: 'billing@eu.mail.contoso.com', verdict: 'trusted', match: 'contoso.com' },
  { description: 'plus tag makes no difference', sender: 'ana.pereira+invoices@contoso.com', verdict: 'trusted' },
  { description: 'full From header with display name', sender: '"Ana Pereira" <ana.pereira@contoso.com>', verdict: 'trusted' },
  { description: 'trusted .co.uk partner', sender: 'sales@northwind-traders.co.uk', verdict: 'trusted', match: 'northwind-traders.co.uk' },
  { description: 'trusted IDN written in punycode', sender: 'info@xn--mnchen-bau-9db.de', verdict: 'trusted', match: 'münchen-bau.de' },
  { description: 'trusted IDN written in Unicode', sender: 'info@MÜNCHEN-BAU.de', verdict: 'trusted' },
  { description: 'trusted address at a freemail provider', sender: 'Bob Smith <Bob.Smith@gmail.com>', verdict: 'trusted', codes: ['trusted-address'] },
  { description: 'another address at that provider is not trusted', sender: 'mallory@gmail.com', verdict: 'unknown' },
];

const visual: DetectorCase[] = [
  { description: 'digit zero for o', sender: 'ap@c0ntoso.com', verdict: 'lookalike', codes: ['homoglyph'], match: 'contoso.com' },
  { description: 'Cyrillic о inside a Latin label', sender: 'ap@contоso.com', verdict: 'lookalike', codes: ['homoglyph', 'mixed-script'], match: 'contoso.com' },
  { description: 'Greek ο inside a Latin label', sender: 'ap@cοntoso.com', verdict: 'lookalike', codes: ['homoglyph', 'mixed-script'], match: 'contoso.com' },
  { description: 'Cyrillic с and о with Latin n, t', sender: 'ap@соntоsо.com', verdict: 'lookalike', codes: ['homoglyph', 'mixed-script'], match: 'contoso.com' },
  { description: 'all-Cyrillic label that reads as apple', sender: 'id@аррӏе.com', verdict: 'lookalike', codes: ['homoglyph', 'whole-script'], match: 'apple.com' },
  { description: 'rn for m', sender: 'billing@rnicrosoft.com', verdict: 'lookalike', codes: ['homoglyph'], match: 'microsoft.com' },
  { description: 'vv for w', sender: 'alerts@vvellsfargo.com', verdict: 'lookalike', codes: ['homoglyph'], match: 'wellsfargo.com' },
  { description: 'cl for d', sender: 'no-reply@clropbox.com', verdict: 'lookalike', codes: ['homoglyph'], match: 'dropbox.com' },
  { description: 'capital I for l', sender: 'service@paypaI.com', verdict: 'lookalike', codes: ['homoglyph'], match: 'paypal.com' },
  { description: 'digit 1 for l', sender: 'service@paypa1.com', verdict: 'lookalike', codes: ['homoglyph'], match: 'paypal.com' },
  { description: 'accented Latin (diacritic)', sender: 'ap@cöntoso.com', verdict: 'lookalike', codes: ['diacritic'], notCodes: ['homoglyph'], match: 'contoso.com' },
  { description: 'punycode form of a homoglyph domain', sender: 'ap@xn--cntoso-wxa.com', verdict: 'lookalike', codes: ['diacritic'], match: 'contoso.com' },
];

const typos: DetectorCase[] = [
  { description: 'omission', sender: 'ap@contso.com', verdict: 'lookalike', codes: ['omission'], match: 'contoso.com' },
  { description: 'insertion', sender: 'ap@contoaso.com', verdict: 'lookalike', codes: ['insertion'], match: 'contoso.com' },
  { description: 'replacement by a neighbouring key', sender: 'ap@contpso.com', verdict: 'lookalike', codes: ['replacement'], match: 'contoso.com' },
  { description: 'transposition', sender: 'ap@cnotoso.com', verdict: 'lookalike', codes: ['transposition'], match: 'contoso.com' },
  { description: 'repetition', sender: 'ap@conttoso.com', verdict: 'lookalike', codes: ['repetition', 'insertion'], match: 'contoso.com' },
  { description: 'hyphenation', sender: 'ap@con-toso.com', verdict: 'lookalike', codes: ['hyphenation'], match: 'contoso.com' },
  { description: 'vowel swap', sender: 'ap@contuso.com', verdict: 'lookalike', codes: ['vowel-swap', 'replacement'], match: 'contoso.com' },
  { description: 'bit flip c→k', sender: 'billing@mikrosoft.com', verdict: 'lookalike', codes: ['bitsquat'], match: 'microsoft.com' },
  { description: 'two edits on a long label', sender: 'alerts@welsfarrgo.com', verdict: 'lookalike', codes: ['omission'], match: 'wellsfargo.com' },
  { description: 'an -es plural is two insertions but one technique', sender: 'ap@dropboxes.com', verdict: 'lookalike', codes: ['insertion'], match: 'dropbox.com' },
  { description: 'a plural of a 3-letter label is not a lookalike', sender: 'info@upses.com', verdict: 'unknown' },
  { description: 'a different 3-letter brand is not a lookalike', sender: 'info@ubs.com', verdict: 'unknown' },
  { description: 'one edit on a 3-letter label is not a lookalike', sender: 'info@ups.net.example', verdict: 'unknown' },
  { description: 'two edits on a 7-letter label is not a lookalike', sender: 'info@cantasa.com', verdict: 'unknown' },
];

const structure: DetectorCase[] = [
  { description: 'same label under .co', sender: 'ap@contoso.co', verdict: 'lookalike', codes: ['tld-swap'], match: 'contoso.com' },
  { description: 'same label under .com.co', sender: 'ap@contoso.com.co', verdict: 'lookalike', codes: ['tld-swap'], match: 'contoso.com' },
  { description: 'trusted suffix written with a hyphen', sender: 'ap@contoso-com.net', verdict: 'lookalike', codes: ['tld-swap'], match: 'contoso.com' },
  { description: '.co.uk partner under .com', sender: 'sales@northwind-traders.com', verdict: 'lookalike', codes: ['tld-swap'], match: 'northwind-traders.co.uk' },
  { description: 'trusted domain as a subdomain of another', sender: 'ap@contoso.com.secure-pay.net', verdict: 'lookalike', codes: ['subdomain-embedding'], match: 'contoso.com' },
  { description: 'trusted domain spanning into the registrable label', sender: 'nfe@fabrikam.com.br.biz', verdict: 'lookalike', codes: ['subdomain-embedding'], match: 'fabrikam.com.br' },
  { description: 'typo explained as a replacement, not a partial cl/d homoglyph', sender: 'ap@dropbix.com', verdict: 'lookalike', codes: ['replacement'], notCodes: ['homoglyph'], match: 'dropbox.com' },
  { description: 'a doubled m is one edit', sender: 'ap@microsofft.com', verdict: 'lookalike', codes: ['repetition'], match: 'microsoft.com' },
  { description: 'brand token inside another label', sender: 'ap@login-contoso.net', verdict: 'lookalike', codes: ['subdomain-embedding', 'combo'], match: 'contoso.com' },
  { description: 'brand plus word with hyphen', sender: 'ap@contoso-invoices.com', verdict: 'lookalike', codes: ['combo'], match: 'contoso.com' },
  { description: 'brand plus word without hyphen', sender: 'ap@contosopayments.com', verdict: 'lookalike', codes: ['combo'], match: 'contoso.com' },
  { description: 'dot inserted into the label', sender: 'ap@cont.oso.com', verdict: 'lookalike', codes: ['dot-insertion'], match: 'contoso.com' },
  { description: 'composed: rn, zero, combo and suffix', sender: 'billing@rnicros0ft-billing.co', verdict: 'lookalike', codes: ['homoglyph', 'combo', 'tld-swap'], match: 'microsoft.com' },
  { description: 'unrelated domain with a brand-like word is not flagged', sender: 'news@pineapple-farms.com', verdict: 'unknown' },
];

const names: DetectorCase[] = [
  { description: 'trusted contact name from gmail', sender: '"Ana Pereira" <ana.pereira.contoso@gmail.com>', verdict: 'impersonation', codes: ['display-name', 'freemail'], match: 'contoso.com' },
  { description: 'Last, First order, upper case and accents folded', sender: '"PEREÍRA, Ana" <ceo.office@protonmail.com>', verdict: 'impersonation', codes: ['display-name'], match: 'contoso.com' },
  { description: 'RFC 2047 encoded display name', sender: '=?utf-8?B?QW5hIFBlcmVpcmE=?= <urgent@outlook.com>', verdict: 'impersonation', codes: ['display-name'] },
  { description: 'organisation name in the display name', sender: '"Contoso Billing" <billing@invoices-mail.net>', verdict: 'impersonation', codes: ['display-name'], match: 'contoso.com' },
  { description: 'trusted address written as the display name', sender: '"ana.pereira@contoso.com" <x@mailer.example.net>', verdict: 'impersonation', codes: ['display-name'], match: 'contoso.com' },
  { description: 'the contact writing from her own domain is fine', sender: 'Ana Pereira <ana.pereira@contoso.com>', verdict: 'trusted' },
  { description: 'a first name alone is not an impersonation', sender: '"Ana" <ana@example.org>', verdict: 'unknown' },
  { description: 'display name on a lookalike domain adds to the lookalike', sender: '"Ana Pereira" <ana.pereira@c0ntoso.com>', verdict: 'lookalike', codes: ['homoglyph', 'display-name'] },
];

const hidden: DetectorCase[] = [
  { description: 'zero-width space in a trusted domain', sender: 'ap@con\u200Btoso.com', verdict: 'lookalike', codes: ['invisible-char'], match: 'contoso.com' },
  { description: 'soft hyphen in a trusted domain', sender: 'ap@pay\u00ADpal.com', verdict: 'lookalike', codes: ['invisible-char'], match: 'paypal.com' },
  { description: 'bidi override in the local part of a trusted domain', sender: 'ap\u202E@contoso.com', verdict: 'lookalike', codes: ['bidi-control'] },
  { description: 'invisible character with no trusted target', sender: 'info@exam\u200Bple.org', verdict: 'suspicious', codes: ['invisible-char'] },
  { description: 'mixed-script label with no trusted target', sender: 'info@gооgle.com', verdict: 'suspicious', codes: ['mixed-script'] },
  { description: 'whole-script confusable with no trusted target', sender: 'info@сосо.com', verdict: 'suspicious', codes: ['whole-script'] },
  { description: 'a real Cyrillic domain is not suspicious', sender: 'info@пример.рф', verdict: 'unknown' },
];

const invalid: DetectorCase[] = [
  { description: 'empty', sender: '', verdict: 'invalid', codes: ['empty'] },
  { description: 'IP literal', sender: 'root@[192.0.2.1]', verdict: 'invalid', codes: ['ip-literal'] },
  { description: 'address too long', sender: `${'a'.repeat(300)}@contoso.com`, verdict: 'invalid', codes: ['too-long'] },
  { description: 'bad hostname', sender: 'x@-bad-.com', verdict: 'invalid', codes: ['invalid-domain'] },
];

describe.each([
  ['trusted', trusted],
  ['visual lookalikes', visual],
  ['typos', typos],
  ['structure', structure],
  ['display names', names],
  ['hidden characters and scripts', hidden],
  ['invalid input', invalid],
] as const)('%s', (_name, table) => {
  it.each(table)('$description', (c) => {
    expectCase(c);
  });
});

describe('explanations', () => {
  it('names the code point and script of a homoglyph', () => {
    const r = detector.check('ap@contоso.com');
    const h = r.reasons.find((x) => x.code === 'homoglyph')!;
    expect(h.message).toContain('U+043E');
    expect(h.message).toContain('Cyrillic');
    expect(h.message).toContain('contoso.com');
    expect(h['position']).toBe(4);
  });
  it('gives transposition positions', () => {
    const r = detector.check('ap@cnotoso.com');
    const t = r.reasons.find((x) => x.code === 'transposition')!;
    expect(t['positions']).toEqual([1, 2]);
  });
  it('notes keyboard adjacency for a replacement', () => {
    const r = detector.check('ap@contpso.com');
    const t = r.reasons.find((x) => x.code === 'replacement')!;
    expect(t['keyboard']).toEqual(expect.arrayContaining(['qwerty']));
  });
  it('takes the worst of several mailboxes', () => {
    const r = detector.check('ap@contoso.com, "Helpdesk" <help@c0ntoso.com>');
    expect(r.verdict).toBe('lookalike');
    expect(r.mailboxes).toHaveLength(2);
    expect(r.mailboxes?.[0]?.verdict).toBe('trusted');
  });
  it('scores a homoglyph above a combo and a combo above nothing', () => {
    const a = detector.check('ap@c0ntoso.com').score;
    const b = detector.check('ap@contoso-invoices.com').score;
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(0.5);
    expect(detector.check('example.org').score).toBe(0);
  });
  it('reports the parsed sender parts', () => {
    const r = detector.check('"Ana" <Ana.Pereira+x@Mail.Contoso.CO.UK>');
    expect(r.sender).toMatchObject({
      displayName: 'Ana',
      normalizedLocalPart: 'ana.pereira',
      domain: 'mail.contoso.co.uk',
      registrableDomain: 'contoso.co.uk',
      publicSuffix: 'co.uk',
      subdomain: 'mail',
      label: 'contoso',
    });
    expect(codes(r)).toContain('tld-swap');
  });
});

describe('emoji in display names', () => {
  it.each([
    { description: 'family emoji with zero-width joiners', sender: '"Rita 👨\u200D👩\u200D👧 Lopes" <rita@example.org>' },
    { description: 'heart with variation selector 16', sender: '"Team ❤\uFE0F" <team@example.org>' },
  ])('$description is not a hidden character', ({ sender }) => {
    expect(detector.check(sender).verdict).toBe('unknown');
  });
  it('a joiner between letters is still reported', () => {
    expect(codes(detector.check('"Ana\u200DPereira" <x@example.org>'))).toContain('invisible-char');
  });
});

describe('a whole trusted host written with hyphens', () => {
  // Trusted hosts of three or more labels (a partner's mail host, a cloud tenant) spelled as one label.
  const hostDetector = createDetector(['r2.dns-cloud.net', 'eu.fabrikam.com.br', 'contoso.com']);
  const check = (s: string) => hostDetector.check(s);
  it.each<DetectorCase>([
    { description: 'subdomain, hyphenated label and suffix', sender: 'ap@r2-dns-cloud-net.work', verdict: 'lookalike', codes: ['tld-swap'], match: 'r2.dns-cloud.net' },
    { description: 'two-label public suffix', sender: 'ap@eu-fabrikam-com-br.net', verdict: 'lookalike', codes: ['tld-swap'], match: 'eu.fabrikam.com.br' },
    { description: 'only part of the host is not this technique', sender: 'ap@r2-dns-cloud.work', verdict: 'unknown' },
  ])('$description', (c) => {
    const r = expectCase(c, check);
    if (c.verdict === 'lookalike') {
      const messages = r.reasons.filter((x) => x.code === 'tld-swap').map((x) => x.message);
      expect(messages.some((m) => m.includes(`writes the trusted host ${c.match} into its label with hyphens`))).toBe(true);
    }
  });
});

describe('a whole trusted host written with hyphens, in a subdomain', () => {
  const hostDetector = createDetector(['r2.dns-cloud.net', 'contoso.com']);
  it.each<DetectorCase>([
    { description: 'hyphenated host in front of an unrelated domain', sender: 'ap@r2-dns-cloud-net.evil-mail.com', verdict: 'lookalike', codes: ['subdomain-embedding'], match: 'r2.dns-cloud.net' },
    { description: 'a partial host in a subdomain is not this technique', sender: 'ap@r2-dns.evil-mail.com', verdict: 'unknown' },
  ])('$description', (c) => {
    const r = expectCase(c, (s) => hostDetector.check(s));
    if (c.verdict === 'lookalike') expect(r.reasons.some((x) => x.message.includes("puts 'r2.dns-cloud.net'"))).toBe(true);
  });
});

// A list whose every label that allows an edit allows two (here: one long domain). The typo query
// used to make its one- and two-deletion probes only for queries within one edit of the shortest
// such label, so two omissions near the start of a 16-letter label went unseen.
describe('a list of long labels only (every label allowing edits allows two)', () => {
  const only = createDetector(['northwindtraders.com']);
  it.each([
    { description: 'two omissions near the start', sender: 'ap@nrthwndtraders.com', codes: ['omission'] },
    { description: 'two omissions at the end', sender: 'ap@northwindtrads.com', codes: ['omission'] },
    { description: 'one omission', sender: 'ap@nrthwindtraders.com', codes: ['omission'] },
    { description: 'omission and replacement near the start', sender: 'ap@nrthwimdtraders.com', codes: ['omission', 'replacement'] },
  ])('$description', ({ sender, codes: expected }) => {
    const r = only.check(sender);
    expect(r.verdict).toBe('lookalike');
    expect(r.match?.domain).toBe('northwindtraders.com');
    expect(codes(r)).toEqual(expect.arrayContaining(expected));
  });
});

/**
 * The library never reads a code unit outside its string (see src/parse/code-unit-at.ts): one such
 * read makes V8 deoptimise `codeUnitAt` on its bounds check and, from then on, call the generic
 * `charCodeAt` builtin at every inlined copy, in every caller. This runs realistic inputs through
 * every public entry point with `codeUnitAt` replaced by a copy that records out-of-range reads,
 * and expects none.
 */

import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const outOfRange = vi.hoisted(() => ({ reads: [] as string[] }));

vi.mock('../src/parse/code-unit-at', () => ({
  codeUnitAt(s: string, i: number): number {
    if (!(i >= 0 && i < s.length)) {
      const caller = (new Error().stack ?? '').split('\n')[2]?.trim() ?? '?';
      outOfRange.reads.push(`${JSON.stringify(s)}[${i}] ${caller}`);
    }
    return String.prototype.charCodeAt.call(s, i);
  },
}));

const { createDetector, decodeEncodedWords, generateVariants, parseSender, skeleton } = await import('../src');
const { senderStreams, trustedList, STREAM_GROUPS } = await import('../bench/data');

interface Attack {
  readonly trusted: readonly string[];
  readonly sender: string;
}

const attacks = readFileSync(new URL('../fixtures/attacks/attacks.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Attack);
const demoTrusted = readFileSync(new URL('../fixtures/demo/trusted.txt', import.meta.url), 'utf8');
const demoSenders = readFileSync(new URL('../fixtures/demo/senders.txt', import.meta.url), 'utf8').split('\n');

/** Inputs at the edges of the parsers' lookahead: a string ending where the next unit is read. */
const EDGES = [
  '',
  '=',
  '=?',
  'a@b=',
  'a=@b.com',
  '"Name" <a@b.com> =',
  '=?utf-8?Q?',
  '=?utf-8?Q?x?',
  '=?utf-8?Q?x?=',
  '=?utf-8?B?',
  '=?utf-8?',
  '=?u?Q??=',
  '"=?utf-8?Q?Ana?=" <ana@contoso.com>',
  '=?utf-8?Q?Ana?= <ana@contoso.com>',
  '@contoso.com',
  'a@',
  'contoso-billing.com',
  'billing-contoso.com',
  'contoso-.com',
  'xn--.com',
  'a@xn--80ak6aa92e.com',
  '+@contoso.com',
  '""@contoso.com',
];

describe('codeUnitAt is never asked for a unit outside its string', () => {
  beforeEach(() => {
    outOfRange.reads.length = 0;
  });

  it('by check() on every bench stream (1,000 trusted, every group)', () => {
    const list = trustedList(1000);
    const detector = createDetector(list.entries);
    const streams = senderStreams(list, 300);
    for (const g of STREAM_GROUPS) for (const s of streams[g]) detector.check(s);
    expect(outOfRange.reads.slice(0, 5)).toEqual([]);
  });

  it('by check() on the attack fixtures and the demo data', () => {
    for (const a of attacks) createDetector(a.trusted).check(a.sender);
    const demo = createDetector(demoTrusted);
    for (const s of demoSenders) demo.check(s);
    expect(outOfRange.reads.slice(0, 5)).toEqual([]);
  });

  it('by every entry point on inputs that end where a parser looks ahead', () => {
    const detector = createDetector(['contoso.com', 'Ana Pereira <ana@contoso.com>', 'billing.com']);
    for (const s of EDGES) {
      detector.check(s);
      parseSender(s);
      decodeEncodedWords(s);
      skeleton(s);
    }
    expect(outOfRange.reads.slice(0, 5)).toEqual([]);
  });

  it('by generateVariants', () => {
    for (const d of ['contoso.com', 'northwind-traders.co.uk', 'xn--80ak6aa92e.com']) {
      let n = 0;
      for (const _ of generateVariants(d)) n++;
      expect(n).toBeGreaterThan(0);
    }
    expect(outOfRange.reads.slice(0, 5)).toEqual([]);
  });

  it('the recorder itself sees an out-of-range read (so the tests above can fail)', async () => {
    const { codeUnitAt } = await import('../src/parse/code-unit-at');
    expect(codeUnitAt('ab', 2)).toBeNaN();
    expect(outOfRange.reads).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { createDetector } from '../src';
import { compileTrustedList } from '../src/trust-index';
import type { TrustedEntry } from '../src/types';

// Which trusted entry a lookalike result names when its label has several: one under the sender's
// suffix first, then an organisation's (not a shared-provider address), then the first listed.
describe('the entry a lookalike names', () => {
  it.each([
    { description: 'the one under the sender’s suffix', trusted: ['contoso.com', 'contoso.de'], sender: 'ap@c0ntoso.de', named: 'contoso.de' },
    { description: 'the first organisation entry when no entry has the sender’s suffix', trusted: ['contoso.com', 'contoso.de'], sender: 'ap@c0ntoso.fr', named: 'contoso.com' },
    { description: 'the first listed when all share a suffix', trusted: ['billing@contoso.com', 'contoso.com'], sender: 'ap@c0ntoso.com', named: 'billing@contoso.com' },
    { description: 'an organisation entry before a shared-provider address', trusted: ['ana@gmail.com', 'gmail.com'], sender: 'ap@gmai1.com', named: 'gmail.com' },
    { description: 'the first shared-provider address when there is nothing else', trusted: ['ana@gmail.com', 'bob@gmail.com'], sender: 'ap@gmai1.com', named: 'ana@gmail.com' },
  ])('$description', ({ trusted, sender, named }) => {
    const result = createDetector(trusted).check(sender);
    expect(result.verdict).toBe('lookalike');
    expect(result.match?.entry.source).toBe(named);
  });
});

/** The choice as a search over the label's entries (analyze-domain.ts pickEntry without the precomputed answer). */
function searched(list: readonly TrustedEntry[], suffix: string): TrustedEntry {
  return list.find((e) => e.suffix === suffix && !e.sharedProvider) ?? list.find((e) => !e.sharedProvider) ?? list[0]!;
}

describe('labelPreferred (compile.ts)', () => {
  it('is the searched choice for every label under one suffix, whatever the sender’s suffix', () => {
    const trusted = [
      'contoso.com', 'billing@contoso.com', 'contoso.de', 'ana@gmail.com', 'gmail.com', 'bob@yahoo.com', 'eve@yahoo.com',
      'fabrikam.co.uk', 'ap@fabrikam.co.uk', 'x@outlook.com', 'northwind.com', 'mail.northwind.com', 'münchen.de',
    ];
    const index = compileTrustedList(trusted);
    let checked = 0;
    index.labels.forEach((_, id) => {
      const list = index.labelEntries[id]!;
      const suffixes = new Set(list.map((e) => e.suffix));
      const preferred = index.labelPreferred[id];
      expect(preferred === undefined, index.labels[id]).toBe(suffixes.size > 1);
      if (preferred === undefined) return;
      for (const suffix of [...suffixes, 'example', 'co.uk']) expect(preferred).toBe(searched(list, suffix));
      checked++;
    });
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});

import { describe, expect, it } from 'vitest';
import { DetectorCache, loadAttacks, parseAttacks, rowDisagreement } from '../eval/attacks';

// The hand-curated attack fixture, table-driven: one test per row. A failure here is a detector
// bug (or a wrong row); rows are never weakened just to pass. See fixtures/attacks/README.md.

const rows = loadAttacks();
const detectors = new DetectorCache();

describe('attack fixture', () => {
  it('has a realistic number of rows in every group', () => {
    expect(rows.length).toBeGreaterThanOrEqual(80);
    const groups = new Map<string, number>();
    for (const r of rows) groups.set(r.group, (groups.get(r.group) ?? 0) + 1);
    for (const g of ['typo', 'homoglyph', 'punycode', 'combo', 'level-squat', 'tld-swap', 'display-name', 'encoded-name', 'hidden-char', 'composed', 'legit']) {
      expect(groups.get(g) ?? 0, g).toBeGreaterThanOrEqual(5);
    }
  });

  it.each(rows)('$group: $description', (row) => {
    const result = detectors.for(row).check(row.sender);
    expect(rowDisagreement(row, result)).toBeUndefined();
    for (const reason of result.reasons) {
      expect(reason['internal']).toBeUndefined();
      expect(typeof reason.message).toBe('string');
    }
  });
});

describe('fixture validation', () => {
  const good = { group: 'typo', description: 'a valid row for the parser', trusted: ['contoso.com'], sender: 'ap@contso.com', expect: 'lookalike', codes: ['omission'] };
  it.each([
    { description: 'not JSON', text: '{', error: /attacks.jsonl:1: not JSON/ },
    { description: 'unknown field', text: JSON.stringify({ ...good, extra: 1 }), error: /unknown field "extra"/ },
    { description: 'bad verdict', text: JSON.stringify({ ...good, expect: 'bad' }), error: /"expect" must be a verdict/ },
    { description: 'empty trusted list', text: JSON.stringify({ ...good, trusted: [] }), error: /"trusted" must be a non-empty array/ },
    { description: 'duplicate description', text: `${JSON.stringify(good)}\n${JSON.stringify(good)}`, error: /attacks.jsonl:2: duplicate description/ },
    { description: 'options other than words', text: JSON.stringify({ ...good, options: { minBrandLength: 1 } }), error: /"options" may only hold "words"/ },
  ])('refuses a row with $description', ({ text, error }) => {
    expect(() => parseAttacks(text)).toThrow(error);
  });
  it('reads a valid row with its line number, skipping blank lines', () => {
    const parsed = parseAttacks(`\n${JSON.stringify(good)}\n`);
    expect(parsed).toEqual([{ ...good, line: 2 }]);
  });
});

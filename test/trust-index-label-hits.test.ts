import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileTrustedList, LABEL_HITS_MIN_LABELS } from '../src/trust-index/compile';
import { queryDeleteIndex, type DeleteIndexHit } from '../src/trust-index/delete-index';
import { LABEL_HITS_MAX_POSTINGS, LABEL_HITS_MIN_KEY_LENGTH, labelHitsOf } from '../src/trust-index/label-hits';
import { foldPairs, typoKey } from '../src/trust-index/typo-key';

const require = createRequire(import.meta.url);
const disposable: string[] = require('disposable-email-domains');

// Labels that fold (rn, vv, cl), neighbours of one and two edits, and 3,000 real domains (a run of
// the sorted list: near neighbours sit together, such as the mail2… family).
const special = ['modern.com', 'modem.com', 'rnodern.net', 'rnailboxshop.com', 'mailboxshops.net', 'mallboxshop.org', 'vvaterworks.com', 'waterworks.com', 'clean-energy.com', 'northwind.com', 'northwnid.com', 'nortwind.com', 'northwindtraders.com', 'northwindtrader.com', 'northwlndtrader.com'];
const list = [...special, ...disposable.slice(60_000, 63_000)];
const index = compileTrustedList(list, { labelHits: true });

/** What the index answers for a label's key (or folded key), less the hits at distance 0. */
const queried = (q: string, cap: number): DeleteIndexHit[] => queryDeleteIndex(index.deletes, q, cap).filter((h) => h.distance > 0);

describe('precomputed label hits (label-hits.ts)', () => {
  it.each([
    { description: 'a label with one-edit neighbours', label: 'northwind', neighbours: true },
    { description: 'a long label with one-edit neighbours', label: 'northwindtraders', neighbours: true },
    { description: 'a label whose key folds (rn → m)', label: 'rnailboxshop', neighbours: true },
    { description: 'a label whose key folds (vv → w; waterworks shares its skeleton, so no hit)', label: 'vvaterworks', neighbours: false },
    { description: 'a hyphenated label whose key folds (cl → d)', label: 'clean-energy', neighbours: false },
  ])('$description: the index’s answer for its key and folded key (cap 1)', ({ label, neighbours }) => {
    const id = index.labels.indexOf(label);
    expect(id).toBeGreaterThanOrEqual(0);
    const key = typoKey(label);
    const folded = foldPairs(key);
    expect(labelHitsOf(index.labelHits!, id, false, 1)).toEqual(queried(key, 1));
    expect(labelHitsOf(index.labelHits!, id, true, 1)).toEqual(folded === key ? [] : queried(folded, 1));
    // Cap 2 is not precomputed: the caller queries the index.
    expect(labelHitsOf(index.labelHits!, id, false, 2)).toBeUndefined();
    // Neighbours through either key (those of a folding label are found through the folded one).
    expect(labelHitsOf(index.labelHits!, id, false, 1)!.length + labelHitsOf(index.labelHits!, id, true, 1)!.length > 0).toBe(neighbours);
  });

  it.each([
    { description: 'a label of 7 letters', label: 'rnodern' },
    { description: 'a label of 6 letters', label: 'modern' },
  ])('leaves out $description (its exact senders never query under another suffix)', ({ label }) => {
    const id = index.labels.indexOf(label);
    expect(typoKey(label).length).toBeLessThan(LABEL_HITS_MIN_KEY_LENGTH);
    expect(labelHitsOf(index.labelHits!, id, false, 1)).toBeUndefined();
    expect(labelHitsOf(index.labelHits!, id, true, 1)).toBeUndefined();
  });

  it('equals the index’s answer for every label of 8 or more units of a 3,000-entry list, both keys', () => {
    let hits = 0;
    let foldedLabels = 0;
    for (let id = 0; id < index.labels.length; id++) {
      const key = typoKey(index.labels[id]!);
      const folded = foldPairs(key);
      if (key.length < LABEL_HITS_MIN_KEY_LENGTH) {
        expect(labelHitsOf(index.labelHits!, id, false, 1), index.labels[id]).toBeUndefined();
        continue;
      }
      if (folded !== key) foldedLabels++;
      const own = labelHitsOf(index.labelHits!, id, false, 1);
      if (own === undefined) {
        // Only a label whose key (or folded key) is over the postings budget is left out.
        const over = (q: string): boolean => queryDeleteIndex(index.deletes, q, 1, LABEL_HITS_MAX_POSTINGS) === undefined;
        expect(over(key) || (folded !== key && over(folded)), index.labels[id]).toBe(true);
        continue;
      }
      expect(own, index.labels[id]).toEqual(queried(key, 1));
      expect(labelHitsOf(index.labelHits!, id, true, 1), index.labels[id]).toEqual(folded === key ? [] : queried(folded, 1));
      expect(labelHitsOf(index.labelHits!, id, false, 2)).toBeUndefined();
      hits += own.length;
    }
    expect(hits).toBeGreaterThan(100);
    expect(foldedLabels).toBeGreaterThan(20);
  });

  it('leaves out labels whose keys are too dense to precompute (their senders query the index)', () => {
    // Every key of vendor1… is shared by hundreds of the 2,000 labels.
    const vendors = compileTrustedList(Array.from({ length: 2000 }, (_, i) => `vendor${i}.com`), { labelHits: true });
    const dense = vendors.labels.indexOf('vendor1234');
    expect(queryDeleteIndex(vendors.deletes, typoKey('vendor1234'), 1, LABEL_HITS_MAX_POSTINGS)).toBeUndefined();
    expect(labelHitsOf(vendors.labelHits!, dense, false, 1)).toBeUndefined();
    expect(labelHitsOf(vendors.labelHits!, dense, true, 1)).toBeUndefined();
  });

  it('is built on large lists by default, and never for the reference mode or small lists', () => {
    expect(LABEL_HITS_MIN_LABELS).toBe(32_768);
    expect(compileTrustedList(list).labelHits).toBeUndefined();
    expect(compileTrustedList(list, { reference: true, labelHits: true }).labelHits).toBeUndefined();
  });
});

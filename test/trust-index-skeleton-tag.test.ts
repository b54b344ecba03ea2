import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { skeleton } from '../src/skeleton';
import { compileTrustedList } from '../src/trust-index/compile';
import { skeletonTag, taggedAsciiLabel, taggedLabel, taggedOwnSkeleton } from '../src/trust-index/skeleton-tag';
import { StringTable } from '../src/trust-index/string-table';

const require = createRequire(import.meta.url);
const disposable: string[] = require('disposable-email-domains');

describe('skeleton tags: one label id, whether the label is its own skeleton, whether it is ASCII', () => {
  const labels = ['contoso', 'modern', 'modem', 'paypa1', 'bücher', 'northwind'];
  it.each([
    { description: 'a label that is its own skeleton', id: 0, own: true, ascii: true },
    { description: 'a label whose m and d the skeleton rewrites (rn, cl)', id: 1, own: false, ascii: true },
    { description: 'a label with a digit that reads as a letter', id: 3, own: false, ascii: true },
    { description: 'a label that is not ASCII', id: 4, own: false, ascii: false },
    { description: 'the last label of the list', id: 5, own: false, ascii: true },
  ])('$description', ({ id, own, ascii }) => {
    const tag = skeletonTag([id], skeleton(labels[id]!), labels);
    expect(tag).toBeGreaterThan(0);
    expect(taggedLabel(tag)).toBe(id);
    expect(taggedOwnSkeleton(tag)).toBe(own);
    expect(taggedAsciiLabel(tag)).toBe(ascii);
  });

  it.each([
    { description: 'two labels with one skeleton', ids: [1, 2] },
    { description: 'three labels with one skeleton', ids: [0, 1, 2] },
  ])('is 0 (read the ids) for $description', ({ ids }) => {
    expect(skeletonTag(ids, skeleton('modern'), labels)).toBe(0);
  });

  it('holds the largest label id the delete index allows as a positive integer', () => {
    const id = 2 ** 21 - 2;
    const many: string[] = [];
    many[id] = 'x';
    const tag = skeletonTag([id], 'x', many);
    expect(tag).toBeGreaterThan(0);
    expect(taggedLabel(tag)).toBe(id);
    expect(taggedOwnSkeleton(tag)).toBe(true);
    expect(taggedAsciiLabel(tag)).toBe(true);
  });
});

describe('the skeleton table of a large list', () => {
  // modern/modem share a skeleton (rnoclern); no label with m, d or i is its own skeleton.
  const index = compileTrustedList(['modern.com', 'modem.net', 'rnicrosoft.com', 'contoso.com', ...disposable.slice(0, 5000)]);
  const small = compileTrustedList(['modern.com', 'modem.net', 'contoso.com']);

  it('is the skeleton map itself, a StringTable, on large lists only', () => {
    expect(index.skeletonTable).toBeInstanceOf(StringTable);
    expect(index.skeletonTable).toBe(index.skeletonIds);
    expect(small.skeletonTable).toBeUndefined();
  });

  it('tags every skeleton of one label with that label, and the others 0', () => {
    const table = index.skeletonTable!;
    let single = 0;
    let notOwn = 0;
    for (const [sk, ids] of index.skeletonIds) {
      const at = table.indexOf(sk);
      expect(at, sk).toBeGreaterThanOrEqual(0);
      expect(table.valueAt(at)).toEqual(ids);
      const tag = table.lastTag;
      if (ids.length !== 1) {
        expect(tag, sk).toBe(0);
        continue;
      }
      single++;
      expect(taggedLabel(tag), sk).toBe(ids[0]);
      expect(taggedOwnSkeleton(tag), sk).toBe(index.labels[ids[0]!] === sk);
      expect(taggedAsciiLabel(tag), sk).toBe(/^[a-z0-9-]*$/.test(index.labels[ids[0]!]!));
      if (!taggedOwnSkeleton(tag)) notOwn++;
    }
    // Almost every skeleton names one label: the tag answers for it.
    expect(single).toBeGreaterThan(0.95 * index.skeletonIds.size);
    expect(notOwn).toBeGreaterThan(0);
    expect(table.indexOf(skeleton('modem'))).toBeGreaterThanOrEqual(0);
    expect(table.lastTag).toBe(0);
  });
});

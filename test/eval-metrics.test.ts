import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/types';
import { byCode, byTechnique, confusionOf, judge, rates, type Example } from '../eval/metrics';
import { relationOf } from '../eval/negatives';
import { hash32, hashOrder, splitOf } from '../eval/seed';
import { pickBest, pickBestRecallAtBound, TUNING_GRID } from '../eval/tuning';

// The arithmetic behind every figure `npm run eval` prints.

const result = (verdict: CheckResult['verdict'], codes: string[] = [], match?: string): CheckResult =>
  ({
    input: 'x',
    verdict,
    score: verdict === 'lookalike' ? 0.9 : 0,
    reasons: codes.map((code) => ({ code, message: `because ${code}` })),
    ...(match === undefined ? {} : { match: { domain: match, similarity: 1, entry: {} } }),
  }) as unknown as CheckResult;

const positive = (technique: string, codes: string[], target = 'contoso.com', sameBrand?: string[]): Example => ({
  id: `${technique}:${target}`,
  source: 'generator',
  split: 'test',
  sender: 'ap@x',
  positive: true,
  target,
  ...(sameBrand === undefined ? {} : { sameBrand }),
  technique,
  expectedCodes: codes,
});
const negative: Example = { id: 'n', source: 'unrelated', split: 'test', sender: 'info@y', positive: false, technique: 'unrelated', expectedCodes: [] };

describe('judging one result', () => {
  it.each([
    { description: 'positive flagged with its target is a hit', example: positive('omission', ['omission']), r: result('lookalike', ['omission'], 'contoso.com'), kind: 'hit' },
    { description: 'positive flagged with a same-label trusted domain is a hit', example: positive('tld-swap', ['tld-swap'], 'contoso.com', ['contoso.de']), r: result('lookalike', ['tld-swap'], 'contoso.de'), kind: 'hit' },
    { description: 'positive flagged with another target is a miss', example: positive('omission', ['omission']), r: result('lookalike', ['omission'], 'fabrikam.com'), kind: 'wrong-target' },
    { description: 'positive flagged suspicious has no target', example: positive('homoglyph', ['homoglyph']), r: result('suspicious', ['mixed-script']), kind: 'no-target' },
    { description: 'positive unknown is missed', example: positive('omission', ['omission']), r: result('unknown'), kind: 'missed' },
    { description: 'positive trusted is missed', example: positive('omission', ['omission']), r: result('trusted', [], 'contoso.com'), kind: 'missed' },
    { description: 'negative flagged is a false alarm', example: negative, r: result('lookalike', ['replacement'], 'contoso.com'), kind: 'false-alarm' },
    { description: 'negative invalid is clean', example: negative, r: result('invalid', ['unparseable']), kind: 'clean' },
  ])('$description', ({ example, r, kind }) => {
    expect(judge(example, r).kind).toBe(kind);
  });
});

describe('confusion and rates', () => {
  const judged = [
    judge(positive('omission', ['omission']), result('lookalike', ['omission'], 'contoso.com')),
    judge(positive('omission', ['omission'], 'fabrikam.com'), result('lookalike', ['replacement'], 'fabrikam.com')),
    judge(positive('homoglyph', ['homoglyph'], 'tailspin.com'), result('unknown')),
    judge(negative, result('lookalike', ['omission'], 'contoso.com')),
    judge({ ...negative, id: 'n2' }, result('unknown')),
    judge({ ...negative, id: 'n3' }, result('unknown')),
  ];

  it('counts TP, FN, FP, TN', () => {
    expect(confusionOf(judged)).toEqual({ tp: 2, fn: 1, fp: 1, tn: 2 });
  });
  it('derives precision, recall, FP rate and F1', () => {
    const r = rates({ tp: 2, fn: 1, fp: 1, tn: 2 });
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(r.falsePositiveRate).toBeCloseTo(1 / 3);
    expect(r.f1).toBeCloseTo(2 / 3);
    expect(rates({ tp: 0, fn: 0, fp: 0, tn: 0 })).toEqual({ precision: null, recall: null, falsePositiveRate: null, f1: null });
  });
  it('gives per-technique recall and explanation agreement', () => {
    const rows = byTechnique(judged);
    expect(rows.find((r) => r.technique === 'omission')).toMatchObject({ positives: 2, hit: 2, explained: 1, recall: 1 });
    expect(rows.find((r) => r.technique === 'homoglyph')).toMatchObject({ positives: 1, missed: 1, recall: 0 });
  });
  it('gives per-code recall, precision as reported and FP rate', () => {
    const omission = byCode(judged).find((r) => r.code === 'omission')!;
    expect(omission).toMatchObject({ labelled: 2, tp: 2, fn: 0, reportedTp: 1, fp: 1, negatives: 3 });
    expect(omission.precision).toBeCloseTo(0.5);
    expect(omission.falsePositiveRate).toBeCloseTo(1 / 3);
  });
});

describe('relation of a flagged unrelated pair', () => {
  it.each([
    { sender: 'gmx', trusted: 'gmx', relation: 'same-label' },
    { sender: 'trashmail', trusted: 'trash-mail', relation: 'same-brand' },
    { sender: 'worldcup2019-12', trusted: 'worldcup2019-13', relation: 'same-brand' },
    { sender: 'yandex-team', trusted: 'yandex', relation: 'same-brand' },
    { sender: 'mail2kurt', trusted: 'mail2curt', relation: 'unrelated' },
    { sender: 'disposeamail', trusted: 'disposemail', relation: 'unrelated' },
    { sender: 'ab-x', trusted: 'ab', relation: 'unrelated' },
  ])('$sender vs $trusted is $relation', ({ sender, trusted, relation }) => {
    expect(relationOf(sender, trusted)).toBe(relation);
  });
});

describe('deterministic splits and samples', () => {
  it('hashes are stable across runs and machines', () => {
    expect(hash32('contoso.com')).toBe(hash32('contoso.com'));
    expect(hash32('contoso.com')).not.toBe(hash32('contoso.co'));
    expect(hashOrder(['c', 'a', 'b'], (x) => x)).toEqual(hashOrder(['b', 'c', 'a'], (x) => x));
  });
  it('splits about half and half', () => {
    let train = 0;
    for (let i = 0; i < 10_000; i++) if (splitOf(`d${i}.com`) === 'train') train++;
    expect(train).toBeGreaterThan(4_700);
    expect(train).toBeLessThan(5_300);
  });
});

describe('tuning picks', () => {
  const score = (f1: number, recall: number, fpr: number) => ({ tp: 0, fp: 0, fn: 0, tn: 0, precision: 0, recall, falsePositiveRate: fpr, f1 });
  const defaults = TUNING_GRID.find((p) => p.isDefault)!;
  const other = TUNING_GRID.find((p) => !p.isDefault && p.minLengthOneEdit === 4)!;
  it('has 54 points with exactly one default', () => {
    expect(TUNING_GRID).toHaveLength(54);
    expect(TUNING_GRID.filter((p) => p.isDefault)).toHaveLength(1);
  });
  it('picks the highest F1, and the defaults on a tie', () => {
    expect(pickBest([{ point: defaults, train: score(0.9, 0.9, 0.02) }, { point: other, train: score(0.95, 0.95, 0.03) }])).toBe(other);
    expect(pickBest([{ point: other, train: score(0.9, 0.9, 0.02) }, { point: defaults, train: score(0.9, 0.9, 0.02) }])).toBe(defaults);
  });
  it('picks the best recall under the FP bound', () => {
    expect(pickBestRecallAtBound([{ point: other, train: score(0.95, 0.95, 0.03) }, { point: defaults, train: score(0.9, 0.9, 0.019) }], 0.02)).toBe(defaults);
    expect(pickBestRecallAtBound([{ point: other, train: score(0.95, 0.95, 0.03) }], 0.02)).toBeUndefined();
  });
});

/**
 * The tuning grid of `npm run eval -- --tune`: detector thresholds and an extra combo word list,
 * evaluated on the TRAIN split only; the pick is then reported on the held-back test split.
 */

import { DEFAULT_DETECTOR_OPTIONS, type DetectorOptions } from '../src/detector';
import type { Scored } from './metrics';

/**
 * Candidate extra combo words (not in src/variants/business-words.ts): terms seen in payment-fraud
 * and credential-phishing domains. Tuning decides whether adding them pays (more combos caught) or
 * costs (more unrelated names flagged).
 */
export const CANDIDATE_WORDS: readonly string[] = Object.freeze([
  'ach', 'swift', 'iban', 'escrow', 'kyc', 'quote', 'quotes', 'rfq', 'po', 'purchase', 'estimate', 'estimates',
  'remittances', 'benefits', 'careers', 'jobs', 'recruiting', 'onboarding', 'review', 'approval', 'approve', 'sign',
  'esign', 'docusign', 'fax', 'voicemail', 'dispatch', 'freight', 'courier', 'customs', 'audit', 'compliance',
]);

/** One point of the grid. */
export interface GridPoint {
  readonly minLengthOneEdit: number;
  readonly minLengthTwoEdits: number;
  readonly minBrandLength: number;
  readonly wordsName: 'builtin' | 'builtin+candidates';
  readonly options: DetectorOptions;
  readonly isDefault: boolean;
}

function grid(): GridPoint[] {
  const out: GridPoint[] = [];
  for (const one of [4, 5, 6]) {
    for (const two of [8, 9, 10]) {
      for (const brand of [3, 4, 5]) {
        for (const wordsName of ['builtin', 'builtin+candidates'] as const) {
          out.push({
            minLengthOneEdit: one,
            minLengthTwoEdits: two,
            minBrandLength: brand,
            wordsName,
            options: {
              minLengthOneEdit: one,
              minLengthTwoEdits: two,
              minBrandLength: brand,
              ...(wordsName === 'builtin' ? {} : { words: CANDIDATE_WORDS }),
            },
            isDefault:
              one === DEFAULT_DETECTOR_OPTIONS.minLengthOneEdit &&
              two === DEFAULT_DETECTOR_OPTIONS.minLengthTwoEdits &&
              brand === DEFAULT_DETECTOR_OPTIONS.minBrandLength &&
              wordsName === 'builtin',
          });
        }
      }
    }
  }
  return out;
}

/** 3 × 3 × 3 thresholds × 2 word lists = 54 points. */
export const TUNING_GRID: readonly GridPoint[] = Object.freeze(grid());

/** Distance of a point from the library defaults (for tie-breaking toward the defaults). */
function distance(p: GridPoint): number {
  return (
    Math.abs(p.minLengthOneEdit - DEFAULT_DETECTOR_OPTIONS.minLengthOneEdit) +
    Math.abs(p.minLengthTwoEdits - DEFAULT_DETECTOR_OPTIONS.minLengthTwoEdits) +
    Math.abs(p.minBrandLength - DEFAULT_DETECTOR_OPTIONS.minBrandLength) +
    (p.wordsName === 'builtin' ? 0 : 1)
  );
}

/**
 * The pick: highest F1 on the training split; ties (to 4 decimals) go to the lower FP rate, then to the
 * point closest to the defaults. F1 weighs precision and recall equally on the labelled mix.
 */
export function pickBest(results: readonly { readonly point: GridPoint; readonly train: Scored }[]): GridPoint {
  if (results.length === 0) throw new Error('empty grid');
  const key = (x: number | null): number => Math.round((x ?? 0) * 10_000);
  const sorted = [...results].sort(
    (a, b) =>
      key(b.train.f1) - key(a.train.f1) ||
      (a.train.falsePositiveRate ?? 0) - (b.train.falsePositiveRate ?? 0) ||
      distance(a.point) - distance(b.point),
  );
  return sorted[0]!.point;
}

/** FP-rate bound of the second pick (share of unrelated real domains flagged on the train split). */
export const FP_RATE_BOUND = 0.02;

/**
 * The second pick, for deployments that cap false alarms first: the highest recall whose train FP
 * rate is at most `bound`; ties go to the lower FP rate, then to the point closest to the defaults.
 * Undefined when no point meets the bound.
 */
export function pickBestRecallAtBound(
  results: readonly { readonly point: GridPoint; readonly train: Scored }[],
  bound: number = FP_RATE_BOUND,
): GridPoint | undefined {
  const ok = results.filter((r) => (r.train.falsePositiveRate ?? 1) <= bound);
  const sorted = [...ok].sort(
    (a, b) =>
      (b.train.recall ?? 0) - (a.train.recall ?? 0) ||
      (a.train.falsePositiveRate ?? 0) - (b.train.falsePositiveRate ?? 0) ||
      distance(a.point) - distance(b.point),
  );
  return sorted[0]?.point;
}

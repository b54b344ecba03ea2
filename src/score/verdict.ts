/**
 * Verdict ranking and the risk score. The score is a documented, monotone function of what was
 * found (README "Score"), not a trained probability:
 *   trusted, unknown, invalid: 0
 *   suspicious:    0.3 + 0.1 per distinct signal (mixed-script, whole-script, invisible, bidi), at most 0.6
 *   impersonation: 0.7 (organisation or written address), 0.8 (a named contact), +0.1 from a freemail provider
 *   lookalike:     0.5 + 0.5 × visual similarity, +0.05 when the display name also claims the target, at most 1
 */

import type { TechniqueCode, Verdict } from '../types';

/** Worse verdicts rank higher; a header with several mailboxes takes the worst. */
export const VERDICT_RANK: Readonly<Record<Verdict, number>> = Object.freeze({
  trusted: 0,
  unknown: 1,
  invalid: 2,
  suspicious: 3,
  impersonation: 4,
  lookalike: 5,
});

/** Inputs of the score. */
export interface ScoreInput {
  readonly verdict: Verdict;
  readonly similarity?: number;
  readonly codes: readonly TechniqueCode[];
  readonly claims?: 'contact' | 'organisation' | 'address';
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The risk score in [0, 1] for a verdict and what was found. */
export function scoreFor(input: ScoreInput): number {
  switch (input.verdict) {
    case 'trusted':
    case 'unknown':
    case 'invalid':
      return 0;
    case 'suspicious': {
      const signals = new Set(input.codes.filter((c) => c === 'mixed-script' || c === 'whole-script' || c === 'invisible-char' || c === 'bidi-control'));
      return round(Math.min(0.6, 0.3 + 0.1 * signals.size));
    }
    case 'impersonation':
      return round(Math.min(0.95, (input.claims === 'contact' ? 0.8 : 0.7) + (input.codes.includes('freemail') ? 0.1 : 0)));
    case 'lookalike': {
      const sim = Math.max(0, Math.min(1, input.similarity ?? 0));
      return round(Math.min(1, 0.5 + 0.5 * sim + (input.codes.includes('display-name') ? 0.05 : 0)));
    }
  }
}

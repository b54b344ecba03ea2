/**
 * Colour for human output. picocolors (not chalk or kleur): no dependencies, ~7 kB, and
 * `createColors(enabled)` gives an instance whose switch we decide ourselves, which the tests need
 * (its own auto-detection reads the real process). Colour is on only when the sink is a terminal
 * and NO_COLOR is unset or empty (https://no-color.org: "present and not an empty string").
 */

import pc from 'picocolors';
import type { Verdict } from '../index';
import type { CliOutput } from './io';

/** The colour functions used by the CLI. */
export type Colors = ReturnType<typeof pc.createColors>;

/** Whether to colour output written to `out`. */
export function useColor(out: CliOutput, env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env['NO_COLOR'];
  return out.isTTY && (noColor === undefined || noColor === '');
}

/** Colour functions, all identity when `enabled` is false. */
export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

/** Whether a verdict counts as "flagged" for the exit code (1). */
export function isFlagged(verdict: Verdict): boolean {
  return verdict === 'lookalike' || verdict === 'impersonation' || verdict === 'suspicious';
}

/** Verdicts in report order, worst first, for summaries. */
export const VERDICT_ORDER: readonly Verdict[] = Object.freeze([
  'lookalike',
  'impersonation',
  'suspicious',
  'unknown',
  'invalid',
  'trusted',
]);

/** Paints a verdict word (already padded) in its colour. */
export function paintVerdict(c: Colors, verdict: Verdict, text: string = verdict): string {
  switch (verdict) {
    case 'lookalike':
      return c.bold(c.red(text));
    case 'impersonation':
      return c.bold(c.magenta(text));
    case 'suspicious':
      return c.yellow(text);
    case 'trusted':
      return c.green(text);
    case 'unknown':
      return c.dim(text);
    case 'invalid':
      return c.gray(text);
  }
}

/**
 * Unrelated real domains checked against trusted lists of real domains: the flag rate, the flagged
 * pairs ranked for a person to judge, and a documented heuristic that separates pairs that are
 * really related (the same brand under another suffix or with a decoration) from true false positives.
 */

import type { Detector } from '../src/detector';
import type { Verdict } from '../src/types';
import type { RealDomain } from './domains';
import { FLAGGED_VERDICTS, resultCodes } from './metrics';

/**
 * How a flagged pair relates, by a heuristic on the two registrable labels:
 *   - `same-label`: the same registrable label under another suffix (`gmx.de` / `gmx.net`): most
 *     likely the same organisation, so a flag is defensible;
 *   - `same-brand`: one label is the other with digits, hyphens or extra tokens (`mail2world` /
 *     `mail2world-eu`, `yandex` / `yandex-team`), or both reduce to the same letters once digits and
 *     hyphens are removed: likely the same brand family;
 *   - `unrelated`: anything else: a true false positive.
 * The heuristic is deliberately conservative: a pair is `unrelated` unless it is clearly the same name.
 */
export type Relation = 'same-label' | 'same-brand' | 'unrelated';

/** Letters only, for brand comparison. */
function core(label: string): string {
  let out = '';
  for (const ch of label) {
    if (ch === '-' || (ch >= '0' && ch <= '9')) continue;
    out += ch;
  }
  return out;
}

/** Alphabetic tokens of a label (split on digits and hyphens). */
function tokens(label: string): string[] {
  return label.split(/[-0-9]+/u).filter((t) => t !== '');
}

/** The relation of an unrelated sender label/suffix to the trusted label it was matched with. */
export function relationOf(senderLabel: string, trustedLabel: string, minBrand = 4): Relation {
  if (senderLabel === trustedLabel) return 'same-label';
  const a = core(senderLabel);
  const b = core(trustedLabel);
  if (a !== '' && a === b) return 'same-brand';
  if (b.length >= minBrand && tokens(senderLabel).includes(trustedLabel)) return 'same-brand';
  if (a.length >= minBrand && tokens(trustedLabel).includes(senderLabel)) return 'same-brand';
  return 'unrelated';
}

/** One flagged unrelated domain. */
export interface FlaggedPair {
  readonly sender: string;
  readonly senderSource: RealDomain['source'];
  readonly trusted: string;
  readonly verdict: Verdict;
  readonly score: number;
  readonly codes: readonly string[];
  readonly relation: Relation;
}

/** Figures of one trusted-list size. */
export interface FlagRateReport {
  readonly trustedSize: number;
  readonly checked: number;
  readonly flagged: number;
  readonly flagRate: number;
  readonly related: number;
  readonly falsePositives: number;
  /** Share of checked domains that are true false positives (flagged and unrelated). */
  readonly falsePositiveRate: number;
  readonly byVerdict: Readonly<Record<string, number>>;
  readonly byCode: Readonly<Record<string, number>>;
  readonly bySource: Readonly<Record<string, { checked: number; flagged: number; falsePositives: number }>>;
  /** Microseconds per check, mean over this run (indicative only). */
  readonly microsPerCheck: number;
  /** Every flagged pair, highest score first. */
  readonly pairs: readonly FlaggedPair[];
}

/** The sender used for an unrelated domain: a plain role address, as newsletters and invoices use. */
export function unrelatedSender(domain: string): string {
  return `info@${domain}`;
}

/** Checks every unrelated domain against one detector. */
export function flagRate(detector: Detector, trustedSize: number, unrelated: readonly RealDomain[]): FlagRateReport {
  const pairs: FlaggedPair[] = [];
  const byVerdict: Record<string, number> = {};
  const byCode: Record<string, number> = {};
  const bySource: Record<string, { checked: number; flagged: number; falsePositives: number }> = {};
  const trustedLabels = new Map<string, string>();
  for (const e of detector.entries) trustedLabels.set(e.domain, e.label);
  const start = performance.now();
  for (const d of unrelated) {
    const src = (bySource[d.source] ??= { checked: 0, flagged: 0, falsePositives: 0 });
    src.checked++;
    const r = detector.check(unrelatedSender(d.domain));
    byVerdict[r.verdict] = (byVerdict[r.verdict] ?? 0) + 1;
    if (!FLAGGED_VERDICTS.has(r.verdict)) continue;
    src.flagged++;
    const codes = resultCodes(r);
    for (const c of codes) byCode[c] = (byCode[c] ?? 0) + 1;
    const trusted = r.match?.domain ?? '';
    const relation = r.match === undefined ? 'unrelated' : relationOf(d.label, r.match.entry.label);
    if (relation === 'unrelated') src.falsePositives++;
    pairs.push({ sender: d.domain, senderSource: d.source, trusted, verdict: r.verdict, score: r.score, codes, relation });
  }
  const elapsed = performance.now() - start;
  pairs.sort((a, b) => b.score - a.score || (a.sender < b.sender ? -1 : a.sender > b.sender ? 1 : 0));
  const related = pairs.filter((p) => p.relation !== 'unrelated').length;
  const falsePositives = pairs.length - related;
  return {
    trustedSize,
    checked: unrelated.length,
    flagged: pairs.length,
    flagRate: unrelated.length === 0 ? 0 : pairs.length / unrelated.length,
    related,
    falsePositives,
    falsePositiveRate: unrelated.length === 0 ? 0 : falsePositives / unrelated.length,
    byVerdict,
    byCode,
    bySource,
    microsPerCheck: unrelated.length === 0 ? 0 : (elapsed * 1000) / unrelated.length,
    pairs,
  };
}

/**
 * Labelled examples, how one detector result is judged against its label, and the confusion counts
 * behind every figure the evaluation prints. Pure functions: no I/O, no detector import.
 */

import type { CheckResult, Verdict } from '../src/types';
import type { Split } from './seed';

/** Where a labelled example comes from. */
export type ExampleSource = 'generator' | 'attacks' | 'unrelated';

/** One labelled sender. */
export interface Example {
  /** Unique within a run (used to find the example again in the JSON). */
  readonly id: string;
  readonly source: ExampleSource;
  readonly split: Split;
  /** The raw `From:` value given to `check`. */
  readonly sender: string;
  /** True for an attack (it should be flagged), false for legitimate mail. */
  readonly positive: boolean;
  /** For positives: the trusted domain the detector must name as `match.domain` (undefined: any target). */
  readonly target?: string;
  /**
   * Other trusted domains that count as naming the target: those with the same registrable label
   * (`fakemails.ga` for the target `fakemails.cf` when both are trusted: the same brand either way).
   */
  readonly sameBrand?: readonly string[];
  /** Technique label: fuzzer id for generator positives, group for attack rows, `unrelated` for negatives. */
  readonly technique: string;
  /** Reason codes the technique should produce (any one of them counts as agreement). */
  readonly expectedCodes: readonly string[];
}

/** The verdicts that warn the user. */
export const FLAGGED_VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>(['lookalike', 'impersonation', 'suspicious']);

/** What happened to one example. */
export type OutcomeKind =
  /** positive flagged with the right target (true positive) */
  | 'hit'
  /** positive flagged, but naming another trusted domain */
  | 'wrong-target'
  /** positive flagged as suspicious, with no target */
  | 'no-target'
  /** positive not flagged (unknown, trusted or invalid) */
  | 'missed'
  /** negative flagged (false positive) */
  | 'false-alarm'
  /** negative not flagged (true negative) */
  | 'clean';

/** The parts of a result that the evaluation keeps. */
export interface Judged {
  readonly example: Example;
  readonly kind: OutcomeKind;
  readonly verdict: Verdict;
  readonly score: number;
  readonly codes: readonly string[];
  readonly matchDomain: string | undefined;
}

/** Reason codes of a result, in order, without duplicates. */
export function resultCodes(result: CheckResult): string[] {
  return [...new Set(result.reasons.map((r) => r.code as string))];
}

/**
 * Judges one result. A positive counts as detected only when it is flagged AND names the expected
 * trusted domain: a warning about the wrong company is not a correct detection (strict recall).
 * It is not a false alarm either (the mail is hostile), so it is counted as a miss, never as an FP.
 */
export function judge(example: Example, result: CheckResult): Judged {
  const flagged = FLAGGED_VERDICTS.has(result.verdict);
  const matchDomain = result.match?.domain;
  let kind: OutcomeKind;
  if (!example.positive) kind = flagged ? 'false-alarm' : 'clean';
  else if (!flagged) kind = 'missed';
  else if (example.target === undefined || matchDomain === example.target || (matchDomain !== undefined && example.sameBrand?.includes(matchDomain) === true)) kind = 'hit';
  else if (matchDomain === undefined) kind = 'no-target';
  else kind = 'wrong-target';
  return { example, kind, verdict: result.verdict, score: result.score, codes: resultCodes(result), matchDomain };
}

/** Confusion counts. */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function emptyConfusion(): Confusion {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

/** Adds one judged example to a confusion matrix. */
export function addTo(c: Confusion, j: Judged): void {
  if (j.kind === 'hit') c.tp++;
  else if (j.kind === 'false-alarm') c.fp++;
  else if (j.kind === 'clean') c.tn++;
  else c.fn++;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** The rates of a confusion matrix; null when the denominator is 0. */
export interface Rates {
  readonly precision: number | null;
  readonly recall: number | null;
  readonly falsePositiveRate: number | null;
  readonly f1: number | null;
}

export function rates(c: Confusion): Rates {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = precision === null || recall === null || precision + recall === 0 ? null : (2 * precision * recall) / (precision + recall);
  return { precision, recall, falsePositiveRate: ratio(c.fp, c.fp + c.tn), f1 };
}

/** Confusion plus rates, as written to the JSON. */
export interface Scored extends Confusion, Rates {}

export function scored(c: Confusion): Scored {
  return { ...c, ...rates(c) };
}

/** Recall of one technique (a fuzzer, an attack group): positives labelled with it. */
export interface TechniqueRow {
  readonly technique: string;
  readonly expectedCodes: readonly string[];
  /** Positives labelled with the technique. */
  readonly positives: number;
  readonly hit: number;
  readonly wrongTarget: number;
  readonly noTarget: number;
  readonly missed: number;
  /** Hits whose reasons include one of the expected codes (the explanation agrees with the label). */
  readonly explained: number;
  readonly recall: number | null;
}

/** Per-technique recall over the positives of `judged`. */
export function byTechnique(judged: readonly Judged[]): TechniqueRow[] {
  const rows = new Map<string, { codes: readonly string[]; n: number; hit: number; wt: number; nt: number; miss: number; ex: number }>();
  for (const j of judged) {
    if (!j.example.positive) continue;
    let r = rows.get(j.example.technique);
    if (r === undefined) {
      r = { codes: j.example.expectedCodes, n: 0, hit: 0, wt: 0, nt: 0, miss: 0, ex: 0 };
      rows.set(j.example.technique, r);
    }
    r.n++;
    if (j.kind === 'hit') {
      r.hit++;
      if (j.example.expectedCodes.length === 0 || j.example.expectedCodes.some((c) => j.codes.includes(c))) r.ex++;
    } else if (j.kind === 'wrong-target') r.wt++;
    else if (j.kind === 'no-target') r.nt++;
    else r.miss++;
  }
  return [...rows.entries()]
    .map(([technique, r]) => ({
      technique,
      expectedCodes: r.codes,
      positives: r.n,
      hit: r.hit,
      wrongTarget: r.wt,
      noTarget: r.nt,
      missed: r.miss,
      explained: r.ex,
      recall: ratio(r.hit, r.n),
    }))
    .sort((a, b) => (a.technique < b.technique ? -1 : a.technique > b.technique ? 1 : 0));
}

/**
 * Figures of one reason code:
 *   - recall over the positives labelled with the code (tp = detected, fn = not detected);
 *   - precision of the code as a warning: among flagged results that report the code, the share that
 *     are correct detections (reportedTp) rather than false alarms on legitimate mail (fp);
 *   - fpRate: share of all negatives that were flagged with this code.
 */
export interface CodeRow {
  readonly code: string;
  readonly labelled: number;
  readonly tp: number;
  readonly fn: number;
  readonly recall: number | null;
  readonly reportedTp: number;
  readonly fp: number;
  readonly precision: number | null;
  readonly negatives: number;
  readonly falsePositiveRate: number | null;
}

/** Per-reason-code figures over `judged`. */
export function byCode(judged: readonly Judged[]): CodeRow[] {
  const codes = new Set<string>();
  let negatives = 0;
  for (const j of judged) {
    for (const c of j.example.expectedCodes) codes.add(c);
    if (j.kind === 'hit' || j.kind === 'false-alarm') for (const c of j.codes) codes.add(c);
    if (!j.example.positive) negatives++;
  }
  const rows: CodeRow[] = [];
  for (const code of codes) {
    let labelled = 0;
    let tp = 0;
    let reportedTp = 0;
    let fp = 0;
    for (const j of judged) {
      if (j.example.positive && j.example.expectedCodes.includes(code)) {
        labelled++;
        if (j.kind === 'hit') tp++;
      }
      if (j.codes.includes(code)) {
        if (j.kind === 'hit') reportedTp++;
        else if (j.kind === 'false-alarm') fp++;
      }
    }
    rows.push({
      code,
      labelled,
      tp,
      fn: labelled - tp,
      recall: ratio(tp, labelled),
      reportedTp,
      fp,
      precision: ratio(reportedTp, reportedTp + fp),
      negatives,
      falsePositiveRate: ratio(fp, negatives),
    });
  }
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Confusion of a list of judged examples. */
export function confusionOf(judged: readonly Judged[]): Confusion {
  const c = emptyConfusion();
  for (const j of judged) addTo(c, j);
  return c;
}

/**
 * `npm run eval` — sosie's labelled evaluation. Builds labelled sets from data the project ships
 * (fixtures/attacks) or installs from npm (email-providers, disposable-email-domains, and sosie's own
 * variant generator), runs the detector, and prints precision, recall and false-positive rate overall,
 * per source, per technique and per reason code, with the confusion counts behind every figure; then
 * the flag rate on unrelated real domains against trusted lists of 100, 1,000 and 10,000 real domains.
 * Writes everything as JSON to bench/results/eval.json (or `--json PATH`).
 *
 *   npm run eval               library defaults; headline figures on the held-back (test) split
 *   npm run eval -- --tune     grid of detector options evaluated on the TRAIN split; picks the best
 *                              F1 and reports it on the test split next to the defaults
 *
 * Offline and deterministic: every sample and split derives from EVAL_SEED (eval/seed.ts).
 * Method: eval/README.md.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createDetector, DEFAULT_DETECTOR_OPTIONS, type DetectorOptions } from '../src/detector';
import { normalizeDomain } from '../src/normalize';
import { attackExample, DetectorCache, loadAttacks, rowDisagreement, type AttackRow } from './attacks';
import { loadDomainPools, trustedList, unrelatedSample, type RealDomain } from './domains';
import { pct, table, visible } from './format';
import {
  byCode,
  byTechnique,
  confusionOf,
  judge,
  scored,
  type Example,
  type Judged,
  type Scored,
} from './metrics';
import { flagRate, relationOf, unrelatedSender, type FlagRateReport, type Relation } from './negatives';
import { generatorPositives, type GeneratorSample } from './positives';
import { EVAL_SEED, TRAIN_SHARE, splitOf, type Split } from './seed';
import { FP_RATE_BOUND, TUNING_GRID, pickBest, pickBestRecallAtBound, type GridPoint } from './tuning';

/** Sizes and caps of the labelled sets (documented in eval/README.md). */
export const CONFIG = Object.freeze({
  /** Trusted list for precision/recall: the first 1,000 trusted candidates. */
  mainTrustedSize: 1000,
  /** Targets whose variants are positives: the first 400 domains of that list. */
  positiveTargets: 400,
  /** Variants kept per target and fuzzer. */
  capPerFuzzer: 3,
  /** Unrelated real domains checked (negatives; the same sample at every trusted-list size). */
  unrelatedSample: 30_000,
  /** Trusted-list sizes for the flag rate. */
  sizes: [100, 1000, 10_000] as readonly number[],
  /** Flagged pairs kept per size in the JSON. */
  pairsInJson: 60,
});

interface Args {
  readonly tune: boolean;
  readonly json: string;
  readonly quiet: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  let tune = false;
  let quiet = false;
  let json = 'bench/results/eval.json';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--tune') tune = true;
    else if (a === '--quiet') quiet = true;
    else if (a === '--json') {
      const v = argv[++i];
      if (v === undefined) throw new Error('--json needs a path');
      json = v;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run eval [-- --tune] [--json PATH] [--quiet]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  return { tune, json, quiet };
}

/** Everything labelled, built once. */
interface Dataset {
  readonly trusted: readonly RealDomain[];
  readonly examples: readonly Example[];
  readonly rows: ReadonlyMap<string, AttackRow>;
  readonly unrelatedById: ReadonlyMap<string, RealDomain>;
  readonly labelOfTarget: ReadonlyMap<string, string>;
  readonly generator: GeneratorSample;
  readonly attackRows: readonly AttackRow[];
}

function buildDataset(): Dataset {
  const pools = loadDomainPools();
  const trusted = trustedList(pools, CONFIG.mainTrustedSize);
  const generator = generatorPositives(trusted.slice(0, CONFIG.positiveTargets), trusted, CONFIG.capPerFuzzer);
  const unrelatedById = new Map<string, RealDomain>();
  const negatives: Example[] = unrelatedSample(pools, CONFIG.unrelatedSample).map((d) => {
    const id = `unrelated:${d.domain}`;
    unrelatedById.set(id, d);
    return { id, source: 'unrelated', split: splitOf(`unrelated:${d.domain}`), sender: unrelatedSender(d.domain), positive: false, technique: 'unrelated', expectedCodes: [] };
  });
  const attackRows = loadAttacks();
  const rows = new Map<string, AttackRow>();
  const attacks = attackRows.map((r) => {
    const e = attackExample(r);
    rows.set(e.id, r);
    return e;
  });
  return {
    trusted,
    examples: [...generator.examples, ...attacks, ...negatives],
    rows,
    unrelatedById,
    labelOfTarget: new Map(trusted.map((d) => [d.domain, d.label])),
    generator,
    attackRows,
  };
}

/** Runs every example of `splits` under `options`. */
function runExamples(ds: Dataset, options: DetectorOptions, splits: ReadonlySet<Split>): Judged[] {
  const detector = createDetector(ds.trusted.map((d) => d.domain), options);
  const perRow = new DetectorCache(options);
  const out: Judged[] = [];
  for (const e of ds.examples) {
    if (!splits.has(e.split)) continue;
    const row = ds.rows.get(e.id);
    const result = row === undefined ? detector.check(e.sender) : perRow.for(row).check(e.sender);
    out.push(judge(e, result));
  }
  return out;
}

/** Generator recall by the target's label length (typo budgets depend on it). */
function byLabelLength(ds: Dataset, judged: readonly Judged[]): Record<string, Scored> {
  const buckets: Record<string, Judged[]> = { '1-4': [], '5-8': [], '9+': [] };
  for (const j of judged) {
    if (j.example.source !== 'generator' || j.example.target === undefined) continue;
    const n = [...(ds.labelOfTarget.get(j.example.target) ?? '')].length;
    buckets[n <= 4 ? '1-4' : n <= 8 ? '5-8' : '9+']!.push(j);
  }
  return Object.fromEntries(Object.entries(buckets).map(([k, v]) => [k, scored(confusionOf(v))]));
}

interface SplitReport {
  readonly overall: Scored;
  /** The same, with flags on unrelated domains that are really related (same label or brand) left out. */
  readonly overallExcludingRelated: Scored;
  readonly relatedFlags: number;
  readonly bySource: Record<string, Scored>;
  readonly byLabelLength: Record<string, Scored>;
  readonly byTechnique: ReturnType<typeof byTechnique>;
  readonly byCode: ReturnType<typeof byCode>;
}

function summarize(ds: Dataset, judged: readonly Judged[]): SplitReport {
  const bySource: Record<string, Scored> = {};
  for (const source of ['generator', 'attacks', 'unrelated'] as const) {
    bySource[source] = scored(confusionOf(judged.filter((j) => j.example.source === source)));
  }
  // Precision of the generator and of the attacks, each against the same unrelated negatives.
  const negatives = judged.filter((j) => j.example.source === 'unrelated');
  bySource['generator+unrelated'] = scored(confusionOf([...judged.filter((j) => j.example.source === 'generator'), ...negatives]));
  const related = judged.filter((j) => j.kind === 'false-alarm' && relationOfJudged(ds, j) !== 'unrelated');
  const relatedSet = new Set(related);
  return {
    overall: scored(confusionOf(judged)),
    overallExcludingRelated: scored(confusionOf(judged.filter((j) => !relatedSet.has(j)))),
    relatedFlags: related.length,
    bySource,
    byLabelLength: byLabelLength(ds, judged),
    byTechnique: byTechnique(judged),
    byCode: byCode(judged),
  };
}

/** A false positive or negative worth a person's attention. */
interface Notable {
  readonly id: string;
  readonly source: string;
  readonly sender: string;
  readonly kind: string;
  readonly verdict: string;
  readonly score: number;
  readonly codes: readonly string[];
  readonly matched: string | null;
  readonly expectedTarget: string | null;
  readonly technique: string;
  readonly relation?: Relation;
  readonly description?: string;
}

function notable(ds: Dataset, j: Judged, relation?: Relation): Notable {
  const row = ds.rows.get(j.example.id);
  return {
    id: j.example.id,
    source: j.example.source,
    sender: j.example.sender,
    kind: j.kind,
    verdict: j.verdict,
    score: j.score,
    codes: j.codes,
    matched: j.matchDomain ?? null,
    expectedTarget: j.example.target ?? null,
    technique: j.example.technique,
    ...(relation === undefined ? {} : { relation }),
    ...(row === undefined ? {} : { description: row.description }),
  };
}

/** The relation of a flagged unrelated domain to the trusted domain it was matched with. */
function relationOfJudged(ds: Dataset, j: Judged): Relation {
  const d = ds.unrelatedById.get(j.example.id);
  if (d === undefined || j.matchDomain === undefined) return 'unrelated';
  return relationOf(d.label, labelOf(j.matchDomain));
}

function labelOf(domain: string): string {
  const n = normalizeDomain(domain, { privateSuffixes: true });
  return n.ok && n.label !== null ? n.label : domain;
}

/**
 * Worst false positives: legitimate attack-fixture rows flagged first, then unrelated domains flagged
 * against an unrelated trusted domain (the heuristic's `unrelated`), highest score first.
 */
function worstFalsePositives(ds: Dataset, judged: readonly Judged[], n: number): Notable[] {
  const fromRows = judged.filter((j) => j.kind === 'false-alarm' && j.example.source === 'attacks').map((j) => notable(ds, j));
  const unrelated = judged
    .filter((j) => j.kind === 'false-alarm' && j.example.source === 'unrelated')
    .map((j) => ({ j, relation: relationOfJudged(ds, j) }))
    .filter((x) => x.relation === 'unrelated')
    .sort((a, b) => b.j.score - a.j.score || (a.j.example.sender < b.j.example.sender ? -1 : 1))
    .map((x) => notable(ds, x.j, x.relation));
  return [...fromRows, ...unrelated].slice(0, n);
}

/** Technique order for picking the worst misses: a missed visual lookalike is worse than a missed typo. */
const SEVERITY = ['homoglyph', 'whole-script', 'mixed-script', 'diacritic', 'invisible-char', 'bidi-control', 'tld-swap', 'combo', 'subdomain-embedding', 'dot-insertion'];

/**
 * Worst false negatives: missed attack-fixture rows first, then generator positives not flagged at
 * all, then flagged without a target, then flagged naming another trusted domain; within each, by
 * technique severity and the longest labels first (a miss there is not excused by the typo length
 * thresholds), at most one per technique in the first picks so the list shows different problems.
 */
function worstFalseNegatives(ds: Dataset, judged: readonly Judged[], n: number): Notable[] {
  const misses = judged.filter((j) => j.example.positive && j.kind !== 'hit');
  const fromRows = misses.filter((j) => j.example.source === 'attacks');
  // Not warned at all is worse than warned without a target, which is worse than a warning naming
  // another (usually near-identical) trusted domain.
  const kindRank = (j: Judged): number => (j.kind === 'missed' ? 0 : j.kind === 'no-target' ? 1 : 2);
  const sev = (j: Judged): number => {
    const i = SEVERITY.findIndex((c) => j.example.expectedCodes.includes(c));
    return i < 0 ? SEVERITY.length : i;
  };
  const gen = misses
    .filter((j) => j.example.source === 'generator')
    .map((j) => ({ j, len: [...(ds.labelOfTarget.get(j.example.target ?? '') ?? '')].length }))
    .sort((a, b) => kindRank(a.j) - kindRank(b.j) || sev(a.j) - sev(b.j) || b.len - a.len || (a.j.example.id < b.j.example.id ? -1 : 1));
  const picked: Judged[] = [...fromRows];
  const seen = new Set<string>();
  for (const { j } of gen) {
    if (seen.has(j.example.technique)) continue;
    seen.add(j.example.technique);
    picked.push(j);
  }
  for (const { j } of gen) if (!picked.includes(j)) picked.push(j);
  return picked.slice(0, n).map((j) => notable(ds, j));
}

/** Examples of misses per technique, for the JSON. */
function missesByTechnique(ds: Dataset, judged: readonly Judged[], perTechnique: number): Record<string, Notable[]> {
  const out: Record<string, Notable[]> = {};
  for (const j of judged) {
    if (!j.example.positive || j.kind === 'hit') continue;
    const list = (out[j.example.technique] ??= []);
    if (list.length < perTechnique) list.push(notable(ds, j));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Printing

function scoredRow(name: string, s: Scored): (string | number)[] {
  return [name, s.tp + s.fn, s.fp + s.tn, s.tp, s.fn, s.fp, s.tn, pct(s.precision), pct(s.recall), pct(s.falsePositiveRate, 2), pct(s.f1)];
}
const SCORED_HEADER = ['set', 'pos', 'neg', 'TP', 'FN', 'FP', 'TN', 'precision', 'recall', 'FP rate', 'F1'];

function printSplit(title: string, r: SplitReport, out: string[]): void {
  out.push(`\n## ${title}: by source\n`);
  out.push(table(SCORED_HEADER, [scoredRow('overall', r.overall), ...Object.entries(r.bySource).map(([k, v]) => scoredRow(k, v))]));
  out.push(`\n## ${title}: generator recall by trusted label length (code points)\n`);
  out.push(table(SCORED_HEADER, Object.entries(r.byLabelLength).map(([k, v]) => scoredRow(`label ${k}`, v))));
  out.push(`\n## ${title}: recall per technique (fuzzer or attack group); "explained" = hits that report an expected code\n`);
  out.push(
    table(
      ['technique', 'expected codes', 'pos', 'hit', 'wrong target', 'no target', 'missed', 'recall', 'explained'],
      r.byTechnique.map((t) => [t.technique, t.expectedCodes.join(',') || '-', t.positives, t.hit, t.wrongTarget, t.noTarget, t.missed, pct(t.recall), t.explained]),
    ),
  );
  out.push(`\n## ${title}: per reason code — recall over positives labelled with it; precision and FP rate of the code as reported\n`);
  out.push(
    table(
      ['code', 'labelled', 'TP', 'FN', 'recall', 'reported TP', 'reported FP', 'precision', 'FP rate'],
      r.byCode.map((c) => [c.code, c.labelled, c.tp, c.fn, pct(c.recall), c.reportedTp, c.fp, pct(c.precision), pct(c.falsePositiveRate, 3)]),
    ),
  );
}

function printNotables(title: string, list: readonly Notable[], out: string[]): void {
  out.push(`\n## ${title}\n`);
  out.push(
    table(
      ['#', 'sender', 'expected', 'verdict', 'matched', 'score', 'codes', 'technique'],
      list.map((x, i) => [i + 1, visible(x.sender, 60), x.expectedTarget ?? '-', x.verdict, x.matched ?? '-', x.score, x.codes.join(',') || '-', x.description ?? x.technique]),
    ),
  );
}

function printFlagRates(reports: readonly FlagRateReport[], out: string[]): void {
  out.push('\n## Unrelated real domains vs trusted lists of real domains (flag rate)\n');
  out.push(
    table(
      ['trusted', 'checked', 'flagged', 'flag rate', 'related', 'true FP', 'true FP rate', 'FP rate email-providers', 'FP rate disposable', 'µs/check'],
      reports.map((r) => {
        const ep = r.bySource['email-providers'];
        const dp = r.bySource['disposable'];
        return [
          r.trustedSize,
          r.checked,
          r.flagged,
          pct(r.flagRate, 2),
          r.related,
          r.falsePositives,
          pct(r.falsePositiveRate, 2),
          ep === undefined ? 'n/a' : `${pct(ep.falsePositives / ep.checked, 2)} of ${ep.checked}`,
          dp === undefined ? 'n/a' : `${pct(dp.falsePositives / dp.checked, 2)} of ${dp.checked}`,
          r.microsPerCheck.toFixed(1),
        ];
      }),
    ),
  );
  for (const r of reports) {
    out.push(`\n### Top flagged pairs, trusted list of ${r.trustedSize} (unrelated first, then related)\n`);
    const unrelated = r.pairs.filter((p) => p.relation === 'unrelated').slice(0, 10);
    const related = r.pairs.filter((p) => p.relation !== 'unrelated').slice(0, 5);
    out.push(
      table(
        ['sender', 'trusted', 'relation', 'verdict', 'score', 'codes'],
        [...unrelated, ...related].map((p) => [visible(p.sender, 40), p.trusted, p.relation, p.verdict, p.score, p.codes.join(',')]),
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------

function optionsLabel(o: GridPoint): string {
  return `minLengthOneEdit=${o.minLengthOneEdit} minLengthTwoEdits=${o.minLengthTwoEdits} minBrandLength=${o.minBrandLength} words=${o.wordsName}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const out: string[] = [];
  const log = (s: string): void => {
    if (!args.quiet) process.stderr.write(`${s}\n`);
  };

  log('building labelled sets…');
  const ds = buildDataset();
  const pools = loadDomainPools();
  const defaults: DetectorOptions = {};
  log(`  ${ds.examples.length} examples (${ds.generator.examples.length} generator positives, ${ds.attackRows.length} attack rows, ${ds.unrelatedById.size} unrelated)`);

  log('checking (library defaults)…');
  const t0 = performance.now();
  const judgedAll = runExamples(ds, defaults, new Set<Split>(['train', 'test']));
  const checkMs = performance.now() - t0;
  const test = judgedAll.filter((j) => j.example.split === 'test');
  const train = judgedAll.filter((j) => j.example.split === 'train');
  const testReport = summarize(ds, test);
  const trainReport = summarize(ds, train);

  log('flag rates at each trusted-list size…');
  const negatives = unrelatedSample(pools, CONFIG.unrelatedSample);
  const flagReports = CONFIG.sizes.map((size) => flagRate(createDetector(trustedList(pools, size).map((d) => d.domain)), size, negatives));

  // Attack fixture agreement (exact: verdict, every code, match).
  const rowDetectors = new DetectorCache();
  const rowResults = ds.attackRows.map((row) => {
    const result = rowDetectors.for(row).check(row.sender);
    return { row, disagreement: rowDisagreement(row, result) };
  });
  const disagreements = rowResults.filter((r) => r.disagreement !== undefined);

  let tuning:
    | { grid: { point: GridPoint; train: Scored }[]; best: GridPoint; bestTest: Scored; bounded: GridPoint | undefined; boundedTest: Scored | undefined }
    | undefined;
  if (args.tune) {
    log(`tuning on the train split: ${TUNING_GRID.length} grid points…`);
    const grid = TUNING_GRID.map((point, i) => {
      const judged = runExamples(ds, point.options, new Set<Split>(['train']));
      if ((i + 1) % 6 === 0) log(`  ${i + 1}/${TUNING_GRID.length}`);
      return { point, train: scored(confusionOf(judged)) };
    });
    const best = pickBest(grid);
    const bestTest = scored(confusionOf(runExamples(ds, best.options, new Set<Split>(['test']))));
    const bounded = pickBestRecallAtBound(grid);
    const boundedTest = bounded === undefined ? undefined : scored(confusionOf(runExamples(ds, bounded.options, new Set<Split>(['test']))));
    tuning = { grid, best, bestTest, bounded, boundedTest };
  }

  const worstFp = worstFalsePositives(ds, test, 5);
  const worstFn = worstFalseNegatives(ds, test, 5);

  // ---- stdout report
  out.push('# sosie evaluation');
  out.push(
    `\nseed ${EVAL_SEED}; split ${TRAIN_SHARE * 100}/${100 - TRAIN_SHARE * 100} train/test by hash; detector defaults ${JSON.stringify(DEFAULT_DETECTOR_OPTIONS)}`,
  );
  out.push(
    `trusted list: ${ds.trusted.length} real domains; positives: ${ds.generator.examples.length} generator variants of ${CONFIG.positiveTargets} targets (≤ ${CONFIG.capPerFuzzer} per fuzzer; ${ds.generator.excludedTrusted} trusted variants left out; ${ds.generator.invalid.length} invalid variants left out) + ${ds.attackRows.length} attack-fixture rows; negatives: ${ds.unrelatedById.size} unrelated real domains`,
  );
  out.push(`\n## Headline (held-back test split)\n`);
  out.push(
    table(SCORED_HEADER, [
      scoredRow('test', testReport.overall),
      scoredRow('test, related pairs not FP', testReport.overallExcludingRelated),
      scoredRow('train', trainReport.overall),
      scoredRow('train, related pairs not FP', trainReport.overallExcludingRelated),
    ]),
  );
  out.push(`(related: ${testReport.relatedFlags} flags on test, ${trainReport.relatedFlags} on train, matched a trusted domain with the same label or brand; see eval/negatives.ts)`);
  printSplit('Test split', testReport, out);
  printFlagRates(flagReports, out);
  printNotables('Worst five false positives (test split)', worstFp, out);
  printNotables('Worst five false negatives (test split)', worstFn, out);
  out.push(`\n## Attack fixture: ${rowResults.length - disagreements.length}/${rowResults.length} rows agree exactly (verdict, codes, match)\n`);
  for (const d of disagreements) out.push(`- line ${d.row.line} [${d.row.group}] ${d.row.description}: ${visible(d.row.sender, 70)} → ${d.disagreement}`);
  if (ds.generator.invalid.length > 0) {
    out.push(`\n## Generator variants that are not valid domains (${ds.generator.invalid.length}; first 10)\n`);
    for (const v of ds.generator.invalid.slice(0, 10)) out.push(`- ${v.fuzzer}: ${visible(v.domain)} (from ${v.target}): ${v.reason}`);
  }
  if (tuning !== undefined) {
    out.push(`\n## Tuning grid on the TRAIN split (pick: highest F1; ties → lower FP rate → closest to defaults)\n`);
    out.push(
      table(
        ['options', 'TP', 'FN', 'FP', 'TN', 'precision', 'recall', 'FP rate', 'F1'],
        [...tuning.grid]
          .sort((a, b) => (b.train.f1 ?? 0) - (a.train.f1 ?? 0))
          .map((g) => [optionsLabel(g.point), g.train.tp, g.train.fn, g.train.fp, g.train.tn, pct(g.train.precision), pct(g.train.recall), pct(g.train.falsePositiveRate, 2), pct(g.train.f1, 2)]),
      ),
    );
    const same = (p: GridPoint): string => (p.isDefault ? ' (= library defaults)' : ' (differs from the library defaults)');
    out.push(`\npick 1, highest F1 on train: ${optionsLabel(tuning.best)}${same(tuning.best)}`);
    out.push(
      `pick 2, highest recall with train FP rate ≤ ${pct(FP_RATE_BOUND)}: ${tuning.bounded === undefined ? 'no grid point meets the bound' : `${optionsLabel(tuning.bounded)}${same(tuning.bounded)}`}\n`,
    );
    out.push(
      table(SCORED_HEADER, [
        scoredRow('test, pick 1 (F1)', tuning.bestTest),
        ...(tuning.boundedTest === undefined ? [] : [scoredRow(`test, pick 2 (FP ≤ ${pct(FP_RATE_BOUND)})`, tuning.boundedTest)]),
        scoredRow('test, library defaults', testReport.overall),
      ]),
    );
  }
  const elapsedS = (performance.now() - started) / 1000;
  out.push(`\n${judgedAll.length} checks in ${(checkMs / 1000).toFixed(1)} s; total ${elapsedS.toFixed(1)} s on node ${process.version}`);
  process.stdout.write(`${out.join('\n')}\n`);

  // ---- JSON
  const json = {
    generatedBy: 'npm run eval' + (args.tune ? ' -- --tune' : ''),
    node: process.version,
    seed: EVAL_SEED,
    trainShare: TRAIN_SHARE,
    config: CONFIG,
    detectorDefaults: DEFAULT_DETECTOR_OPTIONS,
    data: {
      pools: pools.counts,
      trustedListSize: ds.trusted.length,
      generator: {
        positives: ds.generator.examples.length,
        generated: ds.generator.generated,
        excludedTrusted: ds.generator.excludedTrusted,
        invalid: ds.generator.invalid.length,
        invalidExamples: ds.generator.invalid.slice(0, 50),
        targetsWithoutVariants: ds.generator.targetsWithoutVariants,
      },
      attackRows: ds.attackRows.length,
      unrelated: ds.unrelatedById.size,
    },
    headline: { test: testReport.overall, train: trainReport.overall },
    test: testReport,
    train: trainReport,
    flagRates: flagReports.map((r) => ({ ...r, pairs: r.pairs.slice(0, CONFIG.pairsInJson), topUnrelatedPairs: r.pairs.filter((p) => p.relation === 'unrelated').slice(0, CONFIG.pairsInJson) })),
    worstFalsePositives: worstFp,
    worstFalseNegatives: worstFn,
    missesByTechnique: missesByTechnique(ds, test, 8),
    attackFixture: {
      rows: rowResults.length,
      agree: rowResults.length - disagreements.length,
      disagreements: disagreements.map((d) => ({ line: d.row.line, group: d.row.group, description: d.row.description, sender: d.row.sender, problem: d.disagreement })),
    },
    ...(tuning === undefined
      ? {}
      : {
          tuning: {
            rule: 'pick 1: highest F1 on the train split; ties → lower FP rate → closest to defaults',
            grid: tuning.grid.map((g) => ({ options: optionsLabel(g.point), train: g.train })),
            best: optionsLabel(tuning.best),
            bestIsDefault: tuning.best.isDefault,
            bestOnTest: tuning.bestTest,
            rule2: `pick 2: highest recall with train FP rate ≤ ${FP_RATE_BOUND}; ties → lower FP rate → closest to defaults`,
            bounded: tuning.bounded === undefined ? null : optionsLabel(tuning.bounded),
            boundedIsDefault: tuning.bounded?.isDefault ?? null,
            boundedOnTest: tuning.boundedTest ?? null,
          },
        }),
    timing: { checks: judgedAll.length, checkSeconds: checkMs / 1000, totalSeconds: elapsedS },
  };
  const path = resolve(args.json);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
  log(`wrote ${path}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`eval failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});

/**
 * Renders a results file for people: the terminal tables of `npm run bench`, the issue's targets
 * with pass/fail, the Markdown figures block of bench/README.md and the performance summary of the
 * project's README.md.
 */

import { MIXED_SHARES, STREAM_GROUPS } from './data';
import type { BenchResults, Figure } from './results';

/** One target of issue 4, evaluated on a run. */
export interface TargetRow {
  readonly target: string;
  readonly measured: string;
  /** The verdict on the figure's median round; undefined when the run did not measure what the target needs (e.g. a smoke run). */
  readonly pass: boolean | undefined;
  /**
   * True when the rounds disagree: the first and third quartiles of the figure over its rounds fall
   * on both sides of the target's limit, so at least a quarter of the rounds give the other verdict
   * (see unsettledClause). `pass` is still the median round's verdict; one run does not settle it.
   */
  readonly unsettled?: true;
}

/**
 * Whether the rounds of figure `f` agree on target test `ok` (a limit the figure must stay under or
 * over, so `ok` is monotonic in the figure): undefined when they do or when `f` has no quartiles,
 * else a clause for the row's `measured` text. A noisy run can move a median across a limit (a
 * full run of the twentieth round had the mixed stream at 100 trusted domains at 8.59 µs, quartiles
 * 6.44–10.4, and its flat ratio "passed" at 1.48× where the same library code measured 1.97–2.05×
 * in other runs; bench/README.md "Method" says where that noise came from); the quartiles show
 * when that is possible. Pure.
 */
export function unsettledClause(f: Figure | undefined, ok: (x: number) => boolean, unit = '×'): string | undefined {
  if (f === undefined || f.q1 === undefined || f.q3 === undefined || ok(f.q1) === ok(f.q3)) return undefined;
  return `unsettled: over the rounds it runs ${num(f.q1)}–${num(f.q3)}${unit} (first to third quartile), across the limit`;
}

/** The issue's targets, stated once. */
export const TARGETS = Object.freeze({
  flatMax: 1.5,
  speedupMin: 300,
  speedupAim: 1000,
  floorMaxUs: 1,
  cleanOverFloorMax: 10,
  lookalikeOverFloorMax: 30,
  build100kMaxMs: 5000,
  buildExponentMax: 1.25,
  scanRssGrowthMax: 1.25,
});

/** Percentiles of the per-check latency pass (run.ts measures them, figures `latency.mixed.<size>.p<N>`). */
export const LATENCY_PERCENTILES: readonly number[] = Object.freeze([50, 90, 99]);

function fig(r: BenchResults, id: string): Figure | undefined {
  return r.figures[id];
}

/** A number with 3 significant digits, thousands separated. */
export function num(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toPrecision(2);
}

/**
 * `num(v)`, with a third decimal when two would print a ratio as equal to the limit it is judged
 * against while it is on one side of it (1.502 would read "1.50×" next to "≤ 1.5×").
 */
export function numBeside(v: number, limit: number): string {
  return v !== limit && num(v) === num(limit) ? v.toFixed(3) : num(v);
}

/** A list size, thousands separated (`100,000`). */
export function fmtSize(n: number): string {
  return n.toLocaleString('en-US');
}

/** Evaluates the targets that the run measured. */
export function evaluateTargets(r: BenchResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const v = (id: string): number | undefined => fig(r, id)?.value;
  // A smoke run's sizes and rounds are too small to judge: its targets are shown, not scored.
  const judge = (ok: boolean): boolean | undefined => (r.mode === 'smoke' ? undefined : ok);
  /** Adds a row judged on figure `id` by `ok`, marked unsettled when its rounds disagree (unsettledClause). */
  const judged = (row: TargetRow, id: string, ok: (x: number) => boolean, unit = '×'): void => {
    const clause = row.pass === undefined ? undefined : unsettledClause(fig(r, id), ok, unit);
    rows.push(clause === undefined ? row : { ...row, measured: `${row.measured}; ${clause}`, unsettled: true });
  };
  const at = r.sizes.includes(10_000) ? 10_000 : (r.sizes[r.sizes.length - 1] ?? 0);
  const flat = v('ratio.flat.mixed');
  const big = r.sizes[r.sizes.length - 1];
  const small = r.sizes[0];
  const fullSizes = small === 100 && big === 100_000;
  judged({
    target: `flat: check() at 100,000 trusted ≤ ${TARGETS.flatMax}× its cost at 100 (mixed stream)`,
    measured:
      flat === undefined
        ? 'not measured'
        : `${numBeside(flat, TARGETS.flatMax)}× (${fmtSize(small ?? 0)} → ${fmtSize(big ?? 0)}); per group: ${STREAM_GROUPS.map((g) => `${g} ${numBeside(v(`ratio.flat.${g}`) ?? NaN, TARGETS.flatMax)}×`).join(', ')}` +
          (v('ratio.flat.mixed.p50') === undefined ? '' : `; the median check (each timed alone) ${numBeside(v('ratio.flat.mixed.p50')!, TARGETS.flatMax)}×`) +
          (v('ratio.flat.unflagged.p50') === undefined ? '' : `, of the senders not flagged ${numBeside(v('ratio.flat.unflagged.p50')!, TARGETS.flatMax)}×`) +
          (v('ratio.flat.mixed.sameMix') === undefined
            ? ''
            : `; like for like (each kind of sender, flagged ones by technique, at ${fmtSize(small ?? 0)}'s mix) ${numBeside(v('ratio.flat.mixed.sameMix')!, TARGETS.flatMax)}×, the verdict mix alone ${num(v('ratio.flat.mixed.mixOnly')!)}×`) +
          (v('ratio.flat.floor') === undefined
            ? ''
            : `; the floor itself ${num(v('ratio.flat.floor')!)}× (${num(v(`floor.mixed.${small}`) ?? NaN)} → ${num(v(`floor.mixed.${big}`) ?? NaN)} µs; reported: what one lookup into a list-sized table grows on this machine)`) +
          (v(`flagged.mixed.${small}`) === undefined
            ? ''
            : `; flagged share of the mixed stream ${r.sizes.map((n) => `${v(`flagged.mixed.${n}`)}%`).join(' / ')}, of the clean stream ${r.sizes.map((n) => `${v(`flagged.clean.${n}`)}%`).join(' / ')} (${r.sizes.map(fmtSize).join(' / ')})`),
    pass: flat === undefined || !fullSizes ? undefined : judge(flat <= TARGETS.flatMax),
  }, 'ratio.flat.mixed', (x) => x <= TARGETS.flatMax);
  const speed = v('ratio.speedup.10000');
  judged({
    target: `vs naive loop at 10,000 trusted: ≥ ${TARGETS.speedupMin}× faster (aim ${fmtSize(TARGETS.speedupAim)}×)`,
    measured: speed === undefined ? 'not measured' : `${num(speed)}× (naive ${num(v('naive.mixed.10000')!)} µs, sosie ${num(v('check.mixed.10000')!)} µs); at 100,000: ${num(v('ratio.speedup.100000') ?? NaN)}×`,
    pass: speed === undefined ? undefined : judge(speed >= TARGETS.speedupMin),
  }, 'ratio.speedup.10000', (x) => x >= TARGETS.speedupMin);
  const floor = v('floor.check');
  judged({
    target: `floor (split address + one PSL lookup + one hash lookup) well under ${TARGETS.floorMaxUs} µs`,
    measured: floor === undefined ? 'not measured' : `${num(floor)} µs`,
    pass: floor === undefined ? undefined : judge(floor < TARGETS.floorMaxUs),
  }, 'floor.check', (x) => x < TARGETS.floorMaxUs, ' µs');
  const clean = v('ratio.floor.clean');
  judged({
    target: `clean sender within ${TARGETS.cleanOverFloorMax}× the floor`,
    measured: clean === undefined ? 'not measured' : `${num(clean)}× (${num(v(`check.clean.${at}`) ?? NaN)} µs at ${fmtSize(at)} trusted)`,
    pass: clean === undefined ? undefined : judge(clean <= TARGETS.cleanOverFloorMax),
  }, 'ratio.floor.clean', (x) => x <= TARGETS.cleanOverFloorMax);
  for (const g of ['typo', 'homoglyph'] as const) {
    const x = v(`ratio.floor.${g}`);
    judged({
      target: `${g} lookalike within ${TARGETS.lookalikeOverFloorMax}× the floor`,
      measured: x === undefined ? 'not measured' : `${num(x)}× (${num(v(`check.${g}.${at}`) ?? NaN)} µs at ${fmtSize(at)} trusted)`,
      pass: x === undefined ? undefined : judge(x <= TARGETS.lookalikeOverFloorMax),
    }, `ratio.floor.${g}`, (y) => y <= TARGETS.lookalikeOverFloorMax);
  }
  const b100k = v('build.100000');
  const b10k = v('build.10000');
  const h100k = v('heap.100000');
  judged({
    target: `build: 100,000 trusted entries in a few seconds at most (≤ ${TARGETS.build100kMaxMs / 1000} s), heap reported`,
    measured: b100k === undefined ? 'not measured' : `${num(b100k / 1000)} s, retained heap ${num(h100k ?? NaN)} MB`,
    pass: b100k === undefined ? undefined : judge(b100k <= TARGETS.build100kMaxMs),
  }, 'build.100000', (x) => x <= TARGETS.build100kMaxMs, ' ms');
  const exponent = b100k !== undefined && b10k !== undefined ? Math.log10(b100k / b10k) : undefined;
  rows.push({
    target: `build grows roughly linearly (exponent of build time from 10,000 to 100,000 ≤ ${TARGETS.buildExponentMax})`,
    measured: exponent === undefined ? 'not measured' : `exponent ${exponent.toFixed(2)} (${num(b10k!)} ms → ${num(b100k!)} ms)`,
    pass: exponent === undefined ? undefined : judge(exponent <= TARGETS.buildExponentMax),
  });
  const growth = v('scan.rssGrowth');
  const lps = v('scan.linesPerCpuSecond');
  const scanRuns = Object.keys(r.figures)
    .filter((id) => id.startsWith('scan.maxRss.'))
    .map((id) => Number(id.slice('scan.maxRss.'.length)))
    .sort((a, b) => a - b);
  const rss = scanRuns.map((n) => `${num(v(`scan.maxRss.${n}`)!)} MB at ${fmtSize(n)} lines`).join(', ');
  const first = scanRuns[0];
  rows.push({
    target: `scan streams in bounded memory (peak RSS of the larger file ≤ ${TARGETS.scanRssGrowthMax}× that of the smaller)`,
    measured: growth === undefined ? `not measured${rss === '' ? '' : ` (${rss})`}` : `${num(growth)}× (${rss})`,
    pass: growth === undefined ? undefined : judge(growth <= TARGETS.scanRssGrowthMax),
  });
  rows.push({
    target: 'scan throughput on one core (reported)',
    measured:
      lps === undefined || first === undefined
        ? 'not measured'
        : `${num(lps)} lines per CPU second after start-up; ${num(v(`scan.linesPerSecond.${first}`)!)} lines/s wall clock for ${fmtSize(first)} lines including start-up`,
    pass: undefined,
  });
  const workers = v('scan.workers.scaling');
  const w1 = v('scan.workers.1');
  const w2 = v('scan.workers.2');
  rows.push({
    target: 'scan --workers: scaling from 1 to 2 workers (reported)',
    measured:
      workers === undefined
        ? 'no --workers option'
        : `${num(workers)}× (${w1 === undefined ? '?' : num(w1)} → ${w2 === undefined ? '?' : num(w2)} lines/s wall clock including start-up)`,
    pass: undefined,
  });
  return rows;
}

/** A plain-text table: columns aligned (right where `rightAlign`), a rule under the header, no trailing spaces. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], rightAlign: (col: number) => boolean): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (rightAlign(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function md(header: readonly string[], rows: readonly (readonly string[])[], rightAlign: (col: number) => boolean): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map((_, i) => (rightAlign(i) ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

type Renderer = typeof textTable;

/** The tables of a run, in a given renderer (terminal or Markdown). */
function sections(r: BenchResults, render: Renderer): { title: string; body: string }[] {
  const out: { title: string; body: string }[] = [];
  const v = (id: string): Figure | undefined => fig(r, id);
  const cell = (f: Figure | undefined): string => (f === undefined ? '–' : num(f.value));
  const spread = (f: Figure | undefined): string => (f === undefined || f.q1 === undefined || f.q3 === undefined ? '' : ` (${num(f.q1)}–${num(f.q3)})`);

  if (v(`check.mixed.${r.sizes[0]}`) !== undefined) {
    const rows = STREAM_GROUPS.map((g) => [`sosie check(), ${g}`, ...r.sizes.map((n) => cell(v(`check.${g}.${n}`)))]);
    rows.push(['naive fast-levenshtein loop, mixed', ...r.sizes.map((n) => cell(v(`naive.mixed.${n}`)))]);
    rows.push(['speed-up (naive ÷ sosie, mixed)', ...r.sizes.map((n) => { const f = v(`ratio.speedup.${n}`); return f === undefined ? '–' : `${num(f.value)}×`; })]);
    out.push({
      title: `check(): µs per sender (median of ${r.mode === 'full' ? 11 : 3} interleaved rounds) by trusted-list size; floor ${cell(v('floor.check'))} µs`,
      body: render(['stream', ...r.sizes.map((n) => fmtSize(n))], rows, (i) => i > 0),
    });
  }
  if (v(`latency.mixed.${r.sizes[0]}.p50`) !== undefined) {
    out.push({
      title: 'check(): per-check latency in µs, mixed stream (each check timed alone; median over rounds of each round\'s percentile)',
      body: render(
        ['percentile', ...r.sizes.map((n) => fmtSize(n))],
        [
          ...LATENCY_PERCENTILES.map((p) => [`p${p}`, ...r.sizes.map((n) => cell(v(`latency.mixed.${n}.p${p}`)))]),
          ...(v(`latency.unflagged.${r.sizes[0]}.p50`) === undefined ? [] : [['p50, senders not flagged', ...r.sizes.map((n) => cell(v(`latency.unflagged.${n}.p50`)))]]),
        ],
        (i) => i > 0,
      ),
    });
  }
  if (v(`build.${r.sizes[0]}`) !== undefined) {
    out.push({
      title: 'createDetector: build time and retained heap',
      body: render(
        ['trusted entries', 'build (ms)', 'per entry (µs)', 'retained heap (MB)', 'per entry (bytes)'],
        r.sizes.map((n) => [fmtSize(n), `${cell(v(`build.${n}`))}${spread(v(`build.${n}`))}`, cell(v(`build.perEntry.${n}`)), cell(v(`heap.${n}`)), cell(v(`heap.perEntry.${n}`))]),
        (i) => i > 0,
      ),
    });
  }
  const stages = Object.values(r.figures).filter((f) => f.id.startsWith('stage.'));
  if (stages.length > 0) {
    out.push({
      title: 'pipeline stages alone: µs per call (median, interquartile range)',
      body: render(['stage', 'µs', 'q1–q3', 'normalised'], stages.map((f) => [f.label, num(f.value), `${num(f.q1 ?? NaN)}–${num(f.q3 ?? NaN)}`, f.normalized === undefined ? '' : f.normalized.toPrecision(3)]), (i) => i > 0),
    });
  }
  const chased = Object.values(r.figures).filter((f) => f.id.startsWith('memory.chase.'));
  if (chased.length > 0) {
    out.push({
      title: 'the machine: ns per dependent random load by working-set size (pointer chase, bench/memory.ts; reported, not tracked)',
      body: render(['working set', 'ns per load'], chased.map((f) => [`${f.id.slice('memory.chase.'.length)} MiB`, num(f.value)]), (i) => i > 0),
    });
  }
  const rest = Object.values(r.figures).filter((f) => f.id.startsWith('variants.') || f.id.startsWith('scan.'));
  if (rest.length > 0) {
    out.push({ title: 'generateVariants and scan end to end', body: render(['figure', 'value', 'unit'], rest.map((f) => [f.label, num(f.value), f.unit]), (i) => i === 1) });
  }
  return out;
}

/** The terminal report. */
export function renderReport(r: BenchResults, targets: readonly TargetRow[]): string {
  const m = r.machine;
  const parts = [
    `\nsosie benchmarks — ${r.mode} run, ${r.date}`,
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node} (V8 ${m.v8}), ${m.platform} ${m.release}; calibration ${num(r.calibrationUs)} µs; ${num(r.durationS)} s`,
  ];
  for (const s of sections(r, textTable)) parts.push(`\n${s.title}\n${s.body}`);
  const mark = (t: TargetRow): string => (t.pass === undefined ? '  - ' : `${t.pass ? 'PASS' : 'FAIL'}${t.unsettled === true ? '?' : ''}`).padEnd(5);
  parts.push(`\ntargets (issue 4)${r.mode === 'smoke' ? ' — smoke run: sizes and rounds too small to judge' : ''}`);
  for (const t of targets) parts.push(`${mark(t)} ${t.target}\n      ${t.measured}`);
  if (anyUnsettled(targets)) parts.push(UNSETTLED_LEGEND);
  if (r.notes.length > 0) parts.push(`\nnotes:\n${r.notes.map((n) => `- ${n}`).join('\n')}`);
  return `${parts.join('\n')}\n`;
}

/** The mixed stream's make-up, from the shares the stream is drawn with (`70% clean, 15% full headers, …`). */
function mixedShares(): string {
  return Object.entries(MIXED_SHARES)
    .map(([group, share]) => `${Math.round(share * 100)}% ${group === 'header' ? 'full headers' : group}`)
    .join(', ');
}

/**
 * The performance summary of the project's README.md (Markdown), from the same run as bench/README.md's
 * figures: `--update-readme` writes both, so the two never quote different runs. Only what one run
 * measured, with the targets' verdicts as `evaluateTargets` gives them; why the figures are what they
 * are stays in prose around the block.
 */
export function renderSummaryBlock(r: BenchResults, targets: readonly TargetRow[]): string {
  const m = r.machine;
  const v = (id: string): number | undefined => fig(r, id)?.value;
  const cell = (id: string, unit = ''): string => {
    const x = v(id);
    return x === undefined ? '–' : `${num(x)}${unit}`;
  };
  const row = (label: string, id: (n: number) => string, unit = ''): string[] => [label, ...r.sizes.map((n) => cell(id(n), unit))];
  const rows = [
    row('sosie `check`, mixed stream: mean µs per check', (n) => `check.mixed.${n}`),
    row('naive loop: mean µs per check', (n) => `naive.mixed.${n}`),
    row('speed-up', (n) => `ratio.speedup.${n}`, '×'),
    ...(v(`latency.mixed.${r.sizes[0]}.p50`) === undefined
      ? []
      : [row('median check, each timed alone: µs', (n) => `latency.mixed.${n}.p50`), row('99th percentile: µs', (n) => `latency.mixed.${n}.p99`)]),
  ];
  /** `: met` or `: **missed**` after a target, as evaluateTargets judged it (nothing when it did not). */
  const verdict = (prefix: string): string => {
    const t = targets.find((x) => x.target.startsWith(prefix));
    if (t === undefined || t.pass === undefined) return '';
    if (t.unsettled === true) return t.pass ? ': met in the median round, unsettled (see bench/README.md)' : ': **missed** in the median round, unsettled (see bench/README.md)';
    return t.pass ? ': met' : ': **missed**';
  };
  const ratio = (id: string, limit: number): string => {
    const x = v(id);
    return x === undefined ? '–' : `${numBeside(x, limit)}×`;
  };
  const at = r.sizes.includes(10_000) ? 10_000 : (r.sizes[r.sizes.length - 1] ?? 0);
  const small = r.sizes[0] ?? 0;
  const big = r.sizes[r.sizes.length - 1] ?? 0;
  const median = v('ratio.flat.mixed.p50');
  const judged = r.mode === 'full' && small === 100 && big === 100_000;
  const lines = [
    `Measured ${r.date.slice(0, 10)} with \`${r.command}\` (${r.mode} run) on ${m.cpu}, ${m.cores} cores, Node ${m.node}; ` +
      `method, every figure and the chart in \`bench/README.md\`. Mixed stream: ${mixedShares()}; the naive loop is edit ` +
      'distance with `fast-levenshtein` to every trusted domain, timed in the same interleaved rounds.',
    '',
    md([`trusted domains`, ...r.sizes.map(fmtSize)], rows, (i) => i > 0),
    '',
    `- **Speed-up at 10,000 trusted domains**: ${cell('ratio.speedup.10000', '×')} (target ≥ ${TARGETS.speedupMin}×${verdict('vs naive loop')}).`,
    `- **Floor** (split the address, one public-suffix lookup, one hash lookup): ${cell('floor.check', ' µs')}. At ${fmtSize(at)} trusted ` +
      `domains a clean sender costs ${ratio('ratio.floor.clean', TARGETS.cleanOverFloorMax)} the floor (${cell(`check.clean.${at}`, ' µs')}; target ≤ ${TARGETS.cleanOverFloorMax}×${verdict('clean sender')}), ` +
      `a typo lookalike ${ratio('ratio.floor.typo', TARGETS.lookalikeOverFloorMax)} (${cell(`check.typo.${at}`, ' µs')}; target ≤ ${TARGETS.lookalikeOverFloorMax}×${verdict('typo lookalike')}) ` +
      `and a homoglyph lookalike ${ratio('ratio.floor.homoglyph', TARGETS.lookalikeOverFloorMax)} (${cell(`check.homoglyph.${at}`, ' µs')}; target ≤ ${TARGETS.lookalikeOverFloorMax}×${verdict('homoglyph lookalike')}).`,
    `- **From ${fmtSize(small)} to ${fmtSize(big)} trusted domains** the mixed stream costs ${ratio('ratio.flat.mixed', TARGETS.flatMax)} as much ` +
      `(target ≤ ${TARGETS.flatMax}×${verdict('flat')})` +
      (median === undefined ? '' : `; the median check ${ratio('ratio.flat.mixed.p50', TARGETS.flatMax)}${judged ? (median <= TARGETS.flatMax ? ` (within ${TARGETS.flatMax}×)` : ` (over ${TARGETS.flatMax}× too)`) : ''}`) +
      (v('ratio.flat.unflagged.p50') === undefined ? '' : `, the median check of the senders not flagged ${ratio('ratio.flat.unflagged.p50', TARGETS.flatMax)}`) +
      (v('ratio.flat.mixed.sameMix') === undefined
        ? ''
        : `; each kind of sender alone (the mix of ${fmtSize(small)} held) ${ratio('ratio.flat.mixed.sameMix', TARGETS.flatMax)}, the verdict mix alone ${ratio('ratio.flat.mixed.mixOnly', TARGETS.flatMax)}`) +
      (v('ratio.flat.floor') === undefined ? '' : `; the floor itself, one lookup into a table of the list's labels, ${cell('ratio.flat.floor', '×')}`) +
      (v(`flagged.mixed.${small}`) === undefined ? '' : `; the same kind of stream is flagged ${cell(`flagged.mixed.${small}`, '%')} at ${fmtSize(small)} and ${cell(`flagged.mixed.${big}`, '%')} at ${fmtSize(big)}`) +
      '.',
    `- **Build**: ${fmtSize(big)} trusted entries compile in ${v(`build.${big}`) === undefined ? '–' : num(v(`build.${big}`)! / 1000)} s (target ≤ ${TARGETS.build100kMaxMs / 1000} s${verdict('build: ')}) and retain ${cell(`heap.${big}`, ' MB')}.`,
    `- **\`sosie scan\`**: ${cell('scan.linesPerCpuSecond')} lines per CPU second on one core` +
      (v('scan.maxRss.1000000') === undefined ? '' : `, peak RSS ${cell('scan.maxRss.1000000', ' MB')} for 1,000,000 lines`) +
      (v('scan.maxRss.2000000') === undefined ? '' : ` and ${cell('scan.maxRss.2000000', ' MB')} for 2,000,000`) +
      (v('scan.workers.scaling') === undefined ? '' : `; \`--workers 2\` scans ${cell('scan.workers.scaling', '×')} as many lines per second as one worker`) +
      '.',
  ];
  return lines.join('\n');
}

/** What a target row says when its rounds disagree (the terminal report and bench/README.md). */
export const UNSETTLED_LEGEND =
  'PASS? / FAIL? (unsettled): the verdict of the median round, but the first and third quartiles over the rounds lie on both sides ' +
  'of the limit, so a quarter of the rounds or more say otherwise: the machine was too noisy for this run to settle the target. Run again when it is quieter.';

/** Whether any target was marked unsettled (evaluateTargets marks only judged rows). */
function anyUnsettled(targets: readonly TargetRow[]): boolean {
  return targets.some((t) => t.unsettled === true);
}

/** The result cell of a target in bench/README.md's table. */
function resultCell(t: TargetRow): string {
  if (t.pass === undefined) return '—';
  const verdict = t.pass ? 'pass' : '**FAIL**';
  return t.unsettled === true ? `${verdict}? (unsettled)` : verdict;
}

/** The figures block of bench/README.md (Markdown). */
export function renderReadmeBlock(r: BenchResults, targets: readonly TargetRow[]): string {
  const m = r.machine;
  const parts = [
    `Measured ${r.date.slice(0, 10)} with \`${r.command}\` (${r.mode} run, ${num(r.durationS)} s) on ${m.cpu}, ` +
      `${m.cores} cores (\`nproc\`), ${m.memoryGiB} GiB, Node ${m.node} (V8 ${m.v8}), ${m.platform} ${m.release}. ` +
      `Calibration workload: ${num(r.calibrationUs)} µs per call.`,
    '',
    '**Targets of issue 4**',
    '',
    md(['target', 'measured', 'result'], targets.map((t) => [t.target, t.measured, resultCell(t)]), () => false),
  ];
  if (anyUnsettled(targets)) parts.push('', UNSETTLED_LEGEND);
  for (const s of sections(r, md)) parts.push('', `**${s.title}**`, '', s.body);
  if (r.notes.length > 0) parts.push('', ...r.notes.map((n) => `- ${n}`));
  return parts.join('\n');
}

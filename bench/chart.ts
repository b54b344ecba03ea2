/**
 * The chart of bench/README.md: microseconds per check against trusted-list size, log-log, for
 * sosie (realistic mixed stream) and the naive fast-levenshtein loop, with the floor as a dashed
 * line. Hand-written SVG (no dependency), generated from a results file.
 *
 *   tsx bench/chart.ts [RESULTS.json] [OUT.svg]   (defaults: bench/results/latest.json, bench/chart.svg)
 */

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResults } from './results';

/** One series of the chart. */
export interface Series {
  readonly name: string;
  readonly color: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

const W = 760;
const H = 460;
const M = { left: 78, right: 170, top: 48, bottom: 58 };

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `1 µs`, `20 ms`, `0.5 µs` for a value in microseconds. */
export function formatMicros(us: number): string {
  if (us >= 1000) return `${+(us / 1000).toPrecision(3)} ms`;
  if (us >= 1) return `${+us.toPrecision(3)} µs`;
  return `${+(us * 1000).toPrecision(3)} ns`;
}

function formatSize(n: number): string {
  return n.toLocaleString('en-US');
}

/** Series of a results file: sosie and naive µs/check per size, and the floor. */
export function chartSeries(results: BenchResults): { series: Series[]; floorUs?: number } {
  const pick = (prefix: string): { x: number; y: number }[] =>
    results.sizes.flatMap((size) => {
      const f = results.figures[`${prefix}.${size}`];
      return f === undefined ? [] : [{ x: size, y: f.value }];
    });
  const floor = results.figures['floor.check'];
  return {
    series: [
      { name: 'naive loop (fast-levenshtein)', color: '#c0392b', points: pick('naive.mixed') },
      { name: 'sosie check (mixed stream)', color: '#1f6feb', points: pick('check.mixed') },
    ],
    ...(floor === undefined ? {} : { floorUs: floor.value }),
  };
}

/**
 * Renders the chart.
 * @param series - Points in (trusted-list size, µs per check); non-positive values are dropped.
 * @param floorUs - The floor, drawn as a dashed horizontal line.
 * @param subtitle - One line under the title (machine, Node version).
 */
export function renderChart(series: readonly Series[], floorUs: number | undefined, subtitle: string): string {
  const xs = series.flatMap((s) => s.points.map((p) => p.x)).filter((v) => v > 0);
  const ys = [...series.flatMap((s) => s.points.map((p) => p.y)), ...(floorUs === undefined ? [] : [floorUs])].filter((v) => v > 0);
  const xMin = 10 ** Math.floor(Math.log10(Math.min(...xs, 100)));
  const xMax = 10 ** Math.ceil(Math.log10(Math.max(...xs, 1000)));
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...ys, 1)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...ys, 10)));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (x: number): number => M.left + ((Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * pw;
  const sy = (y: number): number => M.top + ph - ((Math.log10(y) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * ph;
  const r = (v: number): string => v.toFixed(1);

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${M.left}" y="22" font-size="15" font-weight="600">Cost of one check against trusted-list size (log-log)</text>`);
  out.push(`<text x="${M.left}" y="38" fill="#555">${escapeXml(subtitle)}</text>`);
  // grid and ticks: decades, with 2× and 5× minor lines
  for (let d = yMin; d <= yMax * 1.0001; d *= 10) {
    for (const m of [1, 2, 5]) {
      const v = d * m;
      if (v > yMax * 1.0001) break;
      out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${r(sy(v))}" y2="${r(sy(v))}" stroke="${m === 1 ? '#d0d7de' : '#eef1f4'}"/>`);
      if (m === 1) out.push(`<text x="${M.left - 8}" y="${r(sy(v) + 4)}" text-anchor="end" fill="#333">${escapeXml(formatMicros(v))}</text>`);
    }
  }
  for (let d = xMin; d <= xMax * 1.0001; d *= 10) {
    out.push(`<line x1="${r(sx(d))}" x2="${r(sx(d))}" y1="${M.top}" y2="${M.top + ph}" stroke="#d0d7de"/>`);
    out.push(`<text x="${r(sx(d))}" y="${M.top + ph + 18}" text-anchor="middle" fill="#333">${formatSize(d)}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#8c959f"/>`);
  out.push(`<text x="${M.left + pw / 2}" y="${H - 14}" text-anchor="middle" fill="#333">trusted domains</text>`);
  out.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle" fill="#333">time per check (median)</text>`);

  if (floorUs !== undefined && floorUs > 0) {
    out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${r(sy(floorUs))}" y2="${r(sy(floorUs))}" stroke="#6e7781" stroke-dasharray="6 4"/>`);
    out.push(`<text x="${M.left + pw + 8}" y="${r(sy(floorUs) + 4)}" fill="#6e7781">floor ${escapeXml(formatMicros(floorUs))}</text>`);
  }
  series.forEach((s, index) => {
    const pts = s.points.filter((p) => p.x > 0 && p.y > 0);
    if (pts.length === 0) return;
    // The first series' values go above its points, the others' below, so that they do not
    // collide where the lines are close (small lists).
    const dy = index === 0 ? -9 : 19;
    out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2.5" points="${pts.map((p) => `${r(sx(p.x))},${r(sy(p.y))}`).join(' ')}"/>`);
    for (const p of pts) {
      out.push(`<circle cx="${r(sx(p.x))}" cy="${r(sy(p.y))}" r="4" fill="${s.color}"/>`);
      out.push(`<text x="${r(sx(p.x))}" y="${r(sy(p.y) + dy)}" text-anchor="middle" fill="${s.color}" font-size="11">${escapeXml(formatMicros(p.y))}</text>`);
    }
    const last = pts[pts.length - 1]!;
    out.push(`<text x="${M.left + pw + 8}" y="${r(sy(last.y) + 4)}" fill="${s.color}" font-weight="600">${escapeXml(s.name.split(' (')[0]!)}</text>`);
  });
  // legend
  series.forEach((s, i) => {
    const y = M.top + 14 + i * 18;
    out.push(`<line x1="${M.left + 12}" x2="${M.left + 36}" y1="${y}" y2="${y}" stroke="${s.color}" stroke-width="2.5"/>`);
    out.push(`<text x="${M.left + 42}" y="${y + 4}" fill="#333">${escapeXml(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Renders the chart of a results file. */
export function chartOf(results: BenchResults): string {
  const { series, floorUs } = chartSeries(results);
  const m = results.machine;
  return renderChart(series, floorUs, `${m.cpu}, ${m.cores} cores, Node ${m.node}, ${results.date.slice(0, 10)}`);
}

// By file name, not import.meta.url: in the benchmark bundle (node-flags.ts) every module shares one URL.
const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])chart\.(?:ts|bundle\.mjs)$/u.test(process.argv[1]);
if (invokedDirectly) {
  const input = process.argv[2] ?? 'bench/results/latest.json';
  const output = process.argv[3] ?? 'bench/chart.svg';
  writeFileSync(output, chartOf(JSON.parse(readFileSync(input, 'utf8')) as BenchResults));
  console.log(`wrote ${output}`);
}

/**
 * The generated blocks of the two READMEs: the figures of bench/README.md and the performance summary
 * of the project's README.md, both from one results file, so that they never quote different runs.
 * `npm run bench -- --update-readme` writes them from the run it just made; this script rewrites them
 * from a results file without measuring anything (after a change to the wording, say).
 *
 *   tsx bench/readme.ts [RESULTS.json]   (default: bench/baseline.json, the committed run)
 */

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateTargets, renderReadmeBlock, renderSummaryBlock } from './report';
import type { BenchResults } from './results';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` (NAME `figures` by default:
 * bench/README.md; `bench-summary` in the project's README.md). Throws when the markers are missing.
 */
export function replaceBlock(readme: string, block: string, name = 'figures'): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`no ${start} … ${end} block`);
  return `${readme.slice(0, a + start.length)}\n${block.trim()}\n${readme.slice(b)}`;
}

/** Both READMEs' texts with their blocks rewritten from `results`. Pure. */
export function renderReadmes(results: BenchResults, benchReadme: string, mainReadme: string): { bench: string; main: string } {
  const targets = evaluateTargets(results);
  return {
    bench: replaceBlock(benchReadme, renderReadmeBlock(results, targets)),
    main: replaceBlock(mainReadme, renderSummaryBlock(results, targets), 'bench-summary'),
  };
}

/** Rewrites the figures block of bench/README.md and the summary block of README.md from `results`. */
export function updateReadmes(results: BenchResults): void {
  const benchFile = path.join(ROOT, 'bench', 'README.md');
  const mainFile = path.join(ROOT, 'README.md');
  const out = renderReadmes(results, readFileSync(benchFile, 'utf8'), readFileSync(mainFile, 'utf8'));
  writeFileSync(benchFile, out.bench);
  writeFileSync(mainFile, out.main);
}

if (process.argv[1] !== undefined && /(?:^|[\\/])readme\.ts$/u.test(process.argv[1])) {
  const file = process.argv[2] ?? path.join(ROOT, 'bench', 'baseline.json');
  updateReadmes(JSON.parse(readFileSync(file, 'utf8')) as BenchResults);
  console.error(`rewrote the figures of bench/README.md and README.md from ${path.relative(process.cwd(), file)}`);
}

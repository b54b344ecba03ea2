/**
 * `npm run lint:redos` — proves that no regular expression in the code base can backtrack
 * catastrophically (ReDoS).
 *
 * Finds every regex literal and every `RegExp(...)` / `new RegExp(...)` call in src/, scripts/,
 * eval/ and bench/ (or the folders given as arguments) with the TypeScript parser (so regexes in
 * strings and comments are not mistaken for code), and runs the recheck ReDoS checker
 * (https://makenowjust-labs.github.io/recheck/, npm `recheck`) on each. recheck decides with an
 * automaton analysis where it can and falls back to fuzzing; its verdict is `safe` (linear or
 * polynomial of degree 1), `vulnerable` (polynomial or exponential, with an attack string), or
 * `unknown` (it could not decide in time).
 *
 * The pure-JavaScript backend is forced (RECHECK_BACKEND=pure) so that the check runs offline and
 * without Java or the native binary.
 *
 * Exit status: 0 when every regex is safe; 1 when one is vulnerable or undecided, or when a
 * `RegExp` is built from a non-literal pattern (it cannot be checked statically: write it as a
 * literal, or review it by hand and list representative values in REVIEWED_TEMPLATES).
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

process.env['RECHECK_BACKEND'] = 'pure';

/**
 * RegExp calls whose pattern is a template with substitutions, reviewed by hand: keyed by
 * `file|template source`, with representative substitution values; each instantiation is checked.
 * Keyed by text, not line, so the entry survives edits elsewhere in the file.
 */
const REVIEWED_TEMPLATES: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  // One anchored code point of a Unicode script (UTS #24 Script property): linear for any script name.
  ["src/skeleton/script-of.ts|`^\\\\p{Script=${NAMES[index] ?? 'Unknown'}}$`", [['Latin'], ['Cyrillic'], ['Greek'], ['Han']]],
]);

const DEFAULT_DIRS = ['src', 'scripts', 'eval', 'bench'];
const EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'generated', '.git']);

/** One regular expression found in the code. */
export interface FoundRegex {
  readonly file: string;
  readonly line: number;
  readonly kind: 'literal' | 'RegExp';
  /** The pattern, or undefined when it is computed at run time. */
  readonly source: string | undefined;
  readonly flags: string;
  /** For a template pattern with substitutions: its source text and the cooked text between substitutions. */
  readonly template?: { readonly text: string; readonly parts: readonly string[] };
}

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) walk(path, out);
    else if (EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) out.push(path);
  }
}

function literalText(node: ts.Node | undefined): string | undefined {
  if (node === undefined) return '';
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

/** Finds the regexes of one source text. */
export function findRegexes(file: string, text: string): FoundRegex[] {
  const kind = file.endsWith('.ts') || file.endsWith('.mts') || file.endsWith('.cts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const out: FoundRegex[] = [];
  const lineOf = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const t = node.getText(sf);
      const end = t.lastIndexOf('/');
      out.push({ file, line: lineOf(node), kind: 'literal', source: t.slice(1, end), flags: t.slice(end + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const args = node.arguments ?? ts.factory.createNodeArray();
      const first = args[0];
      const source = first === undefined ? '' : literalText(first);
      const flags = literalText(args[1]);
      const template =
        first !== undefined && ts.isTemplateExpression(first)
          ? { text: first.getText(sf), parts: [first.head.text, ...first.templateSpans.map((s) => s.literal.text)] }
          : undefined;
      out.push({
        file,
        line: lineOf(node),
        kind: 'RegExp',
        source: flags === undefined ? undefined : source,
        flags: flags ?? '',
        ...(template === undefined ? {} : { template }),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** recheck's verdict on one regex. */
interface Verdict {
  readonly status: 'safe' | 'vulnerable' | 'unknown' | 'dynamic';
  readonly complexity: string;
  readonly checker: string;
  readonly attack: string;
  readonly ms: number;
}

async function checkOne(found: FoundRegex, root: string): Promise<Verdict> {
  if (found.source === undefined) {
    const values = found.template === undefined ? undefined : REVIEWED_TEMPLATES.get(`${relative(root, found.file)}|${found.template.text}`);
    if (values === undefined || found.template === undefined) return { status: 'dynamic', complexity: '-', checker: '-', attack: 'computed pattern', ms: 0 };
    const parts = found.template.parts;
    let worst: Verdict | undefined;
    for (const subs of values) {
      const source = parts.map((p, i) => p + (subs[i] ?? '')).join('');
      const v = await checkSource(source, found.flags);
      if (worst === undefined || v.status !== 'safe') worst = { ...v, attack: v.attack || `reviewed; ${values.length} instantiations` };
      if (v.status !== 'safe') break;
    }
    return worst!;
  }
  return checkSource(found.source, found.flags);
}

async function checkSource(source: string, flags: string): Promise<Verdict> {
  const { check } = await import('recheck');
  const start = performance.now();
  const d = await check(source, flags, { timeout: 20_000, randomSeed: 42 });
  const ms = performance.now() - start;
  if (d.status === 'safe') return { status: 'safe', complexity: d.complexity.summary, checker: d.checker, attack: '', ms };
  if (d.status === 'vulnerable') return { status: 'vulnerable', complexity: d.complexity.summary, checker: d.checker, attack: d.attack.pattern, ms };
  return { status: 'unknown', complexity: '-', checker: d.checker ?? '-', attack: d.error.kind, ms };
}

function clip(s: string, n: number): string {
  return [...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s;
}

async function main(): Promise<void> {
  const root = resolve(process.cwd());
  const dirs = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files: string[] = [];
  for (const d of dirs.length > 0 ? dirs : DEFAULT_DIRS) walk(resolve(root, d), files);
  const found = files.flatMap((f) => findRegexes(f, readFileSync(f, 'utf8')));
  const rows: string[][] = [];
  let failures = 0;
  for (const f of found) {
    const v = await checkOne(f, root);
    if (v.status === 'vulnerable' || v.status === 'unknown' || v.status === 'dynamic') failures++;
    rows.push([`${relative(root, f.file)}:${f.line}`, f.source === undefined ? '(computed)' : clip(`/${f.source}/${f.flags}`, 60), v.status, v.complexity, v.checker, clip(v.attack, 40), v.ms.toFixed(0)]);
  }
  const header = ['where', 'regex', 'status', 'complexity', 'checker', 'attack / note', 'ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const fmt = (r: readonly string[]): string => r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd();
  process.stdout.write(`${fmt(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(fmt).join('\n')}\n`);
  process.stdout.write(`\n${found.length} regular expressions in ${files.length} files; checker: recheck (pure JS backend)`);
  process.stdout.write(failures === 0 ? '; all safe.\n' : `; ${failures} not proven safe.\n`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`check-redos failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});

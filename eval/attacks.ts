/**
 * The hand-curated attack fixture (fixtures/attacks/attacks.jsonl): loading, validation, and turning
 * rows into labelled examples. Each row carries its own small trusted list, so detectors are built
 * per distinct list (and options) and reused across rows.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDetector, type Detector, type DetectorOptions, type TrustedInput } from '../src/detector';
import type { Verdict } from '../src/types';
import { FLAGGED_VERDICTS, type Example } from './metrics';
import { splitOf } from './seed';

/** Path of the fixture. */
export const ATTACKS_PATH = fileURLToPath(new URL('../fixtures/attacks/attacks.jsonl', import.meta.url));

/** The verdicts a row may expect. */
const VERDICTS: ReadonlySet<string> = new Set<Verdict>(['trusted', 'lookalike', 'impersonation', 'suspicious', 'unknown', 'invalid']);

/** One row of the fixture. */
export interface AttackRow {
  /** Family of the row (typo, homoglyph, …, legit, invalid); see fixtures/attacks/README.md. */
  readonly group: string;
  readonly description: string;
  /** The trusted list, as entries accepted by `createDetector`. */
  readonly trusted: readonly (string | TrustedInput)[];
  /** Options of `createDetector` for this row (only `words` is used). */
  readonly options?: Pick<DetectorOptions, 'words'>;
  /** The raw `From:` value. */
  readonly sender: string;
  readonly expect: Verdict;
  /** Reason codes that must all be reported. */
  readonly codes: readonly string[];
  /** The trusted domain that must be named as `match.domain`, when given. */
  readonly match?: string;
  /** 1-based line in the fixture. */
  readonly line: number;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Parses and validates the fixture text; throws naming the line of the first bad row. */
export function parseAttacks(text: string): AttackRow[] {
  const rows: AttackRow[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    const where = `attacks.jsonl:${i + 1}`;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch (error) {
      throw new Error(`${where}: not JSON (${(error as Error).message})`);
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${where}: a row must be an object`);
    const o = v as Record<string, unknown>;
    const known = new Set(['group', 'description', 'trusted', 'options', 'sender', 'expect', 'codes', 'match']);
    for (const k of Object.keys(o)) if (!known.has(k)) throw new Error(`${where}: unknown field "${k}"`);
    if (typeof o['group'] !== 'string' || o['group'] === '') throw new Error(`${where}: "group" must be a non-empty string`);
    if (typeof o['description'] !== 'string' || o['description'].length < 10) throw new Error(`${where}: "description" must be a sentence`);
    if (seen.has(o['description'])) throw new Error(`${where}: duplicate description`);
    seen.add(o['description']);
    if (!Array.isArray(o['trusted']) || o['trusted'].length === 0) throw new Error(`${where}: "trusted" must be a non-empty array`);
    if (typeof o['sender'] !== 'string') throw new Error(`${where}: "sender" must be a string`);
    if (typeof o['expect'] !== 'string' || !VERDICTS.has(o['expect'])) throw new Error(`${where}: "expect" must be a verdict`);
    if (!isStringArray(o['codes'])) throw new Error(`${where}: "codes" must be an array of strings`);
    if (o['match'] !== undefined && typeof o['match'] !== 'string') throw new Error(`${where}: "match" must be a string`);
    const options = o['options'];
    if (options !== undefined) {
      if (options === null || typeof options !== 'object' || !isStringArray((options as Record<string, unknown>)['words'])) {
        throw new Error(`${where}: "options" may only hold "words", an array of strings`);
      }
    }
    rows.push({
      group: o['group'],
      description: o['description'],
      trusted: o['trusted'] as (string | TrustedInput)[],
      ...(options === undefined ? {} : { options: { words: (options as { words: string[] }).words } }),
      sender: o['sender'],
      expect: o['expect'] as Verdict,
      codes: o['codes'],
      ...(o['match'] === undefined ? {} : { match: o['match'] as string }),
      line: i + 1,
    });
  }
  return rows;
}

/** Loads the fixture from disk. */
export function loadAttacks(path: string = ATTACKS_PATH): AttackRow[] {
  return parseAttacks(readFileSync(path, 'utf8'));
}

/** Builds (and caches) one detector per distinct trusted list and options. */
export class DetectorCache {
  readonly #cache = new Map<string, Detector>();
  readonly #base: DetectorOptions;

  constructor(base: DetectorOptions = {}) {
    this.#base = base;
  }

  for(row: Pick<AttackRow, 'trusted' | 'options'>): Detector {
    const key = JSON.stringify([row.trusted, row.options ?? null]);
    let d = this.#cache.get(key);
    if (d === undefined) {
      const words = [...(this.#base.words ?? []), ...(row.options?.words ?? [])];
      d = createDetector(row.trusted, { ...this.#base, ...(words.length === 0 ? {} : { words }) });
      this.#cache.set(key, d);
    }
    return d;
  }
}

/** A row as a labelled example: rows expecting a warning verdict are positives. */
export function attackExample(row: AttackRow): Example {
  return {
    id: `attacks:${row.line}`,
    source: 'attacks',
    split: splitOf(`attack:${row.description}`),
    sender: row.sender,
    positive: FLAGGED_VERDICTS.has(row.expect),
    ...(row.match === undefined ? {} : { target: row.match }),
    technique: `attacks/${row.group}`,
    expectedCodes: row.codes.filter((c) => c !== 'trusted-domain' && c !== 'trusted-address'),
  };
}

/** Whether a result agrees with a row exactly (verdict, every code, match); returns the disagreement. */
export function rowDisagreement(row: AttackRow, result: { verdict: Verdict; reasons: readonly { code: string }[]; match?: { domain: string } }): string | undefined {
  const codes = [...new Set(result.reasons.map((r) => r.code))];
  const got = `${result.verdict} [${codes.join(', ')}]${result.match === undefined ? '' : ` → ${result.match.domain}`}`;
  if (result.verdict !== row.expect) return `verdict ${result.verdict}, expected ${row.expect}: ${got}`;
  const missing = row.codes.filter((c) => !codes.includes(c));
  if (missing.length > 0) return `missing ${missing.join(', ')}: ${got}`;
  if (row.match !== undefined && result.match?.domain !== row.match) return `match ${result.match?.domain ?? 'none'}, expected ${row.match}: ${got}`;
  return undefined;
}

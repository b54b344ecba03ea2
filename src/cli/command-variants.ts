/**
 * `sosie variants DOMAIN...`: the lookalike domains an attacker could register, streamed as the
 * generator yields them (nothing is collected first, even for `--format json`, which writes `[`,
 * the items, then `]`). Output is written in blocks of about 16 KiB, each awaited (backpressure).
 */

import { FUZZERS, generateVariants, VariantInputError, type FuzzerId, type KeyboardLayout, type Variant, type VariantOptions } from '../index';
import { csvRow } from './csv';
import { CliError, EXIT } from './errors';
import { writeOut, type CliIO } from './io';
import { describeVariantDetail } from './variant-detail';

/** Output formats of `sosie variants`. */
export const VARIANT_FORMATS = ['list', 'json', 'jsonl', 'csv'] as const;
/** One output format of `sosie variants`. */
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

/** Keyboard layouts accepted by `--layouts`. */
export const LAYOUTS: readonly KeyboardLayout[] = Object.freeze(['qwerty', 'qwertz', 'azerty'] as const);

/** Options of `sosie variants`. */
export interface VariantsCommandOptions {
  /** Comma-separated fuzzer ids. */
  readonly fuzzers?: string;
  /** Comma-separated keyboard layouts. */
  readonly layouts?: string;
  readonly format: VariantFormat;
  /** Most variants per domain. */
  readonly limit?: number;
  /** `list` format: print the Unicode form (default: ASCII, what registrars and DNS tools take). */
  readonly unicode: boolean;
  /** Generate IDN (non-ASCII) variants (default true; `--no-idn` turns them off). */
  readonly idn: boolean;
}

/** The CSV header of `sosie variants`. */
export const VARIANT_CSV_HEADER = ['domain', 'ascii', 'fuzzer', 'detail'] as const;

/** Flush output when the pending text reaches this size. */
const FLUSH_AT = 16 * 1024;

/** Splits `a, b,c` into ids; empty items are ignored. */
function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Validates `--fuzzers`. */
export function parseFuzzers(text: string): FuzzerId[] {
  const known = new Set<string>(FUZZERS.map((f) => f.id));
  const ids = splitList(text);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new CliError(`sosie: unknown fuzzer ${unknown.map((u) => JSON.stringify(u)).join(', ')}; known: ${[...known].join(', ')} (see sosie variants --list-fuzzers)`);
  }
  if (ids.length === 0) throw new CliError('sosie: --fuzzers needs at least one fuzzer id (see sosie variants --list-fuzzers)');
  return ids as FuzzerId[];
}

/** Validates `--layouts`. */
export function parseLayouts(text: string): KeyboardLayout[] {
  const ids = splitList(text);
  const unknown = ids.filter((id) => !(LAYOUTS as readonly string[]).includes(id));
  if (unknown.length > 0) {
    throw new CliError(`sosie: unknown keyboard layout ${unknown.map((u) => JSON.stringify(u)).join(', ')}; known: ${LAYOUTS.join(', ')}`);
  }
  if (ids.length === 0) throw new CliError(`sosie: --layouts needs at least one of ${LAYOUTS.join(', ')}`);
  return ids as KeyboardLayout[];
}

/** `sosie variants --list-fuzzers`: each fuzzer id and its one-line description, aligned. */
export async function runListFuzzers(io: CliIO): Promise<number> {
  const width = Math.max(...FUZZERS.map((f) => f.id.length));
  const text = FUZZERS.map((f) => `${f.id.padEnd(width)}  ${f.description}\n`).join('');
  await writeOut(io.stdout, text);
  return EXIT.ok;
}

/** One variant in a format (json items are written by the caller, with separators). */
function render(variant: Variant, format: VariantFormat, unicode: boolean): string {
  switch (format) {
    case 'list':
      return `${unicode ? variant.domain : variant.ascii}\n`;
    case 'jsonl':
      return `${JSON.stringify(variant)}\n`;
    case 'json':
      return `  ${JSON.stringify(variant)}`;
    case 'csv':
      // `detail` is structured (changes, suffix, word, ...): summarised in words here; the json
      // and jsonl formats keep the structure.
      return csvRow([variant.domain, variant.ascii, variant.fuzzer, describeVariantDetail(variant)]);
  }
}

/** Runs `sosie variants DOMAIN...`; returns 0, or throws `CliError` (exit 2) on a bad domain or option. */
export async function runVariants(io: CliIO, domains: readonly string[], options: VariantsCommandOptions): Promise<number> {
  if (domains.length === 0) throw new CliError('sosie: variants needs a DOMAIN (or --list-fuzzers); see sosie variants --help');
  const variantOptions: VariantOptions = {
    ...(options.fuzzers === undefined ? {} : { fuzzers: parseFuzzers(options.fuzzers) }),
    ...(options.layouts === undefined ? {} : { keyboards: parseLayouts(options.layouts) }),
    ...(options.idn ? {} : { idn: false }),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  };

  // Start every generator and pull its first item before writing anything: a bad domain (which
  // the generator reports on its first step) then fails cleanly with exit 2 and no partial output.
  const started: { first: IteratorResult<Variant>; rest: Iterator<Variant> }[] = [];
  for (const domain of domains) {
    try {
      const rest = generateVariants(domain, variantOptions);
      started.push({ first: rest.next(), rest });
    } catch (error) {
      if (error instanceof VariantInputError) throw new CliError(`sosie: ${JSON.stringify(domain)}: ${error.message}`);
      throw error;
    }
  }

  const { format, unicode } = options;
  let pending = format === 'json' ? '[' : format === 'csv' ? csvRow(VARIANT_CSV_HEADER) : '';
  let count = 0;
  for (const { first, rest } of started) {
    for (let step = first; step.done !== true; step = rest.next()) {
      if (format === 'json') pending += count === 0 ? '\n' : ',\n';
      pending += render(step.value, format, unicode);
      count++;
      if (pending.length >= FLUSH_AT) {
        await writeOut(io.stdout, pending);
        pending = '';
        if (io.stdout.closed) return EXIT.ok;
      }
    }
  }
  if (format === 'json') pending += count === 0 ? ']\n' : '\n]\n';
  await writeOut(io.stdout, pending);
  return EXIT.ok;
}

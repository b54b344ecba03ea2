/**
 * Defaults and validation of `VariantOptions`. Options are checked once, when `generateVariants`
 * is called; a wrong option throws `VariantInputError` with code `invalid-option`.
 */

import { parse } from 'tldts';
import { toAsciiDomain, toUnicodeDomain } from '../normalize';
import { BUSINESS_WORDS } from './business-words';
import { VariantInputError } from './errors';
import { FUZZER_IDS } from './fuzzers';
import { KEYBOARD_LAYOUTS, type KeyboardLayout } from './keyboards';
import type { FuzzerId, IdnPolicy, VariantOptions } from './types';

/** The defaults of {@link VariantOptions} (callbacks and stats excepted), frozen. */
export const DEFAULT_VARIANT_OPTIONS: Readonly<{
  readonly fuzzers: readonly FuzzerId[];
  readonly keyboards: readonly KeyboardLayout[];
  readonly limit: number;
  readonly words: readonly string[];
  readonly tlds: readonly string[];
  readonly idn: boolean;
  readonly idnPolicy: IdnPolicy;
  readonly privateSuffixes: boolean;
}> = Object.freeze({
  fuzzers: FUZZER_IDS,
  keyboards: KEYBOARD_LAYOUTS,
  /** No limit: the iterator is lazy, so a caller that stops early pays only for what it took. */
  limit: Number.POSITIVE_INFINITY,
  words: Object.freeze([]),
  tlds: Object.freeze([]),
  idn: true,
  /** 'any': report every valid IDN; registries differ and some do not enforce their tables. */
  idnPolicy: 'any',
  privateSuffixes: true,
});

/** Options after defaults and checks. */
export interface ResolvedOptions {
  readonly fuzzers: ReadonlySet<FuzzerId>;
  readonly keyboards: readonly KeyboardLayout[];
  readonly limit: number;
  readonly words: readonly string[];
  readonly tlds: readonly string[];
  readonly idn: boolean;
  readonly idnPolicy: IdnPolicy;
  readonly privateSuffixes: boolean;
}

function invalid(option: string, message: string): VariantInputError {
  return new VariantInputError('invalid-option', option, `option "${option}": ${message}`);
}

function stringArray(option: string, value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw invalid(option, 'must be an array of strings');
  return value as readonly string[];
}

function booleanOption(option: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalid(option, 'must be true or false');
  return value;
}

/**
 * Probe label for suffix lookups: a name no PSL rule lists (`x.bg`, `a.bg` are suffixes themselves,
 * `*.ck` makes every label under ck a suffix, so a one-letter probe would mislead).
 */
const PROBE_LABEL = 'sosie-probe';

/** A suffix the PSL knows (ICANN section, or private when enabled) and under which a name can be registered, in ASCII. */
export function isKnownAsciiSuffix(ascii: string, privateSuffixes: boolean): boolean {
  const r = parse(`${PROBE_LABEL}.${ascii}`, {
    allowPrivateDomains: privateSuffixes,
    detectIp: false,
    extractHostname: false,
    mixedInputs: false,
    validateHostname: false,
  });
  return r.publicSuffix === ascii && (r.isIcann === true || (privateSuffixes && r.isPrivate === true));
}

/** Extra suffix as given → its Unicode form, or throws. */
function resolveSuffix(text: string, privateSuffixes: boolean): string {
  const trimmed = text.trim().toLowerCase().replace(/^\./, '');
  const ascii = toAsciiDomain(trimmed);
  const unicode = ascii === null ? null : toUnicodeDomain(ascii);
  if (ascii === null || unicode === null || !isKnownAsciiSuffix(ascii, privateSuffixes)) {
    throw invalid('tlds', `"${text}" is not a suffix of the Public Suffix List${privateSuffixes ? '' : ' (ICANN section)'}`);
  }
  return unicode;
}

/**
 * Applies defaults and checks every option.
 * @throws {VariantInputError} code `invalid-option`.
 */
export function resolveOptions(options: VariantOptions): ResolvedOptions {
  if (options === null || typeof options !== 'object') throw invalid('options', 'must be an object');
  const fuzzers = stringArray('fuzzers', options.fuzzers) ?? DEFAULT_VARIANT_OPTIONS.fuzzers;
  for (const f of fuzzers) {
    if (!(FUZZER_IDS as readonly string[]).includes(f)) throw invalid('fuzzers', `unknown fuzzer "${f}"; known: ${FUZZER_IDS.join(', ')}`);
  }
  const keyboards = stringArray('keyboards', options.keyboards) ?? DEFAULT_VARIANT_OPTIONS.keyboards;
  for (const k of keyboards) {
    if (!(KEYBOARD_LAYOUTS as readonly string[]).includes(k)) throw invalid('keyboards', `unknown layout "${k}"; known: ${KEYBOARD_LAYOUTS.join(', ')}`);
  }
  const limit = options.limit ?? DEFAULT_VARIANT_OPTIONS.limit;
  if (typeof limit !== 'number' || Number.isNaN(limit) || limit < 0 || (Number.isFinite(limit) && !Number.isInteger(limit))) {
    throw invalid('limit', 'must be a whole number of variants, 0 or more (or Infinity)');
  }
  const privateSuffixes = booleanOption('privateSuffixes', options.privateSuffixes, DEFAULT_VARIANT_OPTIONS.privateSuffixes);
  const idn = booleanOption('idn', options.idn, DEFAULT_VARIANT_OPTIONS.idn);
  const idnPolicy = options.idnPolicy ?? DEFAULT_VARIANT_OPTIONS.idnPolicy;
  if (idnPolicy !== 'any' && idnPolicy !== 'registry') throw invalid('idnPolicy', 'must be "any" or "registry"');

  const words: string[] = [...BUSINESS_WORDS];
  const seenWords = new Set(words);
  for (const w of stringArray('words', options.words) ?? []) {
    const word = w.trim().toLowerCase();
    if (word === '' || /[\s.]/u.test(word)) throw invalid('words', `"${w}" is not a word (empty, or contains a space or a dot)`);
    if (!seenWords.has(word)) {
      seenWords.add(word);
      words.push(word);
    }
  }
  const tlds: string[] = [];
  for (const t of stringArray('tlds', options.tlds) ?? []) {
    const suffix = resolveSuffix(t, privateSuffixes);
    if (!tlds.includes(suffix)) tlds.push(suffix);
  }
  if (options.stats !== undefined && (options.stats === null || typeof options.stats !== 'object')) throw invalid('stats', 'must be an object');
  if (options.onSkip !== undefined && typeof options.onSkip !== 'function') throw invalid('onSkip', 'must be a function');
  return {
    fuzzers: new Set(fuzzers as readonly FuzzerId[]),
    keyboards: KEYBOARD_LAYOUTS.filter((k) => keyboards.includes(k)),
    limit,
    words,
    tlds,
    idn,
    idnPolicy,
    privateSuffixes,
  };
}

/**
 * Structural fuzzers: the label kept (or nearly) and the domain around it changed.
 * - `subdomain`: a dot inside the label, so the tail becomes the registrable domain (`cont.oso.com`);
 * - `combo`: the brand glued to a business word (`contoso-invoices.com`, `paycontoso.com`);
 * - `tld-swap`: the same label under another suffix (`contoso.co`);
 * - `level-squat`: the input's whole domain in front of another suffix (`contoso.com.xyz`, where an
 *   attacker registers `com.xyz`), or hyphenated into the label (`contoso-com.xyz`).
 */

import { ABUSED_SUFFIXES, countryVariants, suffixTypos } from '../tlds';
import type { SuffixSource } from '../types';
import { labelCandidate, type Candidate, type FuzzContext } from './context';

function join(chars: readonly string[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += chars[i];
  return out;
}

/**
 * `subdomain`: one dot inserted between two characters of the label, never next to a hyphen
 * (dnstwist's rule: `cont-.oso` would be invalid anyway). The variant is a host under the
 * registrable domain formed by the tail (`oso.com`).
 */
export function* subdomain(ctx: FuzzContext): Generator<Candidate> {
  const { chars } = ctx;
  for (let i = 1; i < chars.length; i++) {
    if (chars[i - 1] === '-' || chars[i] === '-') continue;
    yield {
      left: `${join(chars, 0, i)}.${join(chars, i, chars.length)}`,
      suffix: ctx.suffix,
      expect: 'host',
      changes: [{ position: i, from: '', to: '.' }],
    };
  }
}

/**
 * `combo`: for each word (the built-in business words, then the caller's), four labels in this
 * order: brand+word, brand-word, word+brand, word-brand.
 */
export function* combo(ctx: FuzzContext): Generator<Candidate> {
  const { label } = ctx;
  const end = ctx.chars.length;
  for (const word of ctx.words) {
    yield labelCandidate(ctx, label + word, [{ position: end, from: '', to: word }], { word, placement: 'suffix', hyphen: false });
    yield labelCandidate(ctx, `${label}-${word}`, [{ position: end, from: '', to: `-${word}` }], { word, placement: 'suffix', hyphen: true });
    yield labelCandidate(ctx, word + label, [{ position: 0, from: '', to: word }], { word, placement: 'prefix', hyphen: false });
    yield labelCandidate(ctx, `${word}-${label}`, [{ position: 0, from: '', to: `${word}-` }], { word, placement: 'prefix', hyphen: true });
  }
}

/** Suffixes from several sources, each kept once (first source wins), known to the PSL, not the input's. */
function collectSuffixes(ctx: FuzzContext, sources: readonly [SuffixSource, readonly string[]][]): [string, SuffixSource][] {
  const seen = new Set<string>([ctx.suffix]);
  const out: [string, SuffixSource][] = [];
  for (const [source, list] of sources) {
    for (const s of list) {
      if (seen.has(s)) continue;
      seen.add(s);
      if (ctx.isKnownSuffix(s)) out.push([s, source]);
    }
  }
  return out;
}

/**
 * `tld-swap`: the label under other suffixes: the input suffix's country variants, its typos, the
 * curated abused list, then the caller's extra suffixes (tlds.ts explains each source).
 */
export function* tldSwap(ctx: FuzzContext): Generator<Candidate> {
  const suffixes = collectSuffixes(ctx, [
    ['country', countryVariants(ctx.suffix)],
    ['typo', suffixTypos(ctx.suffix)],
    ['abused', ABUSED_SUFFIXES],
    ['option', ctx.extraSuffixes],
  ]);
  for (const [suffix, source] of suffixes) {
    yield { left: ctx.label, suffix, expect: 'registrable', changes: [], extra: { suffix: { from: ctx.suffix, to: suffix, source } } };
  }
}

/**
 * `level-squat`: for the input's own suffix, then each curated and extra suffix T: first
 * `<registrable domain>.T` (a host under `<last suffix label>.T`, which is what gets registered), then
 * `<label>-<suffix with dots as hyphens>.T` (`contoso-co-uk.com`).
 */
export function* levelSquat(ctx: FuzzContext): Generator<Candidate> {
  const seen = new Set<string>();
  const suffixes: [string, SuffixSource][] = [];
  for (const [source, list] of [
    ['input', [ctx.suffix]],
    ['abused', ABUSED_SUFFIXES],
    ['option', ctx.extraSuffixes],
  ] as const) {
    for (const s of list) {
      if (seen.has(s) || !ctx.isKnownSuffix(s)) continue;
      seen.add(s);
      suffixes.push([s, source]);
    }
  }
  const hyphenated = `-${ctx.suffix.split('.').join('-')}`;
  for (const [suffix, source] of suffixes) {
    const swap = { from: ctx.suffix, to: suffix, source };
    yield { left: ctx.registrableDomain, suffix, expect: 'host', changes: [], extra: { suffix: swap, form: 'subdomain' } };
    yield {
      left: ctx.label + hyphenated,
      suffix,
      expect: 'registrable',
      changes: [{ position: ctx.chars.length, from: '', to: hyphenated }],
      extra: { suffix: swap, form: 'hyphenated' },
    };
  }
}

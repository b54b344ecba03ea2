/**
 * `generateVariants`: the lookalike domains an attacker could register for a given domain, the
 * inverse of the detector. Lazy: variants are produced one at a time as the caller iterates, so a
 * caller can stop after any number (or pass `limit`) and millions never sit in memory.
 *
 * Pipeline for each candidate a fuzzer proposes (fuzzers in FUZZERS order, see fuzzers.ts):
 * 1. Deduplication: a host already emitted is counted in `duplicates` and dropped; the first
 *    fuzzer to produce a host gets the credit. Memory: one Set entry per variant emitted, i.e.
 *    O(variants emitted), not O(candidates). Emitted hosts are canonical (they survived the UTS #46
 *    round trip), so comparing Unicode hosts is the same as comparing their A-label forms.
 * 2. Validity (validate.ts): LDH / IDN label rules, UTS #46 round trip, DNS lengths, and the Public
 *    Suffix List split the fuzzer intended; the host must differ from the input.
 * 3. The `idn` switch and the `idnPolicy` filter (idn-policy.ts).
 * Every candidate not emitted is counted (and reported to `onSkip`), none is dropped silently.
 *
 * Scope: fuzzers act on the registrable label (`contoso` of `mail.contoso.co.uk`); the suffix is
 * kept except by `tld-swap` and `level-squat`; subdomains of the input are dropped, because the
 * attacker registers a domain, not a host under someone else's.
 */

import { normalizeDomain, toAsciiDomain } from '../normalize';
import { scriptOf } from '../skeleton';
import { VariantInputError } from './errors';
import { FUZZER_IDS } from './fuzzers';
import type { Candidate, FuzzContext, Fuzzer } from './fuzzers/context';
import { combo, levelSquat, subdomain, tldSwap } from './fuzzers/structure';
import {
  addition,
  bitsquatting,
  hyphenation,
  insertion,
  omission,
  plural,
  repetition,
  replacement,
  transposition,
  vowelSwap,
} from './fuzzers/typo';
import { diacritic, homoglyph, wholeScript } from './fuzzers/visual';
import { registryRefusal } from './idn-policy';
import { isKnownAsciiSuffix, resolveOptions, type ResolvedOptions } from './options';
import type { FuzzerId, SkipReason, SkippedCandidate, Variant, VariantChange, VariantOptions, VariantStats } from './types';
import { Validator } from './validate';

/** The implementation of each fuzzer id. */
const IMPLEMENTATIONS: Readonly<Record<FuzzerId, Fuzzer>> = {
  'whole-script': wholeScript,
  diacritic,
  homoglyph,
  transposition,
  repetition,
  plural,
  omission,
  'vowel-swap': vowelSwap,
  replacement,
  hyphenation,
  insertion,
  bitsquatting,
  addition,
  subdomain,
  combo,
  'tld-swap': tldSwap,
  'level-squat': levelSquat,
};

const SKIP_REASONS: readonly SkipReason[] = ['invalid-label', 'too-long', 'not-registrable', 'same-as-input', 'idn-disabled', 'idn-policy'];

/**
 * A zeroed statistics object to pass as `options.stats`.
 * @returns Counters, all 0.
 */
export function createVariantStats(): VariantStats {
  const stats: VariantStats = {
    candidates: 0,
    emitted: 0,
    duplicates: 0,
    skipped: 0,
    skippedByReason: {} as Record<SkipReason, number>,
    emittedByFuzzer: {} as Record<FuzzerId, number>,
  };
  resetStats(stats);
  return stats;
}

function resetStats(stats: VariantStats): void {
  stats.candidates = 0;
  stats.emitted = 0;
  stats.duplicates = 0;
  stats.skipped = 0;
  stats.skippedByReason = {} as Record<SkipReason, number>;
  for (const r of SKIP_REASONS) stats.skippedByReason[r] = 0;
  stats.emittedByFuzzer = {} as Record<FuzzerId, number>;
  for (const id of FUZZER_IDS) stats.emittedByFuzzer[id] = 0;
}

/** The normalised input. */
interface Input {
  readonly label: string;
  readonly suffix: string;
  readonly registrableDomain: string;
  readonly registrableAscii: string;
  /** Private PSL section in use (false when the input is itself a private suffix, e.g. `github.io`). */
  readonly privateSuffixes: boolean;
}

function normalizeInput(domain: string, privateSuffixes: boolean): Input {
  if (typeof domain !== 'string') throw new VariantInputError('invalid-domain', String(domain), 'the domain must be a string');
  let usePrivate = privateSuffixes;
  let r = normalizeDomain(domain, { privateSuffixes: usePrivate });
  if (!r.ok) throw new VariantInputError(r.code, domain, `cannot generate variants of "${domain}": ${r.message}`);
  if (r.hidden.length > 0) {
    const list = r.hidden.map((h) => `${h.codePoint} ${h.name}`).join(', ');
    throw new VariantInputError('invalid-domain', domain, `cannot generate variants of "${domain}": it contains invisible or bidi-control characters (${list})`);
  }
  if (r.registrableDomain === null && usePrivate) {
    // The input is itself a suffix of the PSL private section (`github.io`, `blogspot.com`): its
    // owner registered it under the ICANN suffix, so that is the domain to imitate.
    const icann = normalizeDomain(domain, { privateSuffixes: false });
    if (icann.ok && icann.registrableDomain !== null) {
      r = icann;
      usePrivate = false;
    }
  }
  if (!r.ok || r.registrableDomain === null || r.label === null || r.publicSuffix === null) {
    throw new VariantInputError(
      'no-registrable-domain',
      domain,
      `cannot generate variants of "${domain}": it is a public suffix or a single label, with no registrable domain`,
    );
  }
  const asciiLabels = r.ascii.split('.');
  const registrableAscii = asciiLabels.slice(asciiLabels.length - r.registrableDomain.split('.').length).join('.');
  const suffixAscii = registrableAscii.slice(registrableAscii.indexOf('.') + 1);
  if (!isKnownAsciiSuffix(suffixAscii, usePrivate)) {
    throw new VariantInputError(
      'unknown-suffix',
      domain,
      `cannot generate variants of "${domain}": ".${r.publicSuffix}" is not a suffix of the Public Suffix List, so nothing under it can be registered`,
    );
  }
  return { label: r.label, suffix: r.publicSuffix, registrableDomain: r.registrableDomain, registrableAscii, privateSuffixes: usePrivate };
}

function codePoints(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) out.push(`U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  return out;
}

function labelScripts(label: string): string[] {
  const out: string[] = [];
  for (const ch of label) {
    const s = scriptOf(ch.codePointAt(0) ?? 0);
    if (s !== 'Common' && s !== 'Inherited' && !out.includes(s)) out.push(s);
  }
  return out.sort();
}

function contextFor(input: Input, options: ResolvedOptions): FuzzContext {
  const known = new Map<string, boolean>();
  return {
    label: input.label,
    chars: [...input.label],
    suffix: input.suffix,
    registrableDomain: input.registrableDomain,
    labelScripts: labelScripts(input.label),
    layouts: options.keyboards,
    idn: options.idn,
    words: options.words,
    extraSuffixes: options.tlds,
    isKnownSuffix: (suffix) => {
      let hit = known.get(suffix);
      if (hit === undefined) {
        const ascii = toAsciiDomain(suffix);
        hit = ascii !== null && isKnownAsciiSuffix(ascii, input.privateSuffixes);
        known.set(suffix, hit);
      }
      return hit;
    },
  };
}

function* run(
  input: Input,
  options: ResolvedOptions,
  stats: VariantStats | undefined,
  onSkip: ((skipped: SkippedCandidate) => void) | undefined,
): Generator<Variant, void, undefined> {
  if (options.limit === 0) return;
  const ctx = contextFor(input, options);
  const validator = new Validator(input.privateSuffixes, input.registrableAscii);
  const emitted = new Set<string>();
  let count = 0;
  const skip = (fuzzer: FuzzerId, domain: string, reason: SkipReason, message: string): void => {
    if (stats !== undefined) {
      stats.skipped++;
      stats.skippedByReason[reason]++;
    }
    onSkip?.({ fuzzer, domain, reason, message });
  };
  for (const fuzzer of FUZZER_IDS) {
    if (!options.fuzzers.has(fuzzer)) continue;
    for (const candidate of IMPLEMENTATIONS[fuzzer](ctx)) {
      if (stats !== undefined) stats.candidates++;
      const host = `${candidate.left}.${candidate.suffix}`;
      if (emitted.has(host)) {
        if (stats !== undefined) stats.duplicates++;
        continue;
      }
      const outcome = validator.check(candidate.left, candidate.suffix, candidate.expect);
      if (!outcome.ok) {
        skip(fuzzer, host, outcome.reason, outcome.message);
        continue;
      }
      if (!options.idn && outcome.ascii !== host) {
        skip(fuzzer, host, 'idn-disabled', `"${host}" is an internationalized domain name and the idn option is off`);
        continue;
      }
      if (options.idnPolicy === 'registry') {
        const refusal = registryRefusal(outcome.registrableLabel, outcome.publicSuffix);
        if (refusal !== undefined) {
          skip(fuzzer, host, 'idn-policy', refusal);
          continue;
        }
      }
      emitted.add(host);
      count++;
      if (stats !== undefined) {
        stats.emitted++;
        stats.emittedByFuzzer[fuzzer]++;
      }
      yield toVariant(host, outcome.ascii, outcome.registrableDomain, fuzzer, candidate);
      if (count >= options.limit) return;
    }
  }
}

function toVariant(domain: string, ascii: string, registrableDomain: string, fuzzer: FuzzerId, candidate: Candidate): Variant {
  const changes: VariantChange[] = candidate.changes.map((c) => ({
    position: c.position,
    from: c.from,
    to: c.to,
    fromCodePoints: codePoints(c.from),
    toCodePoints: codePoints(c.to),
  }));
  return { domain, ascii, fuzzer, detail: { registrableDomain, changes, ...candidate.extra } };
}

/**
 * Lists the lookalike domains an attacker could register to imitate `domain`: typos, homoglyphs,
 * other scripts, suffix swaps, combos and level squats, each tagged with the fuzzer that made it and
 * what changed. The same vocabulary as the detector: a detector trusting `domain` flags every
 * variant with one of `FUZZERS[fuzzer].reasonCodes`.
 *
 * Guarantees: every variant is a valid hostname (LDH or IDN labels that survive the UTS #46 round
 * trip, DNS lengths) with a registrable domain under a Public Suffix List suffix; it differs from the
 * input's registrable domain; it is emitted once (credited to the first fuzzer in FUZZERS order);
 * the order is deterministic (fuzzer order, then each fuzzer's documented order).
 *
 * @param domain - A domain (Unicode or ASCII, any case; a host under it is reduced to its
 *   registrable domain, e.g. `mail.contoso.co.uk` → `contoso.co.uk`).
 * @param options - See {@link VariantOptions}; defaults in `DEFAULT_VARIANT_OPTIONS`.
 * @returns A lazy iterator of variants.
 * @throws {VariantInputError} synchronously, when `domain` is not a registrable domain (empty, invalid,
 *   an IP literal, a bare suffix, an unknown suffix, hidden characters) or an option is invalid.
 * @example
 * for (const v of generateVariants('contoso.com', { fuzzers: ['homoglyph'], limit: 3 })) console.log(v.domain, v.ascii);
 */
export function generateVariants(domain: string, options: VariantOptions = {}): IterableIterator<Variant> {
  const resolved = resolveOptions(options);
  const input = normalizeInput(domain, resolved.privateSuffixes);
  const stats = options.stats;
  if (stats !== undefined) resetStats(stats);
  return run(input, resolved, stats, options.onSkip);
}

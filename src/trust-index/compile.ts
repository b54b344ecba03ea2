/**
 * Compiles a trusted list once into lookup tables, so that checking a sender costs the same with
 * 100 or 100,000 entries:
 *   - hosts:      trusted domain → its record         (exact trust, walked up the sender's host; ./listed-host.ts)
 *   - addresses:  normalised address → entries        (contacts at shared mailbox providers)
 *   - labels:     registrable label → label id        (tld-swap, tokens, combos)
 *   - skeletons:  UTS #39 skeleton of a label → ids   (homoglyphs, diacritics, whole-script)
 *   - deletes:    symmetric-delete index over label skeletons (typos, OSA ≤ 2)
 *   - names:      folded contact / organisation names (display-name impersonation)
 *   - brands:     folded brand keys (display names that name a trusted organisation)
 */

import type { TrustedInput, TrustedListInput } from '../detector/types';
import { normalizeDomain, normalizeLocalPart } from '../normalize';
import { skeleton } from '../skeleton';
import type { TrustedEntry } from '../types';
import { BUSINESS_WORDS } from '../variants/business-words';
import { buildDeleteIndex, type DeleteIndex } from './delete-index';
import { TrustedListError, type EntryLocation } from './errors';
import { nameKey, nameTokens } from './name-key';
import { parseTrustedEntryText, parseTrustedList } from './parse-trusted-list';
import { isSharedProviderDomain } from './shared-providers';
import { typoKey } from './typo-key';
import { hostTag, listedHost, type ListedHost } from './listed-host';
import { filtered, filteredSet, StringFilter } from './string-filter';
import { buildLabelHits, type LabelHits } from './label-hits';
import { skeletonTag } from './skeleton-tag';
import { StringTable, stringTable } from './string-table';
import { WordMatcher } from './word-matcher';

/**
 * Lists with at least this many labels precompute each label's one-edit typo-index hits
 * (./label-hits.ts): where the index outgrows the caches (the delete index switches to LONG_PREFIX
 * from 32,768 targets for the same reason). Measured in bench/HISTORY.md (eighteenth round).
 */
export const LABEL_HITS_MIN_LABELS = 32_768;

/** Policy knobs of the index, resolved (see DetectorOptions for the documented meaning). */
export interface IndexPolicy {
  readonly privateSuffixes: boolean;
  readonly minLengthOneEdit: number;
  readonly minLengthTwoEdits: number;
  readonly minBrandLength: number;
}

/** Defaults, frozen. Thresholds are explained in README "Policy". */
export const DEFAULT_INDEX_POLICY: IndexPolicy = Object.freeze({
  privateSuffixes: true,
  // Chromium's lookalike check allows one edit from 5 characters (top_domain_util.cc
  // kMinLengthForEditDistance = 5): below that, one edit reaches too many real, unrelated names
  // (ubs/ups, bmw/bme). Two edits only from 10 characters, where two edits still leave 8 of 10 in
  // place. `npm run eval -- --tune` on the training split preferred 10 over 9 (fewer false alarms at
  // equal recall); it also preferred 4 for one edit, which we decline: 4-letter brands are common
  // words and acronyms, and the issue's own example (ubs/ups) is the reason for the rule.
  minLengthOneEdit: 5,
  minLengthTwoEdits: 10,
  // Brands shorter than 5 (`ups`, `dhl`, `zoho`) are too common as parts of unrelated names to be
  // matched inside other labels, subdomains or display names (tuned on the training split: 5 beat
  // 3 and 4); they are still matched as whole labels and as a core between business words.
  minBrandLength: 5,
});

/** Options of `compileTrustedList`. */
export interface CompileOptions extends Partial<IndexPolicy> {
  readonly words?: readonly string[];
  readonly sharedProviders?: readonly string[];
  readonly file?: string;
  /**
   * Answer lookups by scanning every trusted label instead of through the index: the pure,
   * readable reference path that the differential tests compare the index against. O(N) per check.
   */
  readonly reference?: boolean;
  /**
   * Precompute each label's one-edit typo-index hits (./label-hits.ts). Default: on lists of
   * LABEL_HITS_MIN_LABELS labels or more, never in the reference mode. For tests, which compare
   * the two paths on lists small enough to build in a moment.
   */
  readonly labelHits?: boolean;
}

/** The compiled trusted list. Immutable apart from per-query scratch in the delete index. */
export interface TrustIndex {
  readonly policy: IndexPolicy;
  readonly entries: readonly TrustedEntry[];
  /** Trusted domains (Unicode) → the entries that trust the whole domain, and its parts (./listed-host.ts). */
  readonly hosts: ReadonlyMap<string, ListedHost>;
  /**
   * `hosts` when it is a StringTable (large lists), whose slots carry each host's tag (see hostTag):
   * a sender at a host written as listed is checked without reading the host's record.
   */
  readonly hostTable: StringTable<ListedHost> | undefined;
  /** The first entry of each host, in the order of `hosts` (what a trusted result names). */
  readonly hostEntries: readonly TrustedEntry[];
  /** Normalised addresses → entries that trust exactly that address. */
  readonly addresses: ReadonlyMap<string, readonly TrustedEntry[]>;
  /**
   * Registrable domains that have address entries (only senders there need an address lookup).
   * A sender at a listed host reads the answer from its record (`ListedHost.addressLookup`).
   */
  readonly addressDomains: ReadonlySet<string>;
  /** Unique registrable labels of all entries. */
  readonly labels: readonly string[];
  /** Entries per label id. */
  readonly labelEntries: readonly (readonly TrustedEntry[])[];
  /**
   * Per label id, the entry a finding names when all the label's entries share one suffix (almost
   * every label): its first entry that is not a shared provider, else its first. Undefined for a
   * label under several suffixes, where the sender's suffix decides (analyze-domain.ts pickEntry).
   * One read where searching the entries read each entry and its suffix, cold on large lists.
   */
  readonly labelPreferred: readonly (TrustedEntry | undefined)[];
  readonly labelIds: ReadonlyMap<string, number>;
  /** Skeleton per label id. */
  readonly labelSkeletons: readonly string[];
  /** Label skeleton → label ids. Probe `skeletonFilter` first. */
  readonly skeletonIds: ReadonlyMap<string, readonly number[]>;
  /**
   * `skeletonIds` when it is a StringTable (large lists), whose slots carry each skeleton's tag (see
   * skeletonTag): a skeleton of one label gives that label's id, and whether the label is its own
   * skeleton, without reading the ids array or the label.
   */
  readonly skeletonTable: StringTable<readonly number[]> | undefined;
  /**
   * On lists of LABEL_HITS_MIN_LABELS labels or more (not in the reference mode): every label's
   * one-edit typo-index hits, for senders who write a trusted label exactly (./label-hits.ts).
   */
  readonly labelHits: LabelHits | undefined;
  /**
   * A filter over the keys of `skeletonIds`, at every list size: probed with `skeletonFnv1a32`
   * (./skeleton-hash.ts), so that a sender label's skeleton is built only when it may be known.
   */
  readonly skeletonFilter: StringFilter;
  /** Unique typo keys (src/trust-index/typo-key.ts) of labels; target id → label ids. */
  readonly typoTargets: readonly (readonly number[])[];
  /**
   * Target id → its label id when it has exactly one (almost all), else -1 (then read
   * `typoTargets`). The analysis reads this, `labelSuffixIds` and the hit itself for every typo hit;
   * at 100,000 labels each array of arrays or entry object it read instead was a cache miss.
   */
  readonly typoTargetLabel: Int32Array;
  /** Public suffixes of the entries → small ids (for `labelSuffixIds`). */
  readonly suffixIds: ReadonlyMap<string, number>;
  /** Label id → the suffix id all its entries share, or -1 when they have several suffixes. */
  readonly labelSuffixIds: Int32Array;
  readonly deletes: DeleteIndex;
  /** Folded contact names → entries. */
  readonly names: ReadonlyMap<string, readonly TrustedEntry[]>;
  /** Token counts of the names in `names`. */
  readonly nameSizes: ReadonlySet<number>;
  /** Folded brand key (skeleton, no separators) → label ids or entries with an organisation name. */
  readonly brands: ReadonlyMap<string, readonly TrustedEntry[]>;
  readonly words: WordMatcher;
  readonly extraSharedProviders: ReadonlySet<string>;
  /** Whether some trusted domain is a private public suffix, so host walks must pass the registrable domain. */
  readonly suffixEntries: boolean;
  /**
   * Trusted domains that are private public suffixes (`github.io`), read with the ICANN section
   * only: their entry's parts are not what normalizing the domain at check time gives, so a sender
   * at one of them is normalized like any other (see `listedHostView`).
   */
  readonly icannReadHosts: ReadonlySet<string>;
  /** Most labels in a trusted host (`hosts` keys): longer label sequences of a sender cannot be one. */
  readonly maxHostLabels: number;
  /**
   * Trusted hosts of three or more labels written with hyphens for dots (`r2-dns-cloud-net` for
   * `r2.dns-cloud.net`) → entries: a sender label that spells a whole trusted host that way. Two-label
   * hosts (`contoso-com`) are found through the label and suffix instead (analyze-domain.ts).
   */
  readonly hyphenHosts: ReadonlyMap<string, readonly TrustedEntry[]>;
  /** Reference mode: answer skeleton and typo lookups by scanning every label (tests, benchmarks). */
  readonly reference: boolean;
}

/** Typo budget for a trusted label of `length` code points under `policy`. */
export function editBudget(length: number, policy: IndexPolicy): number {
  if (length >= policy.minLengthTwoEdits) return 2;
  if (length >= policy.minLengthOneEdit) return 1;
  return 0;
}

/** Whether `domain` is a shared mailbox provider under this index (bundled list or options). */
export function isSharedProvider(index: TrustIndex, registrableDomain: string | null): boolean {
  if (registrableDomain === null) return false;
  return index.extraSharedProviders.has(registrableDomain) || isSharedProviderDomain(registrableDomain);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function entryText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    // An object entry reads as its trusted-list line: its own `source`, or `Name <address|domain>`.
    const o = raw as Record<string, unknown>;
    if (typeof o['source'] === 'string') return o['source'];
    const target = typeof o['address'] === 'string' ? o['address'] : typeof o['domain'] === 'string' ? o['domain'] : undefined;
    if (target !== undefined) return typeof o['name'] === 'string' && o['name'] !== '' ? `${o['name']} <${target}>` : target;
  }
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/** Folded brand key of a label or organisation name: skeleton without separators. */
export function brandKey(text: string): string {
  return nameTokens(text).join('');
}

/** Turns one caller entry into a TrustedEntry, or throws TrustedListError naming it. */
function compileEntry(
  raw: unknown,
  index: number,
  defaultFile: string | undefined,
  policy: IndexPolicy,
  extraShared: ReadonlySet<string>,
  icannRead: Set<string>,
): TrustedEntry {
  const text = entryText(raw);
  let input: TrustedInput;
  let location: EntryLocation = { index };
  if (typeof raw === 'string') {
    const parsed = parseTrustedEntryText(raw);
    if (defaultFile !== undefined) location = { index, file: defaultFile };
    if (typeof parsed === 'string') {
      throw new TrustedListError(raw.trim() === '' ? 'empty-entry' : 'unparseable-entry', raw, location, parsed);
    }
    input = parsed;
  } else if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    // Own properties only: an entry object must not pick up a `domain` from its prototype.
    const own = Object.create(null) as Record<string, unknown>;
    for (const field of ['domain', 'address', 'name', 'id', 'line', 'file', 'source'] as const) {
      if (Object.prototype.hasOwnProperty.call(raw, field)) own[field] = (raw as Record<string, unknown>)[field];
    }
    input = own as TrustedInput;
    const line = typeof input.line === 'number' ? input.line : undefined;
    const file = typeof input.file === 'string' ? input.file : defaultFile;
    location = { index, ...(line === undefined ? {} : { line }), ...(file === undefined ? {} : { file }) };
    for (const field of ['domain', 'address', 'name', 'id'] as const) {
      const v = (input as Record<string, unknown>)[field];
      if (v !== undefined && typeof v !== 'string') {
        throw new TrustedListError('not-a-string-or-object', text, location, `the field "${field}" must be a string`);
      }
    }
    if (input.domain === undefined && input.address === undefined) {
      throw new TrustedListError('empty-entry', text, location, 'the entry has neither a domain nor an address');
    }
  } else {
    throw new TrustedListError('not-a-string-or-object', text, location);
  }

  let address: string | undefined;
  let addressDomain: string | undefined;
  if (input.address !== undefined) {
    const a = input.address.trim();
    const at = a.lastIndexOf('@');
    if (at <= 0 || at === a.length - 1) throw new TrustedListError('invalid-address', text, location);
    if (at > 64 || a.length > 254) {
      throw new TrustedListError('too-long', text, location, 'the address exceeds the RFC 5321 §4.5.3.1 limits (64 / 254)');
    }
    const local = a.slice(0, at);
    if (/[\s<>()[\]\\,;:"]/u.test(local) && !(local.startsWith('"') && local.endsWith('"'))) {
      throw new TrustedListError('invalid-address', text, location, `the local part "${local}" is not a valid RFC 5322 local part`);
    }
    address = normalizeLocalPart(local);
    addressDomain = a.slice(at + 1);
  }
  const domainText = (input.domain ?? addressDomain ?? '').trim();
  if (domainText === '') throw new TrustedListError('empty-entry', text, location);
  let norm = normalizeDomain(domainText, { privateSuffixes: policy.privateSuffixes });
  if (norm.ok && norm.registrableDomain === null && policy.privateSuffixes) {
    // The entry is itself a private suffix (`github.io`, `3utilities.com`): the user trusts that
    // operator's domain, so read it with the ICANN section only. Senders under it are then matched
    // by walking the whole host (see TrustIndex.suffixEntries).
    const icann = normalizeDomain(domainText, { privateSuffixes: false });
    if (icann.ok && icann.registrableDomain !== null) {
      norm = icann;
      icannRead.add(icann.unicode);
    }
  }
  if (!norm.ok) {
    const code = norm.code === 'ip-literal' ? 'ip-literal' : norm.code === 'too-long' ? 'too-long' : 'invalid-domain';
    throw new TrustedListError(code, text, location, norm.message);
  }
  if (norm.hidden.length > 0) {
    const h = norm.hidden[0]!;
    throw new TrustedListError('invalid-domain', text, location, `the domain contains the hidden character ${h.codePoint} ${h.name}`);
  }
  if (norm.registrableDomain === null || norm.label === null || norm.publicSuffix === null) {
    throw new TrustedListError('no-registrable-domain', text, location);
  }
  if (input.domain !== undefined && addressDomain !== undefined) {
    const other = normalizeDomain(addressDomain, { privateSuffixes: policy.privateSuffixes });
    if (!other.ok || (other.unicode !== norm.unicode && !other.unicode.endsWith(`.${norm.unicode}`))) {
      throw new TrustedListError('conflicting-fields', text, location, `the address domain "${addressDomain}" is not "${norm.unicode}" or under it`);
    }
  }
  const sharedProvider =
    address !== undefined && (extraShared.has(norm.registrableDomain) || isSharedProviderDomain(norm.registrableDomain));
  const name = input.name?.trim();
  const source = text.trim();
  const entry: TrustedEntry = {
    index,
    id: input.id ?? source,
    source,
    ...(location.line === undefined ? {} : { line: location.line }),
    domain: norm.unicode,
    asciiDomain: norm.ascii,
    registrableDomain: norm.registrableDomain,
    label: norm.label,
    suffix: norm.publicSuffix,
    ...(address === undefined ? {} : { address: `${address}@${norm.unicode}` }),
    ...(name === undefined || name === '' ? {} : { name }),
    sharedProvider,
  };
  return Object.freeze(entry);
}

/**
 * Compiles a trusted list (text in the trusted-list format, or an array of strings and objects).
 * Throws `TrustedListError` naming the first bad entry (and its file and line when known).
 */
export function compileTrustedList(trusted: TrustedListInput, options: CompileOptions = {}): TrustIndex {
  const policy: IndexPolicy = Object.freeze({
    privateSuffixes: options.privateSuffixes ?? DEFAULT_INDEX_POLICY.privateSuffixes,
    minLengthOneEdit: options.minLengthOneEdit ?? DEFAULT_INDEX_POLICY.minLengthOneEdit,
    minLengthTwoEdits: options.minLengthTwoEdits ?? DEFAULT_INDEX_POLICY.minLengthTwoEdits,
    minBrandLength: options.minBrandLength ?? DEFAULT_INDEX_POLICY.minBrandLength,
  });
  const extraShared = new Set<string>();
  for (const d of options.sharedProviders ?? []) {
    const n = normalizeDomain(d, { privateSuffixes: policy.privateSuffixes });
    if (n.ok && n.registrableDomain !== null) extraShared.add(n.registrableDomain);
  }
  let list: readonly unknown[];
  if (typeof trusted === 'string') {
    list = parseTrustedList(trusted, options.file === undefined ? {} : { file: options.file });
  } else if (Array.isArray(trusted)) {
    list = trusted;
  } else {
    throw new TrustedListError('not-a-string-or-object', entryText(trusted), { index: -1 }, 'the trusted list must be a string or an array');
  }

  const entries: TrustedEntry[] = [];
  const hosts = new Map<string, TrustedEntry[]>();
  const addresses = new Map<string, TrustedEntry[]>();
  const addressDomains = new Set<string>();
  const labels: string[] = [];
  const labelEntries: TrustedEntry[][] = [];
  const labelIds = new Map<string, number>();
  const labelSkeletons: string[] = [];
  const skeletonIds = new Map<string, number[]>();
  const names = new Map<string, TrustedEntry[]>();
  const nameSizes = new Set<number>();
  const brands = new Map<string, TrustedEntry[]>();

  const icannRead = new Set<string>();
  let maxHostLabels = 0;
  const hyphenHosts = new Map<string, TrustedEntry[]>();
  for (let i = 0; i < list.length; i++) {
    const entry = compileEntry(list[i], i, options.file, policy, extraShared, icannRead);
    entries.push(entry);
    if (entry.address !== undefined) push(addresses, entry.address, entry);
    if (entry.address !== undefined) addressDomains.add(entry.registrableDomain);
    if (!entry.sharedProvider) {
      push(hosts, entry.domain, entry);
      let labelsInHost = 1;
      for (let dot = entry.domain.indexOf('.'); dot >= 0; dot = entry.domain.indexOf('.', dot + 1)) labelsInHost++;
      if (labelsInHost > maxHostLabels) maxHostLabels = labelsInHost;
      if (labelsInHost >= 3) push(hyphenHosts, entry.domain.split('.').join('-'), entry);
    }
    let id = labelIds.get(entry.label);
    if (id === undefined) {
      id = labels.length;
      labels.push(entry.label);
      labelEntries.push([entry]);
      labelIds.set(entry.label, id);
      const sk = skeleton(entry.label);
      labelSkeletons.push(sk);
      push(skeletonIds, sk, id);
      // Brands: organisation labels long enough to be meaningful inside other names.
      if (!entry.sharedProvider && [...entry.label].length >= policy.minBrandLength) push(brands, brandKey(entry.label), entry);
    } else {
      labelEntries[id]!.push(entry);
    }
    if (entry.name !== undefined) {
      const tokens = nameTokens(entry.name);
      if (entry.address !== undefined && tokens.length >= 2) {
        // A contact: at least two tokens, so a first name alone never matches.
        push(names, nameKey(entry.name), entry);
        nameSizes.add(tokens.length);
      } else if (entry.address === undefined) {
        // An organisation name.
        const key = tokens.join('');
        if (key.length >= policy.minBrandLength) push(brands, key, entry);
      }
    }
  }

  // Typo index over unique label skeletons. The budget follows the longest label sharing the skeleton.
  const typoTargets: number[][] = [];
  const targetStrings: string[] = [];
  const budgets: number[] = [];
  const targetOf = new Map<string, number>();
  for (let id = 0; id < labels.length; id++) {
    const sk = typoKey(labels[id]!);
    const budget = editBudget([...labels[id]!].length, policy);
    let t = targetOf.get(sk);
    if (t === undefined) {
      t = targetStrings.length;
      targetOf.set(sk, t);
      targetStrings.push(sk);
      budgets.push(budget);
      typoTargets.push([id]);
    } else {
      typoTargets[t]!.push(id);
      if (budget > budgets[t]!) budgets[t] = budget;
    }
  }
  const deletes = buildDeleteIndex(targetStrings, budgets);
  const labelHits =
    options.reference !== true && (options.labelHits ?? labels.length >= LABEL_HITS_MIN_LABELS) ? buildLabelHits(labels, deletes) : undefined;
  const typoTargetLabel = Int32Array.from(typoTargets, (ids) => (ids.length === 1 ? ids[0]! : -1));
  const suffixIds = new Map<string, number>();
  const labelSuffixIds = new Int32Array(labels.length);
  for (let id = 0; id < labels.length; id++) {
    let shared = -1;
    for (const e of labelEntries[id]!) {
      let s = suffixIds.get(e.suffix);
      if (s === undefined) suffixIds.set(e.suffix, (s = suffixIds.size));
      if (shared === -1) shared = s;
      else if (shared !== s) shared = -2;
    }
    labelSuffixIds[id] = shared < 0 ? -1 : shared;
  }
  const labelPreferred = labelEntries.map((list, id) => (labelSuffixIds[id]! < 0 ? undefined : (list.find((e) => !e.sharedProvider) ?? list[0]!)));
  const words = new WordMatcher([...BUSINESS_WORDS, ...(options.words ?? [])]);

  const listed = new Map<string, ListedHost>();
  for (const [host, list] of hosts) listed.set(host, listedHost(list, icannRead.has(host), addressDomains.has(list[0]!.registrableDomain)));

  const hostMap = stringTable(listed, { tag: hostTag });
  // Not behind a filter of its own: skeletonFilter already answers the misses (a second filter
  // hashed the skeleton again on every hit: 2.5% of a typo lookalike's check, profiled). Its hits
  // (a sender's combo core or token that is a trusted label) read one slot of a StringTable, where
  // V8's Map.get was a third of matchText's own time in the typo stream's profile at 10,000.
  const skeletonMap = stringTable(skeletonIds, { filter: false, tag: (ids, sk) => skeletonTag(ids, sk, labels) });
  return {
    policy,
    entries,
    // Maps and sets that most lookups miss (unknown hosts, their registrable domains, skeletons,
    // labels, names) sit behind a Bloom filter (./string-filter.ts): same answers, a miss costs two
    // bit reads.
    hosts: hostMap,
    hostTable: hostMap instanceof StringTable ? hostMap : undefined,
    hostEntries: [...listed.values()].map((r) => r.entry),
    addresses,
    addressDomains: filteredSet(addressDomains),
    labels,
    labelEntries,
    labelPreferred,
    labelIds: filtered(labelIds),
    labelSkeletons,
    skeletonIds: skeletonMap,
    skeletonTable: skeletonMap instanceof StringTable ? skeletonMap : undefined,
    labelHits,
    skeletonFilter: new StringFilter(skeletonIds.keys(), skeletonIds.size),
    typoTargets,
    typoTargetLabel,
    suffixIds,
    labelSuffixIds,
    deletes,
    names: filtered(names),
    nameSizes,
    brands: filtered(brands),
    words,
    extraSharedProviders: extraShared,
    // An entry that is itself a private suffix is exactly one compileEntry read ICANN-only.
    suffixEntries: icannRead.size > 0,
    icannReadHosts: icannRead,
    maxHostLabels,
    hyphenHosts: filtered(hyphenHosts),
    reference: options.reference === true,
  };
}

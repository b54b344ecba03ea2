/**
 * Finds the trusted label a sender domain imitates, through lookups only (no loop over the trusted
 * list): the whole registrable label (exact, skeleton, typo index), the label read as brand + words
 * (combo), its hyphen tokens and the subdomain labels (embedding), dot insertion, and a trusted
 * suffix written into the label (`contoso-com.net`). Every route that reaches the same trusted
 * label contributes its findings, so composed techniques are all reported.
 */

import { isAscii } from '../normalize/is-ascii';
import { codePointLength } from '../normalize/normalize-domain';
import { analyzeScripts, skeleton } from '../skeleton';
import { queryDeleteIndex, scanTargets, type DeleteIndexHit } from '../trust-index/delete-index';
import { labelHitsOf } from '../trust-index/label-hits';
import type { TrustIndex } from '../trust-index/compile';
import { skeletonFnv1a32 } from '../trust-index/skeleton-hash';
import { taggedAsciiLabel, taggedLabel, taggedOwnSkeleton } from '../trust-index/skeleton-tag';
import { foldPairs, typoKey } from '../trust-index/typo-key';
import type { TrustedEntry } from '../types';
import { compareLabels, type Finding } from './compare-labels';

/** The parts of a normalised sender domain that the analysis needs. */
export interface DomainView {
  /** Host, Unicode, lowercase. */
  readonly domain: string;
  readonly registrableDomain: string | null;
  readonly publicSuffix: string | null;
  readonly subdomain: string;
  readonly label: string | null;
  /** The label as written (case kept), for capital-I-for-l lookalikes. */
  readonly writtenLabel: string | null;
}

/** A trusted label the sender imitates, with every technique found. */
export interface DomainCandidate {
  readonly labelId: number;
  readonly entry: TrustedEntry;
  readonly similarity: number;
  readonly findings: readonly Finding[];
}

/** Similarity of a label that renders like the trusted one but substitutes some character. */
const VISUAL_SUBSTITUTION = 0.98;
/** Suffix factor: the same label under another suffix still looks almost the same. */
const OTHER_SUFFIX = 0.9;
/** English plural endings tried on labels (longest first). */
const PLURAL_ENDINGS = ['es', 's'] as const;
/** At most this many subdomain labels are examined (hostile hosts can have 127). */
const MAX_SUBDOMAIN_LABELS = 8;

/** Findings are computed only for the winning label: explaining costs more than finding (~10 µs). */
type LazyFindings = () => readonly Finding[];

/**
 * The candidate labels found by the routes, with their best similarity and the findings of each
 * route. Parallel arrays searched linearly: a sender has one or two candidates (a Map with its
 * entry iterator was ~5% of the ~7.7 KB allocated per flagged sender, sampled).
 */
class Collector {
  /** Created on the first candidate: most senders have none. */
  ids: number[] | undefined;
  similarities: number[] = NONE;
  parts: LazyFindings[][] = NO_PARTS;
  /** The sender suffix's id in `index.suffixIds` (-1: no entry has it), looked up on the first candidate. */
  private suffixId = -2;

  constructor(
    private readonly index: TrustIndex,
    /** The sender's public suffix. */
    readonly suffix: string | null,
  ) {}

  /** See `suffixId`. */
  senderSuffixId(): number {
    if (this.suffixId === -2) this.suffixId = this.suffix === null ? -1 : (this.index.suffixIds.get(this.suffix) ?? -1);
    return this.suffixId;
  }

  add(labelId: number, similarity: number, findings: LazyFindings): void {
    if (this.ids === undefined) {
      this.ids = [labelId];
      this.similarities = [similarity];
      this.parts = [[findings]];
      return;
    }
    const k = this.ids.indexOf(labelId);
    if (k < 0) {
      this.ids.push(labelId);
      this.similarities.push(similarity);
      this.parts.push([findings]);
    } else {
      if (similarity > this.similarities[k]!) this.similarities[k] = similarity;
      this.parts[k]!.push(findings);
    }
  }
}

/** Placeholder of a Collector with no candidate (never written: add() replaces it first). */
const NONE: number[] = [];
const NO_PARTS: LazyFindings[][] = [];

/** The findings of all routes to one label, without duplicates, in route order. */
function materialize(parts: readonly LazyFindings[]): Finding[] {
  const out: Finding[] = [];
  for (const part of parts) {
    for (const f of part()) if (!out.some((g) => sameFinding(f, g))) out.push(f);
  }
  return out;
}

/**
 * Whether two findings say the same thing. Code and position settle almost every pair without
 * serialising (a JSON key per finding was a tenth of explaining a lookalike); a label's findings
 * are few, so the quadratic scan stays small.
 */
function sameFinding(a: Finding, b: Finding): boolean {
  return a.code === b.code && a.detail['position'] === b.detail['position'] && JSON.stringify(a.detail) === JSON.stringify(b.detail);
}

/** The label id of a trusted entry (every entry's label has one: compileTrustedList assigns it). */
function labelIdOf(index: TrustIndex, entry: TrustedEntry): number {
  return index.labelIds.get(entry.label)!;
}

/** The entry to name for a label: same suffix as the sender first, then organisations, then input order. */
function pickEntry(index: TrustIndex, labelId: number, suffix: string | null): TrustedEntry {
  // All entries under one suffix: the sender's suffix cannot choose among them (compile.ts).
  const preferred = index.labelPreferred[labelId];
  if (preferred !== undefined) return preferred;
  const list = index.labelEntries[labelId]!;
  return (
    list.find((e) => e.suffix === suffix && !e.sharedProvider) ??
    list.find((e) => !e.sharedProvider) ??
    list[0]!
  );
}

/**
 * What a trusted label's suffixes say of the sender's: the similarity factor now, and the `tld-swap`
 * finding when the label's findings are built (for the winning label only).
 */
interface SuffixMatch {
  readonly factor: number;
  findings(): readonly Finding[];
}

/** A sender under one of the label's trusted suffixes (shared: it is only read). */
const SAME_SUFFIX: SuffixMatch = Object.freeze({ factor: 1, findings: (): readonly Finding[] => [] });

/** A sender under a suffix none of the label's entries has. */
class OtherSuffix implements SuffixMatch {
  readonly factor = OTHER_SUFFIX;

  constructor(
    private readonly index: TrustIndex,
    private readonly labelId: number,
    private readonly suffix: string,
  ) {}

  findings(): readonly Finding[] {
    const trusted = pickEntry(this.index, this.labelId, this.suffix);
    return [{ code: 'tld-swap', detail: { suffix: this.suffix, trustedSuffix: trusted.suffix } }];
  }
}

/**
 * Whether the sender's suffix (`out.suffix`) is one of label `labelId`'s. Compares small ids from
 * typed arrays when all the label's entries share a suffix (almost every label): reading the entries
 * and their suffix strings was a chain of cache misses per candidate at 100,000 labels.
 */
function suffixFindings(index: TrustIndex, labelId: number, out: Collector): SuffixMatch {
  const suffix = out.suffix;
  if (suffix === null) return SAME_SUFFIX;
  const shared = index.labelSuffixIds[labelId]!;
  if (shared >= 0) {
    if (shared === out.senderSuffixId()) return SAME_SUFFIX;
  } else {
    const list = index.labelEntries[labelId]!;
    for (let k = 0; k < list.length; k++) if (list[k]!.suffix === suffix) return SAME_SUFFIX;
  }
  return new OtherSuffix(index, labelId, suffix);
}

const NO_FINDINGS: LazyFindings = () => [];

/**
 * Matches `text` (a whole label, a core or a token) against trusted labels: exactly, by skeleton,
 * and (when `typos`) within the typo budget. Calls back with each label id and its comparison.
 *
 * Hot path: every sender runs this several times (whole label, combo cores, tokens) and almost
 * always finds nothing, so the no-match path hashes the skeleton without building it and reads two
 * filter bits, with no allocation.
 * An exact match needs no lookup of its own: a lowercase label equal to a trusted one has its
 * skeleton, so it is among the skeleton's ids.
 */
function matchText(
  index: TrustIndex,
  text: string,
  typos: boolean,
  visit: (labelId: number, similarity: number, findings: LazyFindings) => number | void,
): void {
  let sameSkeleton: readonly number[] | undefined;
  let sk = '';
  // The skeleton's tag when it names one label (see skeleton-tag.ts), else 0.
  let tag = 0;
  if (index.reference) {
    // A block constant for the closure: capturing `sk` would give every call a context.
    const s = skeleton(text);
    sk = s;
    sameSkeleton = index.labelSkeletons.flatMap((other, id) => (other === s ? [id] : []));
  } else if (index.skeletonFilter.mayHaveHash(skeletonFnv1a32(text))) {
    sk = skeleton(text);
    const table = index.skeletonTable;
    if (table === undefined) sameSkeleton = index.skeletonIds.get(sk);
    else {
      const at = table.indexOf(sk);
      if (at >= 0) {
        tag = table.lastTag;
        sameSkeleton = tag !== 0 ? [taggedLabel(tag)] : table.valueAt(at);
      }
    }
  }
  let exactId = -1;
  let lower: string | undefined;
  // The best score a visit reported for a same-skeleton label (visitors that score return it).
  let bestScore = -1;
  if (sameSkeleton !== undefined && sameSkeleton.length > 0) {
    lower = text.toLowerCase();
    if (lower === text) {
      for (const id of sameSkeleton) {
        if (writtenExactly(index, id, lower, sk, tag)) {
          exactId = id;
          const score = visit(id, 1, NO_FINDINGS);
          if (typeof score === 'number' && score > bestScore) bestScore = score;
          break;
        }
      }
    }
    for (const id of sameSkeleton) {
      if (id === exactId) continue;
      // Renders the same: similarity 1, or 0.98 when some character was substituted.
      const score = visit(id, writtenExactly(index, id, lower, sk, tag) ? 1 : VISUAL_SUBSTITUTION, explainAgainst(index, text, id));
      if (typeof score === 'number' && score > bestScore) bestScore = score;
    }
  }
  if (!typos) return;
  const key = typoKey(text);
  // A typo hit cannot win against a same-skeleton label that already scores above every typo hit:
  // a hit at distance d ≥ 1 scores at most 1 − 1/(|key| + 2) (targets are within 2 units of the
  // key's length), and a hit at distance 0 has the same skeleton (typo keys determine skeletons:
  // no confusable prototype but rn, vv, cl contains m, w or d, a test checks), so it was visited.
  // Homoglyph senders are most of these: the skipped typo query was a fifth of their time. The
  // reference mode keeps the query, so the differential tests compare the two.
  if (bestScore > 1 - 1 / (key.length + 2) && !index.reference) return;
  // By the same bound, a same-skeleton label above 1 − 2/(|key| + 2) leaves only one-edit hits a
  // chance: the query skips its two-deletion probes. A label under another suffix scores 0.9 (tld-swap):
  // labels of 8–17 letters get here (338 of the bench's 4,000 mixed senders at 100,000 entries are
  // tld-swaps; bench:ab, clean stream at 100,000: 0.887–0.919×).
  const cap = bestScore > 1 - 2 / (key.length + 2) && !index.reference ? 1 : 2;
  const folded = foldPairs(key);
  // Ids already visited: the skeleton's, then each typo hit's (few; an array beats a Set here).
  const seen: number[] | undefined = sameSkeleton === undefined ? undefined : [...sameSkeleton];
  // A text that is a trusted label as written has that label's hits, precomputed on large lists.
  const known = exactId >= 0 ? index.labelHits : undefined;
  const after = visitTypos(index, text, key, cap, seen, visit, known === undefined ? undefined : labelHitsOf(known, exactId, false, cap));
  if (folded !== key) visitTypos(index, text, folded, cap, after, visit, known === undefined ? undefined : labelHitsOf(known, exactId, true, cap));
}

/**
 * Whether `lower` (a sender's text, lowercased, whose skeleton is `sk`) is trusted label `id` as
 * written. `tag`: the skeleton's tag when it names this one label (see skeleton-tag.ts), else 0.
 * The tag answers without reading the label, a cache miss on large lists, when the label is its own
 * skeleton or when an ASCII label meets a text that is not ASCII (most homoglyph senders).
 */
function writtenExactly(index: TrustIndex, id: number, lower: string, sk: string, tag: number): boolean {
  if (tag !== 0) {
    if (taggedOwnSkeleton(tag)) return lower === sk;
    if (taggedAsciiLabel(tag) && !isAscii(lower)) return false;
  }
  return lower === index.labels[id];
}

/**
 * Visits the trusted labels within their typo budget (and `cap`) of typo key `q` (not already in `seen`);
 * returns the ids seen so far. `known`: the hits, when precomputed (./label-hits.ts), else the
 * index is queried. A function of its own, not a closure in matchText: that closure was allocated
 * on every call, and matchText runs several times per sender.
 */
function visitTypos(
  index: TrustIndex,
  text: string,
  q: string,
  cap: number,
  seen: number[] | undefined,
  visit: (labelId: number, similarity: number, findings: LazyFindings) => void,
  known: readonly DeleteIndexHit[] | undefined,
): number[] | undefined {
  let out = seen;
  const hits = known ?? (index.reference ? scanTargets(index.deletes.targets, index.deletes.maxDistance, q, cap) : queryDeleteIndex(index.deletes, q, cap));
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    // 1 − OSA distance / length, on typo keys.
    const similarity = 1 - hit.distance / Math.max(q.length, hit.length, 1);
    // The target's label: from a typed array when it has one (see TrustIndex.typoTargetLabel).
    const single = index.typoTargetLabel[hit.target]!;
    const ids = single >= 0 ? undefined : index.typoTargets[hit.target]!;
    for (let k = 0, n = ids === undefined ? 1 : ids.length; k < n; k++) {
      const id = ids === undefined ? single : ids[k]!;
      if (out?.includes(id) === true) continue;
      (out ??= []).push(id);
      visit(id, similarity, explainAgainst(index, text, id));
    }
  }
  return out;
}

/** The findings that explain `text` against trusted label `id`, computed when asked. */
function explainAgainst(index: TrustIndex, text: string, id: number): LazyFindings {
  return () => {
    const cmp = compareLabels(text, index.labels[id]!);
    return [...cmp.visual, ...cmp.typos];
  };
}

/** Script findings for a label that imitates a Latin name (UTS #39 §5.1 mixed-script, §4 whole-script). */
function scriptFindings(label: string): Finding[] {
  if (isAscii(label)) return [];
  const a = analyzeScripts(label);
  const out: Finding[] = [];
  if (a.wholeScriptConfusable) out.push({ code: 'whole-script', detail: { label, scripts: a.scripts } });
  else if (a.mixedScript) out.push({ code: 'mixed-script', detail: { label, scripts: a.scripts } });
  return out;
}

/**
 * The best trusted label the sender domain imitates, or undefined. The same registrable domain as
 * a trusted entry is never a lookalike of it (a host under it that is not trusted is just unknown).
 */
export function analyzeDomain(index: TrustIndex, view: DomainView): DomainCandidate | undefined {
  const { label, publicSuffix: suffix, registrableDomain } = view;
  if (label === null || registrableDomain === null) return undefined;
  const written = view.writtenLabel ?? label;
  const out = new Collector(index, suffix);
  // Code points of the label, counted when a route first needs it (most senders take none of them).
  let labelLength = 0;

  // 1. The whole label.
  matchText(index, written, true, (id, similarity, findings) => {
    const sfx = suffixFindings(index, id, out);
    // The same name, written the same way, under the same suffix: that is the trusted domain itself.
    if (similarity === 1 && sfx === SAME_SUFFIX) return -1;
    out.add(id, similarity * sfx.factor, () => [...findings(), ...sfx.findings()]);
    return similarity * sfx.factor;
  });

  // 2. Brand + business words (combo), with typos allowed in the brand.
  const splits = index.words.splits(label, 3);
  if (splits.length > 0 || label.includes('-')) labelLength = Math.max(1, codePointLength(label));
  for (let s = 0; s < splits.length; s++) {
    const split = splits[s]!;
    const core = written.slice(split.start, split.start + split.core.length);
    // Typos inside a combo only for cores long enough to carry one (same rule as whole labels),
    // and never when the core is itself a word (`invoices-mail` is not a typo of `gmail`).
    // Only for hyphenated combos (`micosoft-billing`): an unhyphenated split of an ordinary name
    // (`mailinator` → `mail` + `inator`) would cost a second index query on most clean senders.
    const coreTypos =
      split.hyphenated && codePointLength(split.core) >= index.policy.minLengthOneEdit && !index.words.words.has(split.core);
    matchText(index, core, coreTypos, (id, similarity, findings) => {
      const offsetFindings = (): Finding[] => findings().map((f) =>
        typeof f.detail['position'] === 'number'
          ? { code: f.code, detail: { ...f.detail, position: (f.detail['position'] as number) + codePointLength(label.slice(0, split.start)) } }
          : f,
      );
      const sfx = suffixFindings(index, id, out);
      const share = codePointLength(split.core) / labelLength;
      // The combo finding is built with the others, for the winning label only.
      const combo: Finding = {
        code: 'combo',
        detail: { core: split.core, prefixWords: split.prefixWords, suffixWords: split.suffixWords, hyphenated: split.hyphenated },
      };
      out.add(id, similarity * share * sfx.factor, () => [...offsetFindings(), combo, ...sfx.findings()]);
    });
  }

  // 3. Hyphen tokens of the label: an embedded brand, or a trusted suffix spelled with hyphens.
  if (label.includes('-')) {
    const tokens = label.split('-');
    let start = 0;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t]!;
      const tokenStart = start;
      start += token.length + 1;
      if (codePointLength(token) < index.policy.minBrandLength || tokens.length < 2) continue;
      matchText(index, written.slice(tokenStart, tokenStart + token.length), false, (id, similarity, findings) => {
        const sfx = suffixFindings(index, id, out);
        const embed: Finding = { code: 'subdomain-embedding', detail: { token, where: 'label', position: codePointLength(label.slice(0, tokenStart)) } };
        out.add(id, similarity * (codePointLength(token) / labelLength) * OTHER_SUFFIX, () => [...findings(), embed, ...sfx.findings()]);
      });
    }
    // `contoso-com.net`, `contoso-co-uk.com`: label + hyphen + a trusted suffix.
    for (let p = label.indexOf('-'); p > 0; p = label.indexOf('-', p + 1)) {
      const id = index.labelIds.get(label.slice(0, p));
      if (id === undefined) continue;
      const right = label.slice(p + 1).split('-').join('.');
      const entry = index.labelEntries[id]!.find((e) => e.suffix === right);
      if (entry === undefined) continue;
      out.add(id, 0.85, () => [{ code: 'tld-swap', detail: { suffix, trustedSuffix: entry.suffix, hyphenated: label.slice(p + 1) } }]);
    }
    // `r2-dns-cloud-net.work`: a whole trusted host of three or more labels, dots written as hyphens.
    for (const entry of index.hyphenHosts.get(label) ?? []) {
      out.add(labelIdOf(index, entry), 0.85, () => [{ code: 'tld-swap', detail: { suffix, trustedSuffix: entry.suffix, hyphenated: label, trustedHost: entry.domain } }]);
    }
  }

  // 4. Subdomain labels: a trusted domain or brand in front of an unrelated domain (level squat).
  if (view.subdomain !== '') {
    const subLabels = view.subdomain.split('.').slice(-MAX_SUBDOMAIN_LABELS);
    // A trusted domain written as consecutive labels of the host, other than the registrable domain
    // itself: `contoso.com.secure-pay.net`, and `contoso.com.br.biz` where it spans into the label.
    const hostLabels = [...subLabels, ...registrableDomain.split('.')];
    for (let i = 0; i < hostLabels.length; i++) {
      // Sequences longer than any trusted host cannot be one.
      for (let j = i + 2; j <= Math.min(hostLabels.length, i + index.maxHostLabels); j++) {
        const seq = hostLabels.slice(i, j).join('.');
        const embedded = index.hosts.get(seq)?.entries;
        if (embedded === undefined) continue;
        if (seq === registrableDomain || registrableDomain.endsWith(`.${seq}`) || seq.endsWith(`.${registrableDomain}`)) continue;
        for (const e of embedded) {
          out.add(labelIdOf(index, e), 0.8, () => [{ code: 'subdomain-embedding', detail: { embeddedDomain: seq, where: 'subdomain', registrableDomain } }]);
        }
      }
    }
    for (let i = 0; i < subLabels.length; i++) {
      // The whole label (`adventure-works.secure-mail.net`) and each of its hyphen tokens.
      const whole = subLabels[i]!;
      const tokens = whole.includes('-') ? [whole, ...whole.split('-')] : [whole];
      for (const token of tokens) {
        if (codePointLength(token) < index.policy.minBrandLength) continue;
        matchText(index, token, false, (id, similarity, findings) => {
          out.add(id, similarity * 0.7, () => [...findings(), { code: 'subdomain-embedding', detail: { token, where: 'subdomain', registrableDomain } }]);
        });
      }
      // A whole trusted host written with hyphens (`r2-dns-cloud-net.evil.com`).
      if (whole.includes('-')) {
        for (const entry of index.hyphenHosts.get(whole) ?? []) {
          out.add(labelIdOf(index, entry), 0.8, () => [{ code: 'subdomain-embedding', detail: { embeddedDomain: entry.domain, hyphenated: whole, where: 'subdomain', registrableDomain } }]);
        }
      }
    }
    // 5. Dot insertion: `cont.oso.com` splits the trusted label `contoso` with a dot.
    const last = subLabels.slice(-2);
    for (let k = 0; k < last.length; k++) {
      const joined = last.slice(k).join('') + label;
      const dots = last.slice(k).reduce<number[]>((acc, l) => [...acc, (acc.at(-1) ?? 0) + codePointLength(l)], []);
      matchText(index, joined, true, (id, similarity, findings) => {
        const sfx = suffixFindings(index, id, out);
        out.add(id, similarity * 0.95 * sfx.factor, () => [...findings(), { code: 'dot-insertion', detail: { positions: dots, joined } }, ...sfx.findings()]);
      });
    }
  }

  // 7. English plurals (`freeinboxes` for `freeinbox`): the ending is one or two insertions, and two
  // exceed the one-edit budget of 5–9 letter labels, so the label is also tried without it. Only
  // for stems long enough to carry a typo at all (the same length policy as every typo).
  // Indexed loops here and above: `for…of` allocated an iterator result per sender (sampled).
  for (let e = 0; e < PLURAL_ENDINGS.length; e++) {
    const ending = PLURAL_ENDINGS[e]!;
    if (!label.endsWith(ending)) continue;
    if (labelLength === 0) labelLength = Math.max(1, codePointLength(label));
    if (labelLength - ending.length < index.policy.minLengthOneEdit) continue;
    const stem = written.slice(0, written.length - ending.length);
    matchText(index, stem, false, (id) => {
      const sfx = suffixFindings(index, id, out);
      out.add(id, (1 - ending.length / labelLength) * sfx.factor, () => {
        const cmp = compareLabels(written, index.labels[id]!);
        return [...cmp.visual, ...cmp.typos, ...sfx.findings()];
      });
    });
  }

  // 6. Dots anywhere in the name: `spra.y.se` (y.se is a Swedish public suffix) is `spray.se`
  // with a dot inserted; removing the dots before some suffix gives a trusted domain.
  const firstDot = view.domain.indexOf('.');
  const allLabels = firstDot >= 0 && view.domain.indexOf('.', firstDot + 1) >= 0 ? view.domain.split('.') : [];
  if (allLabels.length >= 3 && allLabels.length <= MAX_SUBDOMAIN_LABELS + 3) {
    for (let k = 2; k < allLabels.length; k++) {
      const joined = allLabels.slice(0, k).join('');
      const tail = allLabels.slice(k).join('.');
      const id = index.labelIds.get(joined);
      if (id === undefined || !index.labelEntries[id]!.some((e) => e.suffix === tail)) continue;
      out.add(id, 0.95, () => [{ code: 'dot-insertion', detail: { joined, positions: allLabels.slice(0, k - 1).map((_, n) => allLabels.slice(0, n + 1).join('').length) } }]);
    }
  }

  if (out.ids === undefined) return undefined;
  let bestIndex = -1;
  let bestId = -1;
  let bestSimilarity = -1;
  for (let k = 0; k < out.ids.length; k++) {
    const id = out.ids[k]!;
    const similarity = out.similarities[k]!;
    if (similarity > bestSimilarity || (similarity === bestSimilarity && id < bestId)) {
      bestIndex = k;
      bestId = id;
      bestSimilarity = similarity;
    }
  }
  if (bestIndex < 0) return undefined;
  const findings = materialize(out.parts[bestIndex]!);
  if (findings.length === 0) return undefined;
  let best: DomainCandidate = { labelId: bestId, entry: pickEntry(index, bestId, suffix), similarity: Math.min(1, bestSimilarity), findings };
  const scripts = scriptFindings(label);
  if (scripts.length > 0) best = { ...best, findings: [...scripts, ...best.findings] };
  return best;
}

/** Script findings of a label with no trusted target (for the `suspicious` verdict). */
export function standaloneScriptFindings(label: string | null): Finding[] {
  return label === null ? [] : scriptFindings(label);
}

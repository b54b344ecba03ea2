/**
 * The two reference points every sosie figure is read against, measured in the same run:
 *   - the naive loop: what a user writes today, edit distance (fast-levenshtein) from the
 *     sender's domain to every trusted domain;
 *   - the floor: the work no check can avoid (split the address, one Public Suffix List lookup,
 *     one hash lookup), as in shared/reference/perf-anchors.md §4.
 */

import levenshtein from 'fast-levenshtein';
import { getDomainWithoutSuffix } from 'tldts';

/**
 * The naive check: the domain after the last `@` (a trailing `>` removed), lowercased, compared
 * with every trusted domain by Levenshtein distance; stops early on an exact match.
 * @returns 0 for a trusted domain, 1 for a lookalike (distance ≤ 2), 2 otherwise.
 */
export function naiveCheck(sender: string, trustedDomains: readonly string[]): number {
  const s = sender.toLowerCase();
  let host = s.slice(s.lastIndexOf('@') + 1);
  if (host.endsWith('>')) host = host.slice(0, -1);
  let best = Infinity;
  for (let i = 0; i < trustedDomains.length; i++) {
    const d = levenshtein.get(host, trustedDomains[i]!);
    if (d === 0) return 0;
    if (d < best) best = d;
  }
  return best <= 2 ? 1 : 2;
}

/** tldts options of the floor: the fastest correct ones (perf-anchors §4 "tldts per call"). */
const FLOOR_TLDTS = Object.freeze({ allowPrivateDomains: true, detectIp: false, extractHostname: false, mixedInputs: false, validateHostname: false });

/**
 * The floor of one check: lowercase, `indexOf('@')` + `slice`, one tldts call for the registrable
 * label, one `Map.get`. No parsing of display names, no IDNA, no skeleton, no typo search.
 * @returns The label's id in `labels`, or -1.
 */
export function floorCheck(sender: string, labels: ReadonlyMap<string, number>): number {
  const s = sender.toLowerCase();
  const host = s.slice(s.indexOf('@') + 1);
  const label = getDomainWithoutSuffix(host, FLOOR_TLDTS);
  return label === null ? -1 : (labels.get(label) ?? -1);
}

/**
 * The one-edit typo-index hits of every trusted label's own typo key (and its folded form),
 * computed once at compile time for large lists.
 *
 * Why: a sender who writes a trusted label exactly under another suffix (a tld-swap such as
 * `northwind.co`, the commonest lookalike in the benchmark's streams at 100,000 entries: 338 of
 * the 4,000 mixed senders) still asks the typo index for the label's neighbours, since one under the
 * sender's own suffix may score higher. The label's own deletion keys are all in the index, and on
 * large, dense lists they share postings with many other labels: such a query read several rounds
 * of cold memory. Its answer depends on the label alone, so it is looked up here: one offset and
 * one short run of hits. Measured in bench/HISTORY.md (eighteenth round).
 *
 * Which hits: those a query with cap 1 gives, the cap such a sender asks with (its exact label
 * scores 0.9, above what any two-edit hit of a key under 18 units can score, analyze-domain.ts).
 * Others (a longer key, or an exact label under a trusted suffix at an untrusted host, which scores
 * no visual match) query the index. Hits at distance 0 are left out: their labels have the
 * sender's typo key, hence its skeleton (typo keys determine skeletons), and the caller has visited
 * every same-skeleton label already, so it would skip them.
 */

import { queryDeleteIndex, type DeleteIndex, type DeleteIndexHit } from './delete-index';
import { foldPairs, typoKey } from './typo-key';

/**
 * Labels whose typo key is shorter are not precomputed: such a label written exactly under another
 * suffix scores 0.9, more than any typo hit of a key under 8 units can (1 − 1/(|key| + 2), see
 * analyze-domain.ts), so those senders never query.
 */
export const LABEL_HITS_MIN_KEY_LENGTH = 8;

/**
 * A label whose query finds keys holding more postings than this is not precomputed (its senders
 * query the index, as before). Bounds the compile-time work on dense lists: 100,000 entries
 * `vendor0.com` … `vendor99999.com` took 79 s to compile with every query run (thousands of
 * labels share each key of `vendor1`), 2–3 s without precomputing and with this bound (every label
 * there is over it). In the benchmark's 100,000-entry list 401 of the 55,612 labels of 8+ units
 * are over it (none over 1,024).
 */
export const LABEL_HITS_MAX_POSTINGS = 256;

/** Per label id, the one-edit hits of its typo key and of its folded key (see the module comment). */
export interface LabelHits {
  /**
   * 2 × labels + 1 offsets into `data` (in hits): label id's key hits are [offsets[2id],
   * offsets[2id + 1]), its folded key's [offsets[2id + 1], offsets[2id + 2]) (none when folding
   * changes nothing). offsets[2id + 1] is -1 for a label not precomputed (LABEL_HITS_MIN_KEY_LENGTH,
   * LABEL_HITS_MAX_POSTINGS).
   */
  readonly offsets: Int32Array;
  /** Hits as (target, length), all at distance 1, in target order per run. */
  readonly data: Int32Array;
}

const NO_HITS: readonly DeleteIndexHit[] = [];

/** Int32 per hit in `LabelHits.data`. */
const HIT_INTS = 2;

/** Precomputes the hits of every label in `labels` (by label id) against `index`. */
export function buildLabelHits(labels: readonly string[], index: DeleteIndex): LabelHits {
  const offsets = new Int32Array(2 * labels.length + 1);
  // Build-time scratch: a plain array, copied into the typed one at the end.
  const data: number[] = [];
  const append = (hits: readonly DeleteIndexHit[]): void => {
    for (const hit of hits) if (hit.distance !== 0) data.push(hit.target, hit.length);
  };
  for (let id = 0; id < labels.length; id++) {
    const key = typoKey(labels[id]!);
    offsets[2 * id] = data.length / HIT_INTS;
    const folded = foldPairs(key);
    const own = key.length < LABEL_HITS_MIN_KEY_LENGTH ? undefined : queryDeleteIndex(index, key, 1, LABEL_HITS_MAX_POSTINGS);
    const other = own === undefined ? undefined : folded === key ? NO_HITS : queryDeleteIndex(index, folded, 1, LABEL_HITS_MAX_POSTINGS);
    if (own === undefined || other === undefined) {
      // Not precomputed, marked in the middle offset: the first one ends the previous label's folded run.
      offsets[2 * id + 1] = -1;
      continue;
    }
    append(own);
    offsets[2 * id + 1] = data.length / HIT_INTS;
    append(other);
  }
  offsets[2 * labels.length] = data.length / HIT_INTS;
  return { offsets, data: Int32Array.from(data) };
}

/**
 * Label `id`'s hits for its typo key (`folded`: its folded key) with cap `cap`, as
 * `queryDeleteIndex` gives them less those at distance 0, in target order; undefined when they were
 * not precomputed (a cap other than 1, a short key, a dense one): query the index.
 */
export function labelHitsOf(hits: LabelHits, id: number, folded: boolean, cap: number): DeleteIndexHit[] | undefined {
  const { offsets, data } = hits;
  if (cap !== 1 || offsets[2 * id + 1]! < 0) return undefined;
  const from = offsets[2 * id + (folded ? 1 : 0)]!;
  const to = offsets[2 * id + (folded ? 2 : 1)]!;
  const out: DeleteIndexHit[] = [];
  for (let h = from; h < to; h++) out.push({ target: data[h * HIT_INTS]!, distance: 1, length: data[h * HIT_INTS + 1]! });
  return out;
}

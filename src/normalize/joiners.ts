/**
 * Zero-width joiners that belong to a domain name: U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER.
 *
 * Why they are not simply removed like the other hidden characters: they are the two UTS #46 *deviation*
 * characters besides ß and ς. Nontransitional processing (UTS #46 §4, IDNA2008) keeps them where RFC 5892
 * Appendix A (ContextJ) allows them: after a virama (Sinhala `ශ්‍රී`, Devanagari) or between joining letters
 * (Persian `نامه‌ای`). There they are part of the registered name: `xn--mgba3gch31f060k.com` and
 * `xn--mgba3gch31f.com` are different domains, possibly with different owners. Removing the joiner would merge
 * them, and a trusted entry with a joiner would then trust its joiner-less twin. Everywhere else (`pay‍pal`)
 * UTS #46 would reject the name, and the joiner is reported and removed like any invisible character, so the
 * lookalike behind it can still be matched.
 */

import type { HiddenChar } from '../types';
import { passesContextJ } from './idna';

const ZWNJ = 0x200c;
const ZWJ = 0x200d;

/**
 * Work caps: judging one joiner runs tr46 over its label (~0.5 µs per character), so a 1 KB input made of
 * joiners cost ~100 ms before these caps. A label longer than 63 code points is too long anyway (its A-label
 * exceeds RFC 1035's 63 octets), and a real label has one or two joiners. Joiners beyond the caps stay hidden.
 */
const MAX_JUDGED_LABEL = 63;
const MAX_JUDGED_JOINERS = 8;

/** Characters UTS #46 treats as label separators (U+002E and the three characters mapped to it). */
function isSeparator(ch: string): boolean {
  return ch === '.' || ch === '\u3002' || ch === '\uff0e' || ch === '\uff61';
}

function isJoiner(ch: string | undefined): boolean {
  const code = ch?.charCodeAt(0);
  return code === ZWNJ || code === ZWJ;
}

/**
 * Re-admits the joiners that pass ContextJ in their label: they are dropped from `found` and kept in the text.
 * @param input - The domain as written.
 * @param found - `findHiddenChars(input, 'domain').found` (positions in code points of `input`).
 * @returns The text without the still-hidden characters, and those characters.
 */
export function keepContextualJoiners(
  input: string,
  found: readonly HiddenChar[],
): { readonly cleaned: string; readonly found: readonly HiddenChar[] } {
  const points = Array.from(input);
  const hiddenAt = new Set(found.map((h) => h.position));
  const keptJoiners = new Set<number>();
  let judged = 0;
  let labelStart = 0;
  for (let i = 0; i <= points.length; i++) {
    const ch = points[i];
    if (ch !== undefined && !isSeparator(ch)) continue;
    // One label: points[labelStart .. i). Judge each joiner in it alone, other hidden characters removed.
    let visible = 0;
    for (let k = labelStart; k < i; k++) if (!hiddenAt.has(k)) visible++;
    for (let j = labelStart; j < i && visible < MAX_JUDGED_LABEL && judged < MAX_JUDGED_JOINERS; j++) {
      if (!isJoiner(points[j])) continue;
      judged++;
      let label = '';
      for (let k = labelStart; k < i; k++) if (k === j || !hiddenAt.has(k)) label += points[k] ?? '';
      if (passesContextJ(label)) keptJoiners.add(j);
    }
    labelStart = i + 1;
  }
  if (keptJoiners.size === 0) {
    return { cleaned: points.filter((_, i) => !hiddenAt.has(i)).join(''), found };
  }
  return {
    cleaned: points.filter((_, i) => !hiddenAt.has(i) || keptJoiners.has(i)).join(''),
    found: found.filter((h) => !keptJoiners.has(h.position)),
  };
}

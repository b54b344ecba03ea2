/**
 * A one-line, readable summary of a variant's structured `detail`, for the `csv` format (a
 * spreadsheet reader wants `'o'→'0' at 2`, not nested JSON; `jsonl` and `json` keep the full
 * structure). Positions are shown 1-based, as the detector's sentences count characters.
 */

import type { Variant } from '../index';

/** Quotes one piece of a label for the summary. */
const q = (text: string): string => `'${text}'`;

/**
 * Summarises `variant.detail`, e.g. `'o'→'0' at 2`, `removed 'e' at 12; suffix .com→.co (country)`,
 * `added word 'billing' after, hyphenated`, `bit 3`, `keys adjacent on qwerty, azerty`.
 */
export function describeVariantDetail(variant: Variant): string {
  const d = variant.detail;
  const parts: string[] = [];
  // A combo's change is the word itself, said better below.
  for (const change of d.word === undefined ? d.changes : []) {
    const at = `at ${change.position + 1}`;
    if (change.from === '') parts.push(`inserted ${q(change.to)} ${at}`);
    else if (change.to === '') parts.push(`removed ${q(change.from)} ${at}`);
    else parts.push(`${q(change.from)}→${q(change.to)} ${at}`);
  }
  if (d.suffix !== undefined) parts.push(`suffix .${d.suffix.from}→.${d.suffix.to} (${d.suffix.source})`);
  if (d.word !== undefined) {
    const where = d.placement === 'prefix' ? 'before' : 'after';
    parts.push(`added word ${q(d.word)} ${where}${d.hyphen === true ? ', hyphenated' : ''}`);
  }
  if (d.bit !== undefined) parts.push(`bit ${d.bit}`);
  if (d.layouts !== undefined && d.layouts.length > 0) parts.push(`keys adjacent on ${d.layouts.join(', ')}`);
  if (d.script !== undefined) parts.push(`script ${d.script}`);
  if (d.form !== undefined) parts.push(d.form === 'subdomain' ? 'as subdomain labels' : 'hyphenated into the label');
  if (d.registrableDomain !== variant.domain) parts.push(`registers ${d.registrableDomain}`);
  return parts.join('; ');
}

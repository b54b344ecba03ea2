/**
 * Suffixes for `tld-swap` and `level-squat`.
 *
 * Three sources, in this order (the order of the output):
 * 1. Country variants of the input's own suffix ({@link countryVariants}): the same country's other
 *    second-level suffixes and its bare ccTLD (`co.uk` ↔ `uk`, `org.uk`, `com.au` → `au`), the
 *    generic `com`, the Colombian `com.co`-style form of a generic suffix (`com` → `com.co`), and
 *    CentralNic-style `uk.com` names (PSL private section, used only when private suffixes are on).
 * 2. Typos of the top-level label ({@link suffixTypos}): one letter dropped, two swapped, or one
 *    vowel changed, kept when the result is itself a top-level domain (`com` → `co`, `cm`, `om`,
 *    `cam`; `net` → `ne`, `et`).
 * 3. {@link ABUSED_SUFFIXES}: a curated, hand-reviewed list (below).
 * Every candidate suffix is then kept only if the Public Suffix List (via tldts) knows it, so a
 * suffix that does not exist is never proposed. The list is a selection, not a ranking.
 */

/**
 * Commonly abused and commonly confused suffixes, reviewed by hand for sosie.
 *
 * Provenance: top-level domains that public abuse reports repeatedly name among those with the
 * most phishing or spam domains: The Spamhaus Project's "The World's Most Abused TLDs" statistics
 * page and Interisle Consulting Group's yearly "Phishing Landscape" / "Cybercrime Supply Chain"
 * studies (2021–2024 editions), plus dnstwist's `dictionaries/common_tlds.dict` for the generic
 * business-looking suffixes. The names were selected from what those reports say in public; no
 * figures or ranks are copied, and a suffix's presence says nothing about its registry's conduct.
 * Grouped by why they are here; order inside a group is alphabetical.
 */
export const ABUSED_SUFFIXES: readonly string[] = Object.freeze([
  // generic suffixes a reader takes for a company's own
  'biz', 'cc', 'co', 'com', 'info', 'io', 'me', 'net', 'org', 'us',
  // named in abuse reports (Spamhaus, Interisle): low-cost new gTLDs
  'bond', 'buzz', 'cam', 'cfd', 'click', 'club', 'cyou', 'icu', 'link', 'live', 'lol', 'monster',
  'online', 'quest', 'rest', 'sbs', 'shop', 'site', 'store', 'top', 'vip', 'website', 'work', 'xyz',
  // named in abuse reports: ccTLDs with cheap or free registration
  'cf', 'cn', 'ga', 'gq', 'ml', 'pw', 'ru', 'su', 'tk', 'ws',
  // business and trust words used for impersonation
  'app', 'business', 'company', 'email', 'finance', 'group', 'ltd', 'services', 'support',
  // file-name lookalikes
  'mov', 'zip',
]);

const VOWELS = 'aeiou';

/**
 * Country variants of a suffix (candidates; the caller keeps those the PSL knows).
 * @param suffix - The input's public suffix, Unicode, lowercase (`co.uk`, `com`, `de`).
 * @returns Candidate suffixes in a fixed order, possibly including ones that do not exist; [] for a non-string
 *   or a name over 253 characters. Never throws.
 */
export function countryVariants(suffix: string): string[] {
  if (typeof suffix !== 'string' || suffix.length > 253) return [];
  const labels = suffix.split('.');
  const tld = labels[labels.length - 1] ?? suffix;
  const out: string[] = [];
  if (/^[a-z]{2}$/.test(tld)) {
    // A country-code TLD: its bare form and the usual second levels under it.
    if (labels.length > 1) out.push(tld);
    for (const second of ['co', 'com', 'net', 'org', 'ltd', 'plc', 'me']) out.push(`${second}.${tld}`);
    // CentralNic-style `uk.com`, `de.com` (PSL private section).
    out.push(`${tld}.com`);
    out.push('com');
  } else {
    // A generic TLD: the Colombian look-alike `com.co`, and the other two historical generics.
    out.push(`${tld}.co`);
    for (const other of ['com', 'net', 'org']) out.push(other);
  }
  return out;
}

/**
 * One-edit typos of the top-level label (omission, adjacent transposition, vowel change), as
 * candidates; the caller keeps those that are real suffixes. Only for ASCII TLDs.
 * @param suffix - The input's public suffix.
 * @returns The typo'd suffixes (the labels before the TLD are kept), in a fixed order. Never throws.
 */
export function suffixTypos(suffix: string): string[] {
  if (typeof suffix !== 'string' || suffix.length > 253) return [];
  const labels = suffix.split('.');
  const tld = labels.pop() ?? '';
  if (!/^[a-z]{2,}$/.test(tld)) return [];
  const prefix = labels.length > 0 ? `${labels.join('.')}.` : '';
  const out: string[] = [];
  for (let i = 0; i < tld.length; i++) out.push(tld.slice(0, i) + tld.slice(i + 1));
  for (let i = 0; i + 1 < tld.length; i++) out.push(tld.slice(0, i) + tld[i + 1] + tld[i] + tld.slice(i + 2));
  for (let i = 0; i < tld.length; i++) {
    const c = tld[i] ?? '';
    if (!VOWELS.includes(c)) continue;
    for (const v of VOWELS) if (v !== c) out.push(tld.slice(0, i) + v + tld.slice(i + 1));
  }
  return out.filter((t) => t.length >= 2).map((t) => prefix + t);
}

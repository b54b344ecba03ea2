/**
 * Which labels a suffix's registry accepts, at the level of scripts, for `idnPolicy: 'registry'`.
 *
 * Two rules:
 * 1. No mixed-script label anywhere. ICANN's Guidelines for the Implementation of Internationalized
 *    Domain Names (version 3.0 and later) require registries to take all code points of a label from
 *    one script, except where a language customarily mixes scripts (Japanese). We apply UTS #39 §5.1
 *    mixed-script detection (src/skeleton `analyzeScripts`), which treats Han + Hiragana + Katakana as
 *    one (Jpan). So `contоso` (one Cyrillic о) is refused under every suffix, while `соntоsо`-style
 *    all-Cyrillic labels may pass.
 * 2. The scripts of the suffix's registry, from the table below.
 *
 * The table is deliberately conservative in what it DROPS: a suffix is listed only where the
 * restriction is well known from the registry's published IDN policy (IANA Repository of IDN
 * Practices, https://www.iana.org/domains/idn-tables, and the registries' own pages); an unlisted
 * suffix accepts any one script (the generic-TLD norm). For suffixes where we only know that one
 * script is offered, that script is allowed even if the registry is narrower (`ru`: Cyrillic).
 * The model is per script, not per character: a registry's IDN table lists exact characters (DENIC
 * accepts 93 Latin letters, not every Latin code point), so a Latin small capital under `.de` passes
 * here although DENIC would refuse it. That errs on the side of reporting a variant.
 */

import { isAscii } from '../normalize/is-ascii';
import { analyzeScripts } from '../skeleton';

/** What one registry accepts. */
export interface SuffixIdnPolicy {
  /** Whether plain LDH (ASCII) labels are accepted. */
  readonly ascii: boolean;
  /** Scripts accepted in IDN labels: a list (empty = no IDN at all), or '*' for any single script. */
  readonly scripts: readonly string[] | '*';
}

const ASCII_ONLY: SuffixIdnPolicy = Object.freeze({ ascii: true, scripts: Object.freeze([]) });
const LATIN: SuffixIdnPolicy = Object.freeze({ ascii: true, scripts: Object.freeze(['Latin']) });
const ASCII_CYRILLIC: SuffixIdnPolicy = Object.freeze({ ascii: true, scripts: Object.freeze(['Cyrillic']) });
const CYRILLIC_ONLY: SuffixIdnPolicy = Object.freeze({ ascii: false, scripts: Object.freeze(['Cyrillic']) });
const ASCII_GREEK: SuffixIdnPolicy = Object.freeze({ ascii: true, scripts: Object.freeze(['Greek']) });
const GREEK_ONLY: SuffixIdnPolicy = Object.freeze({ ascii: false, scripts: Object.freeze(['Greek']) });
const JAPANESE = Object.freeze(['Han', 'Hiragana', 'Katakana']);
/** Any single script: the default for suffixes not in the table. */
export const ANY_SCRIPT: SuffixIdnPolicy = Object.freeze({ ascii: true, scripts: '*' });

/**
 * Registry policies by suffix (Unicode form). Looked up for the full suffix first, then for its
 * top-level label, so `co.uk` inherits `uk`.
 */
export const SUFFIX_IDN_POLICIES: Readonly<Record<string, SuffixIdnPolicy>> = Object.freeze({
  // No IDN registrations at all: Nominet (.uk), auDA (.au), SIDN (.nl), usTLD (.us), and the
  // US government and education suffixes.
  uk: ASCII_ONLY,
  au: ASCII_ONLY,
  nl: ASCII_ONLY,
  us: ASCII_ONLY,
  gov: ASCII_ONLY,
  edu: ASCII_ONLY,
  mil: ASCII_ONLY,
  // Latin letters with the diacritics of the national languages only: DENIC (.de), nic.at, SWITCH
  // (.ch, .li), AFNIC (.fr), Registro .it, Red.es, DNS.pt, DNS Belgium, Punktum (.dk), Norid (.no),
  // Traficom (.fi), ISNIC (.is), CIRA (.ca), InternetNZ (.nz, macrons), Registro.br.
  de: LATIN,
  at: LATIN,
  ch: LATIN,
  li: LATIN,
  fr: LATIN,
  it: LATIN,
  es: LATIN,
  pt: LATIN,
  be: LATIN,
  dk: LATIN,
  no: LATIN,
  fi: LATIN,
  is: LATIN,
  ca: LATIN,
  nz: LATIN,
  br: LATIN,
  // Cyrillic countries whose ASCII ccTLD offers (at most) Cyrillic IDNs.
  ru: ASCII_CYRILLIC,
  su: ASCII_CYRILLIC,
  ua: ASCII_CYRILLIC,
  by: ASCII_CYRILLIC,
  bg: ASCII_CYRILLIC,
  kz: ASCII_CYRILLIC,
  // Cyrillic IDN ccTLDs: Cyrillic labels only (рф, укр, бг, бел, қаз, срб, мкд, мон).
  'рф': CYRILLIC_ONLY,
  'укр': CYRILLIC_ONLY,
  'бг': CYRILLIC_ONLY,
  'бел': CYRILLIC_ONLY,
  'қаз': CYRILLIC_ONLY,
  'срб': CYRILLIC_ONLY,
  'мкд': CYRILLIC_ONLY,
  'мон': CYRILLIC_ONLY,
  // Greek: .gr accepts Greek IDNs; .ελ and .ευ are Greek only.
  gr: ASCII_GREEK,
  'ελ': GREEK_ONLY,
  'ευ': GREEK_ONLY,
  // EURid (.eu): the scripts of the EU's official languages; .ею is Cyrillic only.
  eu: Object.freeze({ ascii: true, scripts: Object.freeze(['Cyrillic', 'Greek', 'Latin']) }),
  'ею': CYRILLIC_ONLY,
  // East Asian ccTLDs: their national scripts (JPRS .jp, CNNIC .cn, KRNIC .kr).
  jp: Object.freeze({ ascii: true, scripts: JAPANESE }),
  cn: Object.freeze({ ascii: true, scripts: Object.freeze(['Han']) }),
  kr: Object.freeze({ ascii: true, scripts: Object.freeze(['Hangul']) }),
});

/**
 * The policy of a suffix: the table entry for the whole suffix, else for its top-level label, else {@link ANY_SCRIPT}.
 * @param suffix - Public suffix in Unicode, lowercase (`co.uk`, `рф`).
 */
export function suffixIdnPolicy(suffix: string): SuffixIdnPolicy {
  if (typeof suffix !== 'string') return ANY_SCRIPT;
  const whole = SUFFIX_IDN_POLICIES[suffix];
  if (whole !== undefined) return whole;
  const tld = suffix.slice(suffix.lastIndexOf('.') + 1);
  return SUFFIX_IDN_POLICIES[tld] ?? ANY_SCRIPT;
}

/**
 * Whether the registry of `suffix` would accept `label` as a registration, per the two rules above.
 * @param label - The registrable label (Unicode).
 * @param suffix - Its public suffix (Unicode).
 * @returns undefined when accepted, else one sentence saying why not. Never throws.
 */
export function registryRefusal(label: string, suffix: string): string | undefined {
  if (typeof label !== 'string' || typeof suffix !== 'string') return 'the label and the suffix must be strings';
  const policy = suffixIdnPolicy(suffix);
  if (isAscii(label)) {
    return policy.ascii ? undefined : `the registry of .${suffix} accepts only IDN labels, not ASCII ones`;
  }
  const analysis = analyzeScripts(label);
  if (analysis.mixedScript) {
    return `label "${label}" mixes the ${analysis.scripts.join(' and ')} scripts, which registries refuse (ICANN IDN Guidelines, UTS #39 §5.1)`;
  }
  if (policy.scripts === '*') return undefined;
  const allowed = policy.scripts;
  const refused = analysis.scripts.filter((s) => !allowed.includes(s));
  if (refused.length === 0) return undefined;
  const accepted = allowed.length === 0 ? 'no IDN labels' : `only ${allowed.join(', ')} IDN labels`;
  return `the registry of .${suffix} accepts ${accepted}, not ${refused.join(', ')}`;
}

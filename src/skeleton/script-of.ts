/**
 * The Unicode Script property (UAX #24) of a code point, as used by UTS #39 §5 mixed-script
 * detection. Uses the engine's own Unicode data through `\p{Script=…}` regexes, compiled lazily
 * one script at a time in order of likelihood (Latin text compiles one regex), with a bounded
 * per-code-point cache. Script names the engine does not know (an older Unicode version) are
 * skipped rather than thrown on.
 */

import { codeUnitAt } from '../parse/code-unit-at';

/** Scripts tried first, most likely in mail addresses and names. */
const LIKELY = [
  'Latin',
  'Common',
  'Inherited',
  'Cyrillic',
  'Greek',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Arabic',
  'Hebrew',
  'Armenian',
  'Georgian',
  'Cherokee',
  'Thai',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Telugu',
  'Gujarati',
  'Gurmukhi',
  'Kannada',
  'Malayalam',
  'Oriya',
  'Sinhala',
  'Lao',
  'Khmer',
  'Myanmar',
  'Tibetan',
  'Ethiopic',
  'Bopomofo',
  'Mongolian',
  'Thaana',
  'Syriac',
  'Canadian_Aboriginal',
  'Coptic',
  'Runic',
  'Ogham',
  'Tifinagh',
  'Yi',
  'Vai',
  'Lisu',
  'Nko',
];

/** The other Script values up to Unicode 17 (long names, as `\p{Script=…}` accepts them). */
const OTHERS =
  'Adlam Ahom Anatolian_Hieroglyphs Avestan Balinese Bamum Bassa_Vah Batak Beria_Erfe Bhaiksuki ' +
  'Brahmi Braille Buginese Buhid Carian Caucasian_Albanian Chakma Cham Chorasmian Cuneiform Cypriot ' +
  'Cypro_Minoan Deseret Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Garay ' +
  'Glagolitic Gothic Grantha Gunjala_Gondi Gurung_Khema Hanifi_Rohingya Hanunoo Hatran ' +
  'Imperial_Aramaic Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kawi Kayah_Li ' +
  'Kharoshthi Khitan_Small_Script Khojki Khudawadi Kirat_Rai Lepcha Limbu Linear_A Linear_B Lycian ' +
  'Lydian Mahajani Makasar Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek ' +
  'Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mro Multani Nabataean Nag_Mundari ' +
  'Nandinagari New_Tai_Lue Newa Nushu Nyiakeng_Puachue_Hmong Ol_Chiki Ol_Onal Old_Hungarian ' +
  'Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic ' +
  'Old_Uyghur Osage Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi ' +
  'Rejang Samaritan Saurashtra Sharada Shavian Siddham Sidetic SignWriting Sogdian Sora_Sompeng ' +
  'Soyombo Sundanese Sunuwar Syloti_Nagri Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Tai_Yo Takri ' +
  'Tangsa Tangut Tirhuta Todhri Tolong_Siki Toto Tulu_Tigalari Ugaritic Vithkuqi Wancho Warang_Citi ' +
  'Yezidi Zanabazar_Square';

const NAMES: readonly string[] = [...LIKELY, ...OTHERS.split(' ')];
/** Compiled lazily; null = not compiled yet, false = the engine does not know this script. */
const compiled: (RegExp | false | null)[] = NAMES.map(() => null);

const CACHE_LIMIT = 20_000;
const cache = new Map<number, string>();

function matcher(index: number): RegExp | false {
  const existing = compiled[index];
  if (existing !== null && existing !== undefined) return existing;
  let re: RegExp | false;
  try {
    re = new RegExp(`^\\p{Script=${NAMES[index] ?? 'Unknown'}}$`, 'u');
  } catch {
    re = false; // a script newer than this engine's Unicode data
  }
  compiled[index] = re;
  return re;
}

function lookup(cp: number): string {
  const ch = String.fromCodePoint(cp);
  for (let k = 0; k < NAMES.length; k++) {
    const re = matcher(k);
    if (re !== false && re.test(ch)) return NAMES[k] ?? 'Unknown';
  }
  return 'Unknown'; // unassigned, private use, surrogate (Script=Unknown, Zzzz)
}

/**
 * Unicode Script property of a code point ('Latin', 'Cyrillic', 'Greek', 'Common', 'Inherited',
 * 'Han', ...; 'Unknown' for unassigned, private-use and surrogate code points or invalid input).
 * Never throws.
 */
export function scriptOf(codePoint: number): string {
  if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > 0x10ffff) return 'Unknown';
  if (codePoint < 128) {
    const lower = codePoint | 0x20;
    return lower >= 0x61 && lower <= 0x7a ? 'Latin' : 'Common';
  }
  const hit = cache.get(codePoint);
  if (hit !== undefined) return hit;
  const script = lookup(codePoint);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(codePoint, script);
  return script;
}

/** A printable description of one code point (see describeCodePoint). */
export interface CodePointInfo {
  /** The code point as a string. */
  readonly char: string;
  /** `U+` and at least four upper-case hex digits. */
  readonly codePoint: string;
  /** Its Script property (scriptOf). */
  readonly script: string;
}

/**
 * Descriptions already computed, by code point (the same few hundred recur in explanations):
 * `U+…` formatting and the script lookup cost more than copying three fields (describing the
 * texts of the benchmark's homoglyph findings: 0.083 → 0.030 µs each, with describeText). Callers
 * get a fresh copy each time, so a caller that edits its result cannot change later ones. Bounded
 * like `cache`.
 */
const described = new Map<number, CodePointInfo>();

function describe(cp: number): CodePointInfo {
  let info = described.get(cp);
  if (info === undefined) {
    info = {
      char: String.fromCodePoint(cp),
      codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`,
      script: scriptOf(cp),
    };
    if (described.size >= CACHE_LIMIT) described.clear();
    described.set(cp, info);
  }
  return { char: info.char, codePoint: info.codePoint, script: info.script };
}

/**
 * A printable description of one code point for messages, e.g.
 * `{ char: 'о', codePoint: 'U+043E', script: 'Cyrillic' }`. Describes the first code point of
 * `char`; for an empty string returns `{ char: '', codePoint: '', script: 'Unknown' }`.
 */
export function describeCodePoint(char: string): CodePointInfo {
  const cp = typeof char === 'string' ? char.codePointAt(0) : undefined;
  if (cp === undefined) return { char: '', codePoint: '', script: 'Unknown' };
  return describe(cp);
}

/**
 * describeCodePoint of each code point of `text`, in order (a lone surrogate is one); the same as
 * `[...text].map(describeCodePoint)`.
 */
export function describeText(text: string): CodePointInfo[] {
  const out: CodePointInfo[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    let cp = codeUnitAt(text, i++);
    if (cp >= 0xd800 && cp <= 0xdbff && i < n) {
      const low = codeUnitAt(text, i);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    out.push(describe(cp));
  }
  return out;
}

/**
 * Selects the ASCII-lookalike additions that the `confusables` npm package (gc/confusables,
 * dist/characters.js) lists beyond UTS #39 confusables.txt (as shipped by `unhomoglyph`).
 *
 * Why a selection and not the whole list: `confusables` is built for profanity filtering, so its
 * map is deliberately loose. Besides true glyph variants it maps letters of other scripts that only
 * evoke an ASCII letter (Cyrillic д→a, и→n, ш→w; Greek λ→a, π→n, ω→w; Armenian, Ethiopic, Thai,
 * Canadian syllabics, Han 山→w, 乃→b), turned or reversed letters (ɐ ʌ ǝ ɥ ʞ ʍ ʎ), and symbols
 * (∂ © £ ♭ ❤ ↻). Taking those would make real words in those scripts collide with Latin labels
 * (Russian дом would read as "aom") and contradict UTS #39, whose authors curated those scripts and
 * chose not to map these characters. So a candidate `[char, key]` is kept only when ALL hold:
 *
 *   1. `key` is one ASCII letter or digit (multi-character keys such as '10', 'ae' are ignored);
 *      `char` is one non-ASCII code point.
 *   2. `char` is not a source in UTS #39 confusables.txt: UTS #39 decides those.
 *   3. `char` is listed under one key only (case-folded): ambiguous entries are dropped.
 *   4. The skeleton pipeline does not already change `char` beyond lowercasing (canonical
 *      decomposition + mark removal, a UTS #39 mapping of its lowercase form, ...): those are either
 *      already covered or UTS #39 maps them elsewhere (e.g. Greek ἐ → ꞓ), and UTS #39 wins.
 *   5. One of these classes:
 *      A. compatibility variant: NFKC(char), lowercased, is the key (fullwidth ｂ, circled ⓐ,
 *         superscript ¹, modifier ʰ, ...): the same letter in another width, size or enclosure;
 *      B. enclosed alphanumeric not covered by NFKC (negative circled/squared letters 🅐 🅰, dingbat
 *         circled digits ➀ ➊ ❶, double-circled digits ⓵), from the Enclosed Alphanumerics (U+2460–
 *         U+24FF), Dingbats (U+2776–U+2793) and Enclosed Alphanumeric Supplement (U+1F100–U+1F1FF)
 *         blocks, excluding the Regional Indicator symbols U+1F1E6–U+1F1FF (they render as flags in
 *         pairs, so their look depends on the neighbour);
 *      C. one of the Latin letters listed in LATIN_LETTER_VARIANTS below: the ASCII letter with a
 *         hook, tail, curl, stroke, bar or descender, or its small capital. These read as the letter
 *         (like a diacritic), but UTS #39 does not decompose them.
 *
 * Each entry of LATIN_LETTER_VARIANTS is checked against the package: if a package update drops
 * or remaps one, the generator fails instead of silently changing the table.
 */

/**
 * Class C, reviewed by hand from the package's Latin candidates. Key → characters.
 * Left out on purpose: turned/reversed/inverted letters (ʌ ɐ ɒ ǝ ɘ Ǝ ꟻ Ⅎ ɥ ʞ ʍ ᴎ ᴙ ᴚ ʁ ʇ ʎ Ɯ Ɔ ᴻ ᴒ),
 * modifier (superscript) letters not covered by class A (ᶦ ᶨ ᶫ ᶩ ᶰ ᶣ ᶛ), distinct letters of other
 * orthographies (ß ẞ þ Þ ƿ Ƿ ʃ ʄ ƛ ꜧ ɧ Ƕ ʊ Ʊ Ʋ ʘ ʆ ʅ ʖ Ꞇ ↁ), and letters whose own lowercase or
 * UTS #39 prototype is not the ASCII letter (ezh/yogh ȝ ʓ ƺ ᴣ ᴟ ᶾ ᶚ → '3': UTS #39 maps ʒ to ȝ, not 3;
 * ꞓ Ꞓ → 'e': ꞓ is UTS #39's prototype for Greek ε and Latin ɛ, which UTS #39 keeps apart from e).
 * Capitals whose small form UTS #39 already maps (Ƀ Ȼ Ɍ Ƚ Ᵽ Ɫ Ƞ Ɽ: ƀ → b̵, ȼ → c̸, ...) need no entry:
 * the skeleton lowercases and maps again until nothing changes.
 */
export const LATIN_LETTER_VARIANTS = {
  2: 'ƨ', // tone two: UTS #39 maps its capital Ƨ to 2; the small form keeps case forms together
  a: 'ᴀᶏⱥȺ', // small capital A; a with retroflex hook; a with stroke (small, capital)
  b: 'ʙᴃᶀƅ', // small capital B and barred B; b with palatal hook; tone six
  c: 'ƈʗ', // c with hook; stretched c
  d: 'ᴅᴆᵭᶁᶑ', // small capital D and eth; d with middle tilde, palatal hook, hook and tail
  e: 'ᴇᶒ', // small capital E; e with retroflex hook
  f: 'ᶂ', // f with palatal hook
  g: 'ɢʛ', // small capital G, with hook
  h: 'ʜⱨ', // small capital H; h with descender
  i: 'ᶖ', // i with retroflex hook
  j: 'ᴊȷʝ', // small capital J; dotless j; j with crossed-tail
  k: 'ĸꝁꝄⱪᶄ', // kra (a small-capital k); k with diagonal stroke (small, capital); descender; palatal hook
  l: 'ʟⱠⱡ', // small capital L; L with double bar (capital, small)
  m: 'ᶆ', // m with palatal hook
  n: 'ɴŋŊɲȵᶇ', // small capital N; eng (n with tail); n with left hook, curl, palatal hook
  p: 'ᴘ', // small capital P
  q: 'ꝗꝖɋɊ', // q with stroke through descender (small, capital); q with hook tail (small, capital)
  r: 'ʀɾᶉ', // small capital R; r with fishhook, palatal hook
  s: 'ȿᶊ', // s with swash tail, palatal hook
  t: 'ᴛȶʈƫ', // small capital T; t with curl, retroflex hook, palatal hook
  u: 'ʉᶙ', // u bar; u with retroflex hook
  w: 'ⱳⱲ', // w with hook (small, capital)
  x: 'ᶍ', // x with palatal hook
  z: 'ⱬⱫɀᶎʑ', // z with descender (small, capital); swash tail; palatal hook; curl
};

const ENCLOSED_RANGES = [
  [0x2460, 0x24ff], // Enclosed Alphanumerics
  [0x2776, 0x2793], // Dingbats: circled and negative circled digits
  [0x1f100, 0x1f1e5], // Enclosed Alphanumeric Supplement, before the Regional Indicators
];

const MARKS = /[\p{Mn}\p{Me}]/gu;
const ALNUM_KEY = /^[A-Za-z0-9]$/;

function inEnclosedBlock(cp) {
  return ENCLOSED_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/**
 * The skeleton pipeline as far as it is defined by data the generator has (UTS #39 map, NFD,
 * lowercasing, mark removal), iterated a few times; used only to apply rule 4.
 */
function roughSkeleton(text, uts) {
  let s = text;
  for (let round = 0; round < 6; round++) {
    let mapped = '';
    for (const c of s.normalize('NFD')) mapped += uts.get(c) ?? c;
    const next = mapped.normalize('NFD').toLowerCase().normalize('NFD').replace(MARKS, '');
    if (next === s) break;
    s = next;
  }
  return s;
}

/**
 * Returns the selected additions as a Map source char → lowercase ASCII key, plus a tally of the
 * rejected candidates by reason (for the generated header).
 * @param {Map<string, string>} characters the package's `characters` Map (key → lookalike chars)
 * @param {Map<string, string>} uts UTS #39 source → prototype
 */
export function selectAdditions(characters, uts) {
  /** @type {Map<string, Set<string>>} */
  const keysOf = new Map();
  for (const [key, chars] of characters) {
    if (!ALNUM_KEY.test(key)) continue;
    for (const c of chars) {
      if (c.codePointAt(0) < 0x80) continue;
      let set = keysOf.get(c);
      if (!set) keysOf.set(c, (set = new Set()));
      set.add(key.toLowerCase());
    }
  }

  const curated = new Map();
  for (const [key, chars] of Object.entries(LATIN_LETTER_VARIANTS)) {
    for (const c of chars) curated.set(c, key);
  }

  const selected = new Map();
  const rejected = { inUts39: 0, ambiguous: 0, alreadyMapped: 0, notAGlyphVariant: 0 };
  const classes = { compatibility: 0, enclosed: 0, latinVariant: 0 };
  for (const [c, keys] of keysOf) {
    if (uts.has(c)) {
      rejected.inUts39++;
      continue;
    }
    if (keys.size !== 1) {
      rejected.ambiguous++;
      continue;
    }
    const [key] = keys;
    if (roughSkeleton(c, uts) !== c.toLowerCase()) {
      rejected.alreadyMapped++;
      continue;
    }
    const cp = c.codePointAt(0);
    if (c.normalize('NFKC').toLowerCase() === key) classes.compatibility++;
    else if (inEnclosedBlock(cp)) classes.enclosed++;
    else if (curated.get(c) === key) classes.latinVariant++;
    else {
      rejected.notAGlyphVariant++;
      continue;
    }
    selected.set(c, key);
  }

  const stale = [...curated].filter(([c, key]) => selected.get(c) !== key);
  if (stale.length > 0) {
    const list = stale.map(([c, key]) => `${c} (U+${cp4(c)}) → ${key}`).join(', ');
    throw new Error(
      `LATIN_LETTER_VARIANTS lists ${list}, but confusables no longer provides these pairs or the ` +
        'skeleton already folds them (UTS #39 maps them): review scripts/confusables-additions.mjs',
    );
  }
  return { selected, rejected, classes };
}

function cp4(c) {
  return c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
}

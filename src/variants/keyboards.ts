/**
 * Keyboard adjacency for the typo fuzzers (`insertion`, `replacement`) and for the scorer, which
 * notes in a typo reason when the two keys are neighbours.
 *
 * Provenance: hand-written for sosie from the physical key rows of three layouts, with the usual
 * row stagger (the letter rows sit ½, ¾ and 1¼ key widths right of the digit row; the ISO layouts
 * have an extra key left of the bottom row):
 * - `qwerty`: US ANSI (`1234567890-` / `qwertyuiop` / `asdfghjkl` / `zxcvbnm`);
 * - `qwertz`: German T1 (DIN 2137) (`1234567890ß` / `qwertzuiopü` / `asdfghjklöä` / `<yxcvbnm,.-`);
 * - `azerty`: French AZERTY as shipped by Windows and macOS (`&é"'(-è_çà` shifted to digits /
 *   `azertyuiop` / `qsdfghjklmù` / `<wxcvbn,;:!`).
 * Two keys are neighbours when they touch: next to each other on a row, or on adjacent rows with
 * horizontal centres less than one key width apart. This gives the same neighbour sets for letters
 * as dnstwist's `keyboard_qwerty`/`qwertz`/`azerty` maps (elceef/dnstwist, dnstwist.py), which
 * were themselves drawn by hand.
 *
 * Only hostname characters are kept (letters a–z, digits, the hyphen: RFC 952/1123 LDH), because a
 * typo into a key that cannot appear in a hostname does not yield a registrable domain. The digit
 * row is modelled by its digits, as dnstwist and urlinsane do, although AZERTY needs Shift for them.
 * National letters (ß ü ö ä on QWERTZ, ù on AZERTY) are left out: a slip onto them produces an
 * accented letter, which the `diacritic` fuzzer covers. The hyphen is a key of its own only on
 * QWERTY (right of 0); on QWERTZ its neighbours are `.` and `ä`, none of them LDH, and on AZERTY it
 * shares the 6 key, so it appears in neither of those tables.
 */

/** A keyboard layout the typo fuzzers know. */
export type KeyboardLayout = 'qwerty' | 'qwertz' | 'azerty';

/** Every layout, in the fixed order used for reports. */
export const KEYBOARD_LAYOUTS: readonly KeyboardLayout[] = Object.freeze(['qwerty', 'qwertz', 'azerty'] as const);

type Table = Readonly<Record<string, string>>;

/** US ANSI QWERTY: key → its LDH neighbours, sorted. */
const QWERTY: Table = {
  '-': '0p',
  '0': '-9op',
  '1': '2q',
  '2': '13qw',
  '3': '24ew',
  '4': '35er',
  '5': '46rt',
  '6': '57ty',
  '7': '68uy',
  '8': '79iu',
  '9': '08io',
  a: 'qswz',
  b: 'ghnv',
  c: 'dfvx',
  d: 'cefrsx',
  e: '34drsw',
  f: 'cdgrtv',
  g: 'bfhtvy',
  h: 'bgjnuy',
  i: '89jkou',
  j: 'hikmnu',
  k: 'ijlmo',
  l: 'kop',
  m: 'jkn',
  n: 'bhjm',
  o: '09iklp',
  p: '-0lo',
  q: '12aw',
  r: '45deft',
  s: 'adewxz',
  t: '56fgry',
  u: '78hijy',
  v: 'bcfg',
  w: '23aeqs',
  x: 'cdsz',
  y: '67ghtu',
  z: 'asx',
};

/** German QWERTZ (T1): key → its LDH neighbours, sorted. */
const QWERTZ: Table = {
  '0': '9op',
  '1': '2q',
  '2': '13qw',
  '3': '24ew',
  '4': '35er',
  '5': '46rt',
  '6': '57tz',
  '7': '68uz',
  '8': '79iu',
  '9': '08io',
  a: 'qswy',
  b: 'ghnv',
  c: 'dfvx',
  d: 'cefrsx',
  e: '34drsw',
  f: 'cdgrtv',
  g: 'bfhtvz',
  h: 'bgjnuz',
  i: '89jkou',
  j: 'hikmnu',
  k: 'ijlmo',
  l: 'kop',
  m: 'jkn',
  n: 'bhjm',
  o: '09iklp',
  p: '0lo',
  q: '12aw',
  r: '45deft',
  s: 'adewxy',
  t: '56fgrz',
  u: '78hijz',
  v: 'bcfg',
  w: '23aeqs',
  x: 'cdsy',
  y: 'asx',
  z: '67ghtu',
};

/** French AZERTY: key → its LDH neighbours, sorted. */
const AZERTY: Table = {
  '0': '9op',
  '1': '2a',
  '2': '13az',
  '3': '24ez',
  '4': '35er',
  '5': '46rt',
  '6': '57ty',
  '7': '68uy',
  '8': '79iu',
  '9': '08io',
  a: '12qz',
  b: 'ghnv',
  c: 'dfvx',
  d: 'cefrsx',
  e: '34drsz',
  f: 'cdgrtv',
  g: 'bfhtvy',
  h: 'bgjnuy',
  i: '89jkou',
  j: 'hiknu',
  k: 'ijlo',
  l: 'kmop',
  m: 'lp',
  n: 'bhj',
  o: '09iklp',
  p: '0lmo',
  q: 'aswz',
  r: '45deft',
  s: 'deqwxz',
  t: '56fgry',
  u: '78hijy',
  v: 'bcfg',
  w: 'qsx',
  x: 'cdsw',
  y: '67ghtu',
  z: '23aeqs',
};

const EMPTY: readonly string[] = Object.freeze([]);

/** The tables as frozen arrays, built once. */
const NEIGHBOURS: Readonly<Record<KeyboardLayout, ReadonlyMap<string, readonly string[]>>> = {
  qwerty: toMap(QWERTY),
  qwertz: toMap(QWERTZ),
  azerty: toMap(AZERTY),
};

function toMap(table: Table): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const [key, keys] of Object.entries(table)) map.set(key, Object.freeze([...keys]));
  return map;
}

/**
 * The keys next to `ch` on `layout` that can appear in a hostname (a–z, 0–9, `-`), sorted by code point.
 * @param ch - One character; upper case is folded. Anything else (several characters, a key not in the table) has no neighbours.
 * @param layout - `qwerty`, `qwertz` or `azerty`.
 * @returns A frozen array, empty when `ch` is not a key of the table. Never throws.
 */
export function keyboardNeighbours(ch: string, layout: KeyboardLayout): readonly string[] {
  if (typeof ch !== 'string' || ch.length !== 1) return EMPTY;
  return NEIGHBOURS[layout]?.get(ch.toLowerCase()) ?? EMPTY;
}

/**
 * The layouts on which `a` and `b` are neighbouring keys (adjacency is symmetric).
 * @param a - One character (case folded).
 * @param b - One character (case folded).
 * @returns The layouts, in the order of {@link KEYBOARD_LAYOUTS}; empty when they are neighbours on none,
 *   are the same key, or either is not a single hostname character. Never throws.
 */
export function areKeyboardAdjacent(a: string, b: string): KeyboardLayout[] {
  const out: KeyboardLayout[] = [];
  if (typeof a !== 'string' || typeof b !== 'string' || a.length !== 1 || b.length !== 1) return out;
  const lb = b.toLowerCase();
  for (const layout of KEYBOARD_LAYOUTS) {
    if (keyboardNeighbours(a, layout).includes(lb)) out.push(layout);
  }
  return out;
}

/**
 * A fast path for the most common non-ASCII labels in lookalike mail: Latin-1 accented letters,
 * Cyrillic, Greek and Armenian letters mixed with ASCII (`cоntoso`, `cöntoso`, `baոk`, `аррӏе`).
 *
 * For these code points UTS #46 (§4, nontransitional) is the identity (each is `valid` in the
 * IdnaMappingTable and NFC-stable, and a sequence of them without combining marks stays NFC), none
 * is right-to-left (so the Bidi rule does not apply) and none is a joiner, so ToUnicode is the label
 * itself (ASCII capitals lowercased) and ToASCII is `xn--` + Punycode (RFC 3492). tr46 takes ~10 µs
 * for such a label; this takes ~1 µs. `test/normalize-simple-label.test.ts` checks every code point
 * of the set, and random labels over it, against tr46.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import { decode, encode } from 'punycode/punycode.es6.js';

/**
 * U+0100–U+052F (Latin Extended-A/B, IPA, Greek, Cyrillic and its supplement): one bit per code point
 * that is a letter, NFC-stable and `valid` under UTS #46 with ToASCII = `xn--` + Punycode, as computed
 * with tr46 6.0.0 (Unicode 17) for each code point; combining marks U+0483–U+0489 excluded. Hand-copied
 * table; `test/normalize-simple-label.test.ts` re-derives every bit from tr46.
 */
const EXTENDED_BASE = 0x100;
const EXTENDED = Uint32Array.from([
  0xaaaaaaaa, 0x55a2aaaa, 0xaaaaa954, 0x54aaaaaa, 0x4e243129, 0xee512d2a, 0xb555400f, 0xaa21aaaa, 0xaaaaaaaa,
  0x93faaaaa, 0xffffaa85, 0xffffffff, 0xffffffff, 0xfe00ffff, 0x3ffc3, 0x5000, 0x0, 0x0, 0x0, 0x388a0000, 0x10000,
  0xfffff000, 0xaa807fff, 0x1908aaaa, 0x0, 0xffff0000, 0xffffffff, 0xaaaaaaaa, 0xaaaaa802, 0xaaaaaaaa, 0xaaaad554,
  0xaaaaaaaa, 0xaaaaaaaa, 0xaaaa,
]);

/** Whether a code unit is in the set for which UTS #46 processing is the identity (ASCII aside). */
function isSimple(c: number): boolean {
  if (c >= EXTENDED_BASE && c < EXTENDED_BASE + EXTENDED.length * 32) {
    const k = c - EXTENDED_BASE;
    if ((EXTENDED[k >>> 5]! & (1 << (k & 31))) !== 0) return true;
  }
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2d || // -
    (c >= 0xdf && c <= 0xff && c !== 0xf7) || // ß à..ö ø..ÿ
    (c >= 0x3ac && c <= 0x3ce) || // Greek small ά..ώ (final sigma ς kept: nontransitional)
    (c >= 0x430 && c <= 0x45f) || // Cyrillic small а..џ
    (c >= 0x561 && c <= 0x586) // Armenian small ա..ֆ (ո, օ, ս read as n, o, u)
  );
}

/**
 * Capitals whose UTS #46 mapping is their one-to-one lowercase, which `toLowerCase` gives too:
 * Latin-1 À..Þ (not ×), Cyrillic Ѐ..Я, Armenian Ա..Ֆ. Greek capitals are left to tr46: JavaScript
 * lowercases a final Σ to ς, UTS #46 always to σ.
 */
function isSimpleCapital(c: number): boolean {
  return (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 0x400 && c <= 0x42f) || (c >= 0x531 && c <= 0x556);
}

/**
 * Both UTS #46 forms of one label when the fast path applies, else null (use tr46).
 * @param label - One label, hidden characters already removed.
 */
export function simpleLabel(label: string): { readonly ascii: string; readonly unicode: string } | null {
  let lower = label;
  let nonAscii = false;
  for (let i = 0; i < label.length; i++) {
    const c = codeUnitAt(label, i);
    if ((c >= 0x41 && c <= 0x5a) || isSimpleCapital(c)) {
      if (lower === label) lower = label.toLowerCase();
      if (c > 0x7f) nonAscii = true;
      continue;
    }
    if (!isSimple(c)) return null;
    if (c > 0x7f) nonAscii = true;
  }
  // UTS #46 §4.1 step 4: a label starting with `xn--` must be pure ASCII; leave errors to tr46.
  if (!nonAscii || lower.startsWith('xn--')) return null;
  return { ascii: `xn--${encode(lower)}`, unicode: lower };
}

/**
 * The same fast path for an A-label (`xn--cntoso-wqf`): when its Punycode decodes to a label of
 * the set above whose encoding gives back exactly this A-label (UTS #46 §4.2 requires the round
 * trip), both forms are known without tr46. Anything else, including malformed Punycode, → null.
 * @param label - One ASCII label starting with `xn--` (any case).
 */
export function simpleALabel(label: string): { readonly ascii: string; readonly unicode: string } | null {
  const lower = label.toLowerCase();
  if (!lower.startsWith('xn--') || lower.length <= 4) return null;
  let decoded: string;
  try {
    decoded = decode(lower.slice(4));
  } catch {
    return null;
  }
  const simple = simpleLabel(decoded);
  return simple !== null && simple.ascii === lower && simple.unicode === decoded ? simple : null;
}

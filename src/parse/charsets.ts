/**
 * Byte decoders for the charsets named in RFC 2047 encoded words.
 *
 * Labels are resolved as the WHATWG Encoding Standard does (case-insensitive), so `iso-8859-1`,
 * `latin1` and `us-ascii` decode as windows-1252, which is what mail clients do with them. That
 * family is decoded here by table, not by `TextDecoder`: Node ≥ 20.18.3 and Cloudflare workerd
 * decode bytes 0x80-0x9F of windows-1252 as C1 controls (nodejs/node#56542, #60888,
 * cloudflare/workerd#6027), which would turn Outlook's smart quotes and `€` into control
 * characters; small-ICU builds may lack the label entirely. Every other charset goes through
 * `TextDecoder` (present in Node, browsers and edge runtimes).
 */

/** Decodes the bytes of one or more adjacent encoded words. Never throws. */
export type CharsetDecoder = (bytes: Uint8Array) => string;

/** WHATWG labels of windows-1252 (Encoding Standard §4.2, "windows-1252"). */
const WINDOWS_1252_LABELS: ReadonlySet<string> = new Set([
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1',
  'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252',
]);

/**
 * WHATWG index-windows-1252 for bytes 0x80-0x9F (bytes below 0x80 and from 0xA0 map to the same
 * code point). The five bytes Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the
 * C1 control of the same value, as the index says.
 */
const WINDOWS_1252_HIGH: Uint16Array = /*#__PURE__*/ Uint16Array.of(
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
);

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    out += String.fromCharCode(b >= 0x80 && b < 0xa0 ? (WINDOWS_1252_HIGH[b - 0x80] ?? b) : b);
  }
  return out;
}

/** Decoders by lowercased label; `null` records a label the runtime refused. */
const cache = new Map<string, CharsetDecoder | null>();

/** Labels are attacker-controlled: bound the cache so hostile mail cannot grow it without limit. */
const MAX_CACHED = 64;

function createDecoder(label: string): CharsetDecoder | null {
  if (WINDOWS_1252_LABELS.has(label)) return decodeWindows1252;
  try {
    // Non-fatal: bad bytes become U+FFFD. `ignoreBOM` keeps a leading U+FEFF: invisible characters
    // are reported by the normalize stage, not silently dropped here.
    const decoder = new TextDecoder(label, { fatal: false, ignoreBOM: true });
    return (bytes) => decoder.decode(bytes);
  } catch {
    // RangeError for unknown labels and for those WHATWG maps to the "replacement" decoder.
    return null;
  }
}

/** Returns the decoder for an RFC 2047 charset label, or null when unknown (the word is then left as written). */
export function getCharsetDecoder(label: string): CharsetDecoder | null {
  const key = label.toLowerCase();
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const decoder = createDecoder(key);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, decoder);
  return decoder;
}

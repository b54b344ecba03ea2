/**
 * Punycode encoding (RFC 3492 §6.3), for the generator's fast path: a candidate label made only of
 * characters already known to pass UTS #46 unchanged is turned into its A-label without a full
 * UTS #46 run (see validate.ts). Decoding is never needed here. The property tests check every
 * emitted A-label against tr46.
 */

// RFC 3492 §5 parameter values for Punycode.
const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;

/** RFC 3492 §6.1 bias adaptation. */
function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - TMIN) * TMAX) >> 1) {
    d = Math.floor(d / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW));
}

/** RFC 3492 §5 basic code point for a digit value: 0–25 → a–z, 26–35 → 0–9 (lowercase output). */
function digitChar(d: number): string {
  return String.fromCharCode(d < 26 ? d + 0x61 : d + 22);
}

/**
 * Encodes one label (already lowercase and NFC) with Punycode, without the `xn--` prefix.
 * @param label - A label with at least one non-ASCII code point (at most 63 code points in practice).
 * @returns The Punycode string, e.g. `cntoso-wxa` for `cöntoso` (A-label `xn--cntoso-wxa`).
 */
export function punycodeEncode(label: string): string {
  const input: number[] = [];
  for (const ch of label) input.push(ch.codePointAt(0) ?? 0);
  let output = '';
  for (const c of input) if (c < 0x80) output += String.fromCharCode(c);
  const basic = output.length;
  let handled = basic;
  if (basic > 0) output += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < input.length) {
    let m = Number.MAX_SAFE_INTEGER;
    for (const c of input) if (c >= n && c < m) m = c;
    // Labels are at most a few dozen code points, so delta stays far below 2^53: no overflow check needed.
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of input) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
        if (q < t) break;
        output += digitChar(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      output += digitChar(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output;
}

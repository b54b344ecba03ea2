/**
 * UTS #46 ToASCII + ToUnicode of a prepared domain, running tr46 only on the labels that need it.
 */

import { codeUnitAt } from '../parse/code-unit-at';
import { describeIdnaFailure, hasNonLdhAscii, idnaToAscii, idnaToUnicode } from './idna';
import { isAscii } from './is-ascii';
import { simpleALabel, simpleLabel } from './simple-label';

/** Both UTS #46 forms of a domain. */
export interface Converted {
  readonly ascii: string;
  readonly unicode: string;
}

/**
 * UTS #46 ToASCII and ToUnicode of `written`, or the sentence explaining why it is invalid.
 *
 * tr46 costs about 0.5 µs per character (measured: ~10 µs for `mail.cоntoso0.co.uk`, per call), so the whole
 * name is not run through it twice. UTS #46 §4 processing is label by label except for the Bidi rule, which
 * looks at the whole name once any label is right-to-left (RFC 5893 §1.4 "Bidi domain name"); the only
 * mappings that create a `.` are the three label separators, mapped beforehand. So, unless a right-to-left
 * character may be present: plain ASCII labels are only lowercased (LDH is checked afterwards by
 * `checkAsciiHost`, which is what UseSTD3ASCIIRules checks for ASCII), and only the other labels go through
 * tr46. Any doubt (an error, a right-to-left character) falls back to whole-name processing, which gives the
 * reference result and the error message.
 * @param written - Prepared domain text: hidden characters removed, separators mapped, trimmed, no root dot.
 * @returns Both forms, or one English sentence naming the problem.
 */
export function convertDomain(written: string): Converted | string {
  if (!mayBeBidi(written)) {
    const asciiLabels: string[] = [];
    const unicodeLabels: string[] = [];
    let perLabel = true;
    for (const label of written.split('.')) {
      const lower = isAscii(label) ? label.toLowerCase() : null;
      if (lower !== null && !lower.startsWith('xn--')) {
        asciiLabels.push(lower);
        unicodeLabels.push(lower);
        continue;
      }
      const simple = lower === null ? simpleLabel(label) : simpleALabel(lower);
      if (simple !== null) {
        asciiLabels.push(simple.ascii);
        unicodeLabels.push(simple.unicode);
        continue;
      }
      // An ASCII character other than a letter, digit or hyphen fails UTS #46 under
      // UseSTD3ASCIIRules (§4.1 step 7): tr46 would say so, at the cost of a call.
      const unicode = hasNonLdhAscii(label) ? null : idnaToUnicode(label);
      const ascii = unicode === null || mayBeBidi(unicode) ? null : idnaToAscii(unicode);
      if (unicode === null || ascii === null) {
        perLabel = false;
        break;
      }
      asciiLabels.push(ascii);
      unicodeLabels.push(unicode);
    }
    if (perLabel) return { ascii: asciiLabels.join('.'), unicode: unicodeLabels.join('.') };
  }
  // The same rule for the whole name: ToASCII must fail, so only the diagnosis is left to do.
  const ascii = hasNonLdhAscii(written) ? null : idnaToAscii(written);
  if (ascii === null) return describeIdnaFailure(written);
  const unicode = idnaToUnicode(ascii);
  if (unicode === null) return describeIdnaFailure(ascii);
  return { ascii, unicode };
}

/**
 * True when `text` may hold a character of Bidi_Class R, AL or AN (RFC 5893 §1.4), judged by block: U+0590..U+08FF,
 * U+FB1D..U+FDFF, U+FE70..U+FEFF, U+10800..U+10FFF, U+1E800..U+1EFFF (the DerivedBidiClass.txt default R/AL
 * ranges, which hold every assigned R/AL/AN character), and U+200F RIGHT-TO-LEFT MARK. Conservative: a false
 * positive only costs the slower whole-name path. The test suite checks it against tr46's own Bidi regex.
 * @param text - Any text.
 * @returns Whether the whole-name Bidi rule may apply.
 */
export function mayBeBidi(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = codeUnitAt(text, i);
    if (c < 0x0590) continue;
    if (c <= 0x08ff || c === 0x200f || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return true;
    // High surrogates of U+10800..U+10FFF (D802, D803) and U+1E800..U+1EFFF (D83A, D83B).
    if (c === 0xd802 || c === 0xd803 || c === 0xd83a || c === 0xd83b) return true;
  }
  return false;
}

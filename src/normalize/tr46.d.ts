/**
 * Types for `tr46@6` (UTS #46, Unicode 17.0.0), which ships none. Only what this stage calls; option names
 * and semantics read from node_modules/tr46/index.js (`toASCII` / `toUnicode` destructuring defaults).
 * tr46 is CommonJS (`module.exports = { toASCII, toUnicode }`), hence `export =` and a default import.
 */
declare module 'tr46' {
  namespace tr46 {
    /** UTS #46 §4 processing flags; every flag defaults to false in tr46. */
    interface Tr46Options {
      readonly checkBidi?: boolean;
      readonly checkHyphens?: boolean;
      readonly checkJoiners?: boolean;
      readonly useSTD3ASCIIRules?: boolean;
      readonly transitionalProcessing?: boolean;
      readonly ignoreInvalidPunycode?: boolean;
      /** toASCII only: UTS #46 §4.2 step 4 (total ≤ 253, labels 1..63). */
      readonly verifyDNSLength?: boolean;
    }
    /** UTS #46 §4.2 ToASCII; null when any error was recorded. */
    function toASCII(domainName: string, options?: Tr46Options): string | null;
    /** UTS #46 §4.3 ToUnicode; `error` is true when any error was recorded (the string is still returned). */
    function toUnicode(domainName: string, options?: Tr46Options): { domain: string; error: boolean };
  }
  export = tr46;
}

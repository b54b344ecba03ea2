/**
 * Options of the normalize stage and the frozen tldts option objects built from them once.
 */

/** Options of {@link normalizeDomain}. Every field is optional; defaults are in {@link DEFAULT_NORMALIZE_OPTIONS}. */
export interface NormalizeOptions {
  /**
   * Use the PRIVATE section of the Public Suffix List too (default true).
   *
   * Why true: a PSL private suffix (`github.io`, `azurewebsites.net`, `blogspot.com`) marks a namespace whose
   * owner hands out names to unrelated parties (PSL wiki, "Private domains"). `contoso.github.io` is controlled
   * by Contoso, not by GitHub, so `contoso` is the label that identifies the sender and `github.io` must not
   * make every GitHub Pages site look like "github".
   */
  readonly privateSuffixes?: boolean;
}

/** The defaults of {@link NormalizeOptions}, frozen. */
export const DEFAULT_NORMALIZE_OPTIONS: Readonly<Required<NormalizeOptions>> = Object.freeze({
  privateSuffixes: true,
});

/**
 * The subset of tldts `IOptions` we pass. Built once and frozen: tldts copies the fields it reads on every call,
 * and a shared object keeps that copy monomorphic (perf-anchors §4: ~0.18–0.21 µs per `parse`).
 * - `extractHostname: false`: we hand tldts a bare, already lowercased host (tldts does not lowercase then).
 * - `detectIp: false`: IP literals are rejected before tldts runs.
 * - `validateHostname: false`: host syntax (LDH, lengths) is checked before tldts runs.
 * - `mixedInputs: false`: the input is never a URL.
 */
export interface TldtsOptions {
  readonly allowPrivateDomains: boolean;
  readonly detectIp: false;
  readonly extractHostname: false;
  readonly mixedInputs: false;
  readonly validateHostname: false;
}

const TLDTS_WITH_PRIVATE: TldtsOptions = Object.freeze({
  allowPrivateDomains: true,
  detectIp: false,
  extractHostname: false,
  mixedInputs: false,
  validateHostname: false,
});

const TLDTS_ICANN_ONLY: TldtsOptions = Object.freeze({
  allowPrivateDomains: false,
  detectIp: false,
  extractHostname: false,
  mixedInputs: false,
  validateHostname: false,
});

/**
 * The frozen tldts options for `options` (no allocation).
 * @param options - Caller options; missing fields take {@link DEFAULT_NORMALIZE_OPTIONS}.
 * @returns One of two shared frozen objects.
 */
export function tldtsOptionsFor(options: NormalizeOptions | undefined): TldtsOptions {
  return (options?.privateSuffixes ?? DEFAULT_NORMALIZE_OPTIONS.privateSuffixes) ? TLDTS_WITH_PRIVATE : TLDTS_ICANN_ONLY;
}

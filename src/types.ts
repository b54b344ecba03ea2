/**
 * Shared types of every pipeline stage. Stages import from here and from earlier stages only:
 * parse → normalize → skeleton → variants → trust-index → score → explain → detector.
 */

/** The verdict of one check, from safest to worst; see README "Result schema". */
export type Verdict = 'trusted' | 'lookalike' | 'impersonation' | 'suspicious' | 'unknown' | 'invalid';

/**
 * Stable kebab-case reason codes. Never renamed once released: tools script against them.
 * Techniques (why a sender imitates a trusted entry) and input problems (why it is invalid).
 */
export type TechniqueCode =
  // visual
  | 'homoglyph'
  | 'diacritic'
  | 'mixed-script'
  | 'whole-script'
  // typographic, on the registrable label
  | 'omission'
  | 'insertion'
  | 'replacement'
  | 'transposition'
  | 'repetition'
  | 'hyphenation'
  | 'vowel-swap'
  | 'bitsquat'
  // structure
  | 'tld-swap'
  | 'dot-insertion'
  | 'subdomain-embedding'
  | 'combo'
  // display name and provider
  | 'display-name'
  | 'freemail'
  // hidden characters
  | 'invisible-char'
  | 'bidi-control';

/** Reason codes for input that cannot be checked (verdict `invalid`). */
export type InvalidCode =
  | 'empty'
  | 'too-long'
  | 'unparseable'
  | 'no-domain'
  | 'invalid-domain'
  | 'invalid-local-part'
  | 'ip-literal';

export type ReasonCode = TechniqueCode | InvalidCode | 'trusted-domain' | 'trusted-address';

/** One reason: a stable code, one plain English sentence, and structured detail. */
export interface Reason {
  readonly code: ReasonCode;
  readonly message: string;
  /** Structured detail; fields depend on the code (see README "Reason codes"). */
  readonly [detail: string]: unknown;
}

/** A trusted entry after compilation. */
export interface TrustedEntry {
  /** Position in the input list (0-based). */
  readonly index: number;
  /** Caller-supplied id, or the entry text. */
  readonly id: string;
  /** The entry as given (text form), for messages. */
  readonly source: string;
  /** 1-based line number when the list came from text. */
  readonly line?: number;
  /** Normalised domain (Unicode form, lowercase, no trailing dot). */
  readonly domain: string;
  /** ASCII (punycode) form of `domain`. */
  readonly asciiDomain: string;
  /** Registrable domain of `domain` (e.g. `contoso.co.uk`). */
  readonly registrableDomain: string;
  /** The registrable label (`contoso` for `contoso.co.uk`). */
  readonly label: string;
  /** Public suffix (`co.uk`). */
  readonly suffix: string;
  /** Normalised address when the entry names one (`ap@contoso.com`), lowercase, +tag removed. */
  readonly address?: string;
  /** Display name of the contact, when given. */
  readonly name?: string;
  /** True when the domain is a freemail / shared-mailbox provider: then only `address` is trusted. */
  readonly sharedProvider: boolean;
}

/** The parsed and normalised sender (one mailbox). */
export interface SenderParts {
  /** The input as given (after the length cap). */
  readonly raw: string;
  /** Decoded display name (RFC 2047 words decoded), or undefined. */
  readonly displayName?: string;
  /** Local part as written (RFC 6532 UTF-8 allowed). */
  readonly localPart?: string;
  /** Local part lowercased with `+tag` removed. */
  readonly normalizedLocalPart?: string;
  /** The address `local@domain` normalised (lowercase, Unicode domain). */
  readonly address?: string;
  /** Domain in Unicode (UTS #46 toUnicode), lowercase, no trailing dot. */
  readonly domain: string;
  /** Domain in ASCII (punycode A-labels). */
  readonly asciiDomain: string;
  /** Registrable domain (Unicode), or null when the host has no registrable part (a bare suffix, an IP). */
  readonly registrableDomain: string | null;
  /** Public suffix (Unicode), or null. */
  readonly publicSuffix: string | null;
  /** Subdomain labels left of the registrable domain ('' when none). */
  readonly subdomain: string;
  /** The registrable label (`contoso` in `mail.contoso.co.uk`), or null. */
  readonly label: string | null;
  /** Whether the input carried invisible or bidi-control characters (removed before matching). */
  readonly hiddenChars: readonly HiddenChar[];
}

/** An invisible or bidi-control character found (and removed) in the input. */
export interface HiddenChar {
  readonly codePoint: string; // 'U+200B'
  readonly name: string; // 'ZERO WIDTH SPACE'
  readonly kind: 'invisible' | 'bidi';
  /** Where it was: 'display-name' | 'local-part' | 'domain'. */
  readonly where: 'display-name' | 'local-part' | 'domain';
  /** Index (in code points) in that part, as written. */
  readonly position: number;
}

/** The trusted entry a flagged sender imitates. */
export interface Match {
  readonly entry: TrustedEntry;
  /** The trusted entry's domain (Unicode). */
  readonly domain: string;
  /** Visual similarity of the sender to the trusted entry, in [0, 1]; 1 = renders identically. */
  readonly similarity: number;
}

/** The result of `detector.check`. */
export interface CheckResult {
  readonly input: string;
  readonly verdict: Verdict;
  /** Risk in [0, 1]: 0 for trusted, higher the more convincing the imitation (README "Score"). */
  readonly score: number;
  readonly match?: Match;
  /** The mailbox the verdict is about (the worst one when the header holds several), when one parsed. */
  readonly sender?: SenderParts;
  readonly reasons: readonly Reason[];
  /** Results of every mailbox, when the header held more than one. */
  readonly mailboxes?: readonly CheckResult[];
}

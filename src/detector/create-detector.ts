/**
 * `createDetector`: compile the trusted list once, then check senders against it.
 */

import { compileTrustedList, type TrustIndex } from '../trust-index/compile';
import { TrustedListError } from '../trust-index/errors';
import type { CheckResult } from '../types';
import { checkSender } from './check-sender';
import type { Detector, DetectorOptions, TrustedListInput } from './types';

/** Defaults of `createDetector`, frozen. See README "Policy" for why. */
export const DEFAULT_DETECTOR_OPTIONS: Readonly<Required<Omit<DetectorOptions, 'file' | 'words' | 'sharedProviders'>>> = Object.freeze({
  privateSuffixes: true,
  minLengthOneEdit: 5,
  minLengthTwoEdits: 10,
  minBrandLength: 5,
});

class CompiledDetector implements Detector {
  readonly #index: TrustIndex;

  constructor(index: TrustIndex) {
    this.#index = index;
  }

  get entries() {
    return this.#index.entries;
  }

  check(sender: string): CheckResult {
    return checkSender(this.#index, sender);
  }
}

/**
 * Compiles `trusted` (an array of entries, or the text of a trusted-list file) into a `Detector`.
 * Compilation cost is linear in the list; each `check` then costs about the same whatever its size.
 *
 * @throws {TrustedListError} when an entry is not a usable domain, address or contact; the error
 *   names the entry, its index, and its file and line when known.
 * @example
 * const detector = createDetector(['contoso.com', '"Ana Pereira" <ana.pereira@contoso.com>']);
 * detector.check('Ana Pereira <ana.pereira@cοntoso.com>').verdict; // 'lookalike'
 */
export function createDetector(trusted: TrustedListInput, options: DetectorOptions = {}): Detector {
  const index = compileTrustedList(trusted, {
    ...(options.words === undefined ? {} : { words: options.words }),
    ...(options.sharedProviders === undefined ? {} : { sharedProviders: options.sharedProviders }),
    ...(options.file === undefined ? {} : { file: options.file }),
    privateSuffixes: options.privateSuffixes ?? DEFAULT_DETECTOR_OPTIONS.privateSuffixes,
    minLengthOneEdit: options.minLengthOneEdit ?? DEFAULT_DETECTOR_OPTIONS.minLengthOneEdit,
    minLengthTwoEdits: options.minLengthTwoEdits ?? DEFAULT_DETECTOR_OPTIONS.minLengthTwoEdits,
    minBrandLength: options.minBrandLength ?? DEFAULT_DETECTOR_OPTIONS.minBrandLength,
  });
  return new CompiledDetector(index);
}

/** The result of `tryCreateDetector`. */
export type CreateDetectorResult =
  | { readonly ok: true; readonly detector: Detector }
  | { readonly ok: false; readonly error: TrustedListError };

/**
 * The non-throwing variant of `createDetector`: returns the error instead of throwing it, for
 * callers that load trusted lists from users and want to show the problem.
 */
export function tryCreateDetector(trusted: TrustedListInput, options: DetectorOptions = {}): CreateDetectorResult {
  try {
    return { ok: true, detector: createDetector(trusted, options) };
  } catch (error) {
    if (error instanceof TrustedListError) return { ok: false, error };
    throw error;
  }
}

/**
 * The error `generateVariants` throws on misuse: an input that is not a registrable domain, or an
 * invalid option. Unlike the detector (which must judge any sender and never throws), the generator
 * is called by a program with a domain it owns; a bad argument is a bug to report at once.
 */

/** Why the input or an option was refused. */
export type VariantInputErrorCode =
  | 'empty'
  | 'too-long'
  | 'invalid-domain'
  | 'ip-literal'
  | 'no-registrable-domain'
  | 'unknown-suffix'
  | 'invalid-option';

/** Thrown by `generateVariants` (synchronously, before any variant is produced). */
export class VariantInputError extends Error {
  override readonly name = 'VariantInputError';
  /** Stable code. */
  readonly code: VariantInputErrorCode;
  /** The domain argument as given (cut to 100 characters), or the option name for `invalid-option`. */
  readonly input: string;

  /**
   * @param code - Stable code.
   * @param input - The argument at fault.
   * @param message - One plain English sentence.
   */
  constructor(code: VariantInputErrorCode, input: string, message: string) {
    super(message);
    this.code = code;
    this.input = input.length > 100 ? `${input.slice(0, 100)}…` : input;
  }
}

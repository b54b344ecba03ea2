/**
 * Loads the `--trusted` files into one detector. Every file is read whole (a trusted list is small
 * and must be complete before the first check), parsed with its own name so errors read
 * `FILE:LINE: "entry": reason`, and the entries of all files are compiled together.
 */

import { createDetector, parseTrustedList, TrustedListError, type Detector, type TrustedEntry, type TrustedInput } from '../index';
import { CliError, describeFileError } from './errors';
import type { CliIO } from './io';

/** The compiled trusted list, and where each entry came from. */
export interface LoadedTrusted {
  readonly detector: Detector;
  /** `FILE:LINE` of an entry, for messages. */
  locate(entry: TrustedEntry): string;
  /** The entry as written in its file (without comment), for messages. */
  entryText(entry: TrustedEntry): string;
}

/**
 * The entry in trusted-list syntax. Entries reach `createDetector` as parsed objects (so each keeps
 * its own file and line), and the library then names an object entry by its JSON; this rebuilds
 * the line's text from the parsed fields instead.
 */
export function trustedInputText(input: TrustedInput): string {
  const target = input.address ?? input.domain ?? '';
  if (input.name === undefined) return target;
  // Quote the name when RFC 5322 `atext`/spaces would not survive unquoted (§3.2.3, §3.4).
  const name = /^[\p{L}\p{N} !#$%&'*+\-/=?^_`{|}~.]+$/u.test(input.name) ? input.name : `"${input.name.replace(/["\\]/gu, '\\$&')}"`;
  return `${name} <${target}>`;
}

/**
 * Reads and parses the trusted files, in order, without compiling them: what `scan --workers`
 * hands to each worker (plain, structured-cloneable objects), so the main thread does not compile
 * a list it never checks against. Warns on stderr when the files hold no entry.
 * @throws {CliError} (exit 2) when a file cannot be read or a line does not parse; the message is
 *   `FILE:LINE: "entry": reason`.
 */
export async function readTrustedEntries(io: CliIO, files: readonly string[]): Promise<TrustedInput[]> {
  if (files.length === 0) throw new CliError('sosie: --trusted FILE is required (a trusted list; see sosie --help)');
  const entries: TrustedInput[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      throw new CliError(`sosie: cannot read trusted list ${file}: ${describeFileError(error)}`);
    }
    try {
      entries.push(...parseTrustedList(text, { file }));
    } catch (error) {
      if (error instanceof TrustedListError) throw new CliError(error.message);
      throw error;
    }
  }
  if (entries.length === 0) {
    await io.stderr.write(`sosie: warning: no trusted entries in ${files.join(', ')}; nothing can be trusted or imitated\n`);
  }
  return entries;
}

/**
 * Compiles parsed entries (from `readTrustedEntries`) into a detector. Runs on the main thread,
 * and in each `scan --workers` worker.
 * @throws {CliError} (exit 2) when an entry is refused; the message is `FILE:LINE: "entry": reason`.
 */
export function compileTrusted(entries: readonly TrustedInput[]): LoadedTrusted {
  let detector: Detector;
  try {
    detector = createDetector(entries);
  } catch (error) {
    if (!(error instanceof TrustedListError)) throw error;
    const input = error.index >= 0 ? entries[error.index] : undefined;
    if (input === undefined || error.line === undefined) throw new CliError(error.message);
    throw new CliError(`${error.file ?? input.file ?? 'trusted list'}:${error.line}: ${JSON.stringify(trustedInputText(input))}: ${error.reason}`);
  }
  return {
    detector,
    locate(entry: TrustedEntry): string {
      const input = entries[entry.index];
      const file = input?.file ?? 'trusted list';
      return entry.line === undefined ? file : `${file}:${entry.line}`;
    },
    entryText(entry: TrustedEntry): string {
      const input = entries[entry.index];
      return input === undefined ? entry.source : trustedInputText(input);
    },
  };
}

/**
 * Reads, parses and compiles the trusted files, in order.
 * @throws {CliError} (exit 2) when a file cannot be read or an entry is bad; the message is
 *   `FILE:LINE: "entry": reason`.
 */
export async function loadTrusted(io: CliIO, files: readonly string[]): Promise<LoadedTrusted> {
  return compileTrusted(await readTrustedEntries(io, files));
}

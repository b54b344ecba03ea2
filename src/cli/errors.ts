/**
 * The CLI's own error: a message for stderr and the exit code to end with. Commands throw it for
 * usage and input-file problems (exit 2); `run` prints the message and returns the code.
 */

/** Exit codes of every command (README "Command line"). */
export const EXIT = Object.freeze({
  /** Nothing flagged (or a command that does not judge senders finished). */
  ok: 0,
  /** At least one sender was `lookalike`, `impersonation` or `suspicious`. */
  flagged: 1,
  /** Usage error, unreadable input file, or a bad trusted list. */
  usage: 2,
} as const);

/** A problem to report on stderr, ending the run with `exitCode`. */
export class CliError extends Error {
  override readonly name = 'CliError';
  /** The process exit code to use. */
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT.usage) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Human wording of the usual errno codes, so messages read `no such file` rather than `ENOENT: ...`. */
const ERRNO_TEXT: Readonly<Record<string, string>> = Object.freeze({
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a path component is not a directory',
  EMFILE: 'too many open files',
});

/** A short description of a file-system error (`no such file or directory`). */
export function describeFileError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && ERRNO_TEXT[code] !== undefined) return ERRNO_TEXT[code];
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return message;
  }
  return String(error);
}

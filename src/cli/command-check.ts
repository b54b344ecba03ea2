/**
 * `sosie check --trusted FILE... [--json] SENDER...`: checks senders given on the command line.
 */

import { EXIT } from './errors';
import { formatHuman } from './format-result';
import { writeOut, type CliIO } from './io';
import { colors, isFlagged, useColor } from './style';
import { loadTrusted } from './trusted-files';

/** Options of `sosie check`. */
export interface CheckCommandOptions {
  readonly trusted: readonly string[];
  readonly json: boolean;
}

/** Runs `sosie check`; returns the exit code (1 when any sender is flagged). */
export async function runCheck(io: CliIO, senders: readonly string[], options: CheckCommandOptions): Promise<number> {
  const trusted = await loadTrusted(io, options.trusted);
  const { detector } = trusted;
  const c = colors(!options.json && useColor(io.stdout, io.env));
  let flagged = false;
  for (const [i, sender] of senders.entries()) {
    const result = detector.check(sender);
    if (isFlagged(result.verdict)) flagged = true;
    // JSON Lines: one CheckResult per line. Results are plain data (entries are plain objects),
    // so JSON.stringify is total here.
    const text = options.json ? `${JSON.stringify(result)}\n` : `${i > 0 ? '\n' : ''}${formatHuman(result, c, trusted)}`;
    await writeOut(io.stdout, text);
    if (io.stdout.closed) break;
  }
  return flagged ? EXIT.flagged : EXIT.ok;
}

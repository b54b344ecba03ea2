/**
 * Progress on stderr for long scans: `\r` + count + rate, redrawn at most every 250 ms, and
 * erased at the end. Only when stderr is a terminal (never in logs or pipes) and stdout is not
 * the same kind of terminal output (records on a terminal already show progress, and a `\r` line
 * interleaved with them would garble both).
 */

import { writeOut, type CliOutput } from './io';

/** Minimum time between redraws, in milliseconds. */
export const PROGRESS_INTERVAL_MS = 250;

/** ANSI "erase to end of line" (ECMA-48 §8.3.41 EL). */
const ERASE_LINE = '\u001b[K';

/** A progress line on a terminal. */
export class Progress {
  readonly #out: CliOutput;
  readonly #now: () => number;
  readonly #enabled: boolean;
  readonly #start: number;
  #last: number;
  #drawn = false;

  constructor(out: CliOutput, now: () => number, enabled: boolean) {
    this.#out = out;
    this.#now = now;
    this.#enabled = enabled;
    this.#start = now();
    this.#last = this.#start;
  }

  /** Redraws with the number of lines read so far, when the interval has passed. */
  async update(lines: number): Promise<void> {
    if (!this.#enabled) return;
    const now = this.#now();
    if (now - this.#last < PROGRESS_INTERVAL_MS) return;
    this.#last = now;
    const seconds = Math.max(0.001, (now - this.#start) / 1000);
    const rate = Math.round(lines / seconds);
    this.#drawn = true;
    await writeOut(this.#out, `\rsosie: ${lines.toLocaleString('en-US')} lines, ${rate.toLocaleString('en-US')} lines/s${ERASE_LINE}`);
  }

  /** Erases the progress line, if one was drawn. */
  async done(): Promise<void> {
    if (this.#drawn) await writeOut(this.#out, `\r${ERASE_LINE}`);
    this.#drawn = false;
  }
}

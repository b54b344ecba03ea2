import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run';
import { CapturedTTY, lineKind, RecordVerifier, SCAN_TRUSTED, scanIO, syntheticInput } from '../eval/scan-harness';

// `sosie scan` on a large mixed input (issue 5): one record per non-blank line, in order, with
// progress on a terminal stderr. Quick size here; `npm run fuzz:long` runs 1,000,000 lines and
// measures memory.

const LINES = 30_000;

describe('scan on a large mixed input', () => {
  it('the synthetic input has every kind of line', async () => {
    const kinds = new Set<string>();
    for (let i = 0; i < LINES; i++) kinds.add(lineKind(i));
    expect([...kinds].sort()).toEqual(['binary', 'blank', 'crlf', 'invalid', 'long', 'lookalike', 'valid']);
    let bytes = 0;
    for await (const chunk of syntheticInput(2_000)) {
      expect(chunk.length).toBeLessThanOrEqual(256 * 1024);
      bytes += chunk.length;
    }
    expect(bytes).toBeGreaterThan(2_000);
  });

  it.each([
    { description: 'stdin', args: ['scan', '--trusted', 'trusted.txt'] },
    { description: 'a file', args: ['scan', '--trusted', 'trusted.txt', '--input', 'senders.txt'] },
  ])('writes exactly one record per non-blank line, in order, from $description', async ({ args }) => {
    const out = new RecordVerifier(LINES);
    const err = new CapturedTTY();
    const code = await run(args, scanIO(LINES, out, err, SCAN_TRUSTED));
    expect(out.finish()).toEqual([]);
    expect(code).toBe(1); // lookalikes are in the input
    for (const v of ['trusted', 'lookalike', 'impersonation', 'invalid', 'unknown']) expect(out.verdicts.get(v) ?? 0, v).toBeGreaterThan(0);
    expect(err.text).toMatch(/lines\/s/u); // progress on a terminal stderr
    expect(err.text).toContain(`${out.records} senders`);
  });

  it('shows no progress when stderr is not a terminal', async () => {
    const out = new RecordVerifier(2_000);
    const err = Object.assign(new CapturedTTY(), { isTTY: false });
    await run(['scan', '--trusted', 'trusted.txt'], scanIO(2_000, out, err, SCAN_TRUSTED));
    expect(out.finish()).toEqual([]);
    expect(err.text).not.toMatch(/lines\/s/u);
  });
});

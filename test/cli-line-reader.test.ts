import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLines } from '../src/cli/line-reader';

/** One line of a batch, with its truncation flag. */
interface InputLine {
  readonly text: string;
  readonly truncated: boolean;
}

const enc = new TextEncoder();

/** A byte source yielding `chunks` in order. */
async function* source(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield c;
}

/** Splits `bytes` at the given cut points. */
function cut(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.min(bytes.length, c)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

async function collect(chunks: readonly Uint8Array[], maxLineBytes = 1 << 20): Promise<{ lines: InputLine[]; batches: number }> {
  const lines: InputLine[] = [];
  let batches = 0;
  for await (const batch of readLines(source(chunks), { maxLineBytes })) {
    batches++;
    expect(batch.truncated.every((i) => i >= 0 && i < batch.texts.length)).toBe(true);
    lines.push(...batch.texts.map((text, i) => ({ text, truncated: batch.truncated.includes(i) })));
  }
  return { lines, batches };
}

const texts = (lines: readonly InputLine[]): string[] => lines.map((l) => l.text);

describe('readLines', () => {
  it.each([
    { description: 'LF lines', input: 'a\nb\nc\n', expected: ['a', 'b', 'c'] },
    { description: 'CRLF lines', input: 'a\r\nb\r\n', expected: ['a', 'b'] },
    { description: 'a final line without newline', input: 'a\nlast', expected: ['a', 'last'] },
    { description: 'blank lines kept (the caller numbers them)', input: '\n\nx\n\n', expected: ['', '', 'x', ''] },
    { description: 'an empty input', input: '', expected: [] },
    { description: 'a lone CR inside a line kept', input: 'a\rb\n', expected: ['a\rb'] },
    { description: 'a BOM on the first line removed', input: '\ufeffa\nb\n', expected: ['a', 'b'] },
    { description: 'U+FEFF on a later line kept (it is an invisible character)', input: 'a\n\ufeffb\n', expected: ['a', '\ufeffb'] },
    { description: 'non-ASCII text', input: 'аррӏе.com\nmünchen.de\n', expected: ['аррӏе.com', 'münchen.de'] },
  ])('$description', async ({ input, expected }) => {
    expect(texts((await collect([enc.encode(input)])).lines)).toEqual(expected);
  });

  it.each([
    { description: 'a lone continuation byte', bytes: [0x61, 0x80, 0x62], expected: 'a\ufffdb' },
    { description: 'a truncated 2-byte sequence', bytes: [0x61, 0xc3], expected: 'a\ufffd' },
    { description: 'an overlong encoding', bytes: [0xc0, 0xaf], expected: '\ufffd\ufffd' },
    { description: 'bytes FF FE', bytes: [0xff, 0xfe, 0x78], expected: '\ufffd\ufffdx' },
  ])('decodes invalid UTF-8 ($description) with U+FFFD, per line', async ({ bytes, expected }) => {
    const { lines } = await collect([new Uint8Array([...bytes, 0x0a, 0x6f, 0x6b, 0x0a])]);
    expect(texts(lines)).toEqual([expected, 'ok']);
  });

  it('keeps multi-byte characters and CRLF split across chunks', async () => {
    const bytes = enc.encode('ré\r\nаррӏе\r\n');
    for (let i = 0; i <= bytes.length; i++) {
      expect(texts((await collect(cut(bytes, [i]))).lines)).toEqual(['ré', 'аррӏе']);
    }
  });

  it('caps a long line without buffering the rest, and marks it truncated', async () => {
    const long = new Uint8Array(100_000).fill(0x61);
    const chunks = cut(new Uint8Array([...long, 0x0a, 0x62, 0x0a]), [10, 30_000, 70_000, 99_999, 100_001]);
    const { lines } = await collect(chunks, 1000);
    expect(lines.map((l) => [l.text.length, l.truncated])).toEqual([
      [1000, true],
      [1, false],
    ]);
  });

  it('yields one batch per chunk that completes lines', async () => {
    const { batches, lines } = await collect([enc.encode('a\nb'), enc.encode('c\nd\n'), enc.encode('e')]);
    expect(texts(lines)).toEqual(['a', 'bc', 'd', 'e']);
    expect(batches).toBe(3);
  });

  it('does not keep references to chunks the source reuses', async () => {
    const buffer = new Uint8Array(4);
    async function* reusing(): AsyncGenerator<Uint8Array> {
      buffer.set(enc.encode('abcd'));
      yield buffer;
      buffer.set(enc.encode('ef\ngh'.slice(0, 4)));
      yield buffer;
    }
    const lines: string[] = [];
    for await (const batch of readLines(reusing(), { maxLineBytes: 100 })) lines.push(...batch.texts);
    expect(lines).toEqual(['abcdef', 'g']);
  });

  it('matches split-on-LF for any text and any chunking (property)', async () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'é', 'я', '😀', '\r', ' ', 'z'), maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), fc.boolean(), fc.array(fc.nat({ max: 200 }), { maxLength: 6 }), async (ls, finalNewline, cuts) => {
        const text = ls.join('\n') + (finalNewline && ls.length > 0 ? '\n' : '');
        // Oracle: split the whole text; a trailing newline ends the last line rather than starting one.
        const parts = text.split('\n');
        if (parts.at(-1) === '') parts.pop();
        const expected = parts.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
        const { lines } = await collect(cut(enc.encode(text), cuts));
        expect(texts(lines)).toEqual(expected);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

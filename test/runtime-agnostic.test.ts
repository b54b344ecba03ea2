import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The library core runs in browsers, workers and edge runtimes: no node: module, no Node global.
// Only src/cli touches the file system and the process.
const SRC = path.resolve(__dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const core = files(SRC).filter((f) => !f.startsWith(path.join(SRC, 'cli') + path.sep));

describe('runtime-agnostic core', () => {
  it('covers the library folders', () => {
    expect(core.length).toBeGreaterThan(40);
  });
  it.each(core.map((f) => ({ description: path.relative(SRC, f), f })))('$description uses no Node-only API', ({ f }) => {
    const code = readFileSync(f, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//gu, '')
      .replace(/^\s*\/\/.*$/gmu, '');
    expect(code).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bBuffer\b|__dirname/u);
  });
});

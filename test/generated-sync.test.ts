import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const GENERATED = ['src/generated/confusables.ts', 'src/generated/shared-providers.ts'];

function run(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(cwd, 'scripts/generate-tables.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A throw-away copy of the project's generator, package.json and generated files. */
function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sosie-generate-'));
  cpSync(join(ROOT, 'scripts'), join(dir, 'scripts'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  mkdirSync(join(dir, 'src/generated'), { recursive: true });
  for (const file of GENERATED) cpSync(join(ROOT, file), join(dir, file));
  return dir;
}

const sandboxes: string[] = [];
afterAll(() => {
  for (const dir of sandboxes) rmSync(dir, { recursive: true, force: true });
});

describe('generate-tables --check', () => {
  it('exits 0: the committed tables match the installed packages', () => {
    const r = run(ROOT, ['--check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('in sync');
  });

  it('exits 1 and names each stale or missing file', () => {
    const dir = sandbox();
    sandboxes.push(dir);
    const providers = join(dir, 'src/generated/shared-providers.ts');
    writeFileSync(providers, readFileSync(providers, 'utf8').replace('gmail.com\n', ''));
    rmSync(join(dir, 'src/generated/confusables.ts'));
    const r = run(dir, ['--check']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('src/generated/shared-providers.ts is out of sync');
    expect(r.stderr).toContain('src/generated/confusables.ts is missing');
  });

  it('regenerates byte-identical files (deterministic output)', () => {
    const dir = sandbox();
    sandboxes.push(dir);
    for (const file of GENERATED) rmSync(join(dir, file));
    const write = run(dir, []);
    expect(write.status).toBe(0);
    for (const file of GENERATED) {
      expect(readFileSync(join(dir, file), 'utf8')).toBe(readFileSync(join(ROOT, file), 'utf8'));
    }
    expect(run(dir, ['--check']).status).toBe(0);
  });
});

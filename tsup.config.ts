import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: runtime-agnostic (no node: imports), ESM + CJS with declarations.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['tldts', 'tr46', 'punycode'],
  },
  {
    // The CLI: Node only.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external: ['tldts', 'tr46', 'punycode', 'commander', 'picocolors'],
  },
]);

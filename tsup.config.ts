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
  {
    // The `scan --workers` thread entry, found by the CLI next to itself (dist/scan-worker.js).
    // A config of its own: no shebang, and no chunk shared with cli.js (each file stands alone).
    entry: { 'scan-worker': 'src/cli/scan-worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    external: ['tldts', 'tr46', 'punycode', 'picocolors'],
  },
]);

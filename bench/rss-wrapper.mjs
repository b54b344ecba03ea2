// Runs a Node ESM entry point (the built CLI) in this process and, on exit, writes this process's
// peak resident set size and CPU time to a JSON file (`/usr/bin/time -v` is not installed
// everywhere). Peak RSS is VmHWM from /proc/self/status on Linux: getrusage's ru_maxrss survives
// exec(), so a child forked from a big parent (the benchmark process holds ~1 GB of detectors)
// would report the parent's size. Elsewhere it falls back to `process.resourceUsage().maxRSS`.
// Usage: node bench/rss-wrapper.mjs STATS_FILE ENTRY.js [args...]
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [statsFile, entry, ...args] = process.argv.slice(2);
if (statsFile === undefined || entry === undefined) {
  process.stderr.write('usage: node bench/rss-wrapper.mjs STATS_FILE ENTRY.js [args...]\n');
  process.exit(2);
}
process.argv = [process.argv[0], entry, ...args];
function peakRssKiB() {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}
process.on('exit', (code) => {
  const u = process.resourceUsage();
  writeFileSync(statsFile, JSON.stringify({ code, maxRssKiB: peakRssKiB(), userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
});
await import(pathToFileURL(entry).href);

// Preloaded (`node --import`) into a measured child when /usr/bin/time is missing: at exit, writes
// the process's own resource usage (CPU times, peak RSS) to stderr for ./measure.ts to read.

import { USAGE_MARKER } from './measure.js';

process.on('exit', () => {
  process.stderr.write(`${USAGE_MARKER}${JSON.stringify(process.resourceUsage())}\n`);
});

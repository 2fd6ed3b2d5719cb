// Before compiling a very large model: will Node's heap limit hold it? Node's default limit (about 4 GB
// here) is below what a 10M-node model needs, and running out ends in V8's fatal error after minutes of
// work; the advice comes first, with the option that fixes it.

import { getHeapStatistics } from 'node:v8';
import type { Model } from '../model/types.js';

/**
 * JavaScript heap per user of a generated model, bytes: the 10M-node model of `generate --orgs 1000
 * --users 1180000` peaked at 4.65 GB of heap for 1.18M users (bench/README.md, growth curve).
 */
const HEAP_PER_USER = 4_000;
const MB = 2 ** 20;

/**
 * A one-line note when the model's users alone are likely to need more heap than this process may use
 * (`heapLimit`, bytes; default: V8's limit), naming the NODE_OPTIONS setting to run with; else null.
 */
export function heapAdvice(model: Pick<Model, 'users'>, heapLimit = getHeapStatistics().heap_size_limit): string | null {
  const users = model.users.reduce((n, u) => n + u.count, 0);
  const needed = users * HEAP_PER_USER;
  if (needed < 0.85 * heapLimit) return null;
  const advised = Math.ceil((needed * 1.5) / 1024 / MB) * 1024;
  return `indepth: note: ${users.toLocaleString('en-US')} users need about ${(needed / 1024 / MB).toFixed(1)} GB of JavaScript heap, and this Node allows ${(heapLimit / 1024 / MB).toFixed(1)} GB: if it runs out of memory, run again with NODE_OPTIONS=--max-old-space-size=${advised}\n`;
}

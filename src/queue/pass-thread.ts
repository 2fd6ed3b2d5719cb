// Worker-thread entry of `indepth worker`: holds the prepared model and runs the CPU-bound passes,
// so the process's main thread stays free to renew BullMQ's job locks (a blocked event loop would
// let a healthy job look stalled and run twice).

import { parentPort } from 'node:worker_threads';
import { JobInputError, PreparedModelCache } from './execute.js';
import type { ThreadReply, ThreadRequest } from './executor.js';

const cache = new PreparedModelCache();
parentPort?.on('message', (request: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    if (request.type === 'load') {
      cache.load(request.hash, request.text);
      reply = { ok: true, result: null };
    } else {
      reply = { ok: true, result: cache.answer(request.job) };
    }
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error), input: error instanceof JobInputError };
  }
  parentPort?.postMessage(reply);
});

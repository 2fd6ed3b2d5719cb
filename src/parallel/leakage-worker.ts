// Worker thread for the leakage matrix: receives the engine arrays once, then answers attacker
// tasks one at a time with the same pure function the sequential path uses.

import { parentPort, workerData } from 'node:worker_threads';
import { attackerLeakage, type LeakageInput, type LeakageTask } from '../analyze/leakage.js';

const input = workerData as LeakageInput;
parentPort?.on('message', (message: { index: number; task: LeakageTask }) => {
  parentPort?.postMessage({ index: message.index, row: attackerLeakage(input, message.task) });
});

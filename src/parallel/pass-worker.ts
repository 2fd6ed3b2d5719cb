// Worker thread for attacker passes: receives a model's pass input once, then answers attacker
// tasks one at a time with the same pure function the in-thread path uses.

import { parentPort, workerData } from 'node:worker_threads';
import { attackerPass, type PassInput, type PassTask } from '../analyze/attacker-pass.js';

const input = workerData as PassInput;
parentPort?.on('message', (message: { index: number; task: PassTask }) => {
  parentPort?.postMessage({ index: message.index, pass: attackerPass(input, message.task) });
});

// Where a worker process runs its passes: on a worker thread of its own (the built CLI), or in the
// main thread when only TypeScript sources are at hand (tests in-process). Either way the same
// PreparedModelCache answers.

import { Worker } from 'node:worker_threads';
import { JobInputError, PreparedModelCache, type JobResult } from './execute.js';
import type { QueueJobData } from './job.js';

export type ThreadRequest = { readonly type: 'load'; readonly hash: string; readonly text: string } | { readonly type: 'answer'; readonly job: QueueJobData };
export type ThreadReply = { readonly ok: true; readonly result: JobResult | null } | { readonly ok: false; readonly message: string; readonly input: boolean };

export interface Executor {
  /** The content hash of the model loaded, if any. */
  readonly loaded: string | undefined;
  load(hash: string, text: string): Promise<void>;
  answer(job: QueueJobData): Promise<JobResult>;
  close(): Promise<void>;
}

/** A thread needs the compiled JavaScript of its entry file, not TypeScript sources. */
export function createExecutor(): Executor {
  return import.meta.url.endsWith('.js') ? new ThreadExecutor() : new InlineExecutor();
}

class InlineExecutor implements Executor {
  loaded: string | undefined;
  private readonly cache = new PreparedModelCache();

  async load(hash: string, text: string): Promise<void> {
    this.loaded = undefined;
    this.cache.load(hash, text);
    this.loaded = hash;
  }

  async answer(job: QueueJobData): Promise<JobResult> {
    return this.cache.answer(job);
  }

  async close(): Promise<void> {}
}

/** One request at a time (the worker runs one job at a time), answered in order. */
class ThreadExecutor implements Executor {
  loaded: string | undefined;
  private readonly thread = new Worker(new URL('./pass-thread.js', import.meta.url));
  private pending: { resolve: (reply: ThreadReply) => void; reject: (error: Error) => void } | undefined;

  constructor() {
    this.thread.on('message', (reply: ThreadReply) => {
      const waiting = this.pending;
      this.pending = undefined;
      waiting?.resolve(reply);
    });
    this.thread.on('error', (error) => this.fail(error));
    this.thread.on('exit', (code) => this.fail(new Error(`the pass thread stopped with exit code ${code}`)));
  }

  private fail(error: Error): void {
    const waiting = this.pending;
    this.pending = undefined;
    waiting?.reject(error);
  }

  private request(request: ThreadRequest): Promise<JobResult | null> {
    if (this.pending !== undefined) return Promise.reject(new Error('the pass thread is busy'));
    return new Promise<ThreadReply>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.thread.postMessage(request);
    }).then((reply) => {
      if (reply.ok) return reply.result;
      throw reply.input ? new JobInputError(reply.message) : new Error(reply.message);
    });
  }

  async load(hash: string, text: string): Promise<void> {
    this.loaded = undefined;
    await this.request({ type: 'load', hash, text });
    this.loaded = hash;
  }

  async answer(job: QueueJobData): Promise<JobResult> {
    return (await this.request({ type: 'answer', job }))!;
  }

  async close(): Promise<void> {
    this.thread.removeAllListeners('exit');
    await this.thread.terminate();
  }
}

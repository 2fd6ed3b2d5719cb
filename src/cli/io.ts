// Where the CLI writes: an interface so tests run commands in-process and read what they print.
// The process binding writes standard output synchronously, so a large output never piles up in
// memory, and a closed pipe or a full disk ends the command quietly instead of with a stack.

import { writeSync } from 'node:fs';
import { sortIssues, type InputIssue } from '../model/issues.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars only there). */
  readonly errIsTty: boolean;
}

/** Exit code when standard output's reader went away (`indepth graph --json | head -1`): 128 + SIGPIPE, as a shell reports it. */
export const EXIT_BROKEN_PIPE = 141;
/** Exit code when an output could not be written (missing directory, a directory, a full disk). */
export const EXIT_CANNOT_WRITE = 2;

/** A write to an output failed; `code` is the system error code (EPIPE, ENOSPC, …). */
export class OutputError extends Error {
  readonly code: string;
  readonly target: string;
  constructor(target: string, code: string, reason: string) {
    super(`cannot write ${target}: ${reason}`);
    this.name = 'OutputError';
    this.code = code;
    this.target = target;
  }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EPIPE: 'the reader closed the pipe',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOENT: 'no such directory',
  ENOTDIR: 'a parent of the path is not a directory',
  EROFS: 'read-only file system',
  EFBIG: 'file too large',
  EIO: 'input/output error',
};

export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

/** A system error as the user reads it: `no space left on device`. */
export function describeWriteError(error: unknown): string {
  return REASONS[errorCode(error)] ?? (error instanceof Error ? error.message : String(error));
}

const SLEEP = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `data` (text as UTF-8, or bytes) to a file descriptor, synchronously: partial writes
 * continue, a descriptor left non-blocking by a parent process (EAGAIN) is retried after a
 * millisecond. Throws OutputError.
 */
export function writeAllSync(fd: number, data: string | Uint8Array, target: string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if (errorCode(error) === 'EAGAIN') {
        Atomics.wait(SLEEP, 0, 0, 1);
        continue;
      }
      throw new OutputError(target, errorCode(error), describeWriteError(error));
    }
  }
}

export const processIo: CliIo = {
  out: (text) => writeAllSync(1, text, 'standard output'),
  err: (text) => void process.stderr.write(text),
  errIsTty: Boolean(process.stderr.isTTY),
};

/**
 * A CLI failure the user can act on: printed as-is (no stack trace) with its exit code, after any
 * input issues found together with it (those print as `file:line:col: message`).
 */
export class CliError extends Error {
  readonly exitCode: number;
  readonly issues: readonly InputIssue[];
  constructor(message: string, exitCode = 1, issues: readonly InputIssue[] = []) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.issues = sortIssues(issues);
  }
}

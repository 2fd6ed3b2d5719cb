// Where the CLI writes: an interface so tests run commands in-process and read what they print.

import { sortIssues, type InputIssue } from '../model/issues.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars only there). */
  readonly errIsTty: boolean;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
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

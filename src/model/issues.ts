// Problems found in input files. Loading collects every issue before failing, and each prints as
// `file:line:col: message` so editors and CI annotate the spot.

import { terminalSafe } from '../domain/terminal-safe.js';
import type { SourceLocation } from './types.js';

export interface InputIssue {
  readonly location: SourceLocation;
  readonly message: string;
}

export function formatIssue(issue: InputIssue): string {
  const { file, line, column } = issue.location;
  return terminalSafe(`${file}:${line}:${column}: ${issue.message}`);
}

/** Sorted by file, line, column, then message: stable output for tests and CI logs. */
export function sortIssues(issues: readonly InputIssue[]): InputIssue[] {
  return [...issues].sort(
    (a, b) =>
      cmp(a.location.file, b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Thrown by loaders when input is invalid; carries every issue found. The CLI prints them and exits 1. */
export class InputError extends Error {
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[]) {
    const sorted = sortIssues(issues);
    super(sorted.map(formatIssue).join('\n'));
    this.name = 'InputError';
    this.issues = sorted;
  }
}

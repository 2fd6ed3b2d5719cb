// Reads an input file as UTF-8 text, turning every failure (missing, unreadable, not UTF-8) into
// an issue at 1:1 rather than an exception. The only file-system access of the loaders.

import { readFileSync } from 'node:fs';
import type { InputIssue } from './issues.js';

export type TextFileResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly issues: InputIssue[] };

/** `noun` names the kind of file in messages: "cannot read model file: no such file". */
export function readTextFile(path: string, noun: string): TextFileResult {
  const fail = (message: string): TextFileResult => ({
    ok: false,
    issues: [{ location: { file: path, line: 1, column: 1 }, message }],
  });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail(`cannot read ${noun} file: ${describeFsError(error)}`);
  }
  try {
    // fatal: invalid UTF-8 is an error, not silently replaced with U+FFFD.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail(`${noun} file is not UTF-8 text (is it a binary file?)`);
  }
}

const FS_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent of the path is not a directory',
};

function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return FS_ERRORS[code] ?? (error instanceof Error ? error.message : 'unknown error');
}

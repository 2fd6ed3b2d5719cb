// Reads an input file as UTF-8 text, turning every failure (missing, unreadable, too large, not
// UTF-8) into an issue at 1:1 rather than an exception. The read is bounded: a huge file, /dev/zero or
// a pipe that never ends stops at the limit, and a FIFO with no writer reads as nothing instead of
// hanging. The only file-system access of the loaders.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { InputIssue } from './issues.js';

export type TextFileResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly issues: InputIssue[] };

/** The largest input read, in bytes: 256 MiB, or `INDEPTH_MAX_INPUT_MB` mebibytes. */
export function maxInputBytes(): number {
  const mb = Number(process.env.INDEPTH_MAX_INPUT_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : 256 * 1024 * 1024;
}

const CHUNK = 1 << 20;
const SLEEP = new Int32Array(new SharedArrayBuffer(4));

/** `noun` names the kind of file in messages: "cannot read model file: no such file". */
export function readTextFile(path: string, noun: string, maxBytes = maxInputBytes()): TextFileResult {
  const fail = (message: string): TextFileResult => ({
    ok: false,
    issues: [{ location: { file: path, line: 1, column: 1 }, message }],
  });
  const tooLarge = () =>
    fail(`${noun} file is larger than the limit of ${formatBytes(maxBytes)} (set INDEPTH_MAX_INPUT_MB to raise it)`);
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // Non-blocking, so opening a FIFO that no process writes to returns at once.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return fail(`cannot read ${noun} file: it is a directory`);
    if (stat.isFile() && stat.size > maxBytes) return tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      let read: number;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        // A pipe whose writer has not written yet.
        if ((error as { code?: string }).code !== 'EAGAIN') throw error;
        Atomics.wait(SLEEP, 0, 0, 5);
        continue;
      }
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return tooLarge();
    }
    if (total === 0 && stat.isFIFO()) return fail(`cannot read ${noun} file: it is a FIFO (named pipe) with no writer`);
    bytes = Buffer.concat(chunks, total);
  } catch (error) {
    return fail(`cannot read ${noun} file: ${describeFsError(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
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

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

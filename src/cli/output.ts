// Where a command's result goes: standard output or the file named by `-o`, written in batches from
// a stream of chunks so memory stays bounded whatever the size. Output paths are checked before the
// work starts (a missing directory, a directory, the input itself) and every write failure is a
// clear message with exit code 2, never a stack.

import { closeSync, existsSync, openSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { terminalSafe } from '../domain/terminal-safe.js';
import { jsonChunks } from '../report/json-stream.js';
import { CliError, describeWriteError, errorCode, EXIT_CANNOT_WRITE, OutputError, writeAllSync, type CliIo } from './io.js';

/** Chunks are gathered up to this many UTF-16 units before one write. */
const BATCH = 1 << 20;

/** Groups small chunks into writes of about a mebibyte. */
export function* batched(chunks: Iterable<string>, size = BATCH): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

export interface OutputPathRules {
  /** The option that named the path, for messages (`-o`, `--png`). */
  readonly option: string;
  /** Input files the output must not overwrite. */
  readonly inputs?: readonly string[];
  /** Accepted extensions (lower case, with the dot); none given means any. */
  readonly extensions?: readonly string[];
  /**
   * What the command writes there (`SVG`, `HTML`) and its extensions: a name whose extension is
   * another well-known format's (`blast.jpg` for an SVG) is refused; other names are accepted.
   */
  readonly writes?: { readonly format: string; readonly extensions: readonly string[] };
}

/** Extensions of formats a person could expect an output in, by format. */
const KNOWN_FORMATS: ReadonlyMap<string, string> = new Map([
  ['.svg', 'SVG'], ['.png', 'PNG'], ['.jpg', 'JPEG'], ['.jpeg', 'JPEG'], ['.gif', 'GIF'], ['.webp', 'WebP'], ['.bmp', 'BMP'], ['.tif', 'TIFF'], ['.tiff', 'TIFF'],
  ['.pdf', 'PDF'], ['.html', 'HTML'], ['.htm', 'HTML'], ['.md', 'Markdown'], ['.json', 'JSON'], ['.sarif', 'SARIF'], ['.xml', 'XML'],
  ['.dot', 'Graphviz DOT'], ['.gv', 'Graphviz DOT'], ['.mmd', 'Mermaid'], ['.yaml', 'YAML'], ['.yml', 'YAML'], ['.csv', 'CSV'], ['.zip', 'ZIP'],
]);

/**
 * Refuses, before any work, an output path that cannot be written as asked: its directory is missing
 * or not a directory, it is a directory, it names an input, or its extension is not one the format
 * has. Throws CliError (exit 2) naming every problem.
 */
export function checkOutputPath(path: string, rules: OutputPathRules): void {
  const problems: string[] = [];
  const shown = terminalSafe(path);
  const directory = dirname(resolve(path));
  if (path === '') problems.push(`${rules.option}: an empty path`);
  else if (!existsSync(directory)) problems.push(`${rules.option} ${shown}: the directory ${terminalSafe(dirname(path))} does not exist`);
  else if (!statSync(directory).isDirectory()) problems.push(`${rules.option} ${shown}: ${terminalSafe(dirname(path))} is not a directory`);
  else if (existsSync(path) && statSync(path).isDirectory()) problems.push(`${rules.option} ${shown}: it is a directory; name a file in it`);
  if (rules.extensions !== undefined && !isDevice(path) && !rules.extensions.includes(extname(path).toLowerCase())) {
    const got = extname(path) === '' ? 'no extension' : `\`${terminalSafe(extname(path))}\``;
    problems.push(`${rules.option} ${shown}: expected a file name ending in ${rules.extensions.join(' or ')}, got ${got}`);
  }
  const other = KNOWN_FORMATS.get(extname(path).toLowerCase());
  if (rules.writes !== undefined && other !== undefined && !isDevice(path) && !rules.writes.extensions.includes(extname(path).toLowerCase())) {
    problems.push(`${rules.option} ${shown}: this writes ${rules.writes.format}, not ${other}; name a file ending in ${rules.writes.extensions.join(' or ')}`);
  }
  for (const input of rules.inputs ?? []) {
    if (sameFile(path, input)) problems.push(`${rules.option} ${shown}: that is the input ${terminalSafe(input)}; refusing to overwrite it`);
  }
  if (problems.length > 0) throw new CliError(problems.join('\nindepth: '), EXIT_CANNOT_WRITE);
}

/** Writes chunks to `file`, or to standard output when it is undefined. Throws OutputError. */
export function writeOutput(io: CliIo, file: string | undefined, chunks: Iterable<string>): void {
  if (file === undefined) {
    for (const batch of batched(chunks)) io.out(batch);
    return;
  }
  writeFileChecked(file, batched(chunks));
}

/**
 * Writes text or bytes (a PNG, a PDF) to a file: every failure (cannot open, a full disk) is an
 * OutputError naming the file, so the CLI prints one line and exits 2.
 */
export function writeFileChecked(file: string, parts: Iterable<string | Uint8Array>): void {
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (error) {
    throw new OutputError(terminalSafe(file), errorCode(error), describeWriteError(error));
  }
  try {
    for (const part of parts) writeAllSync(fd, part, terminalSafe(file));
  } finally {
    closeSync(fd);
  }
}

/** Text for people: control characters in it are shown (`\x1b`), never sent to the terminal raw. */
export function printText(io: CliIo, text: string): void {
  writeOutput(io, undefined, [terminalSafe(text)]);
}

/** A result as JSON on standard output, streamed. */
export function printJson(io: CliIo, value: unknown): void {
  writeOutput(io, undefined, jsonChunks(value));
}

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

function isDevice(path: string): boolean {
  return resolve(path).startsWith('/dev/');
}

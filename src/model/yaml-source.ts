// Text → YAML syntax tree with positions, or issues. YAML, YML and JSON all come through here (JSON
// is YAML 1.2). Nothing is converted to JS values: the validator walks the tree itself.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type ParsedNode } from 'yaml';
import type { InputIssue } from './issues.js';
import { indentationFaults, type IndentationFault } from './yaml-indentation.js';
import type { SourceLocation } from './types.js';

export interface YamlSource {
  readonly file: string;
  /** The text as parsed (without a byte-order mark); node ranges are offsets into it. */
  readonly text: string;
  /** The document's top-level node; never empty. */
  readonly root: ParsedNode;
  /** 1-based line and column of a character offset in the text. */
  locate(offset: number): SourceLocation;
}

export type YamlSourceResult =
  | { readonly ok: true; readonly source: YamlSource }
  | { readonly ok: false; readonly issues: InputIssue[] };

/** `noun` names the kind of file in messages: "model file is empty". */
export function readYamlSource(rawText: string, file: string, noun: string): YamlSourceResult {
  // A byte-order mark is not content; dropping it keeps columns on line 1 as editors count them.
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  const fail = (location: SourceLocation, message: string): YamlSourceResult => ({
    ok: false,
    issues: [{ location, message }],
  });

  const unprintable = findUnprintable(text);
  if (unprintable !== undefined) {
    const code = text.codePointAt(unprintable)?.toString(16).toUpperCase().padStart(4, '0') ?? '';
    return fail(
      locateByScan(text, unprintable, file),
      `${noun} file is not YAML text: it contains the non-printable character U+${code} (is it a binary file?)`,
    );
  }

  const lineCounter = new LineCounter();
  const locate = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  let document: Document.Parsed;
  try {
    // The parser's own duplicate-key check compares every pair of keys (quadratic: minutes at 100k
    // keys); `duplicateKeys` below does it with one hash lookup per key.
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: false });
  } catch (error) {
    // The parser reports malformed input as document errors; this is for limits such as stack depth.
    return fail(locateByScan(text, 0, file), `${noun} file could not be parsed: ${errorText(error)}`);
  }

  const problems = [...document.errors, ...document.warnings];
  if (problems.length === 0 && document.contents !== null) {
    const duplicates = duplicateKeys(document.contents);
    if (duplicates.length > 0) {
      return { ok: false, issues: duplicates.map((offset) => ({ location: locate(offset), message: 'invalid YAML: map keys must be unique' })) };
    }
  }
  if (problems.length > 0) {
    const raw = problems.map((problem) => ({
      code: problem.code,
      location: locate(problem.pos[0]),
      message:
        problem.code === 'MULTIPLE_DOCS'
          ? `the file holds multiple documents (separated by \`---\`); a ${noun} file must be one document`
          : `invalid YAML: ${lowerFirst(firstLine(problem.message))}`,
    }));
    const afterTabs = explainTabs(raw, text, file);
    return { ok: false, issues: explainIndentation(afterTabs, withoutTabLines(text, afterTabs), file) };
  }

  const root = document.contents;
  // A file of only comments, or only `---`, parses to nothing or to an empty null scalar.
  if (root === null || (isScalar(root) && root.value === null && root.source === '')) {
    return fail({ file, line: 1, column: 1 }, `${noun} file is empty`);
  }
  return { ok: true, source: { file, text, root, locate } };
}

/**
 * Offsets of every mapping key that repeats an earlier key of the same mapping (scalars equal in type
 * and value, as the YAML parser's own check compares them), in one walk with a hash set per mapping.
 */
function duplicateKeys(root: ParsedNode): number[] {
  const found: number[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const identity = `${typeof key.value}:${String(key.value)}`;
          if (seen.has(identity)) found.push(key.range?.[0] ?? 0);
          else seen.add(identity);
        }
        stack.push(key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return found.sort((a, b) => a - b);
}

/**
 * The offset of the first character YAML 1.2 does not allow in a stream (C0/C1 controls other than
 * tab and line breaks, DEL, lone surrogates, U+FFFE/U+FFFF), or undefined if the text is clean.
 */
function findUnprintable(text: string): number | undefined {
  // In a `u` regexp a surrogate range matches only unpaired halves; pairs are one code point.
  const match = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/u.exec(text);
  return match?.index;
}

/** Parser errors that a misindented line causes, at it, at the line before it, or after it in its block. */
const STRUCTURE_CODES: ReadonlySet<string> = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'UNEXPECTED_TOKEN']);

/**
 * A tab in a line's indentation (YAML indents with spaces only) as one issue at that line, with the
 * structural errors it causes through the end of its top-level section dropped: the parser reports a
 * dozen follow-on errors for one tab. Errors elsewhere, and of other kinds, are kept.
 */
function explainTabs(problems: readonly (InputIssue & { code: string })[], text: string, file: string): (InputIssue & { code: string })[] {
  const tabLines = [...new Set(problems.filter((p) => p.code === 'TAB_AS_INDENT').map((p) => p.location.line))];
  if (tabLines.length === 0) return [...problems];
  const lines = text.split('\n');
  // A section ends before the next line that starts a top-level key (no indentation, not a comment).
  const sectionEnd = (line: number): number => {
    for (let l = line + 1; l <= lines.length; l++) if (/^[^\s#]/.test(lines[l - 1]!)) return l - 1;
    return lines.length;
  };
  const spans = tabLines.map((line) => [line, sectionEnd(line)] as const);
  const followsTab = (p: InputIssue & { code: string }) =>
    STRUCTURE_CODES.has(p.code) && spans.some(([first, last]) => p.location.line >= first && p.location.line <= last);
  const tabs = tabLines.map((line) => ({
    code: 'TAB_AS_INDENT',
    location: { file, line, column: 1 },
    message: 'invalid YAML: this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces (as many as the lines beside it use)',
  }));
  return [...tabs, ...problems.filter((p) => p.code !== 'TAB_AS_INDENT' && !followsTab(p))];
}

/** The text with the lines a tab issue names blanked, so the indentation scan reads the rest as it is. */
function withoutTabLines(text: string, issues: readonly (InputIssue & { code: string })[]): string {
  const tabLines = new Set(issues.filter((p) => p.code === 'TAB_AS_INDENT').map((p) => p.location.line));
  return tabLines.size === 0 ? text : text.split('\n').map((line, i) => (tabLines.has(i + 1) ? '' : line)).join('\n');
}

/**
 * The parser's structural errors replaced by the indentation fault they follow from, one issue per
 * fault at the misindented line with a hint; errors no fault explains are kept as they are.
 */
function explainIndentation(problems: readonly (InputIssue & { code: string })[], text: string, file: string): InputIssue[] {
  if (!problems.some((p) => STRUCTURE_CODES.has(p.code))) return problems.map(({ location, message }) => ({ location, message }));
  const faults = indentationFaults(text);
  if (faults.length === 0) return problems.map(({ location, message }) => ({ location, message }));
  const byLine = new Map(faults.map((f) => [f.line, f] as const));
  const nextContent = nextContentLines(text);
  const explained = new Set<IndentationFault>();
  const kept: InputIssue[] = [];
  for (const { code, location, message } of problems) {
    const line = location.line;
    const fault = !STRUCTURE_CODES.has(code)
      ? undefined
      : (byLine.get(line) ??
        byLine.get(nextContent[line] ?? -1) ??
        faults.filter((f) => f.line < line && line <= f.blockEnd).pop());
    if (fault === undefined) kept.push({ location, message });
    else explained.add(fault);
  }
  // The lines right after an explained one at the same wrong column are the same slip: one issue.
  const hints: InputIssue[] = [];
  for (let i = 0; i < faults.length; i++) {
    const first = faults[i]!;
    if (!explained.has(first)) continue;
    let more = 0;
    while (sameSlip(first, faults[i + more + 1])) more++;
    i += more;
    hints.push({ location: { file, line: first.line, column: first.indent + 1 }, message: `invalid YAML: check the indentation: ${describeFault(first, more)}` });
  }
  return [...hints, ...kept];
}

function sameSlip(first: IndentationFault, next: IndentationFault | undefined): boolean {
  return next !== undefined && next.indent === first.indent && next.expected === first.expected && next.siblingLine === first.siblingLine && next.line <= first.blockEnd;
}

/** "`vms: 2` uses 3 spaces where its siblings use 4 spaces (line 6)"; with `more` lines of the same slip after it, "… and the 2 lines after it use …". */
function describeFault(fault: IndentationFault, more: number): string {
  const shown = fault.text.length > 40 ? `${fault.text.slice(0, 39)}\u2026` : fault.text;
  const subject = more === 0 ? `\`${shown}\` uses` : `\`${shown}\` and the ${more === 1 ? 'line' : `${more} lines`} after it use`;
  return `${subject} ${spaces(fault.indent)} where ${more === 0 ? 'its' : 'their'} siblings use ${spaces(fault.expected)} (line ${fault.siblingLine})`;
}

function spaces(n: number): string {
  return n === 0 ? 'no indentation' : n === 1 ? '1 space' : `${n} spaces`;
}

/** Per 1-based line: the next line after it that is neither blank nor a comment. */
function nextContentLines(text: string): number[] {
  const lines = text.split(/\r\n|\n|\r/);
  const next: number[] = new Array<number>(lines.length + 2).fill(-1);
  let after = -1;
  for (let i = lines.length; i >= 1; i--) {
    next[i] = after;
    const trimmed = lines[i - 1]!.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) after = i;
  }
  return next;
}

function locateByScan(text: string, offset: number, file: string): SourceLocation {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { file, line: before.split('\n').length, column: offset - lineStart + 1 };
}

function errorText(error: unknown): string {
  return error instanceof Error ? lowerFirst(error.message) : 'unknown error';
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

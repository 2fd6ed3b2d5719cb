// Indentation faults of YAML block text, for the loader's messages: a line indented to a column no
// enclosing block uses (3 spaces among siblings at 2 or 4) is what a person fixes, while the YAML
// parser reports what it made of it ("implicit keys need to be on a single line", often at the line
// before and with follow-on errors). A line scan, no parsing: used only to explain parser errors.

/** A line whose indentation matches none of the blocks it could belong to. */
export interface IndentationFault {
  /** 1-based line of the misplaced line. */
  readonly line: number;
  /** Spaces before its first character. */
  readonly indent: number;
  /** What its siblings use: the nearest indentation of an enclosing block of the same kind. */
  readonly expected: number;
  /** 1-based line of the sibling that sets `expected`. */
  readonly siblingLine: number;
  /** The line's text without its indentation (for the message). */
  readonly text: string;
  /**
   * The last line (1-based) of the block it disturbs: the line before the next one indented no
   * deeper than the block's parent. Parser errors up to it follow from this fault.
   */
  readonly blockEnd: number;
}

type Kind = 'map' | 'seq';

/** Faults looked for at most: enough to explain a file's errors, bounded work on a file of thousands of slips. */
export const MAX_FAULTS = 100;

interface Level {
  readonly indent: number;
  readonly kind: Kind;
  /** The last line written at this level. */
  line: number;
}

/** A block scalar's header as a sequence item (`- |`) or a key's value (`key: >-`). */
const BLOCK_SCALAR = /(?:^|:\s+)[|>][-+0-9]*\s*(?:#.*)?$/;
const OPENER = /(?::|^-)\s*(?:#.*)?$/;

/**
 * Every line of `text` whose indentation no enclosing block explains, in line order. Comments, blank
 * lines, block scalars (`|`, `>`) and flow collections spanning lines are skipped; a line indented
 * deeper than the line before it is a child only when that line opens a block (`key:`, `-`).
 */
export function indentationFaults(text: string): IndentationFault[] {
  const lines = text.split(/\r\n|\n|\r/);
  const faults: (Omit<IndentationFault, 'blockEnd'> & { parent: number })[] = [];
  const content: { line: number; indent: number }[] = [];
  let stack: Level[] = [];
  let opened = false;
  let skipDeeperThan = -1;
  let openBrackets = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trimStart();
    const indent = raw.length - trimmed.length;
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (skipDeeperThan >= 0) {
      if (indent > skipDeeperThan) continue;
      skipDeeperThan = -1;
    }
    if (openBrackets > 0) {
      openBrackets = Math.max(0, openBrackets + bracketBalance(trimmed));
      continue;
    }
    if (raw.startsWith(' ') === false && raw.startsWith('\t')) return faults.map(withBlockEnd(content)); // tabs: the parser says so
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(trimmed)) {
      stack = [];
      opened = false;
      continue;
    }
    content.push({ line: i + 1, indent });
    const top = stack[stack.length - 1];
    const kind: Kind = trimmed.startsWith('- ') || trimmed === '-' ? 'seq' : 'map';
    if (top === undefined || (opened && (indent > top.indent || (indent === top.indent && kind === 'seq' && top.kind === 'map')))) {
      push(stack, indent, trimmed, i + 1);
    } else if (stack.some((l) => l.indent === indent)) {
      while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
      push(stack, indent, trimmed, i + 1);
    } else {
      const sibling = nearest(stack, indent, kind);
      const parent = stack.filter((l) => l.indent < Math.min(indent, sibling.indent)).pop()?.indent ?? -1;
      faults.push({ line: i + 1, indent, expected: sibling.indent, siblingLine: sibling.line, text: trimmed, parent });
      if (faults.length === MAX_FAULTS) break;
      // A sequence item at a column of its own starts its sequence there (its later items follow it);
      // a mapping line is taken as a slip of that line alone.
      if (kind === 'seq' && indent < top.indent) {
        while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) stack.pop();
        push(stack, indent, trimmed, i + 1);
      }
    }
    const body = trimmed.replace(/^(?:-(?:\s+|$))+/, '');
    opened = OPENER.test(trimmed) && !/^["'].*["']\s*$/.test(body);
    // Block scalar lines are deeper than the key (or the `-`) that holds them.
    if (BLOCK_SCALAR.test(body)) skipDeeperThan = body === trimmed || !/^[|>]/.test(body) ? indent + (trimmed.length - body.length) : indent;
    // A flow collection is a value that starts with `[` or `{` (inside a plain scalar they are text).
    const value = body.replace(/^[^:[{]*:\s+/, '');
    openBrackets = /^[[{]/.test(value) ? Math.max(0, bracketBalance(value)) : 0;
  }
  return faults.map(withBlockEnd(content));
}

/** Pushes a line's levels: `- - key: v` at 2 is a sequence at 2 and 4 and a mapping at 6. */
function push(stack: Level[], indent: number, trimmed: string, line: number): void {
  let column = indent;
  let rest = trimmed;
  while (rest.startsWith('- ') || rest === '-') {
    stack.push({ indent: column, kind: 'seq', line });
    const after = rest.slice(1);
    const body = after.trimStart();
    column += 1 + (after.length - body.length);
    rest = body;
    if (rest === '' || rest.startsWith('#')) return;
  }
  stack.push({ indent: column, kind: 'map', line });
}

/** The enclosing level of the same kind closest to `indent` (the deeper one on ties), else the top. */
function nearest(stack: readonly Level[], indent: number, kind: Kind): Level {
  let best: Level | undefined;
  for (const level of stack) {
    if (level.kind !== kind) continue;
    const d = Math.abs(level.indent - indent);
    if (best === undefined || d < Math.abs(best.indent - indent) || (d === Math.abs(best.indent - indent) && level.indent > best.indent)) best = level;
  }
  return best ?? stack[stack.length - 1]!;
}

/** Open `[`/`{` minus closing ones outside quotes (a flow collection continued on the next lines). */
function bracketBalance(text: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) break;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}

function withBlockEnd(content: readonly { line: number; indent: number }[]) {
  return ({ parent, ...fault }: Omit<IndentationFault, 'blockEnd'> & { parent: number }): IndentationFault => {
    let next: { line: number; indent: number } | undefined;
    for (let k = firstAfter(content, fault.line); k < content.length && next === undefined; k++) if (content[k]!.indent <= parent) next = content[k];
    return { ...fault, blockEnd: next === undefined ? Number.MAX_SAFE_INTEGER : next.line - 1 };
  };
}

/** Index of the first content line after `line` (binary search: lines ascend). */
function firstAfter(content: readonly { line: number }[], line: number): number {
  let lo = 0;
  let hi = content.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (content[mid]!.line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

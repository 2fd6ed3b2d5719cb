// The imported model as YAML: every assumption written as a comment on the entry or field it is
// about, the whole-model ones in the header, so a reviewer reads the model and its doubts together.

import { Document, isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Assumption } from './inventory.js';
import { DRAFT_COLLECTIONS, entriesOf, entryKey, type DraftCollection, type ModelDraft } from './model-draft.js';
import type { SourceLocation } from '../model/types.js';

/** Renders the draft; `assumptions` whose subject is not in the model go to the header. */
export function writeModelYaml(model: ModelDraft, assumptions: readonly Assumption[], sources: readonly string[]): string {
  const doc = new Document(model);
  const header: string[] = [
    ` Imported by \`indepth import\` from ${sources.join(', ')}.`,
    ' `assumed:` marks what the input did not say (confirm or edit it); `from input:` says where a value came from.',
  ];
  const before = new Map<Node, string[]>();
  const addBefore = (node: Node, line: string): void => {
    const lines = before.get(node) ?? [];
    if (!lines.includes(line)) lines.push(line);
    before.set(node, lines);
  };
  for (const assumption of assumptions) {
    const line = ` ${assumption.warning === true ? 'warning' : assumption.fact === true ? 'from input' : 'assumed'}: ${assumption.message}${where(assumption.origin)}`;
    const target = locate(doc, model, assumption);
    if (target === null) header.push(line);
    else addBefore(target, line);
  }
  doc.commentBefore = header.join('\n');
  for (const [node, lines] of before) node.commentBefore = lines.join('\n');
  return doc.toString({ lineWidth: 0 });
}

/** The node a comment goes before: the field's key, the entry, or the top-level key; null for the header. */
function locate(doc: Document, model: ModelDraft, assumption: Assumption): Node | null {
  if (assumption.subject === null) return null;
  const [collection, id] = splitSubject(assumption.subject);
  let entry: YAMLMap | null = null;
  if (id === null) {
    const value = doc.get(collection, true);
    entry = isMap(value) ? value : null;
    if (entry === null) return null;
  } else {
    if (!(DRAFT_COLLECTIONS as readonly string[]).includes(collection)) return null;
    const index = entriesOf(model, collection as DraftCollection).findIndex((item) => entryKey(item) === id);
    if (index < 0) return null;
    const node = doc.getIn([collection, index], true);
    if (!isMap(node)) return null;
    entry = node;
  }
  if (assumption.field !== undefined) {
    const pair = entry.items.find((p: Pair) => isScalar(p.key) && p.key.value === assumption.field);
    if (pair !== undefined && isScalar(pair.key)) return pair.key;
  }
  if (id === null) {
    const pair = doc.contents !== null && isMap(doc.contents) ? doc.contents.items.find((p: Pair) => isScalar(p.key) && p.key.value === collection) : undefined;
    return pair !== undefined && isScalar(pair.key) ? pair.key : null;
  }
  return entry;
}

function splitSubject(subject: string): [string, string | null] {
  const slash = subject.indexOf('/');
  return slash < 0 ? [subject, null] : [subject.slice(0, slash), subject.slice(slash + 1)];
}

function where(origin: SourceLocation | undefined): string {
  return origin === undefined || origin.file === '' ? '' : ` (${origin.file}:${origin.line})`;
}

/** The warnings, one `warning:` line each, for stderr even when `--quiet`. */
export function formatWarnings(assumptions: readonly Assumption[]): string {
  return assumptions.filter((a) => a.warning === true).map((a) => `indepth import: warning: ${a.subject ?? 'model'}: ${a.message}\n`).join('');
}

/** One line per assumption for stderr: `hostPools/pool1.vms: message (file:line)`. */
export function formatAssumptions(assumptions: readonly Assumption[]): string {
  return assumptions
    .filter((a) => a.fact !== true)
    .map((a) => `  ${a.subject ?? 'model'}${a.field === undefined ? '' : `.${a.field}`}: ${a.message}${where(a.origin)}\n`)
    .join('');
}

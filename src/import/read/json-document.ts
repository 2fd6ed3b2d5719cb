// JSON (or YAML) input with source positions: the value, and where each part of it was written.
// Uses the `yaml` library, which reads JSON as a YAML subset and reports positioned errors.

import { LineCounter, parseDocument, type Document } from 'yaml';
import type { InputIssue } from '../../model/issues.js';
import type { SourceLocation } from '../../model/types.js';

export interface PositionedDocument {
  readonly value: unknown;
  /** Where the value at `path` starts; the document start when the path is not found. */
  at(path: readonly (string | number)[]): SourceLocation;
}

export type DocumentResult = { readonly ok: true; readonly document: PositionedDocument } | { readonly ok: false; readonly issues: InputIssue[] };

/** Parses JSON/YAML text; syntax errors come back as positioned issues, never thrown. */
export function readJsonDocument(text: string, file: string): DocumentResult {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const position = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({ location: position(error.pos[0]), message: `not valid JSON: ${firstLine(error.message)}` })),
    };
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  return {
    ok: true,
    document: {
      value,
      at(path) {
        const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
        return position(node?.range?.[0] ?? 0);
      },
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

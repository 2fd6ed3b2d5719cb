// Every `indepth export` format, by name: the `--format` values are this map's keys. Each writes the
// graph as a stream of chunks, so an export larger than one string can hold still writes.

import { dotLines, linesAsChunks } from './dot.js';
import type { ExportGraph } from './export-graph.js';
import { mermaidLines } from './mermaid.js';
import { openGraphChunks } from './opengraph.js';

export const EXPORT_FORMATS: Readonly<Record<'opengraph' | 'dot' | 'mermaid', (graph: ExportGraph) => Iterable<string>>> = {
  opengraph: openGraphChunks,
  dot: (graph) => linesAsChunks(dotLines(graph)),
  mermaid: (graph) => linesAsChunks(mermaidLines(graph)),
};

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, name);
}

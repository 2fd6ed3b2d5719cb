// Every `indepth export` format, by name: the `--format` values are this map's keys.

import { formatDot } from './dot.js';
import type { ExportGraph } from './export-graph.js';
import { formatMermaid } from './mermaid.js';
import { formatOpenGraph } from './opengraph.js';

export const EXPORT_FORMATS: Readonly<Record<'opengraph' | 'dot' | 'mermaid', (graph: ExportGraph) => string>> = {
  opengraph: formatOpenGraph,
  dot: formatDot,
  mermaid: formatMermaid,
};

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, name);
}

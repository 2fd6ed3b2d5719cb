// Export tests start from a bundled model (or model text) and a question, as the CLI builds them.

import { readFileSync } from 'node:fs';
import { prepareModel } from '../../src/analyze/prepared.js';
import type { WhatIfQuestion } from '../../src/analyze/what-if.js';
import { exportGraph, type ExportGraph } from '../../src/export/export-graph.js';
import { ROOT, buildModelText, type BundledModel } from '../support/model.js';

export function exportOf(
  source: BundledModel | { readonly text: string },
  question: Partial<WhatIfQuestion> | null = null,
  onlyReached = false,
): ExportGraph {
  const [text, file] = typeof source === 'string' ? [readFileSync(`${ROOT}models/${source}.yaml`, 'utf8'), `models/${source}.yaml`] : [source.text, 'test-model.yaml'];
  const { model, locations, graph, deployment } = buildModelText(text, file);
  const full = question === null ? null : { name: 'what-if', from: [], fail: [], controls: {}, ...question };
  const outcome = exportGraph(prepareModel(model, graph, deployment), locations, full, { onlyReached });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  return outcome.graph;
}

/** A model whose names and labels carry every character the text formats must escape. */
export const HOSTILE_MODEL = `name: 'evil "model" \\\\ <x> & #1 | \`tick\`'
organizations:
  - id: acme
    name: 'Acme "Quoted" \\\\ Corp <&> #2 | \`x\` %% end'
tenants:
  - id: acme-dir
    organizations: [acme]
subscriptions:
  - id: acme-sub
    tenant: acme-dir
    organizations: [acme]
hostPools:
  - id: end
    subscription: acme-sub
    type: pooled
users:
  - id: subgraph
    organization: acme
    hostPool: end
extra:
  nodes:
    - id: odd
      kind: data
      organization: acme
      label: "line one\\nline \\"two\\" \\\\ back <b>&amp;</b> #x; | \`y\` -->"
`;

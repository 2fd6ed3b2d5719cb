// Graphviz DOT for docs: every statement well formed whatever the labels hold, one cluster per
// organization, scenario marking, and byte-identical output.

import { describe, expect, it } from 'vitest';
import { dotString, formatDot } from '../../src/export/dot.js';
import { BUNDLED_MODELS } from '../support/model.js';
import { exportOf, HOSTILE_MODEL } from './helpers.js';

const STRING = String.raw`"(?:[^"\\\n]|\\.)*"`;
const ATTRS = String.raw`\[(?:[a-z]+=(?:${STRING}|[A-Za-z0-9.]+)(?:, )?)+\]`;
const STATEMENTS = [
  new RegExp(String.raw`^digraph ${STRING} \{$`),
  new RegExp(String.raw`^  (graph|node|edge) ${ATTRS};$`),
  new RegExp(String.raw`^  subgraph ${STRING} \{$`),
  new RegExp(String.raw`^    (label=${STRING}|style="rounded");$`),
  new RegExp(String.raw`^ {2,4}${STRING} ${ATTRS};$`),
  new RegExp(String.raw`^  ${STRING} -> ${STRING}( ${ATTRS})?;$`),
  /^ {0,2}\}$/,
];

/** Every line is one statement of the shapes the exporter writes, with each string properly closed. */
function malformed(dot: string): string[] {
  return dot
    .split('\n')
    .filter((line) => line !== '')
    .filter((line) => !STATEMENTS.some((pattern) => pattern.test(line)));
}

describe('DOT export', () => {
  it('escapes quotes, backslashes and line breaks', () => {
    expect(dotString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c\\nd"');
  });

  it.each(BUNDLED_MODELS)('%s: every line is a well-formed statement', (model) => {
    expect(malformed(formatDot(exportOf(model)))).toEqual([]);
  });

  it('hostile labels and names still give well-formed statements', () => {
    const dot = formatDot(exportOf({ text: HOSTILE_MODEL }, { from: ['subgraph'], fail: ['kernel'] }));
    expect(malformed(dot)).toEqual([]);
    expect(dot).toContain('label="line one\\nline \\"two\\" \\\\ back <b>&amp;</b> #x; | `y` -->"');
  });

  it('one cluster per organization; with a scenario, reached nodes filled and failed boundaries red', () => {
    const dot = formatDot(exportOf('cross-org-shared', { from: ['mallory'], fail: ['kernel'] }));
    expect(dot.match(/subgraph "cluster_\d+"/g)).toEqual(['subgraph "cluster_0"', 'subgraph "cluster_1"']);
    expect(dot).toContain('"mallory" [label="mallory", shape=ellipse, fillcolor="#f5b7b1", color="#c0392b", penwidth=2.5];');
    expect(dot).toContain('"shared-pool-vm1/unprivileged" -> "shared-pool-vm1" [label="\u2717 kernel", color="#c0392b", fontcolor="#c0392b", penwidth=2];');
    expect(dot).toContain('-> "shared-pool-vm1/sessions" [label="session", style=dashed');
  });

  it('--only-reached keeps the blast radius: reached nodes and attack edges only', () => {
    const graph = exportOf('cross-org-separated', { from: ['mallory'], fail: ['kernel'] }, true);
    expect(graph.nodes.every((n) => n.marking?.reached === true)).toBe(true);
    expect(graph.nodes.some((n) => n.organization === 'contoso')).toBe(false);
    expect(graph.edges.every((e) => e.attack)).toBe(true);
    expect(malformed(formatDot(graph))).toEqual([]);
  });

  it('is byte-identical for the same input', () => {
    const question = { from: ['mallory'], fail: ['kernel'] };
    expect(formatDot(exportOf('cross-org-shared', question))).toBe(formatDot(exportOf('cross-org-shared', question)));
  });
});

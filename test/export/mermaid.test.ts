// Mermaid for Markdown docs: generated node ids (no model id can break the syntax), labels quoted
// with entity codes, organization subgraphs, and failed boundaries styled by link index.

import { describe, expect, it } from 'vitest';
import { formatMermaid, mermaidString } from '../../src/export/mermaid.js';
import { BUNDLED_MODELS } from '../support/model.js';
import { exportOf, HOSTILE_MODEL } from './helpers.js';

const LABEL = '"[^"\\n]*"';
const NODE = `n\\d+(?:\\[${LABEL}\\]|\\(\\[${LABEL}\\]\\)|\\[\\(${LABEL}\\)\\]|\\{\\{${LABEL}\\}\\}|\\[/${LABEL}\\\\\\])`;
const STATEMENTS = [
  /^flowchart LR$/,
  /^ {2}%% [^\n]*$/,
  new RegExp(`^  subgraph org\\d+\\[${LABEL}\\]$`),
  /^ {2}end$/,
  new RegExp(`^ {2,4}${NODE}$`),
  new RegExp(`^  n\\d+ (-->|-\\.->|==>)(\\|${LABEL}\\|)? n\\d+$`),
  /^ {2}classDef [a-z]+ [^;]+;$/,
  /^ {2}class n\d+(,n\d+)* [a-z]+;$/,
  /^ {2}linkStyle \d+(,\d+)* [^;]+;$/,
];

function malformed(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .filter((line) => !STATEMENTS.some((pattern) => pattern.test(line)));
}

/** A label's text with Mermaid's entity codes decoded, as Mermaid shows it. */
function decode(label: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
  return label.slice(1, -1).replace(/#(\d+|[a-z]+);/g, (_, code: string) => (/^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : named[code]!));
}

describe('Mermaid export', () => {
  it('escapes every character that could end or alter a label, and decodes back to the text', () => {
    const text = 'a "b" #1 & <c> | `d`\ne';
    const escaped = mermaidString(text);
    expect(escaped).toBe('"a #quot;b#quot; #35;1 #amp; #lt;c#gt; #124; #96;d#96; e"');
    expect(decode(escaped)).toBe(text.replace('\n', ' '));
  });

  it.each(BUNDLED_MODELS)('%s: every line is a well-formed statement', (model) => {
    expect(malformed(formatMermaid(exportOf(model)))).toEqual([]);
  });

  it('hostile ids (`end`, `subgraph`) and labels cannot break the syntax', () => {
    const text = formatMermaid(exportOf({ text: HOSTILE_MODEL }, { from: ['subgraph'], fail: ['kernel'] }));
    expect(malformed(text)).toEqual([]);
    expect(text).not.toMatch(/^\s+end\[/m);
  });

  it('scenario: footholds, reached nodes and failed or attack edges styled; link indices are the edges\u2019', () => {
    const graph = exportOf('cross-org-shared', { from: ['mallory'], fail: ['kernel'] });
    const text = formatMermaid(graph);
    const links = text.split('\n').filter((l) => /^ {2}n\d+ (-->|-\.->|==>)/.test(l));
    expect(links).toHaveLength(graph.edges.length);
    const styled = text.match(/linkStyle ([\d,]+) /)![1]!.split(',').map(Number);
    expect(styled).toEqual(graph.edges.flatMap((e, i) => (e.failed || e.attack ? [i] : [])));
    for (const i of graph.edges.flatMap((e, j) => (e.failed ? [j] : []))) expect(links[i]).toContain('==>');
    expect(text).toMatch(/^ {2}class n\d+ foothold;$/m);
  });

  it('is byte-identical for the same input', () => {
    expect(formatMermaid(exportOf('cross-org-separated', { from: ['mallory'] }))).toBe(formatMermaid(exportOf('cross-org-separated', { from: ['mallory'] })));
  });
});

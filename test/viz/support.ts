// Shared helpers for the diagram and viewer tests: render a bundled model × scenario the way the
// CLI does, and a small XML reader that lists element names and decoded text, so tests can check
// what a browser would build from an SVG without string-matching markup.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { diagramOf } from '../../src/cli/commands/diagram.js';
import { loadModel, loadScenario } from '../../src/cli/load.js';
import { DEFAULT_GENERATE, generateModel } from '../../src/generate/generate-model.js';
import { seededRandom } from '../../src/generate/random.js';
import { renderDiagramSvg, type DiagramOptions } from '../../viz/diagram/render.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Each bundled model with the scenarios that tell its story. */
export const GOLDEN_CASES = [
  ['cross-org-shared', 'kernel-0day'],
  ['cross-org-shared', 'browser-exploit'],
  ['cross-org-separated', 'kernel-0day'],
  ['cross-org-separated', 'shared-tenant-admin'],
  ['single-org-pooled', 'malicious-local-admin'],
  ['admins-personal', 'malicious-local-admin'],
] as const;

export function drawScenario(model: string, scenario: string, options: DiagramOptions = {}) {
  const loaded = loadModel(`${ROOT}models/${model}.yaml`);
  const s = loadScenario(`${ROOT}scenarios/${scenario}.yaml`);
  const drawn = diagramOf(loaded, { name: s.name, from: s.from, fail: s.fail, controls: s.controls });
  if (!drawn.ok) throw new Error(`cannot draw ${model} × ${scenario}: ${JSON.stringify(drawn.problems)}`);
  return { loaded, drawn, svg: renderDiagramSvg(drawn.structure, drawn.state, options) };
}

/** A bundled model drawn from `from` with `fail` failed (no scenario file). */
export function drawModel(model: string, from: string[], fail: string[]) {
  const loaded = loadModel(`${ROOT}models/${model}.yaml`);
  const drawn = diagramOf(loaded, { name: 'what-if', from, fail, controls: {} });
  if (!drawn.ok) throw new Error(`cannot draw ${model}: ${JSON.stringify(drawn.problems)}`);
  return drawn;
}

/**
 * The generator's 5-organization model (200 users, pools on shared physical hosts) with org1's workers
 * as the foothold and kernel and hypervisor failed: the path leaves org1 through a shared host.
 */
export function drawGeneratedFive() {
  const model = generateModel({ ...DEFAULT_GENERATE, organizations: 5, users: 200, sharedHosts: true, sharedTenant: false, usersPerVm: 12 }, seededRandom(1));
  const file = join(mkdtempSync(join(tmpdir(), 'indepth-five-')), 'five.yaml');
  writeFileSync(file, stringify(model, { aliasDuplicateObjects: false }));
  const loaded = loadModel(file);
  const drawn = diagramOf(loaded, { name: 'kernel-and-vm', from: ['org1-workers'], fail: ['kernel', 'vm'], controls: {} });
  if (!drawn.ok) throw new Error(`cannot draw the generated model: ${JSON.stringify(drawn.problems)}`);
  return { loaded, drawn };
}

export interface XmlSummary {
  readonly elements: readonly string[];
  readonly attributes: readonly string[];
  /** Decoded text of every text node (and attribute value), in document order. */
  readonly texts: readonly string[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`unknown entity ${whole}`);
    return value;
  });
}

/** A strict reader for the XML subset the renderer writes; throws on anything malformed. */
export function readXml(xml: string): XmlSummary {
  const elements: string[] = [];
  const attributes: string[] = [];
  const texts: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const token = /<\/([A-Za-z][\w.:-]*)\s*>|<([A-Za-z][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let at = 0;
  while (at < body.length) {
    token.lastIndex = at;
    match = token.exec(body);
    if (match === null) throw new Error(`malformed XML at ${at}: ${JSON.stringify(body.slice(at, at + 40))}`);
    at = token.lastIndex;
    const [, close, open, attrs, selfClose, text] = match;
    if (close !== undefined) {
      if (stack.pop() !== close) throw new Error(`mismatched </${close}>`);
    } else if (open !== undefined) {
      elements.push(open);
      for (const a of (attrs ?? '').matchAll(/([A-Za-z_][\w.:-]*)="([^"]*)"/g)) {
        attributes.push(a[1]!);
        texts.push(decode(a[2]!));
      }
      if (selfClose !== '/') stack.push(open);
    } else if (text !== undefined && text.trim() !== '') {
      texts.push(decode(text.trim()));
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  return { elements, attributes, texts };
}

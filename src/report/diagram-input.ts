// A reach run → the plain DiagramInput a diagram state is built from. The CLI and the in-browser
// viewer both call this with the same engine result, so the picture cannot drift between them; each
// supplies its own way to label a hop (the CLI from the graph, the viewer from its embedded tables).

import type { CompiledGraph } from '../compile/compile.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { explainPath, type Hop as EngineHop, type ReachResult } from '../engine/reach.js';
import type { Hop } from '../analyze/what-if-types.js';
import { ACCESS_MODES, type Access, type Classification } from '../model/types.js';
import type { DiagramData, DiagramFoothold, DiagramInput } from './diagram-types.js';

export interface ReachForDiagram {
  readonly compiled: CompiledGraph;
  readonly result: ReachResult;
  /** Per instance: 1 when failed (the scenario the run used). */
  readonly failed: Uint8Array;
  readonly scenario: string;
  readonly from: readonly string[];
  readonly fail: readonly string[];
  readonly controls: Readonly<Record<string, boolean>>;
  readonly footholds: readonly DiagramFoothold[];
  readonly toHop: (hop: EngineHop) => Hop;
  readonly dataInfo: (node: string) => { readonly organization: string; readonly classification: Classification };
}

const DATA = NODE_KINDS.indexOf('data');

export function diagramInputFromReach(r: ReachForDiagram): DiagramInput {
  const { compiled, result } = r;
  const controlled: string[] = [];
  const accessed: [string, Access[]][] = [];
  const data: DiagramData[] = [];
  // Node indices follow sorted ids, so these lists come out sorted.
  for (let v = 0; v < compiled.nodeCount; v++) {
    const bits = result.access[v]!;
    if (bits === 0) continue;
    const id = compiled.nodeIds[v]!;
    if (result.controlled[v] === 1) controlled.push(id);
    else accessed.push([id, ACCESS_MODES.filter((_, i) => (bits & (1 << i)) !== 0)]);
    if (compiled.nodeKind[v] === DATA) {
      const path = (explainPath(compiled, result, v) ?? []).map(r.toHop);
      data.push({ id, ...r.dataInfo(id), path });
    }
  }
  const failedInstances: string[] = [];
  r.failed.forEach((f, i) => {
    if (f === 1) failedInstances.push(compiled.instanceIds[i]!);
  });
  return {
    scenario: r.scenario,
    from: [...r.from],
    fail: [...r.fail],
    controls: { ...r.controls },
    footholds: [...r.footholds],
    failedInstances,
    controlled,
    accessed,
    data,
  };
}

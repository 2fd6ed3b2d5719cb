// The interactive what-if viewer (bundled by esbuild into one inline script). It unpacks each
// model's engine records from the embedded columns and runs the CLI's own engine on them: compile →
// reach on every toggle, depth by boundary type per foothold, the same diagram renderer as
// `indepth diagram`. Every name is data: it reaches the page only as text nodes.

import type { CompiledGraph } from '../../src/compile/compile.js';
import { NODE_KINDS } from '../../src/domain/kinds.js';
import { BOUNDARY_DESCRIPTIONS, BOUNDARY_TYPES, type BoundaryType } from '../../src/domain/boundary.js';
import { CONTROL_DESCRIPTIONS, CONTROL_NAMES, type ControlName } from '../../src/domain/controls.js';
import { depthByType, minimalTypeSets, typeDepth, type TypeDepthResult } from '../../src/engine/depth-by-type.js';
import { explainPath, reach, type Hop as EngineHop, type ReachResult } from '../../src/engine/reach.js';
import { controlMask, resolveFailures } from '../../src/engine/scenario.js';
import type { Hop } from '../../src/analyze/what-if-types.js';
import { diagramInputFromReach } from '../../src/report/diagram-input.js';
import { buildDiagramState, pathStepsOf } from '../../src/report/diagram-state.js';
import type { DiagramElement, DiagramFoothold, DiagramState, PathStep } from '../../src/report/diagram-types.js';
import type { ViewerModel, ViewerPayload } from '../../src/report/diagram-viewer-data.js';
import { unpackViewerModel } from '../../src/report/diagram-viewer-unpack.js';
import { renderDiagram } from '../diagram/render.js';
import { palette } from '../diagram/palette.js';
import { el } from '../svg/tree.js';
import { formatSet } from '../../src/report/sets-text.js';
import { doc, h, toDom, type DomElement, type InputElement, type SelectElement } from './dom.js';
import { byNaturalOrder } from '../../src/util/string-order.js';
import { bindPanZoom, type PanZoom } from './pan-zoom.js';

interface Panel {
  readonly index: number;
  readonly model: ViewerModel;
  readonly compiled: CompiledGraph;
  readonly elements: ReadonlyMap<string, DiagramElement>;
  readonly failed: Set<string>;
  readonly depthCache: Map<string, TypeDepthResult>;
  /** Instance ids by boundary type, in natural order (computed once: a large model has many). */
  readonly byType: Map<BoundaryType, string[]>;
  run: { result: ReachResult; state: DiagramState; footholds: DiagramFoothold[] } | null;
  hover: string | null;
  readonly zoom: PanZoom;
  readonly view: {
    readonly headline: DomElement;
    readonly orgs: DomElement;
    readonly diagram: DomElement;
    readonly table: DomElement;
    readonly note: DomElement;
  };
}

const payload = JSON.parse(doc().getElementById('indepth-data')!.textContent ?? '{}') as ViewerPayload;
const controls: Record<ControlName, boolean> = { ...payload.models[0]!.controls, ...payload.initial.controls };
let footholdNames: string[] = [];
let foothold = '';
// Two models: side by side (each diagram at half width, zoomable) or one above the other (full width).
let layout: 'side' | 'stacked' = 'side';

const typeInputs = new Map<BoundaryType, InputElement>();
const instanceInputs: Map<string, InputElement>[] = [];
const details = h('div', { id: 'details', class: 'details' }, h('p', { class: 'hint' }, 'Hover a box in a diagram or a data row to see its details and its attack path.'));
const panels: Panel[] = [];

void start();

/** Unpacks the models (seconds at a million nodes, said on the page meanwhile), then draws. */
async function start(): Promise<void> {
  const host = doc().getElementById('panels')!;
  const nodes = payload.models.reduce((sum, m) => sum + m.counts.nodes, 0);
  host.replaceChildren(h('p', { class: 'hint', id: 'loading' }, `Unpacking ${nodes.toLocaleString('en-US')} nodes and compiling them…`));
  let models: ViewerModel[];
  try {
    models = [];
    for (const packed of payload.models) models.push(await unpackViewerModel(packed));
  } catch (error) {
    host.replaceChildren(h('p', { class: 'note' }, `This page's data is damaged and cannot be read: ${error instanceof Error ? error.message : String(error)}`));
    doc().body.setAttribute('data-ready', 'error');
    return;
  }
  host.replaceChildren();
  footholdNames = [...new Set(models.flatMap((m) => m.footholds.map((f) => f.name)))];
  // Default foothold: an attacker of interest — the first organization's standard users — not a victim.
  const firstOrganization = models[0]?.structure.organizations.find((o) => footholdNames.includes(o.id))?.id;
  foothold = payload.initial.from ?? firstOrganization ?? footholdNames[0] ?? '';
  models.forEach((model, index) => panels.push(makePanel(model, index)));
  buildSidebar();
  for (const panel of panels) applyInitialFailures(panel);
  renderAll();
  doc().body.setAttribute('data-ready', 'true');
}

function makePanel(model: ViewerModel, index: number): Panel {
  const compiled = model.compiled;
  const elements = new Map<string, DiagramElement>();
  const walk = (e: DiagramElement) => {
    elements.set(e.id, e);
    e.children.forEach(walk);
  };
  walk(model.structure.root);
  const view = {
    headline: h('p', { class: 'headline', 'data-testid': `headline-${index}` }),
    orgs: h('div', { class: 'orgs' }),
    diagram: h('div', { class: 'diagram' }),
    table: h('tbody'),
    note: h('p', { class: 'note' }),
  };
  const zoom = bindPanZoom(view.diagram, index);
  const section = h(
    'section',
    { class: 'panel', 'data-model': model.name },
    h('h2', {}, model.name),
    h('p', { class: 'description' }, model.description),
    view.headline,
    view.note,
    view.orgs,
    zoom.toolbar,
    view.diagram,
    h(
      'table',
      { class: 'data' },
      h('thead', {}, h('tr', {}, ...['data store', 'organization', 'classification', 'reached now', 'depth', 'minimal failure sets (types)'].map((t) => h('th', {}, t)))),
      view.table,
    ),
  );
  doc().getElementById('panels')!.appendChild(section);
  const panel: Panel = {
    index,
    model,
    compiled,
    elements,
    failed: new Set(),
    depthCache: new Map(),
    byType: instancesByType(compiled),
    run: null,
    hover: null,
    zoom,
    view,
  };
  view.diagram.addEventListener('mouseover', (event) => {
    const target = (event.target as DomElement | null)?.closest?.('[data-el]') ?? null;
    const id = target?.getAttribute('data-el') ?? null;
    if (id !== null) hoverElement(panel, id);
  });
  view.diagram.addEventListener('mouseleave', () => setHover(panel, null));
  view.table.addEventListener('mouseover', (event) => {
    const row = (event.target as DomElement | null)?.closest?.('tr[data-node]') ?? null;
    const node = row?.getAttribute('data-node') ?? null;
    if (node !== null) setHover(panel, node);
  });
  return panel;
}

function applyInitialFailures(panel: Panel): void {
  const resolved = resolveFailures(panel.compiled, payload.initial.fail.filter((spec) => knownSpec(panel.compiled, spec)));
  if (!resolved.ok) return;
  resolved.failed.forEach((f, i) => {
    if (f === 1) panel.failed.add(panel.compiled.instanceIds[i]!);
  });
}

function knownSpec(compiled: CompiledGraph, spec: string): boolean {
  return resolveFailures(compiled, [spec]).ok;
}

function buildSidebar(): void {
  const sidebar = doc().getElementById('sidebar')!;
  const select = h('select', { id: 'foothold', 'aria-label': 'attacker foothold' }) as SelectElement;
  const labels = new Map<string, string>();
  for (const p of panels) for (const f of p.model.footholds) if (!labels.has(f.name)) labels.set(f.name, f.label);
  for (const name of footholdNames) {
    const label = labels.get(name) ?? name;
    const option = h('option', { value: name }, label);
    if (name === foothold) option.setAttribute('selected', '');
    select.appendChild(option);
  }
  select.value = foothold;
  select.addEventListener('change', () => {
    foothold = select.value;
    renderAll();
  });
  sidebar.appendChild(h('section', {}, h('h2', {}, 'Attacker foothold'), select));
  if (panels.length > 1) sidebar.appendChild(layoutChoice());

  const types = BOUNDARY_TYPES.filter((t) => panels.some((p) => instancesOfType(p, t).length > 0));
  const typeList = h('div', { class: 'toggles' });
  for (const type of types) {
    const input = h('input', { type: 'checkbox', 'data-type': type, id: `type-${type}` }) as InputElement;
    input.addEventListener('change', () => {
      for (const p of panels) for (const id of instancesOfType(p, type)) input.checked ? p.failed.add(id) : p.failed.delete(id);
      renderAll();
    });
    typeInputs.set(type, input);
    const count = panels.map((p) => instancesOfType(p, type).length).join(' / ');
    const label = h('label', { for: `type-${type}`, title: BOUNDARY_DESCRIPTIONS[type] }, input, h('span', { class: 'name' }, type), h('span', { class: 'count' }, count));
    typeList.appendChild(label);
  }
  sidebar.appendChild(h('section', {}, h('h2', {}, 'Failed boundary types'), h('p', { class: 'hint' }, panels.length > 1 ? 'A 0-day fails every instance of a type. Beside each type: how many boundary instances of it each model has (left / right).' : 'A 0-day fails every instance of a type. Beside each type: how many boundary instances of it the model has.'), typeList));

  const controlList = h('div', { class: 'toggles' });
  for (const name of CONTROL_NAMES) {
    const input = h('input', { type: 'checkbox', 'data-control': name, id: `control-${name}` }) as InputElement;
    input.checked = controls[name];
    input.addEventListener('change', () => {
      controls[name] = input.checked;
      renderAll();
    });
    controlList.appendChild(h('label', { for: `control-${name}`, title: CONTROL_DESCRIPTIONS[name] }, input, h('span', { class: 'name' }, name)));
  }
  sidebar.appendChild(h('section', {}, h('h2', {}, 'Controls'), controlList));

  const instances = h('section', {}, h('h2', {}, 'Boundary instances'));
  for (const p of panels) {
    const inputs = new Map<string, InputElement>();
    const box = h('details', { class: 'instances' }, h('summary', {}, `${p.model.name} (${p.compiled.instanceCount})`));
    instanceInputs.push(inputs);
    instances.appendChild(box);
    // A large model lists its instances by a filter, a few hundred at a time (a checkbox for each of
    // 190,000 instances takes Chromium half a minute to lay out).
    if (p.compiled.instanceCount <= FULL_INSTANCE_LIST) {
      for (const type of BOUNDARY_TYPES) {
        const ids = instancesOfType(p, type);
        if (ids.length > 0) box.appendChild(instanceGroup(p, type, ids, inputs));
      }
    } else {
      box.addEventListener('toggle', () => {
        if (box.querySelector('input') === null) filteredInstances(p, box, inputs);
      });
    }
  }
  sidebar.appendChild(instances);
  sidebar.appendChild(h('section', {}, h('h2', {}, 'Details'), details));
}

/** Instance lists up to this long are listed whole; longer ones by a filter, at most this many shown. */
const FULL_INSTANCE_LIST = 2000;
const SHOWN_INSTANCES = 500;

function instanceGroup(p: Panel, type: BoundaryType, ids: readonly string[], inputs: Map<string, InputElement>): DomElement {
  const group = h('div', { class: 'instance-group' }, h('h3', {}, type));
  for (const id of ids) {
    const input = h('input', { type: 'checkbox', 'data-instance': id, 'data-model': String(p.index) }) as InputElement;
    input.checked = p.failed.has(id);
    input.addEventListener('change', () => {
      input.checked ? p.failed.add(id) : p.failed.delete(id);
      renderAll();
    });
    inputs.set(id, input);
    group.appendChild(h('label', {}, input, h('span', {}, id)));
  }
  return group;
}

/** A filter box over a large model's instances (id contains the text) and the first matches. */
function filteredInstances(p: Panel, box: DomElement, inputs: Map<string, InputElement>): void {
  const search = h('input', { type: 'search', class: 'filter', placeholder: 'filter: part of an id (kernel@pool1-vm3)', 'aria-label': `filter the boundary instances of ${p.model.name}` }) as InputElement;
  const note = h('p', { class: 'hint' });
  const list = h('div', {});
  const show = () => {
    const text = search.value.trim();
    inputs.clear();
    const groups: DomElement[] = [];
    let shown = 0;
    let matching = 0;
    for (const type of BOUNDARY_TYPES) {
      const ids = instancesOfType(p, type).filter((id) => id.includes(text));
      matching += ids.length;
      const room = Math.min(ids.length, SHOWN_INSTANCES - shown);
      if (room <= 0) continue;
      groups.push(instanceGroup(p, type, ids.slice(0, room), inputs));
      shown += room;
    }
    list.replaceChildren(...groups);
    note.textContent = matching > shown ? `${shown.toLocaleString('en-US')} of ${matching.toLocaleString('en-US')} instances shown: filter to find the others.` : `${matching.toLocaleString('en-US')} instance${matching === 1 ? '' : 's'}.`;
  };
  search.addEventListener('input', show);
  box.appendChild(search);
  box.appendChild(note);
  box.appendChild(list);
  show();
}

/** Side by side or one above the other: the second gives each diagram the full width. */
function layoutChoice(): DomElement {
  const select = h('select', { id: 'layout', 'aria-label': 'panel layout' }, h('option', { value: 'side' }, 'side by side'), h('option', { value: 'stacked' }, 'one above the other')) as SelectElement;
  select.value = layout;
  select.addEventListener('change', () => {
    layout = select.value === 'stacked' ? 'stacked' : 'side';
    doc().getElementById('panels')!.className = layout === 'side' ? 'two' : 'one';
    renderAll();
  });
  return h('section', {}, h('h2', {}, 'Layout'), select, h('p', { class: 'hint' }, 'Each diagram zooms on its own: wheel or + / −, drag to pan, double click to fit.'));
}

function instancesOfType(panel: Panel, type: BoundaryType): readonly string[] {
  return panel.byType.get(type) ?? [];
}

function instancesByType(compiled: CompiledGraph): Map<BoundaryType, string[]> {
  const out = new Map<BoundaryType, string[]>();
  compiled.instanceIds.forEach((id, i) => {
    const type = BOUNDARY_TYPES[compiled.instanceType[i]!]!;
    const list = out.get(type);
    if (list === undefined) out.set(type, [id]);
    else list.push(id);
  });
  // Listed for people: `kernel@pool-vm2` before `kernel@pool-vm10`.
  for (const ids of out.values()) ids.sort(byNaturalOrder);
  return out;
}

function renderAll(): void {
  for (const [type, input] of typeInputs) {
    const all = panels.flatMap((p) => instancesOfType(p, type).map((id) => p.failed.has(id)));
    const on = all.filter(Boolean).length;
    input.checked = on > 0 && on === all.length;
    input.indeterminate = on > 0 && on < all.length;
  }
  panels.forEach((p, i) => {
    for (const [id, input] of instanceInputs[i]!) input.checked = p.failed.has(id);
  });
  for (const panel of panels) renderPanel(panel);
}

function renderPanel(panel: Panel): void {
  const { model, compiled, view } = panel;
  const choice = model.footholds.find((f) => f.name === foothold);
  if (choice === undefined) {
    panel.run = null;
    view.headline.textContent = `${foothold} does not exist in ${model.name}`;
    view.note.textContent = '';
    view.orgs.replaceChildren();
    view.diagram.replaceChildren();
    view.table.replaceChildren();
    return;
  }
  const sources = choice.nodes.map((id) => compiled.nodeIndex.get(id)!);
  const failed = new Uint8Array(compiled.instanceCount);
  for (const id of panel.failed) failed[compiled.instanceIndex.get(id)!] = 1;
  const mask = controlMask(controls);
  const result = reach(compiled, sources, { failed, controls: mask });
  const footholds = choice.nodes.map((id) => ({ id, label: labelOf(panel, id), organization: organizationOf(compiled, id) }));
  const input = diagramInputFromReach({
    compiled,
    result,
    failed,
    scenario: 'what-if',
    from: [choice.name],
    fail: [...panel.failed].sort(),
    controls: { ...controls },
    footholds,
    toHop: (hop) => toHop(panel, hop),
    dataInfo: (id) => ({ organization: organizationOf(compiled, id) ?? '', classification: model.classification.get(id) ?? 'confidential' }),
  });
  const state = buildDiagramState(model.structure, input);
  panel.run = { result, state, footholds };

  view.headline.textContent = state.headline;
  const failedCount = panel.failed.size;
  let reachedCount = 0;
  for (const a of result.access) if (a !== 0) reachedCount++;
  view.note.replaceChildren(
    h('span', {}, `${failedCount} failed boundary instance${failedCount === 1 ? '' : 's'} · `),
    h('span', { 'data-testid': `reached-${panel.index}` }, String(reachedCount)),
    h('span', {}, ' nodes reached'),
  );

  const pal = palette(model.structure.organizations);
  view.orgs.replaceChildren(
    ...state.organizations.map((org) =>
      h(
        'div',
        { class: `org${!org.attacker && org.dataReached > 0 ? ' exposed' : ''}`, 'data-org': org.id },
        toDom(el('svg', { width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': 'true' }, [el('rect', { width: 12, height: 12, rx: 2, fill: pal.org(org.id) })])),
        h('span', { class: 'org-name' }, org.name),
        h('span', { class: 'count', 'data-testid': `count-${panel.index}-${org.id}` }, `${org.dataReached}/${org.dataTotal}`),
        h('span', { class: 'unit' }, org.attacker ? 'data reached · attacker' : org.authorizedReached > 0 ? `data reached · ${org.authorizedReached} authorized, not counted` : 'data reached'),
      ),
    ),
  );
  drawDiagram(panel);
  renderTable(panel, sources, mask);
  if (panel.hover !== null) showDetails(panel, panel.hover);
}

function drawDiagram(panel: Panel): void {
  const run = panel.run;
  if (run === null) return;
  let state = run.state;
  if (panel.hover !== null) {
    const v = panel.compiled.nodeIndex.get(panel.hover);
    const path = v === undefined ? null : explainPath(panel.compiled, run.result, v);
    if (path !== null) {
      state = {
        ...state,
        path: {
          target: { id: panel.hover, label: labelOf(panel, panel.hover), organization: '', classification: 'public' },
          steps: pathStepsOf(panel.model.structure, run.footholds, panel.hover, path.map((hop) => toHop(panel, hop))),
        },
      };
    }
  }
  const width = panels.length > 1 && layout === 'side' ? 900 : 1200;
  panel.view.diagram.replaceChildren(toDom(renderDiagram(panel.model.structure, state, { caption: false, sidePanel: false, width })));
  panel.zoom.apply();
}

function renderTable(panel: Panel, sources: number[], mask: number): void {
  const { model, compiled, run } = panel;
  if (run === null) return;
  const key = `${sources.join(',')}|${mask}`;
  let depth = panel.depthCache.get(key);
  if (depth === undefined) {
    depth = depthByType(compiled, sources, mask);
    panel.depthCache.set(key, depth);
  }
  const rows = model.dataStores.map((store) => {
    const nodes = store.nodes.map((id) => compiled.nodeIndex.get(id)!);
    const reached = nodes.filter((v) => run.result.access[v] !== 0).length;
    const depths = nodes.map((v) => typeDepth(depth!, v)).filter((d): d is number => d !== null);
    const minDepth = depths.length === 0 ? null : Math.min(...depths);
    const maxDepth = depths.length === 0 ? null : Math.max(...depths);
    const depthText = minDepth === null ? 'unreachable' : minDepth === maxDepth ? String(minDepth) : `${minDepth}–${maxDepth}`;
    // A store with one node per user: the sets of the users that need a failure (their own needs none).
    const nonEmpty = [...new Set(nodes.flatMap((v) => minimalTypeSets(depth!, v).filter((s) => s.length > 0).map((s) => formatSet(s))))];
    const sets = nonEmpty.length > 0 ? nonEmpty : minDepth === 0 ? ['no failure'] : [];
    const first = nodes.find((v) => run.result.access[v] !== 0) ?? nodes[0]!;
    const status = reached === 0 ? '—' : nodes.length > 1 ? `${reached}/${nodes.length} reached` : 'reached';
    const org = model.structure.organizations.find((o) => o.id === store.organization)?.name ?? store.organization;
    return h(
      'tr',
      { 'data-node': compiled.nodeIds[first]!, 'data-store': store.id, class: reached > 0 ? 'reached' : '' },
      h('td', {}, store.id),
      h('td', {}, org),
      h('td', { class: `cls ${store.classification}` }, store.classification),
      h('td', { class: 'status' }, status),
      h('td', { class: 'depth', 'data-testid': `depth-${panel.index}-${store.id}` }, depthText),
      h('td', { class: 'sets' }, sets.length === 0 ? '—' : sets.slice(0, 4).join(' or ') + (sets.length > 4 ? ` or ${sets.length - 4} more` : '')),
    );
  });
  panel.view.table.replaceChildren(...rows);
}

function labelOf(panel: Panel, id: string): string {
  const v = panel.compiled.nodeIndex.get(id);
  return (v === undefined ? undefined : panel.model.labels[v]) ?? id;
}

function organizationOf(compiled: CompiledGraph, id: string): string | null {
  const v = compiled.nodeIndex.get(id);
  const org = v === undefined ? -1 : compiled.nodeOrganization[v]!;
  return org < 0 ? null : compiled.organizationIds[org]!;
}

function toHop(panel: Panel, hop: EngineHop): Hop {
  const { compiled } = panel;
  const rule = compiled.ruleIds[compiled.edgeRule[hop.edge]!] ?? '';
  const to = compiled.nodeIds[hop.to]!;
  return { from: compiled.nodeIds[hop.from]!, to, label: labelOf(panel, to), boundary: hop.boundary, instance: hop.instance, rule };
}

function hoverElement(panel: Panel, elementId: string): void {
  const e = panel.elements.get(elementId.split('+')[0]!);
  if (e === undefined || e.nodes.length === 0) return;
  const reachedNode = e.nodes.find((id) => {
    const v = panel.compiled.nodeIndex.get(id);
    return v !== undefined && panel.run !== null && panel.run.result.access[v] !== 0;
  });
  setHover(panel, reachedNode ?? e.nodes[0]!);
}

function setHover(panel: Panel, node: string | null): void {
  if (panel.hover === node) return;
  panel.hover = node;
  drawDiagram(panel);
  if (node !== null) showDetails(panel, node);
}

function showDetails(panel: Panel, node: string): void {
  const { compiled, model, run } = panel;
  const v = compiled.nodeIndex.get(node);
  if (v === undefined || run === null) return;
  const org = organizationOf(compiled, node);
  const orgName = org === null ? 'shared' : (model.structure.organizations.find((o) => o.id === org)?.name ?? org);
  const access = run.result.access[v]!;
  const status = access === 0 ? 'not reached' : run.result.controlled[v] === 1 ? 'controlled by the attacker' : 'accessible to the attacker (without control)';
  const children = [
    h('h3', {}, labelOf(panel, node)),
    h('p', { class: 'meta' }, `${NODE_KINDS[compiled.nodeKind[v]!]} · ${orgName} · ${model.name}`),
    h('p', { class: 'meta' }, node),
    h('p', { class: `status${access === 0 ? '' : ' reached'}` }, status),
  ];
  const path = explainPath(compiled, run.result, v);
  if (path !== null) {
    const steps = pathStepsOf(model.structure, run.footholds, node, path.map((hop) => toHop(panel, hop)));
    children.push(h('ol', { class: 'path', start: '0' }, ...steps.map((s) => stepItem(s))));
  }
  details.replaceChildren(...children);
}

function stepItem(step: PathStep): DomElement {
  return h(
    'li',
    { class: step.instance === null ? '' : 'failed' },
    step.step === 0 ? `${step.label} (foothold)` : step.label,
    step.instance === null ? null : h('span', { class: 'fails' }, ` ✗ ${step.instance} fails`),
  );
}

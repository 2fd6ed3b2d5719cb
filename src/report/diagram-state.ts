// One what-if laid over a diagram structure: how much of each box is reached, which boundary walls
// failed, the numbered explanation path of the most severe reach, and the headline that says it in
// one sentence ("fabrikam reaches 14 contoso data stores through 1 failed kernel boundary").

import type { Hop } from '../analyze/what-if-types.js';
import type { Access, Classification } from '../model/types.js';
import type {
  DiagramData,
  DiagramFoothold,
  DiagramElement,
  DiagramInput,
  DiagramState,
  DiagramStructure,
  ElementReach,
  OrganizationSummary,
  PathStep,
} from './diagram-types.js';

const SEVERITY: Readonly<Record<Classification, number>> = { restricted: 3, confidential: 2, internal: 1, public: 0 };

export function buildDiagramState(structure: DiagramStructure, input: DiagramInput): DiagramState {
  const controlled = new Set(input.controlled);
  const accessed = new Map(input.accessed.map(([id, access]) => [id, access] as const));
  const isReached = (node: string) => controlled.has(node) || accessed.has(node);

  const reach: Record<string, ElementReach> = {};
  visit(structure.root, (el) => {
    if (el.nodes.length === 0) return;
    let reached = 0;
    let anyControlled = false;
    const access = new Set<Access>();
    for (const node of el.nodes) {
      if (controlled.has(node)) {
        reached++;
        anyControlled = true;
      } else if (accessed.has(node)) {
        reached++;
        for (const a of accessed.get(node)!) access.add(a);
      }
    }
    reach[el.id] = { reached, total: el.nodes.length, controlled: anyControlled, access: anyControlled ? [] : ACCESS_ORDER.filter((a) => access.has(a)) };
  });

  const attackerOrgs = unique(input.footholds.flatMap((f) => (f.organization === null ? [] : [f.organization])));
  // Another organization's data every attacker organization is authorized for is reached legitimately:
  // all of it, or only read where it may only read (per access kind, src/analyze/authorization.ts).
  const onlyRead = (node: string) => !controlled.has(node) && (accessed.get(node) ?? []).every((a) => a === 'read');
  const authorizedSets = attackerOrgs.map((a) => {
    const org = structure.organizations.find((o) => o.id === a);
    return { all: new Set(org?.authorizedData ?? []), read: new Set(org?.readOnlyData ?? []) };
  });
  const authorized = (node: string) => authorizedSets.length > 0 && authorizedSets.every((set) => set.all.has(node) || (set.read.has(node) && onlyRead(node)));
  const organizations: OrganizationSummary[] = structure.organizations.map((org) => {
    const attacker = attackerOrgs.includes(org.id);
    const reached = org.dataNodes.filter(isReached);
    const legitimate = attacker ? 0 : reached.filter(authorized).length;
    return { id: org.id, name: org.name, attacker, dataReached: reached.length - legitimate, dataTotal: org.dataNodes.length, authorizedReached: legitimate };
  });

  const ranked = [...input.data].sort(bySeverity(new Set(attackerOrgs)));
  const target = ranked[0] ?? null;
  const footholdElements = unique(input.footholds.flatMap((f) => structure.nodeElement[f.id] ?? []));
  return {
    title: `${input.scenario} on ${structure.model}`,
    headline: headline(input, organizations, ranked),
    facts: facts(input),
    footholdElements,
    failedInstances: [...input.failedInstances],
    reach,
    path: {
      target:
        target === null
          ? null
          : { id: target.id, label: target.path[target.path.length - 1]?.label ?? target.id, organization: target.organization, classification: target.classification },
      steps: target === null ? [] : pathSteps(structure, input, target),
    },
    organizations,
  };
}

const ACCESS_ORDER: readonly Access[] = ['control', 'read', 'tamper', 'deny'];

/** Most severe first: classification, then other organizations' data, then paths through more failures, then shorter. */
function bySeverity(attackerOrgs: ReadonlySet<string>): (a: DiagramData, b: DiagramData) => number {
  return (a, b) =>
    SEVERITY[b.classification] - SEVERITY[a.classification] ||
    Number(attackerOrgs.has(a.organization)) - Number(attackerOrgs.has(b.organization)) ||
    failuresOf(b).length - failuresOf(a).length ||
    a.path.length - b.path.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function failuresOf(data: DiagramData): string[] {
  return unique(data.path.flatMap((hop) => (hop.instance === null ? [] : [hop.instance])));
}

function pathSteps(structure: DiagramStructure, input: DiagramInput, target: DiagramData): PathStep[] {
  return pathStepsOf(structure, input.footholds, target.id, target.path);
}

/** Numbered steps of an explanation path: 0 is the foothold it starts from (the target itself if it is one). */
export function pathStepsOf(structure: DiagramStructure, footholds: readonly DiagramFoothold[], target: string, path: readonly Hop[]): PathStep[] {
  const start = path[0]?.from ?? target;
  const foothold = footholds.find((f) => f.id === start);
  const steps: PathStep[] = [{ step: 0, node: start, label: foothold?.label ?? start, element: structure.nodeElement[start] ?? null, instance: null, rule: null }];
  path.forEach((hop, i) => {
    steps.push({ step: i + 1, node: hop.to, label: hop.label, element: structure.nodeElement[hop.to] ?? null, instance: hop.instance, rule: hop.rule });
  });
  return steps;
}

function headline(input: DiagramInput, organizations: readonly OrganizationSummary[], ranked: readonly DiagramData[]): string {
  const exposed = organizations.filter((o) => !o.attacker && o.dataReached > 0);
  const attackerOrgs = organizations.filter((o) => o.attacker).map((o) => o.id);
  const who = input.from.map((name) => input.footholds.find((f) => f.id === name)?.label ?? name);
  const named = who.length === 0 ? 'the attacker' : listOf(who.length > 3 ? [...who.slice(0, 2), `${who.length - 2} more`] : who);
  // One subject whatever the outcome: the foothold as the user named it, with its organization when
  // the foothold is not the organization itself (`mallory (fabrikam)`, `contoso`).
  const sameAsOrgs = input.from.length > 0 && input.from.every((name) => attackerOrgs.includes(name));
  const footholdName = attackerOrgs.length > 0 && !sameAsOrgs ? `${named} (${listOf(attackerOrgs)})` : named;
  if (exposed.length > 0) {
    const subject = footholdName;
    const lead = ranked.find((d) => exposed.some((o) => o.id === d.organization))!;
    return `${subject} reaches ${dataCounts(exposed)} ${failurePhrase(lead)}`;
  }
  const own = organizations.filter((o) => o.dataReached > 0);
  if (own.length === 0) return `${footholdName} reaches no data store`;
  const others = organizations.filter((o) => !o.attacker).map((o) => o.id);
  const rest =
    others.length === 0 || attackerOrgs.length === 0 ? '' : others.length <= NAMED ? ` · no ${listOf(others, 'or')} data` : ` · no data of the ${others.length} other organizations`;
  // No other organization is exposed: name the failures that the deepest of these reaches needs.
  const deepest = ranked.reduce((best, d) => (failuresOf(d).length > failuresOf(best).length ? d : best), ranked[0]!);
  return `${footholdName} reaches ${dataCounts(own)} ${failurePhrase(deepest)}${rest}`;
}

function failurePhrase(data: DiagramData): string {
  const instances = failuresOf(data);
  if (instances.length === 0) return 'with no boundary failing';
  const types = unique(data.path.flatMap((hop) => (hop.boundary === null ? [] : [hop.boundary])));
  if (types.length === 1) return `through ${instances.length} failed ${types[0]} ${instances.length === 1 ? 'boundary' : 'boundaries'}`;
  return `through ${instances.length} failed boundaries (${types.join(', ')})`;
}

function facts(input: DiagramInput): string[] {
  const footholds = input.footholds.length === 0 ? 'none' : input.from.join(', ');
  const failed =
    input.fail.length === 0
      ? 'no boundary fails'
      : `failed: ${input.fail.join(', ')} (${input.failedInstances.length} boundary instance${input.failedInstances.length === 1 ? '' : 's'})`;
  const controls = Object.entries(input.controls)
    .map(([name, on]) => `${name} ${on ? 'on' : 'off'}`)
    .join(', ');
  return [`foothold: ${footholds}`, failed, `controls: ${controls}`];
}

function visit(el: DiagramElement, fn: (el: DiagramElement) => void): void {
  fn(el);
  for (const child of el.children) visit(child, fn);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Organizations a headline names one by one; with more it counts them (at 100 organizations it listed 99). */
const NAMED = 4;

/** `14 contoso and 8 fabrikam data stores`; beyond NAMED organizations `240 data stores of 99 organizations (12 org002, 9 org003, 8 org004, …)`. */
function dataCounts(organizations: readonly OrganizationSummary[]): string {
  const total = organizations.reduce((n, o) => n + o.dataReached, 0);
  const counts = organizations.map((o) => `${o.dataReached} ${o.id}`);
  const stores = total === 1 ? 'store' : 'stores';
  if (organizations.length <= NAMED) return `${listOf(counts)} data ${stores}`;
  return `${total} data ${stores} of ${organizations.length} organizations (${counts.slice(0, NAMED - 1).join(', ')}, \u2026)`;
}

/** `a`, `a and b`, `a, b and c`. */
function listOf(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

// ARM templates (compiled Bicep): parameters from defaults and parameter files, variables, `copy`
// loops, `condition`, nested child resources; each resource evaluated into the ARM shape the
// inventory holds. Unsupported functions leave Unknown values, listed as assumptions.

import { armId } from '../arm-id.js';
import { emptyInventory, type Inventory } from '../inventory.js';
import { UNKNOWN_SUBSCRIPTION } from '../map/organizations.js';
import { isRecord } from './arm-resource.js';
import { fromArmObject } from './arm-resource.js';
import { evaluateArm, isExpression, type ArmScope } from './arm-expression.js';
import { lazyObject } from './hcl/lazy.js';
import { allUnknowns, isUnknown, Unknown, type HclValue } from './hcl/value.js';
import type { PositionedDocument } from './json-document.js';
import type { SourceLocation } from '../../model/types.js';

const RESOURCE_GROUP = 'resource-group';

export function readArmTemplate(document: PositionedDocument, file: string, parameterFiles: readonly PositionedDocument[]): Inventory {
  const inventory = emptyInventory();
  const template = document.value as Record<string, unknown>;
  const declared = isRecord(template['parameters']) ? template['parameters'] : {};
  const given = new Map<string, unknown>();
  for (const p of parameterFiles) {
    const params = isRecord(p.value) && isRecord(p.value['parameters']) ? p.value['parameters'] : {};
    for (const [name, entry] of Object.entries(params)) if (isRecord(entry) && 'value' in entry) given.set(name.toLowerCase(), entry['value']);
  }
  const missing = new Set<string>();
  const unsupported = new Map<string, { where: string; origin: SourceLocation }>();
  const note = (value: HclValue, where: string, origin: SourceLocation): void => {
    for (const u of allUnknowns(value)) if (/not supported/.test(u.reason) && !unsupported.has(u.reason)) unsupported.set(u.reason, { where, origin });
  };
  const base = { subscriptionId: UNKNOWN_SUBSCRIPTION, resourceGroup: RESOURCE_GROUP };
  let scope: ArmScope;
  const evalDeep = (raw: unknown, s: ArmScope): HclValue => {
    if (typeof raw === 'string') return isExpression(raw) ? evaluateArm(raw, s) : evaluateArm(raw, s);
    if (Array.isArray(raw)) return raw.map((v) => evalDeep(v, s));
    if (isRecord(raw)) return lazyObject(Object.keys(raw), (k) => evalDeep(raw[k], s));
    return (raw ?? null) as HclValue;
  };
  const paramNames = Object.keys(declared);
  const params = lazyObject(paramNames, (name) => {
    if (given.has(name.toLowerCase())) return evalDeep(given.get(name.toLowerCase()), scope);
    const decl = declared[name];
    if (isRecord(decl) && 'defaultValue' in decl) return evalDeep(decl['defaultValue'], scope);
    missing.add(name);
    return new Unknown(`parameter \`${name}\` has no value (no default, not in a parameters file)`, `{${name}}`);
  });
  const vars = isRecord(template['variables']) ? template['variables'] : {};
  const variables = lazyObject(Object.keys(vars), (name) => evalDeep(vars[name], scope));
  const makeScope = (copyIndex: number | null): ArmScope => ({
    ...base,
    copyIndex,
    parameter: (name) => {
      const found = paramNames.find((n) => n.toLowerCase() === name.toLowerCase());
      return found === undefined ? new Unknown(`parameter \`${name}\` is not declared`) : (params[found] as HclValue);
    },
    variable: (name) => {
      const found = Object.keys(vars).find((n) => n.toLowerCase() === name.toLowerCase());
      return found === undefined ? new Unknown(`variable \`${name}\` is not declared`) : (variables[found] as HclValue);
    },
  });
  scope = makeScope(null);

  const resources = template['resources'];
  const list: [unknown, (string | number)[]][] = Array.isArray(resources) ? resources.map((r, i) => [r, ['resources', i]]) : isRecord(resources) ? Object.entries(resources).map(([k, r]) => [r, ['resources', k]]) : [];
  const visit = (raw: unknown, path: (string | number)[], parent: { type: string; name: string } | null): void => {
    if (!isRecord(raw)) return;
    const origin = document.at(path);
    const copy = isRecord(raw['copy']) ? raw['copy'] : null;
    let indices: (number | null)[] = [null];
    if (copy !== null) {
      const count = evalDeep(copy['count'], scope);
      if (typeof count !== 'number') {
        inventory.assumptions.push({ subject: null, message: `copy loop \`${String(copy['name'])}\`: count unknown (${isUnknown(count) ? count.reason : 'not a number'}): assumed 1 instance`, origin });
        indices = [0];
      } else indices = Array.from({ length: Math.max(0, Math.min(count, 10_000)) }, (_, i) => i);
    }
    for (const index of indices) {
      const s = makeScope(index);
      const condition = 'condition' in raw ? evalDeep(raw['condition'], s) : true;
      if (condition === false) continue;
      const rawType = String(raw['type'] ?? '');
      const type = parent === null ? rawType : `${parent.type}/${rawType}`;
      const nameValue = evalDeep(raw['name'], s);
      let name: string;
      const nameText = typeof nameValue === 'string' ? nameValue : isUnknown(nameValue) ? nameValue.placeholder : null;
      if (nameText !== null) {
        name = parent === null ? nameText : `${parent.name}/${nameText}`;
        if (nameText !== nameValue) inventory.assumptions.push({ subject: null, message: `${rawType} name unknown (${(nameValue as Unknown).reason}): stand-in name \`${name}\``, origin });
      }
      else {
        const param = /^\[parameters\('([^']+)'\)\]$/.exec(String(raw['name']))?.[1];
        name = `${parent === null ? '' : `${parent.name}/`}${param ?? rawType.split('/').pop() ?? 'resource'}${index === null ? '' : `-${index}`}`;
        inventory.assumptions.push({ subject: null, message: `${rawType} name unknown (${isUnknown(nameValue) ? nameValue.reason : 'not a string'}): stand-in name \`${name}\``, origin });
      }
      if (isUnknown(condition)) inventory.assumptions.push({ subject: null, message: `${rawType} \`${name}\`: condition unknown (${condition.reason}): assumed deployed`, origin });
      const properties = evalDeep(raw['properties'] ?? {}, s);
      note(properties, `${rawType} ${name}`, origin);
      const known = plain(properties);
      // A top-level property left as an expression is flagged (`customRdpPropertyUnknown`), so the
      // mapping can say it is unresolved rather than absent (a stand-in text is no value).
      if (isRecord(properties)) for (const key of Object.keys(properties)) if (isUnknown(properties[key] as HclValue)) known[`${key}Unknown`] = true;
      const id = armId(UNKNOWN_SUBSCRIPTION, RESOURCE_GROUP, type, name.split('/'));
      const resource = fromArmObject({ type, name, id, properties: known, tags: plain(evalDeep(raw['tags'] ?? {}, s)) }, origin);
      inventory.resources.push({ ...resource, subscription: null, resourceGroup: null });
      const children = raw['resources'];
      if (Array.isArray(children)) children.forEach((child, i) => visit(child, [...path, 'resources', i], { type, name }));
    }
  };
  for (const [raw, path] of list) visit(raw, path, null);
  inventory.assumptions.push({ subject: null, message: `${file}: an ARM template does not say which subscription and resource group it is deployed to: stand-ins are used` });
  for (const name of missing) inventory.assumptions.push({ subject: null, message: `template parameter \`${name}\` has no value (no default, no parameters file)`, origin: document.at(['parameters', name]) });
  for (const [reason, { where, origin }] of unsupported) inventory.assumptions.push({ subject: null, message: `${where}: ${reason}; the value it computes is left out`, origin });
  return inventory;
}

/** A value with every Unknown removed (an unknown property reads as absent; a named stand-in stays). */
function plain(value: HclValue): Record<string, unknown> {
  const strip = (v: HclValue): unknown => {
    if (isUnknown(v)) return v.placeholder ?? undefined;
    if (Array.isArray(v)) return v.map(strip).filter((x) => x !== undefined);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const s = strip(x);
        if (s !== undefined) out[k] = s;
      }
      return out;
    }
    return v;
  };
  const out = strip(value);
  return isRecord(out) ? out : {};
}

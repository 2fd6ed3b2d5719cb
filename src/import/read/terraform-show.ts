// `terraform show -json` output (a plan's `planned_values` or a state's `values`): each resource of
// the root and child modules goes straight to its translator. A plan leaves out of `planned_values`
// what is known only after apply (its `resource_changes[].change.after_unknown`): those read as unknown.
// Format: developer.hashicorp.com/terraform/internals/json-format

import type { SourceLocation } from '../../model/types.js';
import { parseArmId } from '../arm-id.js';
import { emptyInventory, type Inventory } from '../inventory.js';
import { finishTranslation, translatorFor, translatorKey, type TerraformInstance } from './azurerm.js';
import { isRecord } from './arm-resource.js';
import { Unknown, type HclValue } from './hcl/value.js';
import type { PositionedDocument } from './json-document.js';

export function readTerraformShow(document: PositionedDocument, file: string): Inventory {
  const inventory = emptyInventory();
  const top = document.value as Record<string, unknown>;
  const key = isRecord(top['values']) ? 'values' : 'planned_values';
  const unresolved: string[] = [];
  const skipped = new Set<string>();
  // Top-level attributes a plan computes only at apply, by resource address.
  const afterUnknown = new Map<string, Record<string, unknown>>();
  for (const change of Array.isArray(top['resource_changes']) ? top['resource_changes'] : []) {
    if (isRecord(change) && isRecord(change['change']) && isRecord(change['change']['after_unknown'])) afterUnknown.set(String(change['address']), change['change']['after_unknown']);
  }
  const visit = (module: unknown, path: (string | number)[]): void => {
    if (!isRecord(module)) return;
    const resources = Array.isArray(module['resources']) ? module['resources'] : [];
    resources.forEach((r, index) => {
      if (!isRecord(r)) return;
      const mode = r['mode'] === 'data' ? 'data' : 'resource';
      const type = String(r['type'] ?? '');
      const translator = translatorFor(translatorKey(mode, type));
      if (translator === undefined) {
        skipped.add(type);
        return;
      }
      const values = isRecord(r['values']) ? r['values'] : {};
      const origin: SourceLocation = document.at([...path, 'resources', index]);
      const id = typeof values['id'] === 'string' ? values['id'] : '';
      const address = String(r['address'] ?? `${type}.${String(r['name'])}`);
      const unknown = afterUnknown.get(address);
      const inst: TerraformInstance = {
        address,
        type,
        get: (name) => (unknown?.[name] === true ? new Unknown(`\`${address}.${name}\` is known only after apply`) : name in values ? (values[name] as HclValue) : null),
        subscription: parseArmId(id).subscription,
        origin,
      };
      inventory.resources.push(...translator(inst, unresolved).resources);
    });
    const children = Array.isArray(module['child_modules']) ? module['child_modules'] : [];
    children.forEach((child, index) => visit(child, [...path, 'child_modules', index]));
  };
  const values = top[key];
  if (!isRecord(values)) {
    inventory.issues.push({ location: document.at([]), message: `${file}: no \`values\` or \`planned_values\` in this \`terraform show -json\` output` });
    return inventory;
  }
  visit(values['root_module'], [key, 'root_module']);
  for (const address of [...new Set(unresolved)]) inventory.assumptions.push({ subject: null, message: `\`${address}\` has no value in ${file}: a stand-in name is used` });
  inventory.resources.splice(0, inventory.resources.length, ...finishTranslation(inventory.resources));
  return inventory;
}

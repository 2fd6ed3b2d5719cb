// ARM resource JSON in every shape people export it: one resource, `{value: [...]}` pages from the
// REST API, REST spec examples (`{parameters, responses: {"200": {body}}}`), `az graph query` output
// (`{data: [...]}`) and `az resource list` arrays. Anything else in the file is reported, not guessed.

import type { Inventory } from '../inventory.js';
import { emptyInventory } from '../inventory.js';
import type { PositionedDocument } from './json-document.js';
import { fromArmObject, isRecord, looksLikeArmResource } from './arm-resource.js';

type Path = (string | number)[];

/** Reads resources from a parsed JSON document; `file` names it in messages. */
export function readArmJson(document: PositionedDocument, file: string): Inventory {
  const inventory = emptyInventory();
  const visit = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
      return;
    }
    if (looksLikeArmResource(value)) {
      inventory.resources.push(fromArmObject(value, document.at(path)));
      return;
    }
    if (!isRecord(value)) {
      inventory.issues.push({ location: document.at(path), message: 'expected an ARM resource (an object with `type` and `id`), a list of them, or a REST response' });
      return;
    }
    const responses = value['responses'];
    if (isRecord(responses)) {
      const ok = responses['200'] ?? responses['201'];
      if (isRecord(ok) && 'body' in ok) return visit(ok['body'], [...path, 'responses', '200' in responses ? '200' : '201', 'body']);
      inventory.issues.push({ location: document.at([...path, 'responses']), message: 'REST example without a 200/201 response body' });
      return;
    }
    for (const key of ['value', 'data']) {
      if (Array.isArray(value[key])) return visit(value[key], [...path, key]);
    }
    inventory.issues.push({
      location: document.at(path),
      message: `no ARM resources found in ${file}: expected an object with \`type\` and \`id\`, a \`value\` or \`data\` list, or a REST example envelope`,
    });
  };
  visit(document.value, []);
  return inventory;
}

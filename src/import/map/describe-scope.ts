// How an ARM scope is named in comments: `resource group \`rg\``, `hostpools \`pool\``.

import { parseArmId } from '../arm-id.js';

export function describeScope(scope: string): string {
  const mg = /managementgroups\/([^/]+)\/?$/i.exec(scope);
  if (mg !== null) return `management group \`${mg[1]}\``;
  const parsed = parseArmId(scope);
  if (parsed.type !== null) return `${parsed.type.split('/').pop()} \`${parsed.name}\``;
  if (parsed.resourceGroup !== null) return `resource group \`${parsed.resourceGroup}\``;
  if (parsed.subscription !== null) return `subscription \`${parsed.subscription}\``;
  return `\`${scope}\``;
}

// The diagram structure covers the model, and large models collapse: a pool of 40 VMs and 31 user
// entries draws the foothold, the path and the failed host one by one and merges the look-alikes.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramOf } from '../../src/cli/commands/diagram.js';
import { loadModel } from '../../src/cli/load.js';
import { NODE_KINDS } from '../../src/domain/kinds.js';
import { renderDiagramSvg } from '../../viz/diagram/render.js';
import { ROOT, readXml } from './support.js';

describe('structure', () => {
  it.each(['cross-org-shared', 'cross-org-separated', 'single-org-pooled', 'admins-personal'])('%s: every node but organizations and hubs is drawn', (name) => {
    const loaded = loadModel(`${ROOT}models/${name}.yaml`);
    const drawn = diagramOf(loaded, { name: 'x', from: ['internet'], fail: [], controls: {} });
    if (!drawn.ok) throw new Error('cannot draw');
    const { compiled } = loaded.prepared;
    const undrawn = compiled.nodeIds.filter((id, v) => {
      const kind = NODE_KINDS[compiled.nodeKind[v]!];
      return kind !== 'organization' && !['any-tenant', 'any-subscription'].includes(id) && drawn.structure.nodeElement[id] === undefined;
    });
    expect(undrawn).toEqual([]);
  });
});

function bigModel(): string {
  const users = Array.from({ length: 30 }, (_, i) => `  - id: u${i + 1}\n    organization: acme\n    hostPool: pool`).join('\n');
  const yaml = `name: big
organizations:
  - id: acme
    name: Acme
tenants:
  - id: dir
    organizations: [acme]
subscriptions:
  - id: sub
    tenant: dir
    organizations: [acme]
hostPools:
  - id: pool
    subscription: sub
    type: pooled
    vms: 40
    osBuild: win11
    apps: [office]
apps:
  - id: office
users:
${users}
  - id: crowd
    organization: acme
    count: 500
    hostPool: pool
data:
  - id: acme-profiles
    organization: acme
    location: fslogixProfile
    users: [u1, u2, crowd]
`;
  const file = join(mkdtempSync(join(tmpdir(), 'indepth-big-')), 'big.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('large models stay legible', () => {
  it('collapses look-alike VMs and user boxes, keeping the foothold and the path', () => {
    const drawn = diagramOf(loadModel(bigModel()), { name: 'big', from: ['u1'], fail: ['kernel@pool-vm3'], controls: {} });
    if (!drawn.ok) throw new Error('cannot draw');
    const svg = renderDiagramSvg(drawn.structure, drawn.state);
    const boxes = [...svg.matchAll(/<g data-el="([^"]+)" class="box (vm|card)[^"]*"/g)].map((m) => m[1]!);
    const vms = boxes.filter((id) => id.startsWith('vm:'));
    const cards = boxes.filter((id) => id.startsWith('user:'));
    expect(vms.length).toBeLessThanOrEqual(4);
    expect(vms).toContain('vm:pool-vm3');
    expect(cards.length).toBeLessThanOrEqual(6);
    expect(cards).toContain('user:u1');
    const { texts } = readXml(svg);
    expect(texts).toContain('other acme users ×28');
    expect(texts).toContain('pool-vm1 … pool-vm40 ×39');
  });
});

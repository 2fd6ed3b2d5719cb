// A user with a seat in a second pool (a RemoteApp group of another organization's pool) is drawn in
// that pool with that seat's session and the apps its group grants. A fresh user's trial: a guest's
// card in the shared pool showed her home pool's app (`office`) instead of the RemoteApp (`lob`), and
// both of her cards had one element id.

import { describe, expect, it } from 'vitest';
import { diagramOf } from '../../src/cli/commands/diagram.js';
import { loadModel } from '../../src/cli/load.js';
import type { DiagramElement } from '../../src/report/diagram-types.js';
import { BUNDLED_MODELS, ROOT } from '../support/model.js';

function elements(root: readonly DiagramElement[]): DiagramElement[] {
  return root.flatMap((e) => [e, ...elements(e.children)]);
}

function structureOf(name: string) {
  const drawn = diagramOf(loadModel(`${ROOT}models/${name}.yaml`), { name: 'd', from: [], fail: [], controls: {} });
  if (!drawn.ok) throw new Error('no diagram');
  return elements([drawn.structure.root]);
}

describe('a second seat in another pool', () => {
  it('msp-hosting: fiona (fabrikam) has a seat on contoso-pool and one on fabrikam-pool, each with its apps', () => {
    // models/msp-hosting.yaml: fiona has no `hostPool`; her sign-ins are the RemoteApp group
    // contoso-erp of contoso-pool (erp), then fabrikam-desktop of fabrikam-pool through
    // fabrikam-staff (the pool's apps: office). Her first seat is her home card (`fiona/session`,
    // erp, credentials, profile container); the fabrikam-pool card holds that seat's session and
    // office only — before, it showed erp and took the same element id.
    const all = structureOf('msp-hosting');
    const home = all.find((e) => e.id === 'user:fiona')!;
    const second = all.find((e) => e.id === 'user:fiona@fabrikam-pool')!;
    expect(home.nodes).toEqual(['fiona/session']);
    expect(home.children.map((c) => c.label)).toEqual(expect.arrayContaining(['erp', 'credentials']));
    expect(home.children.map((c) => c.label)).not.toContain('office');
    expect(second.nodes).toEqual(['fiona/fabrikam-pool/session']);
    expect(second.children.map((c) => c.label)).toEqual(['office']);
  });

  it('always: element ids are unique in every bundled model\u2019s diagram', () => {
    for (const name of BUNDLED_MODELS) {
      const ids = structureOf(name).map((e) => e.id);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });
});

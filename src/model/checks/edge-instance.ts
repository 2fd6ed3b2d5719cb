// An extra edge without a boundary is legitimate access: it crosses no boundary, so it cannot name
// a boundary instance (the graph keeps `instance` null exactly when `boundary` is null).

import type { ModelCheck } from './model-check.js';

export const edgeInstanceNeedsBoundary: ModelCheck = {
  id: 'edge-instance-needs-boundary',
  description: 'an extra edge names an `instance` only together with a `boundary`',
  run(model, { at, report }) {
    for (const edge of model.extra?.edges ?? []) {
      if (edge.boundary !== null || typeof edge.instance !== 'string') continue;
      const edgeName =
        edge.from !== undefined && edge.to !== undefined ? `extra edge \`${edge.from}\` → \`${edge.to}\`` : 'an extra edge';
      report(at(edge, 'instance'), `${edgeName} names \`instance\` \`${edge.instance}\` but no \`boundary\``);
    }
  },
};

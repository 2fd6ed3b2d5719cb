// Policy `depth-regression` (with a baseline only): no data store may get easier to reach than it
// was in the baseline model — from any organization's standard users, or from the internet. This
// is the review gate for a change, independent of any minimum.

import { formatSets } from '../report/sets-text.js';
import { deeper, type PolicyContext, type StoreDepth } from './context.js';
import { authorizedOrganizations } from './depth-finding.js';
import { fixForJoins, joinsOnPath, relatedLocations } from './joins.js';
import { definePolicy, type AttackerDepth, type FindingDraft } from './policy.js';

const FIX = 'Undo the part of the change that opened the attack path shown, or add a boundary on it.';

export const depthRegression = definePolicy({
  id: 'depth-regression',
  title: 'No data store easier to reach than in the baseline',
  description:
    'Compared with `--baseline`: from each organization\u2019s standard users (to other organizations\u2019 data) and from the internet (to all data), no data store needs fewer boundary failures than before, and none that was unreachable becomes reachable.',
  guide: 'It\u2019s better to follow the principles of defense in depth and keep environments separate.',
  fix: FIX,
  severity: 'error',
  needsBaseline: true,
  settings: {},
  evaluate({ context, baseline }) {
    if (baseline === null) return [];
    const attackers = [...context.insiderOrganizations, 'internet'];
    const baselineAttackers = new Set([...baseline.insiderOrganizations, 'internet']);
    const baselineStores = new Set(baseline.prepared.model.data.map((d) => d.id));
    const findings: FindingDraft[] = [];
    for (const store of context.prepared.model.data) {
      if (!baselineStores.has(store.id)) continue;
      const authorized = authorizedOrganizations(context, store);
      const worse: { attacker: string; now: StoreDepth; was: number | null }[] = [];
      for (const attacker of attackers) {
        if (authorized.has(attacker) || !baselineAttackers.has(attacker)) continue;
        const now = context.storeDepths([attacker])?.get(store.id);
        const was = baseline.storeDepths([attacker])?.get(store.id);
        if (now === undefined || was === undefined || !deeper(was.depth, now.depth)) continue;
        worse.push({ attacker, now, was: was.depth });
      }
      if (worse.length > 0) findings.push(regression(context, store.id, worse));
    }
    return findings;
  },
});

function regression(context: PolicyContext, storeId: string, worse: readonly { attacker: string; now: StoreDepth; was: number | null }[]): FindingDraft {
  const store = context.prepared.model.data.find((d) => d.id === storeId)!;
  const parts = worse.map(({ attacker, now, was }) => {
    const who = attacker === 'internet' ? 'the internet' : `${attacker}\u2019s standard users`;
    const before = was === null ? 'could not reach it at all' : `needed ${was}`;
    return `${who} now need ${failureCount(now.depth ?? 0)} (via ${formatSets(now.sets, now.setCount)}) where the baseline ${before}`;
  });
  const joins = joinsOnPath(context, worse[0]!.now.path);
  const depths: AttackerDepth[] = worse.map(({ attacker, now }) => ({ attacker, depth: now.depth }));
  return {
    asset: storeId,
    message: `Data store \`${storeId}\` (${store.organization}, ${store.classification}) got easier to reach: ${parts.join('; ')}.`,
    fix: fixForJoins(joins, FIX),
    location: context.locate(`data/${storeId}`),
    related: relatedLocations(context, joins),
    depths,
    was: worse.map(({ attacker, was }) => ({ attacker, depth: was })),
  };
}

function failureCount(n: number): string {
  return n === 1 ? '1 boundary failure' : `${n} boundary failures`;
}

// Policy `depth-regression` (with a baseline only): no data store may get easier to reach than it
// was in the baseline model — from any organization's standard users, its admins and owners, or the
// internet. This is the review gate for a change, independent of any minimum.

import { formatSets } from '../report/sets-text.js';
import { deeper, leakageDepth, type DepthTarget, type FootholdSet, type PolicyContext, type StoreDepth } from './context.js';
import { describeTarget } from './depth-finding.js';
import { fixForJoins, joinsOnPath, relatedLocations } from './joins.js';
import { definePolicy, type AttackerDepth, type FindingDraft } from './policy.js';

const FIX = 'Undo the part of the change that opened the attack path shown, or add a boundary on it.';

export const depthRegression = definePolicy({
  id: 'depth-regression',
  title: 'No data store easier to reach than in the baseline',
  description:
    'Compared with `--baseline`: from each organization\u2019s standard users and from its admins and owners (to other organizations\u2019 data) and from the internet (to all data), no data store needs fewer boundary failures than before, and none that was unreachable becomes reachable.',
  guide: 'It\u2019s better to follow the principles of defense in depth and keep environments separate.',
  fix: FIX,
  severity: 'error',
  needsBaseline: true,
  settings: {},
  evaluate({ context, baseline }) {
    if (baseline === null) return [];
    const internet: Pick<FootholdSet, 'attacker' | 'from' | 'label'> & { organization: null } = {
      attacker: 'internet',
      organization: null,
      from: ['internet'],
      label: 'the internet',
    };
    const attackers = [...context.footholdSets, internet];
    const baselineAttackers = new Set([...baseline.footholdSets.map((s) => s.attacker), 'internet']);
    const baselineTargets = new Set(baseline.targets.map((t) => t.id));
    const findings: FindingDraft[] = [];
    for (const target of context.targets) {
      if (!baselineTargets.has(target.id)) continue;
      const worse: { label: string; attacker: string; now: StoreDepth; was: number | null }[] = [];
      for (const { attacker, organization, from, label } of attackers) {
        if ((organization !== null && target.authorized.has(organization)) || !baselineAttackers.has(attacker)) continue;
        const now = leakageDepth(target, organization, context.storeDepths(from)?.get(target.id));
        const baselineTarget = baseline.targets.find((t) => t.id === target.id)!;
        const was = leakageDepth(baselineTarget, organization, baseline.storeDepths(baseline.footholdSets.find((s) => s.attacker === attacker)?.from ?? from)?.get(target.id));
        if (now === undefined || was === undefined || !deeper(was.depth, now.depth)) continue;
        worse.push({ label, attacker, now, was: was.depth });
      }
      if (worse.length > 0) findings.push(regression(context, target, worse));
    }
    return findings;
  },
});

function regression(context: PolicyContext, target: DepthTarget, worse: readonly { label: string; attacker: string; now: StoreDepth; was: number | null }[]): FindingDraft {
  const parts = worse.map(({ label, now, was }) => {
    const before = was === null ? 'could not reach it at all' : `needed ${was}`;
    return `${label} now need ${failureCount(now.depth ?? 0)} (via ${formatSets(now.sets, now.setCount)}) where the baseline ${before}`;
  });
  const joins = joinsOnPath(context, worse[0]!.now.path);
  const depths: AttackerDepth[] = worse.map(({ attacker, now }) => ({ attacker, depth: now.depth }));
  return {
    asset: target.id,
    message: `${describeTarget(target)} got easier to reach: ${parts.join('; ')}.`,
    fix: fixForJoins(joins, FIX),
    location: context.locate(target.entity),
    related: relatedLocations(context, joins),
    depths,
    was: worse.map(({ attacker, was }) => ({ attacker, depth: was })),
  };
}

function failureCount(n: number): string {
  return n === 1 ? '1 boundary failure' : `${n} boundary failures`;
}

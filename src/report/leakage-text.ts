// The leakage matrix for a reviewer: one line per attacker → victim pair, weakest first, then the
// matrix of depths (rows attack, columns are attacked), then authorized cross-organization access,
// which is not leakage and is listed as what it is.

import type { AttackerLeakage, LeakageMatrix, StoreAuthorization, VictimLeakage } from '../analyze/leakage.js';
import { plural } from './plural.js';
import { formatDepth, formatSets } from './sets-text.js';
import { formatTable } from './table.js';

export function formatLeakage(matrix: LeakageMatrix): string {
  const lines = [
    `cross-organization leakage on ${matrix.model}: depth by boundary type to the data each attacker is not authorized for, each organization as attacker (any standard user)`,
  ];
  for (const a of matrix.attackers) if (a.foothold !== 'standard users') lines.push(`${a.attacker} attacks from ${a.foothold}`);
  lines.push('');
  const pairs = matrix.attackers.flatMap((a) => a.victims.map((v) => ({ attacker: a.attacker, ...v })));
  const weakest = [...pairs].sort((x, y) => (x.depth ?? Infinity) - (y.depth ?? Infinity));
  const shown = weakest.slice(0, 20);
  for (const p of shown) {
    const via = p.depth === null || p.depth === 0 ? '' : ` via ${formatSets(p.minimalSets.slice(0, 4), p.minimalSets.length)}`;
    const authorized = p.authorized.length === 0 ? '' : `; ${authorizedText(p)}`;
    const depth = hasNoData(p) ? 'no data to reach' : allAuthorized(p) ? 'nothing unauthorized to reach' : `depth ${formatDepth(p.depth)}${via}`;
    lines.push(`${p.attacker} \u2192 ${p.victim}: ${depth}${authorized}`);
  }
  if (weakest.length > shown.length) lines.push(`\u2026 ${weakest.length - shown.length} more pairs (--json lists all)`);

  if (matrix.organizations.length <= 20) {
    const table = [['attacker \u2193 / victim \u2192', ...matrix.organizations]];
    for (const a of matrix.attackers) {
      const cells = matrix.organizations.map((o) => {
        if (o === a.attacker) return '\u2014';
        const v = a.victims.find((x) => x.victim === o);
        return v !== undefined && hasNoData(v) ? 'no data' : v !== undefined && allAuthorized(v) ? 'authorized' : formatDepth(v?.depth ?? null);
      });
      table.push([a.attacker, ...cells]);
    }
    lines.push('', ...formatTable(table));
  }
  lines.push(...authorizedLines(matrix.attackers));
  return `${lines.join('\n').replace(/ +$/gm, '')}\n`;
}

/**
 * "authorized: 1 store (alpha-share)": data the attacker's organization may use, so not leakage. A store
 * authorized for some kinds of access only says which, and at what depth the others are reached
 * ("alpha-share: read only \u2014 tamper, deny at depth 2": that reach is counted in the depth); trust
 * between the organizations gives its reason ("trusted: sister companies").
 */
export function authorizedText(
  victim: Pick<VictimLeakage, 'authorized'> & { readonly authorizedAccess?: readonly StoreAuthorization[]; readonly trusted?: string | null },
  shown = 3,
): string {
  const named = victim.authorized.slice(0, shown).map((store) => {
    const access = victim.authorizedAccess?.find((a) => a.store === store);
    return access === undefined ? store : storeAuthorizationText(access);
  });
  const names = named.join(', ') + (victim.authorized.length > shown ? `, \u2026` : '');
  const trusted = victim.trusted === undefined || victim.trusted === null ? '' : victim.trusted === '' ? ', trusted' : `, trusted: ${victim.trusted}`;
  return `authorized: ${plural(victim.authorized.length, 'store')} (${names}${trusted})`;
}

/** "alpha-share" when every access kind is authorized; else "alpha-share: read only \u2014 tamper, deny at depth 2". */
export function storeAuthorizationText(access: Pick<StoreAuthorization, 'store' | 'access' | 'beyond' | 'beyondDepth'>): string {
  if (access.beyond.length === 0) return access.store;
  const reached = access.beyondDepth === null ? '' : ` \u2014 ${access.beyond.join(', ')} at depth ${access.beyondDepth}`;
  return `${access.store}: ${access.access.join(', ')} only${reached}`;
}

/** Everything of the victim's is authorized for the attacker (trust, or every store shared with it). */
/** The victim has no data at all: "unreachable" would suggest it is protected. */
function hasNoData(victim: Pick<VictimLeakage, 'authorized' | 'unauthorizedData'>): boolean {
  return victim.unauthorizedData === 0 && victim.authorized.length === 0;
}

function allAuthorized(victim: Pick<VictimLeakage, 'authorized' | 'unauthorizedData'>): boolean {
  return victim.unauthorizedData === 0 && victim.authorized.length > 0;
}

function authorizedLines(attackers: readonly AttackerLeakage[]): string[] {
  const pairs = attackers.flatMap((a) => a.victims.filter((v) => v.authorized.length > 0).map((v) => ({ attacker: a.attacker, ...v })));
  if (pairs.length === 0) return [];
  return [
    '',
    'authorized cross-organization access (a store\u2019s access names the attacker\u2019s organization, or the organizations trust each other): not leakage, not in the depths above; access beyond it (\u201cread only \u2014 tamper, deny at depth 1\u201d) is counted in them',
    ...pairs.map((p) => `  ${p.attacker} \u2192 ${p.victim}: ${authorizedText(p)}`),
  ];
}

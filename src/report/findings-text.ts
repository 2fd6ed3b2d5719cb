// Policy findings for a terminal or a CI log: one `file:line:col: severity id: message` line per
// finding (the shape compilers print, which editors and CI problem matchers pick up), the fix and
// related places indented under it, then a one-line verdict.

import type { Finding } from '../policy/policy.js';
import type { CheckResult } from '../policy/run-policies.js';

export function formatFindingsText(result: CheckResult): string {
  const lines: string[] = [];
  for (const finding of result.findings) {
    lines.push(`${where(finding.location)}: ${finding.severity} ${finding.id}${changeTag(finding)}: ${finding.message}`);
    lines.push(`  fix: ${finding.fix}`);
    for (const related of finding.related) lines.push(`  see ${where(related.location)}: ${related.message}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(verdict(result));
  return `${lines.join('\n')}\n`;
}

export function verdict(result: CheckResult): string {
  const against = result.baseline === null ? '' : ` against baseline ${result.baseline}`;
  const policies = `${result.policies.length} ${result.policies.length === 1 ? 'policy' : 'policies'}`;
  if (result.findings.length === 0) {
    return result.baseline === null
      ? `check passed: ${policies} hold on ${result.model}`
      : `check passed: nothing got worse on ${result.model}${against} (${policies})`;
  }
  const counts = countBySeverity(result.findings);
  const bySeverity = (['error', 'warning', 'note'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`)
    .join(', ');
  const noun = result.findings.length === 1 ? 'finding' : 'findings';
  const what = result.baseline === null ? noun : `new or worse ${noun}`;
  return `check failed: ${result.findings.length} ${what} (${bySeverity}) from ${policies} on ${result.model}${against}`;
}

export function countBySeverity(findings: readonly Finding[]): Record<'error' | 'warning' | 'note', number> {
  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function changeTag(finding: Finding): string {
  if (finding.change === undefined) return '';
  if (finding.change.kind === 'new') return ' (new)';
  const was = (finding.change.was ?? []).map((w) => `${w.attacker} ${w.depth === null ? 'unreachable' : `depth ${w.depth}`}`);
  return was.length === 0 ? ' (worse)' : ` (worse; baseline: ${was.join(', ')})`;
}

function where(location: { file: string; line: number; column: number }): string {
  return `${location.file}:${location.line}:${location.column}`;
}

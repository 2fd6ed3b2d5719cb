// A check result as JSON: the verdict and counts first, then the policies that ran and every finding
// with its location, fix and measured depths. Byte-identical for the same input (report/json.ts).

import type { CheckResult } from '../policy/run-policies.js';
import { countBySeverity } from './findings-text.js';
import { toJson } from './json.js';

export function formatCheckJson(result: CheckResult): string {
  return toJson({
    passed: result.findings.length === 0,
    model: result.model,
    baseline: result.baseline,
    policyFile: result.policyFile,
    policySet: result.policySet,
    summary: { findings: result.findings.length, ...countBySeverity(result.findings) },
    policies: result.policies,
    findings: result.findings,
  });
}

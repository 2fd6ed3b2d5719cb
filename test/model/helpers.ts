// Shared helpers for the model loader tests: parse inline YAML and read the outcome as strings.

import { expect } from 'vitest';
import { formatIssue } from '../../src/model/issues.js';
import { parseModel } from '../../src/model/load-model.js';
import type { Model } from '../../src/model/types.js';

/** Every issue of a model text as `file:line:col: message`; [] when it loads. */
export function issuesOf(text: string, file = 'm.yaml'): string[] {
  const result = parseModel(text, file);
  return result.ok ? [] : result.issues.map(formatIssue);
}

/** The Model of a text that must load; fails the test with the issues otherwise. */
export function modelOf(text: string, file = 'm.yaml'): Model {
  const result = parseModel(text, file);
  if (!result.ok) expect.fail(`expected the model to load, got:\n${result.issues.map(formatIssue).join('\n')}`);
  return result.model;
}

export function lines(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

/**
 * A valid model's first 24 lines (line numbers in the comments): two orgs with their own tenant
 * and subscription, a pooled pool of 2 VMs and a personal pool. Tests append users, data, etc.
 */
export const BASE = [
  'name: base', // 1
  'organizations:', // 2
  '  - id: contoso', // 3
  '  - id: fabrikam', // 4
  'tenants:', // 5
  '  - id: t-contoso', // 6
  '    organizations: [contoso]', // 7
  '  - id: t-fabrikam', // 8
  '    organizations: [fabrikam]', // 9
  'subscriptions:', // 10
  '  - id: sub-contoso', // 11
  '    tenant: t-contoso', // 12
  '    organizations: [contoso]', // 13
  '  - id: sub-fabrikam', // 14
  '    tenant: t-fabrikam', // 15
  '    organizations: [fabrikam]', // 16
  'hostPools:', // 17
  '  - id: pool1', // 18
  '    subscription: sub-contoso', // 19
  '    type: pooled', // 20
  '    vms: 2', // 21
  '  - id: desks', // 22
  '    subscription: sub-contoso', // 23
  '    type: personal', // 24
] as const;

/** BASE followed by `rows`, which start on line 25. */
export function withBase(...rows: string[]): string {
  return lines(...BASE, ...rows);
}

// The depth policies read who is authorized for a store from the one definition the leakage matrix uses
// (src/analyze/authorization.ts), not from the store's `users`/`readers` alone. Fixture reasoning is in
// its header: beta's `b` holds Storage File Data SMB Share Reader on alpha's resource group through two
// nested groups, so beta is authorized to read alpha-share (its read at depth 0 is no finding), while
// alpha-db stays unauthorized and two failures deep ({kernel, vm}): cross-org-depth's default minimum
// of 2 is met, so no finding either. The Reader role grants read only (authorization is per access
// kind): tampering with or denying alpha-share needs control of it, through a's session on alpha's VM —
// the same {kernel, vm}. So with a minimum of 3 both are findings, alpha-share at depth 2 (its control),
// not 0 (its read).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossOrgDepth } from '../../src/policy/cross-org-depth.js';
import { ROOT } from '../support/model.js';
import { assets, contextOfText, run } from './helpers.js';

const file = 'test/fixtures/models/hand/data-role-through-groups.yaml';
const context = contextOfText(readFileSync(`${ROOT}${file}`, 'utf8'), file);

describe('depth policies and authorization through data roles', () => {
  it('a data role through nested groups authorizes beta for alpha-share; alpha-db stays a target', () => {
    expect(assets(run(crossOrgDepth, context))).toEqual([]);
    const strict = run(crossOrgDepth, context, { minDepth: 3 });
    expect(strict.some((f) => f.asset.includes('alpha-db'))).toBe(true);
    const share = strict.find((f) => f.asset.includes('alpha-share'));
    expect(share?.message).toMatch(/\b2\b/);
    expect(share?.message).not.toMatch(/\b0 boundary/);
  });
});

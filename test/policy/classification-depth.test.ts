import { describe, expect, it } from 'vitest';
import { classificationDepth } from '../../src/policy/classification-depth.js';
import { readFileSync } from 'node:fs';
import { assets, at, bundledContext, contextOfText, run } from './helpers.js';

describe('policy classification-depth', () => {
  it('by default: restricted data needs 2 failures from other organizations', () => {
    const findings = run(classificationDepth, bundledContext('cross-org-shared'));
    expect(assets(findings)).toEqual(['contoso-finance']);
    expect(at(findings[0]!)).toBe('models/cross-org-shared.yaml:64:9');
    expect(findings[0]!.message).toContain('restricted data requires at least 2');
    expect(run(classificationDepth, bundledContext('cross-org-separated'))).toEqual([]);
  });

  it('minimums per classification: confidential 2 adds the confidential stores; null turns one off', () => {
    const context = bundledContext('cross-org-shared');
    expect(assets(run(classificationDepth, context, { minimums: { public: null, internal: null, confidential: 2, restricted: 2 } }))).toEqual([
      'contoso-profiles',
      'contoso-finance',
      'fabrikam-profiles',
      'fabrikam-designs',
    ]);
    expect(run(classificationDepth, context, { minimums: { public: null, internal: null, confidential: null, restricted: null } })).toEqual([]);
  });

  it('unauthorizedUsers: restricted data on a pool shared with colleagues who may not read it', () => {
    const findings = run(classificationDepth, bundledContext('single-org-pooled'), { attackers: 'unauthorizedUsers' });
    expect(assets(findings)).toEqual(['contoso-finance']);
    expect(findings[0]!.message).toContain('standard users not authorized to it (bob, contoso-workers)');
    expect(findings[0]!.depths).toEqual([{ attacker: 'unauthorized users', depth: 1 }]);
    // The same store from other organizations: there are none.
    expect(run(classificationDepth, bundledContext('single-org-pooled'))).toEqual([]);
  });

  it('unauthorizedUsers skips a store everyone may read', () => {
    const findings = run(classificationDepth, bundledContext('single-org-pooled'), {
      attackers: 'unauthorizedUsers',
      minimums: { public: null, internal: 2, confidential: null, restricted: null },
    });
    // contoso-team-share (internal) lists every user of the organization.
    expect(findings).toEqual([]);
  });

  // read-only-reader-co-resident.yaml (reasoning in its header): `b` may only read `alpha-share`
  // (`readers`), `a` is its user. Nobody is unauthorized to it, but tampering with or denying it needs
  // control, which b gets with one failure on the shared pooled host (a's session via {kernel},
  // {process}, {session} or {user}). Held to 2 for confidential data, b as a reader falls short: a
  // read-only grant does not excuse tamper and deny (authorization is per access kind).
  it('unauthorizedUsers holds readers to the minimum for control (tamper, deny), not only non-readers for any reach', () => {
    const file = 'test/fixtures/models/hand/read-only-reader-co-resident.yaml';
    const context = contextOfText(readFileSync(file, 'utf8'), file);
    const findings = run(classificationDepth, context, {
      attackers: 'unauthorizedUsers',
      minimums: { public: null, internal: null, confidential: 2, restricted: 2 },
    });
    const share = findings.find((f) => f.asset === 'alpha-share');
    expect(share?.depths).toEqual([{ attacker: 'readers', depth: 1 }]);
    expect(share!.message).toContain('1 boundary failure from its readers (b) for control (tamper, deny: they may only read it)');
  });
});

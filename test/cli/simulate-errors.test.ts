// simulate's problems with the question: a scenario file's unknown entries point at the scenario
// (file:line:col at the start of the line, as editors and CI expect), flag problems name the flag.

import { describe, expect, it } from 'vitest';
import { cli, STACK_FRAME } from '../support/cli.js';

describe('simulate question problems', () => {
  it('reports a foothold the model lacks at its place in the scenario file', async () => {
    const run = await cli(['simulate', 'models/single-org-pooled.yaml', '--scenario', 'scenarios/kernel-0day.yaml']);
    expect(run.code).toBe(1);
    // kernel-0day.yaml line 6 is `from: [mallory]`; `mallory` starts at column 8.
    expect(run.err).toBe('scenarios/kernel-0day.yaml:6:8: unknown foothold `mallory`\n');
  });

  it('reports an unknown failure spec of the scenario at its place, with a suggestion', async () => {
    const run = await cli(['simulate', 'models/cross-org-shared.yaml', '--scenario', 'scenarios/kernel-0day.yaml', '--fail', 'sesion']);
    expect(run.code).toBe(1);
    expect(run.err).toBe('indepth: --fail: unknown boundary failure `sesion` (did you mean `session`?); use a boundary type, an instance like `kernel@pool1-vm1`, or a group like `build:…` or `kernel@patch>30`\n');
  });

  it('keeps scenario problems in file:line:col form when flag problems come with them', async () => {
    const run = await cli(['simulate', 'models/single-org-pooled.yaml', '--scenario', 'scenarios/kernel-0day.yaml', '--from', 'bogus']);
    expect(run.code).toBe(1);
    expect(run.err).not.toMatch(STACK_FRAME);
    const lines = run.err.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toContain('scenarios/kernel-0day.yaml:6:8: unknown foothold `mallory`');
    expect(lines.some((l) => /--from: unknown foothold `bogus`/.test(l))).toBe(true);
  });
});

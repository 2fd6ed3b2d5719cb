// The same command line twice gives byte-identical output (and stderr and exit code), for every
// command and output format.

import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const lines: string[][] = [
  ['validate', 'models/cross-org-shared.yaml', 'models/single-org-pooled.yaml'],
  ['graph', 'models/cross-org-separated.yaml'],
  ['graph', 'models/cross-org-separated.yaml', '--json'],
  ['simulate', 'models/cross-org-shared.yaml', '--scenario', 'scenarios/kernel-0day.yaml'],
  ['simulate', 'models/cross-org-shared.yaml', '--scenario', 'scenarios/kernel-0day.yaml', '--json'],
  ['simulate', 'models/cross-org-separated.yaml', '--from', 'internet', '--from', 'mallory', '--fail', 'browser,kernel', '--control', 'reverseConnect=off', '--json'],
];

describe('determinism', () => {
  it.each(lines.map((argv) => [argv.join(' '), argv] as const))('%s', async (_name, argv) => {
    const first = await cli(argv);
    const second = await cli(argv);
    expect(first.code).toBe(0);
    expect(first.out.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });
});

// A diagram's headline at many organizations: it names up to four organizations one by one and
// counts the rest (at 100 organizations it listed all 99 unexposed ones). Checked by hand on a
// generated model of six organizations sharing one identity tenant (`generate --shared-tenant`).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagramOf } from '../../src/cli/commands/diagram.js';
import { loadModel } from '../../src/cli/load.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'indepth-headline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function headline(from: string): Promise<string> {
  const file = join(dir, 'six.yaml');
  expect((await cli(['generate', '--orgs', '6', '--users', '120', '--seed', '3', '--shared-tenant', '-q', '-o', file])).code).toBe(0);
  const drawn = diagramOf(loadModel(file), { name: 'h', from: [from], fail: [], controls: {} });
  if (!drawn.ok) throw new Error('no diagram');
  return drawn.state.headline;
}

describe('diagram headline at many organizations', () => {
  it('counts the exposed organizations beyond four, naming the first three', async () => {
    // org1-it is a tenant admin of the one shared tenant: control of every user of the five other
    // organizations, hence their data, with no failure.
    expect(await headline('org1-it')).toMatch(/^org1-it \(org1\) reaches (\d+) data stores of 5 organizations \(\d+ org2, \d+ org3, \d+ org4, …\) with no boundary failing$/);
  });

  it('counts the organizations not reached instead of listing them', async () => {
    // org1's standard users reach their own data only: the other five are counted.
    expect(await headline('org1')).toMatch(/^org1 reaches \d+ org1 data stores with no boundary failing · no data of the 5 other organizations$/);
  });
});

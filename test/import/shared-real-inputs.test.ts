// Against ../shared/real-inputs when it exists beside the clone (CI has it, a user's clone does
// not): the fixtures are unchanged copies, and importing the originals gives the same models.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, importFixture } from './support.js';

const SHARED = new URL('../../../shared/real-inputs/', import.meta.url).pathname;
const present = existsSync(SHARED);
if (!present) console.log(`skipping the ../shared/real-inputs import checks: ${SHARED} is absent (it exists beside CI's clone only)`);

const PAIRS: [string, string][] = [
  ['terraform/avdaccelerator-AADscenario', 'terraform/avdaccelerator-AADscenario'],
  ['terraform/avdaccelerator-ADDSscenario', 'terraform/avdaccelerator-ADDSscenario'],
  ['arm/quickstart-azure-virtual-desktop.json', 'arm/quickstart-azure-virtual-desktop.json'],
  ['rest', 'rest'],
];

describe.skipIf(!present)('../shared/real-inputs', () => {
  it('the fixtures are byte-identical copies of the shared inputs', () => {
    for (const [fixture, shared] of PAIRS) {
      const from = join(FIXTURES, fixture);
      const files = fixture.endsWith('.json') ? [''] : readdirSync(from).filter((f) => f !== 'LICENSE');
      for (const file of files) expect(readFileSync(join(from, file)), `${fixture}/${file}`).toEqual(readFileSync(join(SHARED, shared, file)));
    }
  });

  it.each(PAIRS)('%s imports into the same model as its fixture', async (fixture, shared) => {
    const a = await importFixture([join(FIXTURES, fixture)]);
    const b = await importFixture([join(SHARED, shared)]);
    expect(b.issues).toEqual([]);
    expect(b.model).toEqual(a.model);
  });
});

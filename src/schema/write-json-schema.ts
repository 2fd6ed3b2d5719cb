// Script: regenerates schema/*.schema.json from the schema declarations.
// Run after a build: `node dist/src/schema/write-json-schema.js`.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSchemaFiles } from './schema-files.js';

/** The package root: the nearest directory above this file with a package.json (src/ or dist/src/). */
function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('write-json-schema: no package.json above this script');
    directory = parent;
  }
  return directory;
}

const schemaDirectory = join(packageRoot(), 'schema');
mkdirSync(schemaDirectory, { recursive: true });
for (const [name, content] of renderSchemaFiles()) {
  writeFileSync(join(schemaDirectory, name), content);
  console.log(`wrote ${join('schema', name)}`);
}

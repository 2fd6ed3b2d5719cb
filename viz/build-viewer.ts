// Bundles the viewer (viz/viewer/main.ts and the src/ engine modules it imports) into one browser
// script with esbuild. `npm run build:viewer` writes dist/viewer/viewer.js, which `indepth view`
// inlines; run from source (tests), `indepth view` bundles in memory with these same options.

import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The package root, whether this runs as viz/build-viewer.ts or as dist/viz/build-viewer.js. */
export function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return basename(dirname(here)) === 'dist' ? resolve(here, '../..') : resolve(here, '..');
}

export const VIEWER_OUTPUT = 'dist/viewer/viewer.js';

export async function bundleViewer(): Promise<string> {
  const { build } = await import('esbuild');
  const root = packageRoot();
  const result = await build({
    entryPoints: [join(root, 'viz/viewer/main.ts')],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error('esbuild produced no output for the viewer');
  return file.text;
}

export async function writeViewerBundle(): Promise<string> {
  const out = join(packageRoot(), VIEWER_OUTPUT);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await bundleViewer());
  return out;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = await writeViewerBundle();
  process.stdout.write(`viewer bundle: ${out}\n`);
}

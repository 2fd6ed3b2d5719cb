// The real executable for tests that spawn it: src and viz transpiled file by file (as vitest loads
// them) into a scratch directory, not dist/ which others build. The scratch directory sits under
// node_modules/ so the emitted files resolve the project's dependencies (and git ignores them).

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { ROOT } from './model.js';

/** Every directory the executable imports from, transpiled with the layout kept. */
const SOURCES = ['src', 'viz'];

export interface TranspiledCli {
  /** Path of the executable's main.js, to run with `process.execPath`. */
  readonly main: string;
  /** Removes the scratch directory. */
  remove(): void;
}

/** Transpiles the CLI into a directory of its own (`name` plus this process id: runs may share a checkout). */
export function transpileCli(name: string): TranspiledCli {
  const scratch = `${ROOT}node_modules/.cache/${name}-${process.pid}/`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  writeFileSync(`${scratch}package.json`, '{ "type": "module" }\n');
  const compilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 };
  for (const dir of SOURCES) {
    for (const file of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const { outputText } = ts.transpileModule(readFileSync(join(ROOT, dir, file), 'utf8'), { compilerOptions, fileName: file });
      const target = join(scratch, dir, file.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, outputText);
    }
  }
  return { main: `${scratch}src/cli/main.js`, remove: () => rmSync(scratch, { recursive: true, force: true }) };
}

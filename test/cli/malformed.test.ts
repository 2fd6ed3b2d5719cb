// Malformed input files (empty, binary, not YAML, a top-level list, broken YAML, missing) make every
// command exit 1 with a `file:line:col:` message and never a stack trace.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, STACK_FRAME } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'indepth-malformed-'));
const inputs: Record<string, string | Buffer> = {
  empty: '',
  'comments only': '# nothing here\n',
  'invalid UTF-8': Buffer.from([0xff, 0xfe, 0x00, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0xc3, 0x28]),
  'control characters': Buffer.from('name: x\u0000\u0007\u0001\n', 'utf8'),
  'plain text': 'This is a note about the deployment, not a model.\n',
  'top-level list': '- id: acme\n- id: beta\n',
  'broken YAML': 'name: [unclosed\norganizations:\n  - id: a\n',
  'two YAML documents': '---\nname: a\n---\nname: b\n',
};
const files = Object.fromEntries(
  Object.entries(inputs).map(([name, content], i) => {
    const file = join(dir, `input-${i}.yaml`);
    writeFileSync(file, content);
    return [name, file] as const;
  }),
);
files['missing file'] = join(dir, 'does-not-exist.yaml');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const commands: Record<string, (file: string) => string[]> = {
  validate: (file) => ['validate', file],
  graph: (file) => ['graph', file, '--json'],
  simulate: (file) => ['simulate', file, '--from', 'mallory'],
  'simulate --scenario': (file) => ['simulate', 'models/cross-org-shared.yaml', '--scenario', file],
};

describe('malformed input', () => {
  for (const [command, argv] of Object.entries(commands)) {
    it.each(Object.keys(files))(`${command}: %s → exit 1, file:line:col message, no stack trace`, async (name) => {
      const file = files[name]!;
      const run = await cli(argv(file));
      expect(run.code).toBe(1);
      expect(run.out).toBe('');
      expect(run.err.startsWith(`${file}:`), run.err).toBe(true);
      expect(run.err).toMatch(/^.+:\d+:\d+: \S/);
      expect(run.err).not.toMatch(STACK_FRAME);
      expect(run.err).not.toContain('internal error');
    });
  }
});

describe('malformed input messages', () => {
  it('say a file holds several YAML documents in the user\u2019s terms, not the YAML library\u2019s API', async () => {
    const run = await cli(['validate', files['two YAML documents']!]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/multiple documents/);
    expect(run.err).not.toMatch(/parseAllDocuments|YAML\.\w+\(/);
  });
});

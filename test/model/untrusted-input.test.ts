// Hostile or broken input: empty files, binary bytes, YAML syntax errors, aliases and merge keys,
// prototype pollution, unreadable files. Each yields issues, never an exception.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/model/issues.js';
import { loadModelFile, parseModel } from '../../src/model/load-model.js';
import { issuesOf, lines } from './helpers.js';

describe('empty files', () => {
  it.each([
    ['nothing', ''],
    ['whitespace', '  \n\n'],
    ['only comments', '# a model\n# to be written\n'],
    ['only a document marker', '---\n# nothing yet\n'],
  ])('%s → "model file is empty" at 1:1', (_, text) => {
    expect(issuesOf(text)).toEqual(['m.yaml:1:1: model file is empty']);
  });
});

describe('binary input', () => {
  const everyByte = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)).toString('latin1');

  it('is refused with an issue at the first non-printable character', () => {
    expect(issuesOf(everyByte)).toEqual([
      'm.yaml:1:1: model file is not YAML text: it contains the non-printable character U+0000 (is it a binary file?)',
    ]);
    expect(issuesOf('name: x\norganizations: [{id: a\u0007}]\n')).toEqual([
      'm.yaml:2:23: model file is not YAML text: it contains the non-printable character U+0007 (is it a binary file?)',
    ]);
  });

  it('as a file that is not UTF-8 is one issue at 1:1', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'indepth-')), 'binary.yaml');
    writeFileSync(path, Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)));
    const result = loadModelFile(path);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      `${path}:1:1: model file is not UTF-8 text (is it a binary file?)`,
    ]);
  });

  it('does not mind tabs, line breaks, non-Latin letters or emoji', () => {
    const result = parseModel('name: "日本\tmodel 🚀"\r\norganizations: [{id: a, name: Ünïcode}]\r\ntenants: [{id: t, organizations: [a]}]\r\n', 'm.yaml');
    expect(result.ok && result.model.name).toBe('日本\tmodel 🚀');
  });
});

describe('YAML syntax errors', () => {
  it('are reported with the parser\u2019s position', () => {
    expect(issuesOf(lines('name: x', 'organizations: [{id: a}', 'tenants: []'))).toEqual([
      'm.yaml:3:1: invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('include duplicate keys', () => {
    expect(issuesOf(lines('name: x', 'name: y', 'organizations: [{id: a}]'))).toEqual([
      'm.yaml:2:1: invalid YAML: map keys must be unique',
    ]);
  });

  it('include several documents in one file', () => {
    expect(issuesOf(lines('name: x', '---', 'name: y'))[0]).toMatch(/^m\.yaml:2:1: the file holds multiple documents \(separated by `---`\); a model file must be one document$/);
  });

  it('include unknown tags', () => {
    expect(issuesOf(lines('name: !secret x', 'organizations: [{id: a}]'))).toEqual([
      'm.yaml:1:7: invalid YAML: unresolved tag: !secret',
    ]);
  });

  it('include nesting too deep for the parser', () => {
    const issues = issuesOf(`name: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    expect(issues.length).toBeGreaterThan(0);
  });
});

describe('a top level that is not a mapping', () => {
  it.each([
    ['a list', '- name: x\n', 'got a list'],
    ['a string', 'just words\n', 'got the string `just words`'],
    ['a number', '42\n', 'got the number `42`'],
  ])('%s is an issue', (_, text, what) => {
    expect(issuesOf(text)).toEqual([`m.yaml:1:1: the top level of the model file must be a mapping of keys to values, ${what}`]);
  });
});

describe('aliases, anchors and merge keys', () => {
  it('are refused, so nothing is ever expanded', () => {
    expect(
      issuesOf(
        lines(
          'name: x', // 1
          'organizations:', // 2
          '  - &org {id: a}', // 3
          'tenants:', // 4
          '  - id: t', // 5
          '    organizations: [*org]', // 6
        ),
      ),
    ).toEqual([
      'm.yaml:3:5: anchors (`&org`) are not supported: write the value out',
      'm.yaml:6:21: aliases (`*org`) are not supported: write the value out',
    ]);
  });

  it('refuse merge keys', () => {
    expect(issuesOf(lines('name: x', 'organizations:', '  - <<: {name: A}', '    id: a', 'tenants: [{id: t, organizations: [a]}]'))).toEqual([
      'm.yaml:3:5: merge keys (`<<`) are not supported: write the keys out',
    ]);
  });

  it('defuse "billion laughs" quickly', () => {
    const rows = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 10; level++) {
      const previous = `*a${level - 1}`;
      rows.push(`a${level}: &a${level} [${Array.from({ length: 9 }, () => previous).join(', ')}]`);
    }
    rows.push('name: *a9', 'organizations: [{id: a}]');
    const started = performance.now();
    const issues = issuesOf(lines(...rows));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(issues).toContain('m.yaml:11:7: aliases (`*a9`) are not supported: write the value out');
  });
});

describe('prototype pollution', () => {
  const attempt = lines(
    'name: x', // 1
    '__proto__: {polluted: true}', // 2
    'constructor: {prototype: {polluted: true}}', // 3
    'organizations:', // 4
    '  - id: a', // 5
    '    __proto__: {polluted: true}', // 6
    'tenants: [{id: t, organizations: [a], prototype: {polluted: true}}]', // 7
    'controls: {__proto__: {polluted: true}}', // 8
    'costs: {constructor: {polluted: true}}', // 9
    'extra: {__proto__: {polluted: true}}', // 10
  );

  it('is an unknown key wherever it is tried', () => {
    expect(issuesOf(attempt)).toEqual([
      'm.yaml:2:1: unknown key `__proto__` in the model',
      'm.yaml:3:1: unknown key `constructor` in the model',
      'm.yaml:6:5: unknown key `__proto__` in organization `a`',
      'm.yaml:7:39: unknown key `prototype` in tenant `t`',
      'm.yaml:8:12: unknown key `__proto__` in `controls`',
      'm.yaml:9:9: unknown key `constructor` in `costs`',
      'm.yaml:10:9: unknown key `__proto__` in `extra`',
    ]);
  });

  it('never reaches Object.prototype, from YAML or JSON', () => {
    parseModel(attempt, 'm.yaml');
    parseModel('{"name": "x", "__proto__": {"polluted": true}, "organizations": [{"id": "a", "__proto__": {"polluted": true}}]}', 'm.json');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('is not a way to smuggle a key into an entity of a model that loads', () => {
    const result = parseModel(lines('name: x', 'organizations: [{id: a}]', 'tenants: [{id: t, organizations: [a]}]'), 'm.yaml');
    expect(result.ok && Object.getPrototypeOf(result.model.organizations[0])).toBe(Object.prototype);
  });
});

describe('keys', () => {
  it('must be plain text', () => {
    expect(issuesOf(lines('name: x', 'organizations: [{id: a}]', 'tenants: [{id: t, organizations: [a]}]', '? [k]', ': v'))).toEqual([
      'm.yaml:4:3: keys must be plain text, got a list',
    ]);
  });
});

describe('loadModelFile', () => {
  it('reports a missing file at 1:1', () => {
    const result = loadModelFile('no/such/model.yaml');
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual(['no/such/model.yaml:1:1: cannot read model file: no such file']);
  });

  it('reports a directory at 1:1', () => {
    const directory = mkdtempSync(join(tmpdir(), 'indepth-'));
    const result = loadModelFile(directory);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([`${directory}:1:1: cannot read model file: it is a directory`]);
  });

  it('reads .yml and .json alike, and ignores a byte-order mark', () => {
    const directory = mkdtempSync(join(tmpdir(), 'indepth-'));
    const yml = join(directory, 'a.yml');
    const json = join(directory, 'a.json');
    writeFileSync(yml, '\uFEFFname: x\norganizations: [{id: a}]\ntenants: [{id: t, organizations: [a]}]\n');
    writeFileSync(json, '{"name": "x", "organizations": [{"id": "a"}], "tenants": [{"id": "t", "organizations": ["a"]}]}');
    const fromYml = loadModelFile(yml);
    const fromJson = loadModelFile(json);
    expect(fromYml.ok && fromJson.ok).toBe(true);
    expect(fromYml.ok && fromYml.model).toEqual(fromJson.ok && fromJson.model);
    expect(fromYml.ok && fromYml.locations.get('organizations/a')).toEqual({ file: yml, line: 2, column: 22 });
  });
});

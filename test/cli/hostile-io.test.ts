// Hostile input and output, one small case per kind of fault: output paths that cannot be written,
// inputs that never end or never start, sizes that would exhaust memory, numbers at the edge, terminal
// escapes in names, a boundary instance given two types, a YAML mapping with 100k keys. Every one is a
// clear, positioned message with the right exit code: never a hang, a stack or an "internal error".

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTextFile } from '../../src/model/read-text-file.js';
import { readYamlSource } from '../../src/model/yaml-source.js';
import { cli, STACK_FRAME } from '../support/cli.js';

const DIR = mkdtempSync(join(tmpdir(), 'indepth-hostile-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(DIR, name);
  writeFileSync(path, text);
  return path;
}

const SHARED = 'models/cross-org-shared.yaml';

/** A small valid model; `extra` lines are appended at the end. */
function model(lines: readonly string[], extra: readonly string[] = []): string {
  return [
    'name: m',
    'organizations: [{id: a}, {id: b}]',
    'tenants: [{id: t, organizations: [a, b]}]',
    'subscriptions: [{id: s, tenant: t, organizations: [a, b]}]',
    ...lines,
    ...extra,
    '',
  ].join('\n');
}

function expectClean(run: { code: number; err: string }, code: number, messages: readonly (string | RegExp)[]): void {
  expect(run.code, run.err).toBe(code);
  for (const message of messages) {
    if (typeof message === 'string') expect(run.err).toContain(message);
    else expect(run.err).toMatch(message);
  }
  expect(run.err).not.toMatch(STACK_FRAME);
  expect(run.err).not.toContain('internal error');
}

describe('output paths', () => {
  it.each([
    ['a missing directory', ['export', SHARED, '--format', 'dot', '-o', '/no-such-dir/g.dot'], '-o /no-such-dir/g.dot: the directory /no-such-dir does not exist'],
    ['a directory', ['export', SHARED, '--format', 'dot', '-o', DIR], `-o ${DIR}: it is a directory; name a file in it`],
    ['the input model itself', ['export', SHARED, '--format', 'dot', '-o', SHARED], `-o ${SHARED}: that is the input ${SHARED}; refusing to overwrite it`],
    ['the input model by another spelling', ['export', SHARED, '--format', 'dot', '-o', `./models/../${SHARED}`], 'refusing to overwrite it'],
    ['a diagram over its scenario file', ['diagram', SHARED, '--scenario', 'scenarios/kernel-0day.yaml', '-o', 'scenarios/kernel-0day.yaml'], 'that is the input scenarios/kernel-0day.yaml'],
    ['--png to a name without extension', ['diagram', SHARED, '--from', 'mallory', '--png', join(DIR, 'shot')], `--png ${join(DIR, 'shot')}: expected a file name ending in .png, got no extension`],
    ['--png to a .jpg', ['diagram', SHARED, '--from', 'mallory', '--png', join(DIR, 'shot.jpg')], 'expected a file name ending in .png, got `.jpg`'],
    ['--png to a missing directory', ['view', SHARED, '-o', join(DIR, 'v.html'), '--png', '/no-such-dir/v.png'], '--png /no-such-dir/v.png: the directory /no-such-dir does not exist'],
    ['view -o over the second model', ['view', SHARED, 'models/cross-org-separated.yaml', '-o', 'models/cross-org-separated.yaml'], 'that is the input models/cross-org-separated.yaml'],
    ['generate -o to a directory', ['generate', '-o', DIR], 'it is a directory'],
    // A name in another well-known format is a slip, not a wish for SVG bytes in a .jpg.
    ['diagram -o to a .jpg', ['diagram', SHARED, '--from', 'mallory', '-o', join(DIR, 'd.jpg')], `-o ${join(DIR, 'd.jpg')}: this writes SVG, not JPEG; name a file ending in .svg`],
    ['view -o to a .png', ['view', SHARED, '-o', join(DIR, 'v.png')], 'this writes HTML, not PNG; name a file ending in .html or .htm'],
    ['export --format dot -o to a .json', ['export', SHARED, '--format', 'dot', '-o', join(DIR, 'g.json')], 'this writes Graphviz DOT, not JSON; name a file ending in .dot or .gv'],
    ['check (text) -o to a .sarif', ['check', SHARED, '-o', join(DIR, 'r.sarif')], 'this writes text, not SARIF; name a file ending in .txt or .log or .md'],
  ])('%s: exit 2, one clear line, nothing written', async (_name, argv, message) => {
    const before = readFileSync(SHARED, 'utf8');
    const run = await cli(argv);
    expectClean(run, 2, [message]);
    expect(run.out).toBe('');
    expect(readFileSync(SHARED, 'utf8')).toBe(before);
  });

  // Chromium hands the PNG back and indepth writes it through the checked writer: a file that opens
  // but cannot be written (/dev/full: ENOSPC) is one line naming the path, exit 2, as for -o.
  it.skipIf(!existsSync('/usr/bin/chromium')).each([
    ['diagram', ['diagram', SHARED, '--from', 'mallory', '-o', join(DIR, 'd.svg'), '--png', '/dev/full']],
    ['view', ['view', SHARED, '-o', join(DIR, 'v.html'), '--png', '/dev/full']],
  ])('%s --png to a full disk: exit 2, one clear line naming the path', async (_name, argv) => {
    const run = await cli(argv);
    expectClean(run, 2, ['indepth: cannot write /dev/full: no space left on device']);
    expect(run.err.trim().split('\n').filter((l) => l.startsWith('indepth:'))).toHaveLength(1);
  }, 60_000);

  it('recommend refuses -o naming its spec, and -o equal to --policy-out', async () => {
    const spec = file('spec.yaml', 'name: s\norganizations: [{id: a, users: 2}]\n');
    expectClean(await cli(['recommend', spec, '-o', spec]), 2, ['refusing to overwrite it']);
    const out = join(DIR, 'same.yaml');
    expectClean(await cli(['recommend', spec, '-o', out, '--policy-out', out]), 2, ['-o and --policy-out name the same file']);
  });
});

describe('inputs that never end or never start', () => {
  it('a FIFO with no writer is read as "no writer", at once', async () => {
    const fifo = join(DIR, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    expectClean(await cli(['validate', fifo]), 1, [`${fifo}:1:1: cannot read model file: it is a FIFO (named pipe) with no writer`]);
  });

  it('/dev/zero stops at the size limit', () => {
    const read = readTextFile('/dev/zero', 'model', 1 << 20);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.issues[0]!.message).toBe('model file is larger than the limit of 1 MiB (set INDEPTH_MAX_INPUT_MB to raise it)');
  });

  it('a huge file is refused by its size, before reading', async () => {
    const huge = join(DIR, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, 300 * 1024 * 1024); // sparse: no disk used
    expectClean(await cli(['validate', huge]), 1, [`${huge}:1:1: model file is larger than the limit of 256 MiB (set INDEPTH_MAX_INPUT_MB to raise it)`]);
  });

  it('a directory as the model', async () => {
    expectClean(await cli(['validate', 'models']), 1, ['models:1:1: cannot read model file: it is a directory']);
  });
});

describe('sizes and numbers at the edge', () => {
  it.each([
    ['count: 1e9', ['hostPools: [{id: p, subscription: s, type: pooled}]', 'users: [{id: u, organization: a, hostPool: p, count: 1e9}]'], /:6:\d+: `count` of user `u` must be <= 2000000, got/],
    ['vms: 1e8', ['hostPools: [{id: p, subscription: s, type: pooled, vms: 1e8}]', 'users: [{id: u, organization: a, hostPool: p}]'], /:5:\d+: `vms` of host pool `p` must be <= 100000, got/],
    [
      'counts that each fit but sum past the limit',
      ['hostPools: [{id: p, subscription: s, type: pooled}]', 'users:', '  - {id: u1, organization: a, hostPool: p, count: 1500000}', '  - {id: u2, organization: b, hostPool: p, count: 1000000}'],
      /:7:\d+: the model stands for 2500000 principals \(the sum of every user's `count`; user `u1` has 1500000\); indepth handles at most 2000000/,
    ],
    ['tenantMonthly: 1e308', ['hostPools: [{id: p, subscription: s, type: pooled}]', 'users: [{id: u, organization: a, hostPool: p}]', 'costs: {tenantMonthly: 1e308}'], /:7:\d+: `tenantMonthly` of `costs` must be <= 1000000000, got/],
    ['a count beyond integers', ['hostPools: [{id: p, subscription: s, type: pooled}]', 'users: [{id: u, organization: a, hostPool: p, count: 1e308}]'], /:6:\d+: `count` of user `u` must be an integer/],
  ])('%s: a positioned error before anything is built', async (_name, lines, message) => {
    const path = file('edge.yaml', model(lines));
    const run = await cli(['validate', path]);
    expectClean(run, 1, [message]);
  });

  it('recommend with users: 1e9 is refused with a position', async () => {
    const spec = file('big-spec.yaml', 'name: s\norganizations: [{id: a, users: 1e9}]\n');
    expectClean(await cli(['recommend', spec]), 1, [/big-spec\.yaml:2:\d+: `users` of organization `a` must be <= 2000000/]);
  });
});

describe('terminal escapes in names', () => {
  const evil = model(
    ['hostPools: [{id: p, subscription: s, type: pooled}]', 'users: [{id: u, organization: a, hostPool: p}, {id: v, organization: b, hostPool: p}]'],
    ['data: [{id: d, organization: b, classification: restricted, location: share, users: [v]}]'],
  ).replace('name: m', 'name: "m\\e]0;pwned\\a\\e[31m"');

  it('are shown as \\x1b in text output, DOT, Mermaid and error messages, never sent raw', async () => {
    const path = file('evil.yaml', evil.replace('{id: a}', '{id: a, name: "Acme\\e[2J\\x9b"}'));
    const outputs = [
      await cli(['simulate', path, '--from', 'u', '--fail', 'kernel']),
      await cli(['export', path, '--format', 'dot']),
      await cli(['export', path, '--format', 'mermaid']),
      await cli(['depth', path, '--from', 'u']),
      await cli(['simulate', path, '--from', '\u001b[2Jmallory']),
    ];
    for (const run of outputs) {
      expect(run.out + run.err).not.toMatch(/[\u001b\u0007\u009b]/);
    }
    expect(outputs[1]!.out).toContain('Acme\\\\x1b[2J\\\\x9b');
    expect(outputs[4]!.err).toContain('\\x1b[2Jmallory');
  });

  it('JSON keeps the value (escaped as JSON does, C1 controls as \\u009b)', async () => {
    const path = file('evil-json.yaml', evil.replace('{id: a}', '{id: a, name: "Acme\\x9b"}'));
    const run = await cli(['graph', path, '--json']);
    expect(run.out).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(run.out).toContain('Acme\\u009b');
    const parsed = JSON.parse(run.out) as { nodes: { label: string }[] };
    expect(parsed.nodes.some((n) => n.label === 'Acme\u009b')).toBe(true);
  });

  // `cat blast.svg` or `less review.md` must not obey them either; SVG (XML) cannot carry ESC at all.
  it('nor do the files written: the diagram SVG, the review (Markdown with its SVG figures, and HTML) and the viewer page carry none', async () => {
    const path = file('evil-files.yaml', evil.replace('{id: a}', '{id: a, name: "Acme\\e[2J\\x9b"}'));
    const svg = await cli(['diagram', path, '--from', 'u']);
    expect(svg.code, svg.err).toBe(0);
    const written = [svg.out];
    for (const out of ['review.md', 'review.html', 'view.html']) {
      const run = await cli([out === 'view.html' ? 'view' : 'report', path, '-o', join(DIR, out), '--quiet']);
      expect(run.code, run.err).toBe(0);
      written.push(readFileSync(join(DIR, out), 'utf8'));
    }
    const figures = join(DIR, 'review-files');
    for (const name of readdirSync(figures)) written.push(readFileSync(join(figures, name), 'utf8'));
    expect(written.length).toBeGreaterThan(4);
    for (const text of written) expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(written[1]).toContain('Acme\\x1b\\[2J\\x9b');
  });
});

describe('model errors that used to be internal errors', () => {
  it('an extra edge instance given two boundary types is a positioned model error, in validate too', async () => {
    const path = file(
      'instance.yaml',
      model(
        ['hostPools: [{id: p, subscription: s, type: pooled}]', 'users: [{id: u, organization: a, hostPool: p}, {id: v, organization: b, hostPool: p}]'],
        ['extra:', '  edges:', '    - {from: u, to: v, boundary: session, instance: shared-x}', '    - {from: v, to: u, boundary: kernel, instance: shared-x}'],
      ),
    );
    expectClean(await cli(['validate', path]), 1, [
      /instance\.yaml:10:\d+: extra edge 2 \(`v` → `u`\) names boundary instance `shared-x` as a kernel boundary, but extra edge 1 names it as a session boundary/,
    ]);
  });

  it('an extra edge reusing a derived instance with another type', async () => {
    const path = file(
      'derived.yaml',
      model(
        ['hostPools: [{id: p, subscription: s, type: pooled}]', 'users: [{id: u, organization: a, hostPool: p}, {id: v, organization: b, hostPool: p}]'],
        ['extra:', '  edges:', '    - {from: u, to: v, boundary: session, instance: kernel@p-vm1}'],
      ),
    );
    expectClean(await cli(['validate', path]), 1, [/derived\.yaml:9:\d+: extra edge 1 .* names boundary instance `kernel@p-vm1` as a session boundary, but the rules derive it as another type/]);
  });
});

describe('YAML', () => {
  it('a mapping with 100k keys parses and its duplicate keys are found in one pass (the quadratic check took minutes)', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`);
    keys.push('k5: again', 'k99999: again');
    const read = readYamlSource(keys.join('\n'), 'big.yaml', 'model');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.issues.map((i) => `${i.location.line}:${i.location.column}: ${i.message}`)).toEqual([
      '100001:1: invalid YAML: map keys must be unique',
      '100002:1: invalid YAML: map keys must be unique',
    ]);
    // A few seconds on an idle machine; the quadratic check took over 5 minutes at 50k keys.
  }, 180_000);

  it('keys equal as text but of other types are not duplicates (1 and "1")', () => {
    expect(readYamlSource('1: a\n"1": b\n', 'k.yaml', 'model').ok).toBe(true);
  });
});

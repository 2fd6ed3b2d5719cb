// The viewer page: one file, no external references, a CSP whose hashes match the inline script and
// style (the packed records unpack to the CLI's: viewer-pack.test.ts).

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { ROOT } from './support.js';

function sha(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

async function view(args: string[]): Promise<{ code: number; html: string; err: string }> {
  const out = join(mkdtempSync(join(tmpdir(), 'indepth-view-')), 'view.html');
  let err = '';
  const code = await runCli(['view', ...args, '-o', out], { out: () => {}, err: (t) => void (err += t), errIsTty: false });
  return { code, html: code === 0 ? readFileSync(out, 'utf8') : '', err };
}

describe('indepth view', () => {
  it('writes one self-contained page whose CSP hashes match its script and style', async () => {
    const { code, html } = await view([`${ROOT}models/cross-org-shared.yaml`, `${ROOT}models/cross-org-separated.yaml`]);
    expect(code).toBe(0);
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const csp = /content="(default-src[^"]+)"/.exec(html)![1]!;
    expect(csp).toContain(`script-src '${sha(script)}'`);
    expect(csp).toContain(`style-src '${sha(style)}'`);
    // Nothing to fetch: no src/href attributes, no URLs to other origins in markup.
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/<link|<iframe|<object|<embed/i);
    expect(html.match(/<script/g)).toHaveLength(2);
  }, 60_000);

  it('rejects an unknown --fail spec', async () => {
    const { code, err } = await view([`${ROOT}models/cross-org-shared.yaml`, '--fail', 'kernal']);
    expect(code).toBe(1);
    expect(err).toContain('--fail: unknown boundary failure `kernal`');
  }, 60_000);

  it('rejects an unknown --from foothold', async () => {
    const { code, err } = await view([`${ROOT}models/cross-org-shared.yaml`, '--from', 'malory']);
    expect(code).toBe(1);
    expect(err).toContain('--from');
  }, 60_000);
});

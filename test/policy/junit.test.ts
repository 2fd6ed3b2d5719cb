// JUnit XML: one suite per policy, a failing case per finding, a passing case per policy that holds;
// and every text escaped so hostile titles, fixes and file names still give well-formed XML.

import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/policy/policy.js';
import type { CheckResult } from '../../src/policy/run-policies.js';
import { attribute, formatJunit, text } from '../../src/report/junit.js';
import { cli } from '../support/cli.js';

/**
 * A small well-formedness check (no XML parser is installed): balanced tags, attributes quoted,
 * no raw `<` or `&` outside markup and entity references, no characters XML 1.0 forbids.
 */
function wellFormed(xml: string): string[] {
  const problems: string[] = [];
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)) problems.push('forbidden control character');
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    const [, closing, name, , selfClosing, chars, stray] = m;
    if (stray !== undefined) problems.push(`stray < at ${m.index}`);
    else if (chars !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(chars)) problems.push(`raw & in ${JSON.stringify(chars.slice(0, 40))}`);
    } else if (closing === '/') {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
    } else if (selfClosing !== '/') stack.push(name!);
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
  for (const [, value] of xml.matchAll(/="([^"]*)"/g)) {
    if (/[<\n]/.test(value!) || /&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(value!)) problems.push(`bad attribute ${value}`);
  }
  return problems;
}

const hostile = 'a <b> & "c" \'d\'\nline\ttab\u0001\u0007 \uD800 end';

function resultWith(findings: Finding[]): CheckResult {
  return {
    model: 'models/<evil>&.yaml',
    baseline: null,
    policyFile: null,
    policySet: 'p',
    policies: [
      { id: 'mine', title: hostile, description: hostile, guide: hostile, fix: hostile, severity: 'error' },
      { id: 'quiet', title: 'q', description: 'q', guide: '', fix: 'q', severity: 'warning' },
    ],
    findings,
  };
}

describe('junit', () => {
  it('escapes element text and attribute values, and drops characters XML cannot carry', () => {
    expect(text('<a & b>')).toBe('&lt;a &amp; b&gt;');
    expect(attribute('"x" \'y\'\n\tz')).toBe('&quot;x&quot; &apos;y&apos;&#10;&#9;z');
    expect(text('a\u0000b\u001Fc\uFFFEd\uD800e\uD83D\uDE00')).toBe('abcde\uD83D\uDE00');
  });

  it('hostile messages, fixes and file names still give well-formed XML', () => {
    const finding: Finding = {
      id: 'mine@x',
      policy: 'mine',
      severity: 'error',
      asset: 'x',
      message: hostile,
      fix: hostile,
      location: { file: 'models/<evil>&.yaml', line: 3, column: 5 },
      related: [{ location: { file: 'a"b.yaml', line: 1, column: 1 }, message: hostile }],
    };
    const xml = formatJunit(resultWith([finding]));
    expect(wellFormed(xml)).toEqual([]);
    expect(xml).toContain('<testsuite name="mine" tests="1" failures="1" errors="0" skipped="0">');
    expect(xml).toContain('<testcase name="quiet holds" classname="indepth.quiet"/>');
    expect(xml).toContain('file="models/&lt;evil&gt;&amp;.yaml" line="3"');
    expect(xml).toContain('tests="2" failures="1"');
  });

  it('the check command\u2019s JUnit for the shared model is well formed, one failing case per finding', async () => {
    const run = await cli(['check', 'models/cross-org-shared.yaml', '--format', 'junit']);
    expect(run.code).toBe(1);
    expect(wellFormed(run.out)).toEqual([]);
    expect(run.out.match(/<failure /g)).toHaveLength(8);
    expect(run.out).toContain('<testcase name="cross-org-depth@contoso-finance" classname="indepth.cross-org-depth" file="models/cross-org-shared.yaml" line="64">');
  });

  it('the checker itself rejects broken XML', () => {
    expect(wellFormed('<a><b></a>')).not.toEqual([]);
    expect(wellFormed('<a x="1 < 2"/>')).not.toEqual([]);
    expect(wellFormed('<a>R&D</a>')).not.toEqual([]);
  });
});

// A check result as JUnit XML, which most CI systems (GitLab, Jenkins, Azure Pipelines, CircleCI)
// show as a test report: one suite per policy, one failing test case per finding, and one passing
// case for a policy without findings. Every text is escaped for XML 1.0.

import type { Finding } from '../policy/policy.js';
import type { CheckResult } from '../policy/run-policies.js';

export function formatJunit(result: CheckResult): string {
  const suites = result.policies.map((policy) => {
    const findings = result.findings.filter((f) => f.policy === policy.id);
    const cases =
      findings.length === 0
        ? [`    <testcase name="${attribute(`${policy.id} holds`)}" classname="${attribute(`indepth.${policy.id}`)}"/>`]
        : findings.map(testCase);
    return [
      `  <testsuite name="${attribute(policy.id)}" tests="${Math.max(findings.length, 1)}" failures="${findings.length}" errors="0" skipped="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const tests = result.policies.reduce((n, p) => n + Math.max(result.findings.filter((f) => f.policy === p.id).length, 1), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attribute(`indepth check ${result.model}`)}" tests="${tests}" failures="${result.findings.length}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testCase(finding: Finding): string {
  const { file, line, column } = finding.location;
  const body = [
    `${file}:${line}:${column}: ${finding.message}`,
    `Fix: ${finding.fix}`,
    ...finding.related.map((r) => `See ${r.location.file}:${r.location.line}:${r.location.column}: ${r.message}`),
  ].join('\n');
  return [
    `    <testcase name="${attribute(finding.id)}" classname="${attribute(`indepth.${finding.policy}`)}" file="${attribute(file)}" line="${line}">`,
    `      <failure type="${finding.severity}" message="${attribute(finding.message)}">${text(body)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

/** Characters XML 1.0 cannot carry at all (not even as references): dropped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Element content: markup characters escaped. */
export function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute values (always double-quoted here): also quotes, and whitespace kept as references. */
export function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

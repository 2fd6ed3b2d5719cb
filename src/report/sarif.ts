// A check result as SARIF 2.1.0, the format GitHub code scanning (and most other dashboards) ingest:
// one rule per policy with its guide sentence and fix as help, one result per finding at the model
// file's line and column, and the finding id as a partial fingerprint so alerts stay matched across
// runs even when the offending line moves. `primaryLocationLineHash` is derived from the finding id
// too, so GitHub keeps two findings on one line (a JSON model is one line) as two alerts, and an
// alert survives edits of the model around it.

import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, PolicyInfo, Severity } from '../policy/policy.js';
import type { CheckResult } from '../policy/run-policies.js';
import type { SourceLocation } from '../model/types.js';
import { toJson } from './json.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The partialFingerprints key under which each result carries its stable finding id. */
export const FINGERPRINT_KEY = 'indepthFindingId/v1';

export interface SarifOptions {
  readonly toolVersion: string;
  /** Turns a file as given on the command line into the artifact URI (see artifactUri). */
  readonly uri: (file: string) => string;
}

/**
 * A file's URI relative to `root` (the repository checkout, where code scanning resolves it), with
 * `/` separators and each segment percent-encoded; an absolute `file:` URI for files outside it.
 */
export function artifactUri(file: string, root: string): string {
  const absolute = resolve(root, file);
  const path = relative(root, absolute);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return pathToFileURL(absolute).href;
  return path.split(sep).map(encodeURIComponent).join('/');
}

/** GitHub ranks code-scanning alerts by this property (CVSS-like, 0.0–10.0). */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { error: '8.0', warning: '5.0', note: '2.0' };

export function formatSarif(result: CheckResult, options: SarifOptions): string {
  const ruleIndex = new Map(result.policies.map((p, i) => [p.id, i] as const));
  return toJson({
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'indepth',
            semanticVersion: options.toolVersion,
            version: options.toolVersion,
            rules: result.policies.map(rule),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((finding) => sarifResult(finding, ruleIndex.get(finding.policy) ?? -1, options, result.baseline !== null)),
        properties: {
          model: result.model,
          baseline: result.baseline,
          policySet: result.policySet,
        },
      },
    ],
  });
}

function rule(policy: PolicyInfo) {
  const guide = policy.guide === '' ? '' : `\n\nThe guide: \u201c${policy.guide}\u201d`;
  const guideMarkdown = policy.guide === '' ? '' : `\n\n> ${policy.guide}`;
  return {
    id: policy.id,
    name: pascalCase(policy.id),
    shortDescription: { text: policy.title },
    fullDescription: { text: policy.description },
    help: {
      text: `${policy.description}${guide}\n\nFix: ${policy.fix}`,
      markdown: `**${policy.title}**\n\n${policy.description}${guideMarkdown}\n\n**Fix:** ${policy.fix}`,
    },
    defaultConfiguration: { level: policy.severity },
    properties: {
      tags: ['security', 'threat-model'],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[policy.severity],
    },
  };
}

function sarifResult(finding: Finding, ruleIndex: number, options: SarifOptions, withBaseline: boolean) {
  return {
    ruleId: finding.policy,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: finding.severity,
    message: { text: `${finding.message} Fix: ${finding.fix}` },
    locations: [{ physicalLocation: physical(finding.location, options) }],
    ...(finding.related.length > 0
      ? {
          relatedLocations: finding.related.map((related, i) => ({
            id: i + 1,
            physicalLocation: physical(related.location, options),
            message: { text: related.message },
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: finding.id, primaryLocationLineHash: lineHash(finding.id) },
    ...(withBaseline ? { baselineState: finding.change?.kind === 'worse' ? 'updated' : 'new' } : {}),
    properties: {
      findingId: finding.id,
      asset: finding.asset,
      ...(finding.depths !== undefined ? { depths: finding.depths } : {}),
      ...(finding.minDepth !== undefined ? { minDepth: finding.minDepth } : {}),
      ...(finding.change?.was !== undefined ? { baselineDepths: finding.change.was } : {}),
    },
  };
}

/** GitHub's `primaryLocationLineHash` shape (16 hex digits, `:` occurrence), from the finding id alone. */
export function lineHash(findingId: string): string {
  return `${createHash('sha256').update(findingId).digest('hex').slice(0, 16)}:1`;
}

function physical(location: SourceLocation, options: SarifOptions) {
  return {
    artifactLocation: { uri: options.uri(location.file) },
    region: { startLine: location.line, startColumn: location.column },
  };
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

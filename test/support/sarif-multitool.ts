// Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool, a self-contained .NET binary per
// platform): `validate` checks a log against the SARIF 2.1.0 schema and the SARIF rules, and with
// rule kind `Gh` against GitHub code scanning's ingestion rules (GH1001…). Offline, ~3 s per run,
// so tests validate many logs in one run.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MultitoolResult {
  readonly ruleId: string;
  readonly level: string;
  readonly file: string;
  readonly message: string;
}

/** The platform binary the npm package resolves to (it exports the path). */
export function multitoolPath(): string {
  return createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
}

/** Validates each log (by name) with the schema, SARIF and GitHub rules; returns every result, per log name. */
export function multitoolValidate(logs: ReadonlyMap<string, string>): Map<string, MultitoolResult[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'indepth-sarif-'));
  const directory = join(scratch, 'logs');
  try {
    mkdirSync(directory);
    for (const [name, text] of logs) writeFileSync(join(directory, `${name}.sarif`), text);
    const output = join(scratch, 'validation.json');
    const run = spawnSync(multitoolPath(), ['validate', directory, '--rule-kind', 'Gh;Sarif', '--output', output, '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    if (run.error !== undefined || run.status === null) throw new Error(`the SARIF multitool did not run: ${run.error?.message ?? run.signal}`);
    const report = JSON.parse(readFileSync(output, 'utf8').replace(/^\uFEFF/, '')) as {
      runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] }; locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const byLog = new Map<string, MultitoolResult[]>([...logs.keys()].map((name) => [name, []]));
    for (const result of report.runs.flatMap((r) => r.results ?? [])) {
      const uri = result.locations?.[0]?.physicalLocation.artifactLocation.uri ?? '';
      const name = decodeURIComponent(uri.replace(/^.*\//, '').replace(/\.sarif$/, ''));
      byLog.get(name)?.push({
        ruleId: result.ruleId,
        level: result.level ?? 'warning',
        file: name,
        message: [result.message.text ?? result.message.id ?? '', ...(result.message.arguments ?? [])].join(' '),
      });
    }
    return byLog;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Every output format of `indepth check`, by name: the `--format` values are this map's keys.

import type { CheckResult } from '../policy/run-policies.js';
import { formatCheckJson } from './check-json.js';
import { formatFindingsText } from './findings-text.js';
import { formatJunit } from './junit.js';
import { formatSarif, type SarifOptions } from './sarif.js';

/** Every format gets the same arguments; only SARIF needs the tool version and artifact URIs. */
export type CheckFormatter = (result: CheckResult, options: SarifOptions) => string;

export const CHECK_FORMATS = {
  text: (result) => formatFindingsText(result),
  json: (result) => formatCheckJson(result),
  sarif: (result, options) => formatSarif(result, options),
  junit: (result) => formatJunit(result),
} as const satisfies Record<string, CheckFormatter>;

export type CheckFormat = keyof typeof CHECK_FORMATS;

export function isCheckFormat(name: string): name is CheckFormat {
  return Object.hasOwn(CHECK_FORMATS, name);
}

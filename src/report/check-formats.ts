// Every output format of `indepth check`, by name: the `--format` values are this map's keys.

import type { CheckResult } from '../policy/run-policies.js';
import { formatCheckJson } from './check-json.js';
import { formatFindingsText } from './findings-text.js';
import { formatJunit } from './junit.js';
import { formatSarif, type SarifOptions } from './sarif.js';

export const CHECK_FORMATS = {
  text: (result: CheckResult) => formatFindingsText(result),
  json: (result: CheckResult) => formatCheckJson(result),
  sarif: (result: CheckResult, options: SarifOptions) => formatSarif(result, options),
  junit: (result: CheckResult) => formatJunit(result),
} as const;

export type CheckFormat = keyof typeof CHECK_FORMATS;

export function isCheckFormat(name: string): name is CheckFormat {
  return Object.hasOwn(CHECK_FORMATS, name);
}

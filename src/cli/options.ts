// Options shared by commands, defined once: the attacker (--from), --scenario, --control, --quiet;
// and the parsers behind them (repeatable flags, control toggles, integers, sizes).

import { Option } from 'commander';
import { CONTROL_NAMES, isControlName, type ControlName } from '../domain/controls.js';
import { didYouMean } from '../model/suggest.js';

/** commander helper for repeatable options: `--from a --from b` → ['a', 'b']; also accepts `a,b`. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v.length > 0)];
}

export interface ControlToggles {
  readonly values: Partial<Record<ControlName, boolean>>;
  /** One message per bad toggle, so they can be reported with every other problem at once. */
  readonly problems: readonly string[];
}

/** `reverseConnect=off` → { reverseConnect: false }. */
export function parseControlToggles(toggles: readonly string[]): ControlToggles {
  const out: Partial<Record<ControlName, boolean>> = {};
  const problems: string[] = [];
  for (const toggle of toggles) {
    const at = toggle.indexOf('=');
    const name = at < 0 ? toggle : toggle.slice(0, at);
    const value = at < 0 ? '' : toggle.slice(at + 1);
    if (!isControlName(name)) {
      problems.push(`--control: unknown control \`${name}\`${didYouMean(name, CONTROL_NAMES)}; known: ${CONTROL_NAMES.join(', ')}`);
      continue;
    }
    if (!['on', 'off', 'true', 'false'].includes(value)) {
      problems.push(`--control ${name}: expected \`on\` or \`off\`, got \`${value}\``);
      continue;
    }
    out[name] = value === 'on' || value === 'true';
  }
  return { values: out, problems };
}

/** An integer flag within [min, max]; a bad value adds a problem and yields `min`. */
export function parseIntegerOption(flag: string, text: string, min: number, max: number, problems: string[]): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    problems.push(`${flag}: expected an integer from ${min} to ${max}, got \`${text}\``);
    return min;
  }
  return value;
}

const UNITS: Readonly<Record<string, number>> = { '': 1, B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3 };

/** A size like `1GB`, `500MB`, `64KiB` or `4096` (bytes), at least 1 KB; a bad value adds a problem and yields 1 GB. */
export function parseByteSize(flag: string, text: string, problems: string[]): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match === null ? undefined : UNITS[match[2]!.toUpperCase()];
  const bytes = match === null || unit === undefined ? NaN : Math.floor(Number(match[1]) * unit);
  if (!Number.isFinite(bytes) || bytes < 1000) {
    problems.push(`${flag}: expected a size of at least 1KB like 500MB, 1GB or 64KiB, got \`${text}\``);
    return 1e9;
  }
  return bytes;
}

/** `-f, --from <id>`, repeatable; `what` says which footholds the command takes. */
export function fromOption(what = 'foothold(s): node id (user, device, internet, web), user group, or organization (= any standard user of it); repeatable'): Option {
  return new Option('-f, --from <id>', what).argParser(collect).default([]);
}

/** `-s, --scenario <file>`: a scenario file (schema/scenario.schema.json); `what` says what the command takes from it. */
export function scenarioOption(what = 'scenario file (footholds, failures, control toggles); flags add to it'): Option {
  return new Option('-s, --scenario <file>', what);
}

/** `--control <name=on|off>`, repeatable. */
export function controlOption(what = `turn a control on or off (${CONTROL_NAMES.join(', ')}); repeatable`): Option {
  return new Option('--control <name=on|off>', what).argParser(collect).default([]);
}

/** `-q, --quiet`: nothing on stderr but errors and warnings; `what` names what it silences in this command. */
export function quietOption(what = 'no progress or notes on stderr (errors and warnings still print)'): Option {
  return new Option('-q, --quiet', what);
}

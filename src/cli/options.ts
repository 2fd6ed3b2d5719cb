// Option parsers shared by commands: repeatable flags and control toggles.

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

// A subnet's inbound `from` and outbound `to` entries name subnets or networks of the model (or
// `internet`, inbound only): a typo would silently allow or deny nothing, so it is reported.

import { INTERNET } from '../../compile/ids.js';
import { didYouMean } from '../suggest.js';
import { named, type ModelCheck } from './model-check.js';

export const securityRuleNames: ModelCheck = {
  id: 'security-rule-names',
  description: 'inbound `from` and outbound `to` entries name a subnet, a network or (inbound) `internet`',
  run(model, { at, report }) {
    const known = new Set<string>();
    for (const s of model.subnets ?? []) if (s.id !== undefined) known.add(s.id);
    for (const n of model.networks ?? []) if (n.id !== undefined) known.add(n.id);
    for (const subnet of model.subnets ?? []) {
      const who = named('subnet', subnet.id);
      const check = (entries: readonly string[] | undefined, key: string, allowInternet: boolean) => {
        (entries ?? []).forEach((name, index) => {
          if (known.has(name) || (allowInternet && name === INTERNET)) return;
          const candidates = allowInternet ? [...known, INTERNET] : [...known];
          report(
            at(entries!, index),
            `${who}: \`${key}\` entry \`${name}\` is not a subnet or network of the model${allowInternet ? ' (nor `internet`)' : ''}${didYouMean(name, candidates)}`,
          );
        });
      };
      for (const rule of subnet.inbound ?? []) check(rule.from, 'from', true);
      for (const rule of subnet.outbound ?? []) check(rule.to, 'to', false);
    }
  },
};

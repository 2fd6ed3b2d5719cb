// The registry: one file and one test file per policy, unique ids, and every policy carries its
// metadata — a title, a description, a fix and a sentence of the guide, quoted exactly.

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../src/policy/policy-schema.js';
import { POLICIES } from '../../src/policy/registry.js';
import { ROOT } from '../support/model.js';
import { sharedText } from '../support/shared.js';

/** The guide's text with Markdown links reduced to their words and apostrophes made plain. */
const guideText = sharedText('seed/avd-cross-org-security-guide.md');
const guide = guideText === null ? '' : normalize(guideText.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'));

function normalize(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
}

describe('policy registry', () => {
  it('ids are unique kebab-case', () => {
    const ids = POLICIES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(POLICIES.map((p) => [p.id, p] as const))('%s: one source file, one test file, complete metadata', (id, policy) => {
    expect(existsSync(`${ROOT}src/policy/${id}.ts`)).toBe(true);
    expect(existsSync(`${ROOT}test/policy/${id}.test.ts`)).toBe(true);
    for (const text of [policy.title, policy.description, policy.fix, policy.guide]) expect(text.trim()).not.toBe('');
    expect(['error', 'warning', 'note']).toContain(policy.severity);
  });

  it.skipIf(guideText === null).each(POLICIES.map((p) => [p.id, p] as const))('%s: quotes the guide word for word', (_id, policy) => {
    for (const part of policy.guide.split('[\u2026]')) expect(guide).toContain(normalize(part.trim()));
  });

  it.each(POLICIES.map((p) => [p.id, p] as const))('%s: every setting has a title and a description', (_id, policy) => {
    for (const [key, field] of Object.entries(settingsSchema(policy).fields)) {
      expect(field.title, key).not.toBe('');
      expect(field.description, key).not.toBe('');
      expect(field.presence, key).not.toBe('required');
    }
  });
});

// The grammar of `fail` entries: boundary type, `type@place` instance, or `prefix:name` group.

import { describe, expect, it } from 'vitest';
import { parseFailureSpec } from '../../src/model/failure-spec.js';

describe('parseFailureSpec', () => {
  it('reads a boundary type, an instance and a group', () => {
    expect(parseFailureSpec('kernel')).toEqual({ ok: true, spec: { kind: 'type', type: 'kernel' } });
    expect(parseFailureSpec('session@pool1-vm3')).toEqual({
      ok: true,
      spec: { kind: 'instance', type: 'session', instance: 'session@pool1-vm3' },
    });
    expect(parseFailureSpec('build:win11-23h2')).toEqual({ ok: true, spec: { kind: 'group', group: 'build:win11-23h2' } });
  });

  it('lets the first separator decide', () => {
    expect(parseFailureSpec('vm@host:1')).toMatchObject({ ok: true, spec: { kind: 'instance', type: 'vm' } });
    expect(parseFailureSpec('patch:2024@x')).toMatchObject({ ok: true, spec: { kind: 'group' } });
  });

  it('refuses unknown boundary types with a suggestion, and empty halves', () => {
    expect(parseFailureSpec('sesion')).toMatchObject({ ok: false, message: expect.stringContaining('(did you mean `session`?)') });
    expect(parseFailureSpec('hypervisor@h1')).toMatchObject({ ok: false, message: expect.stringMatching(/^`hypervisor` in failure/) });
    expect(parseFailureSpec('kernel@').ok).toBe(false);
    expect(parseFailureSpec(':x').ok).toBe(false);
    expect(parseFailureSpec('build:').ok).toBe(false);
  });
});

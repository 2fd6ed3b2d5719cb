import { describe, expect, it } from 'vitest';
import { reverseConnect } from '../../src/policy/reverse-connect.js';
import { bundledContext, bundledText, contextOfText, run, at } from './helpers.js';

describe('policy reverse-connect', () => {
  it('holds when Reverse Connect is on', () => {
    expect(run(reverseConnect, bundledContext('cross-org-separated'))).toEqual([]);
  });

  it('flags it off at the `reverseConnect:` value in the model', () => {
    const text = bundledText('cross-org-separated').replace('reverseConnect: true', 'reverseConnect: false');
    const [finding, ...rest] = run(reverseConnect, contextOfText(text, 'off.yaml'));
    expect(rest).toEqual([]);
    expect(finding!.asset).toBe('controls');
    expect(at(finding!)).toBe('off.yaml:96:19');
    expect(finding!.message).toContain('all 5 session hosts');
    expect(finding!.fix).toContain('reverseConnect: true');
  });
});

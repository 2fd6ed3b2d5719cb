// A pass crossing Redis comes back equal to the pass computed here, and a result that does not
// answer the job — another attacker, another engine's field list, a count or index out of range — is
// refused with what is wrong. Runs without Redis (the codec is plain data).

import { describe, expect, it } from 'vitest';
import { attackerPass } from '../../src/analyze/attacker-pass.js';
import { leakageTasks } from '../../src/analyze/leakage.js';
import { policyPassInput } from '../../src/policy/context.js';
import { decodePass, encodePass, PASS_SHAPE } from '../../src/queue/pass-codec.js';
import { prepareBundled } from '../support/model.js';

const prepared = prepareBundled('msp-hosting');
// The policy input has witnesses (per-target paths), so every field of the pass carries data.
const input = policyPassInput(prepared);
const [task] = leakageTasks(prepared, [prepared.model.organizations[1]!.id]);
const pass = attackerPass(input, task!);
const encoded = () => JSON.parse(JSON.stringify(encodePass(pass))) as Record<string, unknown>;

describe('pass codec', () => {
  it('round-trips through JSON to the same pass', () => {
    expect(pass.storePath.some((path) => path.length > 0)).toBe(true);
    expect(decodePass(encoded(), { attacker: pass.attacker, below: null, input })).toEqual(pass);
  });

  it('round-trips a pass bounded below one failure, and refuses it where a full pass was asked for', () => {
    const bounded = attackerPass(input, { ...task!, below: 1 });
    const json = JSON.parse(JSON.stringify(encodePass(bounded))) as Record<string, unknown>;
    expect(decodePass(json, { attacker: bounded.attacker, below: 1, input })).toEqual(bounded);
    expect(decodePass(json, { attacker: bounded.attacker, below: null, input })).toBe('below is 1, not null');
    expect(decodePass(encoded(), { attacker: pass.attacker, below: 1, input })).toBe('below is null, not 1');
  });

  it('refuses a result that does not answer the job, saying what is wrong', () => {
    const expected = { attacker: pass.attacker, below: null, input };
    expect(decodePass(encoded(), { ...expected, attacker: 'someone-else' })).toBe(`attacker is \`${pass.attacker}\`, not \`someone-else\``);
    expect(decodePass({ ...encoded(), shape: 'attacker-pass/0 attacker:string' }, expected)).toMatch(/^a result of another shape \(attacker-pass\/0/);
    expect(decodePass({ ...encoded(), readAntichain: [] }, expected)).toBe('unexpected fields readAntichain');
    expect(decodePass({ ...encoded(), dataAntichain: [0] }, expected)).toBe(`dataAntichain is not ${input.data.length} family indices`);
    const outOfRange = encoded();
    (outOfRange['dataAntichain'] as number[])[0] = (outOfRange['antichains'] as unknown[]).length;
    expect(decodePass(outOfRange, expected)).toMatch(/^dataAntichain is not/);
    expect(decodePass({ ...encoded(), types: ['kernel', 'moat'] }, expected)).toBe('types is not a list of boundary types');
    expect(decodePass(null, expected)).toBe('not a pass');
  });

  it('names every field of AttackerPass in its shape', () => {
    expect(PASS_SHAPE.split(' ')[1]!.split(',').map((f) => f.split(':')[0]).sort()).toEqual(Object.keys(pass).sort());
  });
});

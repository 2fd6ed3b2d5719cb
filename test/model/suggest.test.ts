// "Did you mean …?": edit distance with swaps, a closeness limit, case-insensitivity, stable ties.

import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../src/model/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['fabrkam', 'fabrikam', 1],
    ['nmae', 'name', 1],
    ['ab', 'ba', 1],
    ['abcdef', 'badcfe', 3],
  ])('%s → %s is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('suggest', () => {
  it('picks the closest candidate within a third of the length', () => {
    expect(suggest('hostpool', ['hostPools', 'hostPool', 'host'])).toBe('hostPool');
    expect(suggest('fabrkam', ['contoso', 'fabrikam'])).toBe('fabrikam');
    expect(suggest('zzz', ['contoso', 'fabrikam'])).toBeUndefined();
    expect(suggest('abcdefgh', ['abcdwxyz'])).toBeUndefined();
  });

  it('breaks ties by candidate order', () => {
    expect(suggest('cat', ['bat', 'hat'])).toBe('bat');
    expect(suggest('cat', ['hat', 'bat'])).toBe('hat');
  });

  it('never suggests the input itself', () => {
    expect(suggest('vm', ['vm'])).toBeUndefined();
  });

  it('formats the hint for a message', () => {
    expect(didYouMean('mfaa', ['mfa', 'reverseConnect'])).toBe(' (did you mean `mfa`?)');
    expect(didYouMean('quux', ['mfa'])).toBe('');
  });
});

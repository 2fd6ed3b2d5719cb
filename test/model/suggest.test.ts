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

  // A shortened role name is too far for a typo (`Global Admin` is 8 edits from `Global
  // Administrator`) but abbreviates it word by word; an abbreviation of two names suggests neither
  // (and is too far from both for a typo).
  it('prefers the one candidate the input abbreviates word by word', () => {
    const roles = ['Global Administrator', 'Cloud Device Administrator', 'Key Vault Secrets User', 'Key Vault Secrets Officer'];
    expect(suggest('Global Admin', roles)).toBe('Global Administrator');
    expect(suggest('key vault secrets off', roles)).toBe('Key Vault Secrets Officer');
    expect(suggest('Key V S U', roles)).toBe('Key Vault Secrets User');
    expect(suggest('Teams Admin', ['Teams Administrator', 'Teams Admin Console'])).toBe('Teams Administrator');
    expect(suggest('Tea Adm', ['Teams Administrator', 'Teams Admins'])).toBeUndefined();
    expect(suggest('Cloud Admin', roles)).toBeUndefined();
  });

  it('formats the hint for a message', () => {
    expect(didYouMean('mfaa', ['mfa', 'reverseConnect'])).toBe(' (did you mean `mfa`?)');
    expect(didYouMean('quux', ['mfa'])).toBe('');
  });
});

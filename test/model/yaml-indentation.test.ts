// A misindented line gets one positioned issue that says what to fix ("check the indentation: …
// uses 3 spaces where its siblings use 2"), instead of the YAML parser's account of what it made of
// it ("implicit keys need to be on a single line", "nested mappings are not allowed in compact
// mappings"), which lands on the line before and comes with follow-on errors. Independent slips are
// each reported, in the same run; errors that are not about indentation keep their message.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { indentationFaults } from '../../src/model/yaml-indentation.js';
import { parseModel } from '../../src/model/load-model.js';
import { formatIssue } from '../../src/model/issues.js';
import { issuesOf, lines } from './helpers.js';

describe('indentation slips in a model', () => {
  it('a key one space deeper than its siblings: one issue at that line, not two at the line before', () => {
    // The parser read `contoso\n     location: share` as one implicit key starting on line 6.
    const text = lines('name: x', 'organizations:', '  - id: contoso', 'data:', '  - id: d', '    organization: contoso', '     location: share', '    users: []');
    expect(issuesOf(text)).toEqual(['m.yaml:7:6: invalid YAML: check the indentation: `location: share` uses 5 spaces where its siblings use 4 spaces (line 6)']);
  });

  // The parser gives one tab sixteen errors through the end of its section (a fresh user's `users`
  // list with one item indented by a tab); the tab is the cause, and a slip in an earlier section is
  // still reported on its own. (After a tab the parser reads the rest of the file as one key and
  // reports nothing more, so a slip further down shows only once the tab is fixed.)
  it('a tab in the indentation: one issue at its line, the follow-on errors dropped, other slips kept', () => {
    const text = lines('name: x', 'hostPools:', '  - id: p', '   vms: 2', '    type: pooled', 'users:', '  - id: anna', '    organization: contoso', '\t- id: gary', '    organization: contoso', '  - id: ivy', '    organization: contoso', 'organizations:', '  - id: contoso');
    expect(issuesOf(text)).toEqual([
      'm.yaml:4:4: invalid YAML: check the indentation: `vms: 2` uses 3 spaces where its siblings use 4 spaces (line 3)',
      'm.yaml:9:1: invalid YAML: this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces (as many as the lines beside it use)',
    ]);
  });

  it('a key one space short of its siblings', () => {
    const text = lines('name: x', 'hostPools:', '  - id: p', '    type: pooled', '   vms: 2', '    subscription: s');
    expect(issuesOf(text)).toEqual(['m.yaml:5:4: invalid YAML: check the indentation: `vms: 2` uses 3 spaces where its siblings use 4 spaces (line 4)']);
  });

  it('consecutive lines at the same wrong column are one slip', () => {
    const text = lines('name: x', 'hostPools:', '  - id: p', '    type: pooled', '   vms: 2', '   osBuild: x', '   apps: [a]', '  - id: q', 'users: []');
    expect(issuesOf(text)).toEqual([
      'm.yaml:5:4: invalid YAML: check the indentation: `vms: 2` and the 2 lines after it use 3 spaces where their siblings use 4 spaces (line 4)',
    ]);
  });

  it('sequence items at different columns: the hint names the first item\u2019s column', () => {
    const text = lines('name: x', 'users:', '   - id: alice', '     organization: contoso', '  - id: bob', '    organization: contoso');
    expect(issuesOf(text)).toEqual(['m.yaml:5:3: invalid YAML: check the indentation: `- id: bob` uses 2 spaces where its siblings use 3 spaces (line 3)']);
  });

  it('a top-level key indented by one space', () => {
    expect(issuesOf(lines('name: x', ' organizations:', '  - id: contoso'))).toEqual([
      'm.yaml:2:2: invalid YAML: check the indentation: `organizations:` uses 1 space where its siblings use no indentation (line 1)',
    ]);
  });

  it('two independent slips are both reported, each once', () => {
    const text = lines('name: x', 'organizations:', '- id: contoso', '   name: C', 'users:', '  - id: a', '    organization: contoso', '     hostPool: p');
    expect(issuesOf(text)).toEqual([
      'm.yaml:4:4: invalid YAML: check the indentation: `name: C` uses 3 spaces where its siblings use 2 spaces (line 3)',
      'm.yaml:8:6: invalid YAML: check the indentation: `hostPool: p` uses 5 spaces where its siblings use 4 spaces (line 7)',
    ]);
  });

  it('an error that is not about indentation keeps its own message beside a slip', () => {
    const text = lines('name: x', 'controls:', '  reverseConnect: true', '   mfa: true', 'costs:', '  currency: "a\\q"');
    expect(issuesOf(text)).toEqual([
      'm.yaml:4:4: invalid YAML: check the indentation: `mfa: true` uses 3 spaces where its siblings use 2 spaces (line 3)',
      'm.yaml:6:15: invalid YAML: invalid escape sequence \\q',
    ]);
  });

  it('names in the hint are printed terminal-safe', () => {
    const text = lines('name: x', 'controls:', '  reverseConnect: true', '   "\u009b31m": true');
    const result = parseModel(text, 'm.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) for (const issue of result.issues) expect(formatIssue(issue)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('indentationFaults', () => {
  it('skips block scalars, comments and flow collections continued on later lines', () => {
    const text = lines(
      'description: |',
      '     indented text',
      '   less indented text',
      'organizations: [',
      '      {id: a},',
      '   {id: b}]',
      '# a comment',
      '    # an indented comment',
      'users:',
      '  - id: a',
      '    note: >-',
      '        folded',
      '      text',
      '    count: 2',
    );
    expect(indentationFaults(text)).toEqual([]);
  });

  it('property: the YAML library\u2019s own block output at any indentation has no fault', () => {
    const key = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/);
    const scalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), fc.integer({ min: 2, max: 5 }), fc.boolean(), (doc, indent, indentSeq) => {
        expect(indentationFaults(stringify(doc, { indent, indentSeq }))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

// The one text-table formatter every report uses: columns as wide as their data, so a long id
// widens its column instead of running into the next (`unreachableunreachable—` before).

import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/report/table.js';

describe('formatTable', () => {
  it('sizes every column from its widest cell, two spaces apart, no trailing spaces', () => {
    const long = 'a-data-store-id-much-longer-than-any-fixed-column-of-24';
    const lines = formatTable([
      ['data store', 'depth', 'sets'],
      [long, '1', ''],
      ['x', 'unreachable', 'none'],
    ]);
    expect(lines).toEqual([
      `data store${' '.repeat(long.length - 10)}  depth        sets`,
      `${long}  1`,
      `x${' '.repeat(long.length - 1)}  unreachable  none`,
    ]);
  });

  it('right-aligns where asked and indents every line', () => {
    expect(formatTable([['k', 'n'], ['kernel', '4'], ['network', '12']], { indent: '  ', align: ['left', 'right'] })).toEqual([
      '  k         n',
      '  kernel    4',
      '  network  12',
    ]);
  });

  it('counts code points, not UTF-16 units (→, ×, —)', () => {
    expect(formatTable([['a → b', '1'], ['abcdef', '2']])).toEqual(['a → b   1', 'abcdef  2']);
  });
});

// heapAdvice: a model whose users need more heap than Node allows gets one note naming the setting;
// a model well within the limit gets none.

import { describe, expect, it } from 'vitest';
import { heapAdvice } from '../../src/cli/heap-advice.js';

const GB = 2 ** 30;
const users = (...counts: number[]) => ({ users: counts.map((count) => ({ count })) }) as unknown as Parameters<typeof heapAdvice>[0];

describe('heapAdvice', () => {
  // 1,180,000 users at 4,000 bytes each is 4.4 GB, above 85 % of a 4 GB limit: the note advises 1.5 ×
  // that, rounded up to whole GB (6.6 GB → 7 GB = 7168 MB).
  it('advises a larger heap for the 10M-node model under the default limit', () => {
    const note = heapAdvice(users(1_000_000, 180_000), 4 * GB);
    expect(note).toMatch(/^indepth: note: 1,180,000 users need about 4\.4 GB of JavaScript heap, and this Node allows 4\.0 GB: .*NODE_OPTIONS=--max-old-space-size=7168\n$/);
  });

  it('says nothing for a 1M-node model (118,000 users, 0.44 GB) or with a large enough limit', () => {
    expect(heapAdvice(users(118_000), 4 * GB)).toBeNull();
    expect(heapAdvice(users(1_180_000), 16 * GB)).toBeNull();
  });
});

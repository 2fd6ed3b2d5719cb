// Streamed JSON is the same text as one JSON.stringify call: pretty (every command's --json) and
// compact (the data embedded in the viewer page), whatever the value.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, lazyArray } from '../../src/report/json-stream.js';
import { jsonForScript } from '../../viz/viewer/page.js';

/** JSON values without DEL/C1 controls (those are escaped on purpose: same value, other text). */
const value = fc.jsonValue().filter((v) => !/[\u007f-\u009f]/.test(JSON.stringify(v)));

describe('jsonChunks', () => {
  it('pretty: the chunks are JSON.stringify(value, null, 2) and a newline', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect([...jsonChunks(v)].join('')).toBe(`${JSON.stringify(v, null, 2)}\n`);
      }),
    );
  });

  it('compact: the chunks are JSON.stringify(value), with no newline', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect([...jsonChunks(v, { compact: true })].join('')).toBe(JSON.stringify(v));
      }),
    );
  });

  it('compact: a long columnar array is written in slices, never as one string', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `node-${i}`);
    const payload = { models: [{ nodes: { ids, kinds: ids.map((_, i) => i % 7) } }] };
    const chunks = [...jsonChunks(payload, { compact: true })];
    expect(chunks.join('')).toBe(JSON.stringify(payload));
    const idsText = JSON.stringify(ids).length;
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(idsText / 4);
  });

  it('a lazy array is written like the array of its items', () => {
    const items = [1, { a: [2, 3] }, 'x'];
    expect([...jsonChunks({ list: lazyArray(items) }, { compact: true })].join('')).toBe(JSON.stringify({ list: items }));
  });

  it('jsonForScript (the viewer page) parses back to what JSON.stringify keeps and cannot close its <script>', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = jsonForScript(v);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        // JSON itself does not keep -0 (it writes 0): compare with the value as JSON round-trips it.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
    expect(JSON.parse(jsonForScript([-0, 1.5]))).toEqual([0, 1.5]);
    expect(jsonForScript({ name: '</script><!--' })).toBe('{"name":"\\u003c/script\\u003e\\u003c!--"}');
  });
});

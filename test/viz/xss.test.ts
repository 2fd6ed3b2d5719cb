// Names are data: markup in an organization name, an extra node's label or the description comes
// out of the SVG as text (parsed back, it is a text node, never an element), and the viewer's HTML
// carries it only inside the inert JSON block, with `<` escaped.

import { describe, expect, it } from 'vitest';
import { diagramOf } from '../../src/cli/commands/diagram.js';
import { loadModel } from '../../src/cli/load.js';
import type { ViewerPayload } from '../../src/report/diagram-viewer-data.js';
import { packViewerModel } from '../../src/report/diagram-viewer-pack.js';
import { unpackViewerModel } from '../../src/report/diagram-viewer-unpack.js';
import { renderDiagramSvg } from '../../viz/diagram/render.js';
import { renderViewerHtml } from '../../viz/viewer/page.js';
import { ROOT, readXml } from './support.js';

const XSS = `${ROOT}test/viz/fixtures/xss.yaml`;
const PAYLOADS = ['<img src=x onerror=alert(1)>', '<script>alert(3)</script><img src=x onerror=alert(4)>'];

function svgOf(): string {
  const drawn = diagramOf(loadModel(XSS), { name: '<b>scenario</b>', from: ['eve'], fail: ['kernel'], controls: {} });
  if (!drawn.ok) throw new Error('cannot draw');
  return renderDiagramSvg(drawn.structure, drawn.state);
}

describe('markup in names, in the SVG', () => {
  it('parses back to drawing elements only, with the names as text', () => {
    const svg = svgOf();
    const { elements, attributes, texts } = readXml(svg);
    expect(elements.filter((e) => !['svg', 'g', 'rect', 'text', 'title', 'path', 'ellipse', 'polygon', 'line'].includes(e))).toEqual([]);
    expect(attributes.filter((a) => /^on/i.test(a) || a === 'href' || a === 'xlink:href' || a === 'style')).toEqual([]);
    const all = texts.join('\n');
    expect(all).toContain(PAYLOADS[0]);
    expect(all).toContain('Victim & "Sons" </text></svg><script>alert(2)</script>');
    expect(all).toContain('<b>scenario</b> on xss-names');
    expect(texts.some((t) => t.startsWith('<script>alert(3)</script>'))).toBe(true);
  });

  it('never writes a raw `<` from a name', () => {
    const svg = svgOf();
    expect(svg).not.toMatch(/<(img|script|b)\b/i);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('markup in names, in the viewer HTML', () => {
  const html = renderViewerHtml({
    title: 'xss <title>',
    payload: { models: [packViewerModel(loadModel(XSS).prepared)], initial: { from: 'eve', fail: [] } },
    bundle: 'void 0',
  });

  it('keeps names inside the JSON block, escaped, and outside any markup', async () => {
    const start = html.indexOf('<script type="application/json" id="indepth-data">');
    const end = html.indexOf('</script>', start);
    const json = html.slice(start + '<script type="application/json" id="indepth-data">'.length, end);
    expect(json).not.toContain('<');
    const outside = html.slice(0, start) + html.slice(end);
    expect(outside).not.toMatch(/<img|onerror|alert\(/i);
    const payload = JSON.parse(json) as ViewerPayload;
    const model = await unpackViewerModel(payload.models[0]!);
    expect(model.structure.organizations.map((o) => o.name)).toContain(PAYLOADS[0]);
  });

  it('escapes the title and allows only its own script and style by hash', () => {
    expect(html).toContain('<title>xss &lt;title&gt;</title>');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; base-uri 'none'; form-action 'none'$/);
    expect(csp).not.toContain('unsafe');
  });
});

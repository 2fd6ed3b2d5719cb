// The viewer page: one self-contained HTML file with the data as an inert JSON block and the bundled
// engine as one inline script. Its Content-Security-Policy allows exactly that script and that style
// block (by hash) and nothing else: no network, no other script, no plugins, no base or form targets.
// The page is a stream of chunks (the data JSON streamed value by value), so a model of any size is
// written without ever holding the page, or its data, as one string.

import { createHash } from 'node:crypto';
import type { ViewerPayload } from '../../src/report/diagram-viewer-data.js';
import { terminalSafe } from '../../src/domain/terminal-safe.js';
import { jsonChunks } from '../../src/report/json-stream.js';
import { VIEWER_CSS } from './styles.js';

export interface ViewerPage {
  readonly title: string;
  readonly payload: ViewerPayload;
  /** The bundled viewer script (dist/viewer/viewer.js). */
  readonly bundle: string;
}

/** The whole page as one string (small pages, tests); `viewerHtmlChunks` is the same text in pieces. */
export function renderViewerHtml(page: ViewerPage): string {
  return [...viewerHtmlChunks(page)].join('');
}

/** The page in chunks, in order; their concatenation is the page. Throws at once if the bundle cannot be inlined. */
export function viewerHtmlChunks(page: ViewerPage): Iterable<string> {
  if (/<\/script|<!--/i.test(page.bundle)) throw new Error('the viewer bundle contains `</script` or `<!--` and cannot be inlined');
  return pageChunks(page);
}

function* pageChunks(page: ViewerPage): Generator<string> {
  const script = page.bundle;
  const style = VIEWER_CSS;
  const csp = [
    "default-src 'none'",
    `script-src '${sha256(script)}'`,
    `style-src '${sha256(style)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const names = page.payload.models.map((m) => m.name).join(' vs ');
  yield [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/[&"<>]/g, (c) => escapeHtml(c))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<header class="top"><h1>indepth · what-if viewer</h1><p>${escapeHtml(names)}</p></header>`,
    `<div class="layout"><aside id="sidebar"></aside><main id="panels" class="${page.payload.models.length > 1 ? 'two' : 'one'}"></main></div>`,
    '<script type="application/json" id="indepth-data">',
  ].join('\n');
  yield* jsonForScriptChunks(page.payload);
  yield ['</script>', `<script>${script}</script>`, '</body>', '</html>', ''].join('\n');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** JSON that cannot end its <script> block or open a comment: `<`, `>`, `&` and line separators escaped. */
export function jsonForScript(value: unknown): string {
  return [...jsonForScriptChunks(value)].join('');
}

/** `jsonForScript` in chunks (compact JSON, streamed); the escapes are per character, so per chunk is the same. */
export function* jsonForScriptChunks(value: unknown): Generator<string> {
  for (const chunk of jsonChunks(value, { compact: true })) yield chunk.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** HTML-escaped, with control characters from model names (ESC, CSI) shown as `\x1b`, never obeyed. */
export function escapeHtml(text: string): string {
  return terminalSafe(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

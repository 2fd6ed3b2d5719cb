// The review as one self-contained HTML page (inline CSS and SVG, nothing fetched, a CSP that allows
// nothing else) — for reading in a browser and for printing to PDF through Chromium. Every text is
// escaped; the figures are the renderer's own escaped SVG.

import { terminalSafe } from '../domain/terminal-safe.js';
import type { Review, ReviewBlock } from './review-types.js';

/** HTML-escaped, with control characters from model names (ESC, CSI) shown as `\x1b`, never obeyed. */
export function escapeHtml(text: string): string {
  return terminalSafe(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body{font-family:Arial,'Liberation Sans',Helvetica,sans-serif;color:#1f2933;margin:32px auto;max-width:1180px;padding:0 24px;line-height:1.45;font-size:14px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 4px;border-bottom:1px solid #d9e2ec;padding-bottom:4px}
.subtitle{color:#52606d;margin:0 0 8px}.question{color:#52606d;font-style:italic;margin:4px 0 12px}
table{border-collapse:collapse;margin:8px 0 12px;font-size:13px}th,td{border:1px solid #d9e2ec;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f5f7fa}td.right,th.right{text-align:right}
.finding{border-left:4px solid #c8102e;padding:4px 10px;margin:8px 0;background:#fdf2f2}.finding.warning{border-color:#d9822b;background:#fdf6ec}.finding.note{border-color:#52606d;background:#f5f7fa}
.finding .fix{color:#243b53}.finding code{font-size:12px}
figure{margin:12px 0;page-break-inside:avoid}figure svg{max-width:100%;height:auto;border:1px solid #d9e2ec}figcaption{color:#52606d;font-style:italic}
details pre{background:#f5f7fa;padding:8px;overflow:auto;font-size:11px}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}figure{page-break-before:auto}}
`;

export function reviewHtml(review: Review): string {
  const body: string[] = [`<h1>${escapeHtml(review.title)}</h1>`, `<p class="subtitle">${escapeHtml(review.subtitle)}</p>`];
  review.sections.forEach((section, i) => {
    body.push(`<section><h2>${i + 1}. ${escapeHtml(section.heading)}</h2>`, `<p class="question">${escapeHtml(section.question)}</p>`);
    for (const block of section.blocks) body.push(blockHtml(block));
    body.push('</section>');
  });
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(review.title)}</title>`,
    `<style>${STYLE.trim()}</style>`,
    '</head><body>',
    ...body,
    '</body></html>',
    '',
  ].join('\n');
}

function blockHtml(block: ReviewBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const cls = (i: number) => (block.align?.[i] === 'right' ? ' class="right"' : '');
      const head = `<tr>${block.columns.map((c, i) => `<th${cls(i)}>${escapeHtml(c)}</th>`).join('')}</tr>`;
      const rows = block.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
      return `<table>\n${head}\n${rows}\n</table>`;
    }
    case 'finding':
      return `<div class="finding ${block.severity}"><strong>${block.severity}</strong> <code>${escapeHtml(block.id)}</code> <span class="where">${escapeHtml(block.location)}</span><br>${escapeHtml(block.message)}<br><span class="fix">fix: ${escapeHtml(block.fix)}</span></div>`;
    case 'figure': {
      const svg = block.svg.replace(/^<\?xml[^>]*>\s*/, '');
      const mermaid =
        block.mermaid === null ? '' : `<details><summary>The same attack as a Mermaid flowchart (reached nodes only)</summary><pre>${escapeHtml(block.mermaid)}</pre></details>`;
      return `<figure data-figure="${escapeHtml(block.name)}">${svg}<figcaption>${escapeHtml(block.caption)}</figcaption>${mermaid}</figure>`;
    }
  }
}

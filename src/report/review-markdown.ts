// The review as Markdown: headings, pipe tables, findings as quoted items with their fix, and each
// figure as an SVG image kept beside the document (`<stem>-files/<name>.svg`) with its Mermaid source
// in a collapsed block (GitHub renders both). Cell text is escaped so no name breaks a table.

import { terminalSafe } from '../domain/terminal-safe.js';
import type { Review, ReviewBlock } from './review-types.js';

export interface MarkdownReview {
  readonly markdown: string;
  /** Relative path → SVG text: the images the Markdown links to. */
  readonly files: ReadonlyMap<string, string>;
}

/** Characters Markdown would read as markup inside a table cell or a line of text. */
export function markdownText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

export function reviewMarkdown(review: Review, filesDir: string): MarkdownReview {
  const files = new Map<string, string>();
  const out: string[] = [`# ${markdownText(review.title)}`, '', `_${markdownText(review.subtitle)}_`, ''];
  review.sections.forEach((section, i) => {
    out.push(`## ${i + 1}. ${markdownText(section.heading)}`, '', `**${markdownText(section.question)}**`, '');
    for (const block of section.blocks) out.push(...blockLines(block, filesDir, files), '');
  });
  // Control characters from model names (ESC, CSI) are shown, never obeyed, by a terminal that prints the file.
  return { markdown: terminalSafe(`${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`), files };
}

function blockLines(block: ReviewBlock, filesDir: string, files: Map<string, string>): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [markdownText(block.text)];
    case 'list':
      return block.items.map((item) => `- ${markdownText(item)}`);
    case 'table': {
      const align = block.columns.map((_, i) => (block.align?.[i] === 'right' ? '---:' : '---'));
      return [
        `| ${block.columns.map(markdownText).join(' | ')} |`,
        `| ${align.join(' | ')} |`,
        ...block.rows.map((row) => `| ${row.map(markdownText).join(' | ')} |`),
      ];
    }
    case 'finding':
      return [`> **${block.severity}** \`${block.id}\` (${markdownText(block.location)}): ${markdownText(block.message)}  `, `> fix: ${markdownText(block.fix)}`];
    case 'figure': {
      const path = `${filesDir}/${block.name}.svg`;
      files.set(path, block.svg);
      const lines = [`![${markdownText(block.caption)}](${encodeURI(path)})`, '', `_${markdownText(block.caption)}_`];
      if (block.mermaid !== null) lines.push('', '<details><summary>The same attack as a Mermaid flowchart (reached nodes only)</summary>', '', '```mermaid', block.mermaid.trimEnd(), '```', '', '</details>');
      return lines;
    }
  }
}

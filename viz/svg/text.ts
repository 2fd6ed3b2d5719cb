// Text measured without a browser: per-character advance widths of Helvetica/Arial (Liberation Sans
// has the same metrics), in thousandths of an em. Good enough to size boxes and to truncate or wrap
// labels deterministically; the full text always stays available in a <title> tooltip.

const WIDTHS: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  const set = (chars: string, width: number) => {
    for (const c of chars) table[c] = width;
  };
  set(' !,./:;I[\\]ft', 278);
  set('ijl', 222);
  set('|', 260);
  set('\'', 191);
  set('"', 355);
  set('()-`r', 333);
  set('*', 389);
  set('^', 469);
  set('Jckvxyz', 500);
  set('sz', 500);
  set('#$0123456789?L_abdeghnopqu', 556);
  set('+<=>~', 584);
  set('FTZ', 611);
  set('ABEKPSVXY&', 667);
  set('CDHNRUw', 722);
  set('GOQ', 778);
  set('Mm', 833);
  set('%', 889);
  set('W', 944);
  set('@', 1015);
  set('{}', 334);
  set('×…·→✗★', 600);
  return table;
})();

export interface Font {
  readonly size: number;
  readonly bold?: boolean;
}

export function textWidth(text: string, font: Font): number {
  let units = 0;
  for (const c of text) units += WIDTHS[c] ?? (c.codePointAt(0)! > 0x2e80 ? 1000 : 600);
  return (units / 1000) * font.size * (font.bold === true ? 1.1 : 1);
}

/** The longest prefix (plus `…`) that fits; the text itself when it fits. */
export function truncate(text: string, maxWidth: number, font: Font): string {
  if (textWidth(text, font) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join('')}…`, font) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('')}…`;
}

/** Greedy word wrap; a word longer than a line is cut. At most `maxLines` lines, the last one ellipsized. */
export function wrap(text: string, maxWidth: number, font: Font, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, font) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = textWidth(word, font) <= maxWidth ? word : truncate(word, maxWidth, font);
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]} ${lines[maxLines]}`, maxWidth, font);
  if (!kept[maxLines - 1]!.endsWith('…')) kept[maxLines - 1] = truncate(`${kept[maxLines - 1]}…`, maxWidth, font);
  return kept;
}

// A tiny SVG element tree: built once by the renderer, then either serialized to a string (the CLI,
// escaped and byte-for-byte deterministic) or turned into DOM nodes (the viewer, text via textContent).

export type AttributeValue = string | number;

export interface SvgElement {
  readonly tag: string;
  readonly attrs: readonly (readonly [string, AttributeValue])[];
  readonly children: readonly SvgNode[];
}

/** Text content: always escaped when serialized, always a text node in the DOM. */
export interface SvgText {
  readonly text: string;
}

export type SvgNode = SvgElement | SvgText;

export function isText(node: SvgNode): node is SvgText {
  return 'text' in node;
}

/** Attributes whose value is undefined, null or false are left out; order is kept as given. */
export function el(tag: string, attrs: Record<string, AttributeValue | undefined | null | false> = {}, children: readonly (SvgNode | string)[] = []): SvgElement {
  const list: [string, AttributeValue][] = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    list.push([name, value]);
  }
  return { tag, attrs: list, children: children.map((c) => (typeof c === 'string' ? { text: c } : c)) };
}

/** Numbers with at most two decimals and no exponent or `-0`: the same text on every machine. */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite coordinate: ${value}`);
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}

/**
 * Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/FFFF) become U+FFFD, and
 * so do DEL and the C1 controls it only discourages (U+0085 too): CSI (U+009B) and OSC in a name must
 * not reach a terminal that prints the SVG.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

export function serialize(node: SvgNode, indent = ''): string {
  if (isText(node)) return escapeXml(node.text);
  if (!NAME.test(node.tag)) throw new Error(`bad SVG tag name ${JSON.stringify(node.tag)}`);
  const attrs = node.attrs
    .map(([name, value]) => {
      if (!NAME.test(name)) throw new Error(`bad SVG attribute name ${JSON.stringify(name)}`);
      return ` ${name}="${escapeXml(typeof value === 'number' ? num(value) : value)}"`;
    })
    .join('');
  if (node.children.length === 0) return `${indent}<${node.tag}${attrs}/>`;
  if (node.children.every(isText)) return `${indent}<${node.tag}${attrs}>${node.children.map((c) => serialize(c)).join('')}</${node.tag}>`;
  const inner = node.children.map((c) => (isText(c) ? `${indent}  ${serialize(c)}` : serialize(c, `${indent}  `))).join('\n');
  return `${indent}<${node.tag}${attrs}>\n${inner}\n${indent}</${node.tag}>`;
}

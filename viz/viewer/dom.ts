// The few DOM APIs the viewer uses, typed here so the project's Node-only TypeScript settings stay as
// they are (no global `lib: dom`). Text only ever enters the page through text nodes / textContent.

import { isText, type SvgNode } from '../svg/tree.js';

export interface DomNode {
  textContent: string | null;
  appendChild<T extends DomNode>(node: T): T;
  replaceChildren(...nodes: DomNode[]): void;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  id: string;
  className: string;
  title: string;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  closest(selector: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
  addEventListener(type: string, listener: (event: DomEvent) => void, options?: { passive?: boolean }): void;
  getBoundingClientRect(): ClientRect;
  readonly classList: { add(...names: string[]): void; remove(...names: string[]): void; toggle(name: string, force?: boolean): boolean };
}

export interface InputElement extends DomElement {
  checked: boolean;
  indeterminate: boolean;
  disabled: boolean;
  type: string;
  value: string;
}

export interface SelectElement extends DomElement {
  value: string;
}

export interface DomEvent {
  readonly target: unknown;
}

/** What the pan/zoom handlers read of wheel, mouse and keyboard events. */
export interface InputEvent extends DomEvent {
  readonly clientX: number;
  readonly clientY: number;
  readonly deltaY: number;
  readonly button: number;
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  preventDefault(): void;
}

export interface ClientRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface DomDocument {
  readonly body: DomElement;
  addEventListener(type: string, listener: (event: DomEvent) => void): void;
  title: string;
  getElementById(id: string): DomElement | null;
  createElement(tag: string): DomElement;
  createElementNS(namespace: string, tag: string): DomElement;
  createTextNode(text: string): DomNode;
}

declare const document: DomDocument;

export function doc(): DomDocument {
  return document;
}

/** `h('td', {class: 'x'}, 'text', child)`: strings become text nodes, never markup. */
export function h(tag: string, attrs: Record<string, string | undefined> = {}, ...children: (DomNode | string | null)[]): DomElement {
  const e = doc().createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) e.setAttribute(name, value);
  for (const child of children) {
    if (child === null) continue;
    e.appendChild(typeof child === 'string' ? doc().createTextNode(child) : child);
  }
  return e;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element tree as DOM nodes: attributes via setAttribute, text via text nodes. */
export function toDom(node: SvgNode): DomNode {
  if (isText(node)) return doc().createTextNode(node.text);
  const e = doc().createElementNS(SVG_NS, node.tag);
  for (const [name, value] of node.attrs) {
    if (name === 'xmlns') continue;
    e.setAttribute(name, typeof value === 'number' ? String(Math.round(value * 100) / 100) : value);
  }
  for (const child of node.children) e.appendChild(toDom(child));
  return e;
}

// Colours of the diagram. Organizations take hues from d3's Tableau10 without its red and orange,
// which are kept for "reached" and "failed", so an organization's colour never reads as a warning.

import { color, interpolateRgb, schemeTableau10 } from 'd3';

const ORG_HUES: readonly string[] = [0, 4, 6, 3, 8, 5, 9, 7].map((i) => schemeTableau10[i]!);

export const INK = '#1f2933';
export const MUTED = '#52606d';
export const FAINT = '#9aa5b1';
export const SHARED = '#616e7c';
export const REACHED = '#c8102e';
export const REACHED_FILL = '#f9c9c4';
export const REACHED_FILL_PARTIAL = '#fde6e3';
export const ACCESSED_FILL = '#fdebd0';
export const FAILED = '#c8102e';
export const PATH = '#111827';
export const FOOTHOLD = '#111827';

export const CLASSIFICATION_COLOR: Readonly<Record<string, string>> = {
  restricted: '#7f1d1d',
  confidential: '#b45309',
  internal: '#3e4c59',
  public: '#7b8794',
};

export interface Palette {
  /** An organization's colour (`SHARED` for null or an unknown id). */
  org(id: string | null): string;
  /** A light tint of a colour for backgrounds (t = share of the colour). */
  tint(base: string, t: number): string;
}

export function palette(organizations: readonly { readonly id: string }[]): Palette {
  const byId = new Map(organizations.map((o, i) => [o.id, ORG_HUES[i % ORG_HUES.length]!] as const));
  return {
    org: (id) => (id === null ? SHARED : (byId.get(id) ?? SHARED)),
    tint: (base, t) => color(interpolateRgb('#ffffff', base)(t))!.formatHex(),
  };
}

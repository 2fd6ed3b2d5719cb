// RDP device redirection, read from a host pool's `customRdpProperty` exactly as Azure stores it
// (`drivestoredirect:s:*;redirectclipboard:i:0;…`). Within a stated string, a channel no property
// turns off is on (the worst case). A pool with no `customRdpProperty` at all gets Azure Virtual
// Desktop's default, which redirects drives, the clipboard and printers (and USB devices, the worst
// case): DEFAULT_REDIRECTION, an assumption the output states.
// Source: https://learn.microsoft.com/en-us/azure/virtual-desktop/rdp-properties

export const REDIRECTION_CHANNELS = ['drives', 'clipboard', 'printers', 'usb'] as const;
export type RedirectionChannel = (typeof REDIRECTION_CHANNELS)[number];

export type Redirection = Readonly<Record<RedirectionChannel, boolean>>;

/**
 * A pool that states no RDP properties: every channel on. AVD redirects local drives, the clipboard
 * and printers unless a property turns them off; USB is assumed on too (the worst case, and what the
 * portal's redirection settings offer by default).
 */
export const DEFAULT_REDIRECTION: Redirection = { drives: true, clipboard: true, printers: true, usb: true };

/** What a pool redirects: its stated `customRdpProperty`, or DEFAULT_REDIRECTION when it states none. */
export function poolRedirection(customRdpProperty: string | undefined): Redirection {
  return customRdpProperty === undefined ? DEFAULT_REDIRECTION : parseRedirection(customRdpProperty).redirection;
}

export interface RdpPropertyProblem {
  /** 0-based index of the entry among the `;`-separated entries. */
  readonly index: number;
  readonly entry: string;
  readonly message: string;
}

/** `name:type:value` entries; name is case-insensitive, as the RDP client reads it. */
const ENTRY = /^([a-z][a-z0-9 ]*):([is]):(.*)$/i;

/**
 * Which channels a pool redirects. `drivestoredirect` with an empty value, `redirectclipboard:i:0`,
 * `redirectprinters:i:0` and an empty `usbdevicestoredirect` turn a channel off; anything else, or
 * the property's absence, leaves it on (the worst case, and not far from AVD's own defaults).
 */
export function parseRedirection(text: string): { readonly redirection: Redirection; readonly problems: readonly RdpPropertyProblem[] } {
  const redirection: Record<RedirectionChannel, boolean> = { drives: true, clipboard: true, printers: true, usb: true };
  const problems: RdpPropertyProblem[] = [];
  text.split(';').forEach((raw, index) => {
    const entry = raw.trim();
    if (entry === '') return;
    const match = ENTRY.exec(entry);
    if (match === null) {
      problems.push({ index, entry, message: `RDP property \`${entry}\` must read \`name:i:number\` or \`name:s:text\`` });
      return;
    }
    const name = match[1]!.toLowerCase();
    const value = match[3]!.trim();
    const flag = (): boolean | null => {
      if (match[2]!.toLowerCase() !== 'i' || !/^\d+$/.test(value)) {
        problems.push({ index, entry, message: `RDP property \`${name}\` takes an integer (\`${name}:i:0\` or \`${name}:i:1\`)` });
        return null;
      }
      return value !== '0';
    };
    if (name === 'drivestoredirect') redirection.drives = value !== '';
    else if (name === 'usbdevicestoredirect') redirection.usb = value !== '';
    else if (name === 'redirectclipboard') redirection.clipboard = flag() ?? true;
    else if (name === 'redirectprinters') redirection.printers = flag() ?? true;
  });
  return { redirection, problems };
}

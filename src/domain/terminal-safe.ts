// Text from a model (names, keys, values) reaches terminals, logs and diagrams: control characters in
// it (ESC/CSI/OSC sequences that recolour, retitle or rewrite a terminal) are shown, never obeyed.

/** C0 controls but tab and line feed, DEL, and the C1 controls (U+0080–U+009F, CSI and OSC among them). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `\u001b[31m` → the visible text `\x1b[31m`; tab and line feed pass. Idempotent on its own output. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Whether `text` holds a character terminalSafe would rewrite. */
export function hasControlCharacters(text: string): boolean {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(text);
  CONTROL.lastIndex = 0;
  return found;
}

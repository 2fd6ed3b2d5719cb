// Progress on stderr for work that can take more than a second: a bar on an interactive terminal,
// nothing when stderr is piped or with --quiet, so logs and CI output stay clean.

import type { CliIo } from './io.js';

export interface Progress {
  /** A phase that has no count ("loading model", "compiling"). */
  phase(text: string): void;
  update(done: number, total: number): void;
  /** Clears the line; call before printing results. */
  end(): void;
}

const WIDTH = 24;
const INTERVAL_MS = 100;

export function progress(io: CliIo, label: string, quiet: boolean): Progress {
  if (quiet || !io.errIsTty) return { phase: () => {}, update: () => {}, end: () => {} };
  let shown = false;
  let last = 0;
  let current = label;
  const draw = (text: string) => {
    io.err(`\r\u001b[2K${text}`);
    shown = true;
  };
  return {
    phase(text) {
      current = text;
      draw(`${label}: ${text}\u2026`);
    },
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < INTERVAL_MS) return;
      last = now;
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      draw(`${label}: ${current} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`);
    },
    end() {
      if (shown) io.err('\r\u001b[2K');
      shown = false;
    },
  };
}

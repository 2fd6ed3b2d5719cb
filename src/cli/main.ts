#!/usr/bin/env node
// The `indepth` executable: binds the CLI to this process and sets the exit code (never process.exit,
// so pending output is flushed).

import { processIo } from './io.js';
import { runCli } from './run.js';

// A closed stderr (`indepth … 2>&1 | head -1`) must not turn into an unhandled 'error' event.
process.stderr.on('error', () => {});
process.exitCode = await runCli(process.argv.slice(2), processIo);

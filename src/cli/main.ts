#!/usr/bin/env node
// The `indepth` executable: binds the CLI to this process and sets the exit code (never process.exit,
// so pending output is flushed).

import { processIo } from './io.js';
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2), processIo);

// placeholder, replaced below
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
export function registerView(_program: Command, _io: CliIo): void {}

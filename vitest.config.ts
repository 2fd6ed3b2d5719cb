// Test runner settings: every suite under test/, in Node, with room for the property tests and for
// the spawned-executable tests on a machine shared by many jobs (a 2-core box at load 20 runs them
// ten times slower than idle: a timeout here is a limit on a hang, not a speed assertion).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // fast-check seeds are pinned per property through test/support/fc.ts.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // fast-check seeds are pinned in each property (fc.assert(..., { seed })).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

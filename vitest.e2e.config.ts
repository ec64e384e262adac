import { defineConfig } from 'vitest/config';

/** End-to-end journeys in a real Chromium against the built app (`npm run build` first). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

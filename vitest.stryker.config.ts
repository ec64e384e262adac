import { defineConfig } from 'vitest/config';

/**
 * The unit tests that exercise the engine's optimizers, schedules, noise and functions: the ones
 * `npm run mutate` (stryker.config.mjs) runs against each mutant. The rest of the suite (CLI,
 * workers, rendering, UI) cannot see those mutants and would only slow every run down.
 */
export default defineConfig({
  test: {
    include: [
      'tests/unit/engine.test.ts',
      'tests/unit/functions.test.ts',
      'tests/unit/reference.test.ts',
      'tests/unit/optimizers.test.ts',
      'tests/unit/schedules.test.ts',
      'tests/unit/noise.test.ts',
    ],
    testTimeout: 30_000,
  },
});

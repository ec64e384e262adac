/**
 * Mutation testing of the engine's numerical core: `npm run mutate` (not part of `npm test`).
 * Reports go to reports/mutation/; the incremental file there lets a rerun test only the mutants
 * whose code or covering tests changed.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: [
    'src/engine/optimizers/**/*.ts',
    'src/engine/functions/**/*.ts',
    'src/engine/schedules.ts',
    'src/engine/noise.ts',
  ],
  coverageAnalysis: 'perTest',
  // Two cores, shared: one or two test processes at a time.
  concurrency: 2,
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 95, low: 90, break: 90 },
};

import { defineConfig } from 'vitest/config';

// The API logs one JSON line per request; in tests only warnings and errors are worth reading.
process.env.LOG_LEVEL ??= 'warn';

/** The integration files that send hundreds of requests at once (the integration-heavy project below). */
const HEAVY_INTEGRATION = [
  'tests/integration/money-concurrency.test.ts',
  'tests/integration/clubs-concurrency.test.ts',
  'tests/integration/home-notices-stream.test.ts',
];

// One test command, four kinds of tests: each a vitest project, all run by `pnpm test`.
export default defineConfig({
  test: {
    // Test files wait on DynamoDB Local, cognito-local and the browser as much as they compute: three at a time keep
    // both cores busy (vitest's default here ran one file at a time). Browser files still run one after another.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'functions/*/src/**/*.test.ts', 'web/src/**/*.test.ts', 'tests/bench/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: HEAVY_INTEGRATION,
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Hundreds of requests at once against one DynamoDB Local: run after everything else, one file at a time, so
        // that what they prove (exact sums under concurrency) is not decided by which other files share the 2 cores.
        test: {
          name: 'integration-heavy',
          include: HEAVY_INTEGRATION,
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser, one stack: files run one after another.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['infra/test/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

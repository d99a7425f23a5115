import { defineConfig } from 'vitest/config';

// Projects by file suffix: unit and in-process tests (and a few of them again under a shifted clock); integration against real Postgres and Redis; end to end with
// the gateway and every subgraph as separate servers.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'],
          // Generous: a loaded 2-core machine may take seconds to migrate an in-memory database or hash a password.
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The tests whose injected clock writes rows beside database defaults, run again years ahead of the real
        // date: a test that mixes the real calendar with the injected one fails here, not the day the calendar moves.
        test: {
          name: 'calendar',
          include: ['subgraphs/users/test/{recovery,lockout,account}.test.ts'],
          env: { ABRI_TEST_EPOCH: '2031-06-16T09:00:00Z' },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['**/test/**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'int',
          include: ['**/test/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

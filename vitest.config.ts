import { defineConfig } from 'vitest/config';
import { TEST_TODAY } from './test/support/today.ts';

const dbTests = ['test/db/**/*.test.ts', 'test/api/**/*.test.ts'];
const serial = { testTimeout: 60_000, hookTimeout: 180_000, fileParallelism: false } as const;
/** Every project runs on one fixed "today": see test/support/today.ts. */
const today = { GIATJA_TODAY: TEST_TODAY };

/**
 * Projects, so each layer can run alone; `npm test` runs them all. Database and API tests run on
 * the embedded PGlite, and again on a PostgreSQL server when TEST_DATABASE_URL is set (CI does).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'], environment: 'node', env: today } },
      { test: { name: 'db', include: dbTests, environment: 'node', ...serial, env: { ...today, GIATJA_TEST_DB: 'pglite' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ test: { name: 'db-postgres', include: dbTests, environment: 'node' as const, ...serial, env: { ...today, GIATJA_TEST_DB: 'server' } } }]
        : []),
      // Real processes killed with SIGKILL mid-transaction, and a PostgreSQL server stopped under load.
      { test: { name: 'faults', include: ['test/faults/**/*.test.ts'], environment: 'node', env: today, testTimeout: 180_000, hookTimeout: 300_000, fileParallelism: false } },
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          env: today,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

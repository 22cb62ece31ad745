import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against TypeScript sources: `@assay/core` never needs a prior build.
const coreSource = fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url));
const serverTests = ['packages/server/src/**/*.test.ts'];

export default defineConfig({
  resolve: {
    alias: [{ find: /^@assay\/core$/, replacement: coreSource }],
  },
  test: {
    // Child processes rather than worker threads: PGlite's WASM and native addons (argon2) are happiest there.
    pool: 'forks',
    // The reference machine has 2 cores.
    maxWorkers: 2,
    // Memory tests (a streamed upload) measure live heap after a forced collection.
    execArgv: ['--expose-gc'],
    projects: [
      {
        extends: true,
        test: { name: 'core', include: ['packages/core/src/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'web', include: ['packages/web/src/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'server-pglite',
          include: serverTests,
          environment: 'node',
          env: { ASSAY_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server-postgres',
          include: serverTests,
          environment: 'node',
          env: { ASSAY_TEST_DB: 'postgres' },
          // Starts one temporary PostgreSQL cluster; provides `postgresAdminUrl` (see postgres-cluster.ts).
          globalSetup: ['scripts/vitest/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          // One browser and one server at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

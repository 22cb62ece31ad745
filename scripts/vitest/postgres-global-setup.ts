// globalSetup of the `server-postgres` vitest project: one temporary PostgreSQL cluster per run.
// Tests read its superuser URL with `inject('postgresAdminUrl')` (or env ASSAY_TEST_PG_ADMIN_URL)
// and create a fresh database per test file from it.
import type { TestProject } from 'vitest/node';
import { startTemporaryCluster } from '../../packages/server/src/test-support/postgres-cluster.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startTemporaryCluster();
  project.provide('postgresAdminUrl', cluster.adminUrl);
  process.env.ASSAY_TEST_PG_ADMIN_URL = cluster.adminUrl;
  return async () => {
    await cluster.stop();
  };
}

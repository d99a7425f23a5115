// One subgraph's database on the machine's real PostgreSQL (a fresh database per call), migrated, with the embedded
// secrets and an injected clock: what a subgraph's integration tests start their service on when their point is what
// PostgreSQL does (unique indexes, row locks, a pool with no connection free).
import { applyMigrations, embeddedSecrets, manualClock } from '@abri/platform';
import type { SubgraphName } from '@abri/platform/subgraphs';
import { prismaProject } from '../../../prisma/projects.ts';
import { requireServices, testServices } from './services.ts';

/**
 * Null when no PostgreSQL is configured and the run does not require one (the test is then not run). `dispose`
 * drops the database: call it after stopping the service.
 */
export async function migratedPostgres(schema: SubgraphName, now: Date, maxConnections = 4) {
  const services = await testServices();
  if (!services.databaseUrl) {
    await services.dispose();
    if (requireServices) throw new Error('PostgreSQL is required for this test');
    return null;
  }
  const db = { kind: 'postgres' as const, url: services.databaseUrl, schema, maxConnections };
  try {
    await applyMigrations(db, prismaProject(schema));
    return { db, secrets: await embeddedSecrets(null), clock: manualClock(now), dispose: services.dispose };
  } catch (error) {
    // Nothing left behind by a setup that failed: the database and the admin connection go.
    await services.dispose();
    throw error;
  }
}

// The payments service on the machine's real PostgreSQL (a fresh database per file), migrated and seeded, with an
// injected clock: for the integration tests whose point is what PostgreSQL enforces (unique indexes, locks).
import { applyMigrations, createLogger, createMemoryBus, embeddedSecrets, manualClock } from '@abri/platform';
import { requireServices, testServices } from '@abri/testkit/services';
import { prismaProject } from '../../../prisma/projects.ts';
import { seedPayments } from '../src/seed.ts';
import { createPaymentsService, type PaymentsDeps } from '../src/server.ts';

/** Null when no PostgreSQL is configured and the run does not require one (the test is then not run). */
export async function startPaymentsOnPostgres(now: Date, extra: Partial<PaymentsDeps> = {}) {
  const services = await testServices();
  if (!services.databaseUrl) {
    await services.dispose();
    if (requireServices) throw new Error('PostgreSQL is required for this test');
    return null;
  }
  const db = { kind: 'postgres' as const, url: services.databaseUrl, schema: 'payments', maxConnections: 4 };
  await applyMigrations(db, prismaProject('payments'));
  const secrets = await embeddedSecrets(null);
  const clock = manualClock(now);
  const service = createPaymentsService({
    db,
    bus: createMemoryBus(),
    hopKeys: secrets.hopSecrets.keysFor('payments'),
    log: createLogger('payments', { silent: true }),
    clock,
    keyring: secrets.keyring,
    ...extra,
  });
  await seedPayments(service.app, now);
  return {
    app: service.app,
    clock,
    async stop() {
      await service.stop();
      await services.dispose();
    },
  };
}

// The payments service on the machine's real PostgreSQL (a fresh database per file), migrated and seeded, with an
// injected clock: for the integration tests whose point is what PostgreSQL enforces (unique indexes, locks).
import { createLogger, createMemoryBus } from '@abri/platform';
import { migratedPostgres } from '@abri/testkit/postgres';
import { seedPayments } from '../src/seed.ts';
import { createPaymentsService, type PaymentsDeps } from '../src/server.ts';

/** Null when no PostgreSQL is configured and the run does not require one (the test is then not run). */
export async function startPaymentsOnPostgres(now: Date, extra: Partial<PaymentsDeps> = {}) {
  const postgres = await migratedPostgres('payments', now);
  if (!postgres) return null;
  const { db, secrets, clock } = postgres;
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
      await postgres.dispose();
    },
  };
}

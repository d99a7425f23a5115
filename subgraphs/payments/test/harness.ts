// The payments service on an in-memory PGlite, migrated and seeded, with an injected clock: for app-level tests.
import { memoryService } from '../../../prisma/memory.ts';
import { seedPayments } from '../src/seed.ts';
import { createPaymentsService, type PaymentsDeps } from '../src/server.ts';

export async function startPayments(now = new Date(), extra: Partial<PaymentsDeps> = {}) {
  const { pglite, secrets, clock, deps } = await memoryService('payments', now);
  const service = createPaymentsService({ ...deps, keyring: secrets.keyring, ...extra });
  await seedPayments(service.app, now);
  return {
    app: service.app,
    clock,
    async stop() {
      await service.stop();
      await pglite.close();
    },
  };
}

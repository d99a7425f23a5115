// Builds the payments subgraph from its dependencies; main.ts and the embedded supervisor call this.
import { adapterFactory, createSubgraphService, type Keyring, type ServiceDeps } from '@abri/platform';
import { PrismaClient } from '../../../prisma/payments/generated/prisma/client.ts';
import { startUnpaidTimeline } from './app/arrears.ts';
import { followPayoutRequests } from './app/payouts.ts';
import { listenForPolicyChanges } from './app/policy-changes.ts';
import type { PaymentsApp } from './context.ts';
import { schema } from './schema/index.ts';

export interface PaymentsDeps extends ServiceDeps {
  /** Field-encryption keys (IBANs). */
  keyring: Keyring;
}

export function createPaymentsService(deps: PaymentsDeps) {
  return createSubgraphService({
    name: 'payments',
    schema,
    prisma: new PrismaClient({ adapter: adapterFactory(deps.db) }),
    deps,
    app: (base): PaymentsApp => ({ ...base, keyring: deps.keyring }),
    background: async (app) => {
      const stops = [await listenForPolicyChanges(app), await followPayoutRequests(app), startUnpaidTimeline(app)];
      return () => {
        for (const stop of stops) stop();
      };
    },
  });
}
export type PaymentsService = ReturnType<typeof createPaymentsService>;

// Builds the payments subgraph from its dependencies; main.ts and the embedded supervisor call this.
import { adapterFactory, createSubgraphService, type ServiceDeps } from '@abri/platform';
import { PrismaClient } from '../../../prisma/payments/generated/prisma/client.ts';
import { followPayoutRequests } from './app/payouts.ts';
import { listenForPolicyChanges } from './app/policy-changes.ts';
import { schema } from './schema/index.ts';

export function createPaymentsService(deps: ServiceDeps) {
  return createSubgraphService({
    name: 'payments',
    schema,
    prisma: new PrismaClient({ adapter: adapterFactory(deps.db) }),
    deps,
    app: (base) => base,
    background: async (app) => {
      const stops = [await listenForPolicyChanges(app), await followPayoutRequests(app)];
      return () => {
        for (const stop of stops) stop();
      };
    },
  });
}
export type PaymentsService = ReturnType<typeof createPaymentsService>;

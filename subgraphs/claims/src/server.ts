// Builds the claims subgraph from its dependencies; main.ts and the embedded supervisor call this.
import { adapterFactory, createSubgraphService, type ServiceDeps } from '@abri/platform';
import { PrismaClient } from '../../../prisma/claims/generated/prisma/client.ts';
import { followPayouts } from './app/payouts.ts';
import { followPolicyTerms } from './app/projection.ts';
import { schema } from './schema/index.ts';

export function createClaimsService(deps: ServiceDeps) {
  return createSubgraphService({
    name: 'claims',
    schema,
    prisma: new PrismaClient({ adapter: adapterFactory(deps.db) }),
    deps,
    app: (base) => base,
    background: async (app) => {
      const stops = [await followPolicyTerms(app), await followPayouts(app)];
      return () => {
        for (const stop of stops) stop();
      };
    },
  });
}
export type ClaimsService = ReturnType<typeof createClaimsService>;

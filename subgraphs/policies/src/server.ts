// Builds the policies subgraph from its dependencies; main.ts and the embedded supervisor call this.
import { adapterFactory, createSubgraphService, type ServiceDeps } from '@abri/platform';
import { PrismaClient } from '../../../prisma/policies/generated/prisma/client.ts';
import { schema } from './schema/index.ts';

export function createPoliciesService(deps: ServiceDeps) {
  return createSubgraphService({
    name: 'policies',
    schema,
    prisma: new PrismaClient({ adapter: adapterFactory(deps.db) }),
    deps,
    app: (base) => base,
  });
}
export type PoliciesService = ReturnType<typeof createPoliciesService>;

// Every production service with its environment schema: the one list `npm run keys`, the README's env table and the
// start-up checks are derived from, so a setting added to a service shows up everywhere at once.
import type { SubgraphName } from '@abri/platform';
import type { z } from 'zod';
import { gatewayEnv } from '../gateway/src/env.ts';
import { claimsEnv } from '../subgraphs/claims/src/env.ts';
import { paymentsEnv } from '../subgraphs/payments/src/env.ts';
import { policiesEnv } from '../subgraphs/policies/src/env.ts';
import { usersEnv } from '../subgraphs/users/src/env.ts';

// The schemas are each service's own (static imports); a subgraph of the registry missing here fails the typecheck.
export const SERVICE_ENVS: Record<'gateway' | SubgraphName, z.ZodObject> = {
  gateway: gatewayEnv,
  users: usersEnv,
  policies: policiesEnv,
  claims: claimsEnv,
  payments: paymentsEnv,
};

export type ProductionService = keyof typeof SERVICE_ENVS;
export const PRODUCTION_SERVICES = Object.keys(SERVICE_ENVS) as ProductionService[];

/** Each service's process in production: its compiled entry (`npm run build:server`, from its `src/main.ts`). */
export const SERVICE_ENTRIES = Object.fromEntries(
  PRODUCTION_SERVICES.map((service) => [service, `dist/server/${service}.js`]),
) as Record<ProductionService, string>;

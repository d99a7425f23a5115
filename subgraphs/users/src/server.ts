// Builds the users subgraph from its dependencies; main.ts and the embedded supervisor call this.
import {
  adapterFactory,
  createMemoryRateLimiter,
  createSubgraphService,
  type Keyring,
  type RateLimiter,
  type ServiceDeps,
  type SigningKey,
  sendJson,
} from '@abri/platform';
import type { JWK } from 'jose';
import { PrismaClient } from '../../../prisma/users/generated/prisma/client.ts';
import { defaultUsersConfig, type UsersApp, type UsersConfig } from './app/index.ts';
import { preloadPlaces } from './app/places.ts';
import { followClaimNews } from './messaging/claim-news.ts';
import { startDispatcher } from './messaging/dispatcher.ts';
import type { MessageTransport } from './messaging/transport.ts';
import { schema } from './schema/index.ts';

export interface UsersDeps extends ServiceDeps {
  /** Signs access tokens; its public half is published as the JWKS. */
  tokenKey: SigningKey;
  /** Public keys still accepted for tokens signed before a rotation. */
  previousTokenKeys?: JWK[];
  keyring: Keyring;
  /** Where e-mails and SMS leave. */
  transport: MessageTransport;
  /** Counts failed sign-ins per client address. @default in memory (one process) */
  limiter?: RateLimiter;
  config?: Partial<UsersConfig>;
}

export function createUsersService(deps: UsersDeps) {
  const jwks = {
    keys: [deps.tokenKey.publicJwk, ...(deps.previousTokenKeys ?? [])],
  };
  return createSubgraphService({
    name: 'users',
    schema,
    prisma: new PrismaClient({ adapter: adapterFactory(deps.db) }),
    deps,
    app: (base): UsersApp => ({
      ...base,
      transport: deps.transport,
      tasks: new Set(),
      limiter:
        deps.limiter ??
        createMemoryRateLimiter({
          now: () => (deps.clock?.now() ?? new Date()).getTime(),
        }),
      kickMessages: () => {},
      tokenKey: deps.tokenKey,
      keyring: deps.keyring,
      config: { ...defaultUsersConfig, ...deps.config },
    }),
    background: async (app) => {
      preloadPlaces();
      const stops = [startDispatcher(app), await followClaimNews(app)];
      return () => {
        for (const stop of stops) stop();
      };
    },
    routes: {
      '/.well-known/jwks.json': (_req, res) => sendJson(res, 200, jwks, { 'cache-control': 'public, max-age=300' }),
    },
  });
}
export type UsersService = ReturnType<typeof createUsersService>;

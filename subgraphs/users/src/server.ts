// Builds the users subgraph from its dependencies; main.ts and the embedded supervisor call this.
import {
  adapterFactory,
  createMemoryRateLimiter,
  createSubgraphService,
  every,
  HttpError,
  PURGE_INTERVAL_MS,
  type RateLimiter,
  type ServiceDeps,
  type SigningKey,
  sendJson,
  stopAll,
  trackPresence,
} from '@abri/platform';
import type { JWK } from 'jose';
import { PrismaClient } from '../../../prisma/users/generated/prisma/client.ts';
import { followCustomerFeed } from './app/customer-feed.ts';
import { exportDownload, exportRelayRoute, purgeExpiredExports } from './app/data-export.ts';
import { followErasure } from './app/erasure.ts';
import { defaultUsersConfig, type UsersApp, type UsersConfig } from './app/index.ts';
import { preloadPlaces } from './app/places.ts';
import { recentlyRevoked } from './app/sessions.ts';
import { followStaffAccess } from './app/staff-access.ts';
import { followClaimNews } from './messaging/claim-news.ts';
import { startDispatcher } from './messaging/dispatcher.ts';
import { followPaymentMethodNews } from './messaging/payment-method-news.ts';
import type { MessageTransport } from './messaging/transport.ts';
import { startPushDispatcher } from './push/dispatcher.ts';
import { startHeldRelease } from './push/held.ts';
import { type PushChannelName, type PushProvider, webPushProvider } from './push/providers.ts';
import { generateVapidKey, type VapidKey } from './push/web-push.ts';
import { schema } from './schema/index.ts';
import { usersSealed } from './sealed.ts';

export interface UsersDeps extends ServiceDeps {
  /** Signs access tokens; its public half is published as the JWKS. */
  tokenKey: SigningKey;
  /** Public keys still accepted for tokens signed before a rotation. */
  previousTokenKeys?: JWK[];
  /** Where e-mails and SMS leave. */
  transport: MessageTransport;
  /** Counts failed sign-ins per client address. @default in memory (one process) */
  limiter?: RateLimiter;
  config?: Partial<UsersConfig>;
  push?: {
    /** Web Push's VAPID key; null turns Web Push off. @default a key made for this process (embedded mode) */
    vapid?: VapidKey | null;
    /** RFC 8292 contact. @default 'mailto:push@abri.example' */
    subject?: string;
    /** Native push adapters (see push/providers.ts). @default none */
    native?: Partial<Record<Exclude<PushChannelName, 'WEB_PUSH'>, PushProvider>>;
    /** @default false */
    allowHttpEndpoints?: boolean;
  };
}

export function createUsersService(deps: UsersDeps) {
  const jwks = {
    keys: [deps.tokenKey.publicJwk, ...(deps.previousTokenKeys ?? [])],
  };
  // Users looks customers and staff up by e-mail through blind indexes: it cannot run without their key.
  const { blindIndexKey } = deps;
  if (!blindIndexKey) throw new Error('the users subgraph needs the blind index key (BLIND_INDEX_KEY)');
  let app: UsersApp | undefined;
  const vapid = deps.push?.vapid === undefined ? generateVapidKey() : deps.push.vapid;
  const service = createSubgraphService({
    name: 'users',
    schema,
    prisma: new PrismaClient({ adapter: adapterFactory(deps.db) }),
    sealed: usersSealed,
    deps,
    app: (base): UsersApp =>
      (app = {
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
        blindIndexKey,
        config: { ...defaultUsersConfig, ...deps.config },
        push: {
          providers: {
            ...deps.push?.native,
            ...(vapid
              ? {
                  WEB_PUSH: webPushProvider({
                    vapid,
                    now: () => base.clock.now(),
                    ...(deps.push?.subject ? { subject: deps.push.subject } : {}),
                  }),
                }
              : {}),
          },
          vapidPublicKey: vapid?.publicKey ?? null,
          allowHttpEndpoints: deps.push?.allowHttpEndpoints ?? false,
          stats: { delivered: 0, skippedLive: 0, removed: 0, failed: 0 },
          presence: null,
        },
      }),
    background: async (app) => {
      preloadPlaces();
      const presence = await trackPresence({ bus: app.bus, now: () => app.clock.now() });
      app.push.presence = presence;
      const stops = [
        startDispatcher(app),
        await followClaimNews(app),
        await followPaymentMethodNews(app),
        await followStaffAccess(app),
        await followCustomerFeed(app),
        await followErasure(app),
        every(app, 'expired data exports', PURGE_INTERVAL_MS, () => purgeExpiredExports(app)),
        await startPushDispatcher(app, presence),
        startHeldRelease(app, presence),
        presence.stop,
      ];
      return stopAll(stops);
    },
    routes: {
      '/.well-known/jwks.json': (_req, res) => sendJson(res, 200, jwks, { 'cache-control': 'public, max-age=300' }),
    },
    signedRoutes: {
      // For the gateway only (its signature, no caller identity): `?within=<seconds>`, at most a day.
      '/internal/revoked-sessions': async (req, res, who) => {
        if (who) throw new HttpError(403, 'Only the gateway itself may ask this.', 'FORBIDDEN');
        const within = Number(new URL(req.url ?? '/', 'http://localhost').searchParams.get('within'));
        if (!Number.isInteger(within) || within < 1 || within > 86_400)
          throw new HttpError(400, 'within: whole seconds from 1 to 86400.', 'BAD_USER_INPUT');
        sendJson(res, 200, { revoked: await recentlyRevoked(app!, within) });
      },
      '/exports/': exportDownload(() => app!),
    },
    signedPostRoutes: { '/internal/exports/': exportRelayRoute(() => app!) },
  });
  return service;
}
export type UsersService = ReturnType<typeof createUsersService>;

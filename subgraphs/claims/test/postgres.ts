// The claims subgraph on the machine's real PostgreSQL (a fresh database per file), migrated and seeded, serving
// GraphQL on a free port to callers signed as the gateway signs them: for the integration tests whose point is what
// PostgreSQL and its connection pool do (row locks, a pool with no connection free).
import { createLogger, createMemoryBus, DEMO, HOP_HEADER, type Identity, sha256, signHop } from '@abri/platform';
import { migratedPostgres } from '@abri/testkit/postgres';
import { seedClaims } from '../src/seed.ts';
import { type ClaimsDeps, createClaimsService } from '../src/server.ts';

/** The demo adjuster as the gateway forwards them. */
export const ADJUSTER: Identity = {
  sub: DEMO.adjuster.staffId,
  sid: 'test-session',
  roles: ['ADJUSTER'],
  exp: Math.floor(Date.now() / 1000) + 3600,
};

/**
 * Null when no PostgreSQL is configured and the run does not require one (the test is then not run).
 * `maxConnections` is the service's pool size.
 */
export async function startClaimsOnPostgres(
  now: Date,
  { maxConnections = 4, ...extra }: Partial<ClaimsDeps> & { maxConnections?: number } = {},
) {
  const postgres = await migratedPostgres('claims', now, maxConnections);
  if (!postgres) return null;
  const { db, secrets, clock } = postgres;
  const service = createClaimsService({
    db,
    bus: createMemoryBus(),
    hopKeys: secrets.hopSecrets.keysFor('claims'),
    log: createLogger('claims', { silent: true }),
    clock,
    keyring: secrets.keyring,
    ...extra,
  });
  await seedClaims(service.app, now);
  const served = await service.start(0, '127.0.0.1');
  const { url } = served;
  return {
    app: service.app,
    clock,
    /** Sends `query` as the gateway would, for `who`; the answer as the gateway gets it. */
    async call<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, who: Identity) {
      const body = JSON.stringify({ query, variables });
      const signature = signHop(secrets.hopSecrets, 'claims', {
        use: 'http',
        bh: sha256(body),
        who,
        client: { ip: '127.0.0.1', userAgent: 'claims-test' },
      });
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HOP_HEADER]: signature },
        body,
      });
      return (await response.json()) as {
        data?: T | null;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      };
    },
    async stop() {
      await service.stop();
      await postgres.dispose();
    },
  };
}

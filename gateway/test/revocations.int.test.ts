// A session logged out, then Redis restarted empty (a failover), then a new gateway replica: the new replica never
// saw the revocation on the bus, yet must refuse the session's still-valid access token, because it reads revoked
// sessions from their record in the users subgraph when it starts.
import { readFileSync } from 'node:fs';
import { createLogger, createRedisBus, localKeySource } from '@abri/platform';
import { customer, startTestSystem } from '@abri/testkit';
import { type TestServices, testServices } from '@abri/testkit/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../../platform/test/redis-server.ts';
import { ROOT } from '../../prisma/projects.ts';
import { type Gateway, startGateway } from '../src/server.ts';

let services: TestServices;
let redis: RedisServer;
let system: Awaited<ReturnType<typeof startTestSystem>>;
let late: Gateway | undefined;

beforeAll(async () => {
  services = await testServices();
  redis = await startRedisServer();
  system = await startTestSystem({
    production: {
      ...(services.databaseUrl ? { databaseUrl: services.databaseUrl } : {}),
      bus: () => createRedisBus(redis.url, { prefix: 'abri:' }),
    },
  });
});
afterAll(async () => {
  await late?.stop();
  await system?.stop();
  await redis?.stop();
  await services?.dispose();
});

// A query users takes no part in (claims answers it, even to anonymous callers): only the gateway's own record of
// revocations can refuse it.
const ask = (url: string, token: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ claimForm(type: WATER_DAMAGE) { __typename } }' }),
  });

describe('revocations after Redis lost its streams', () => {
  it('a replica started after a Redis restart refuses a session logged out before it', async () => {
    const camille = await customer(system.gateway.url, 'camille');
    const token = camille.accessToken!;
    expect((await ask(system.gateway.url, token)).status).toBe(200);
    await camille.request('mutation { logout }');
    await expect.poll(async () => (await ask(system.gateway.url, token)).status).toBe(401);

    await redis.restart();
    const subgraphUrls = Object.fromEntries(Object.entries(system.subgraphs).map(([name, s]) => [name, s.url]));
    late = await startGateway(
      {
        supergraphSdl: readFileSync(`${ROOT}schema/supergraph.graphql`, 'utf8'),
        subgraphUrls,
        hopSecrets: system.secrets.hopSecrets,
        tokenKeys: localKeySource({ keys: [system.secrets.tokenKey.publicJwk] }),
        bus: createRedisBus(redis.url, { prefix: 'abri:' }),
        log: createLogger('gateway', { silent: true }),
      },
      0,
    );
    // Ready only once it has read the record; from then on the token is refused.
    await expect.poll(async () => (await fetch(late!.url.replace('/graphql', '/ready'))).status).toBe(200);
    expect((await ask(late.url, token)).status).toBe(401);

    // A session that was not revoked still works on the new replica.
    const other = await customer(late.url, 'louis');
    expect((await ask(late.url, other.accessToken!)).status).toBe(200);
  });
});

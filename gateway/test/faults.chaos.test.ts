// Faults in the production shape, with devices connected: Redis killed and back empty, the claims subgraph killed and
// restarted, a gateway replica killed and restarted — while an adjuster keeps moving a claim. Every device must get
// every move once, in order, and every durable consumer must have caught up. `bench/chaos.ts` runs a longer variant
// and prints the recovery time of each fault.
import { DEMO } from '@abri/platform';
import { adjuster, customer } from '@abri/testkit';
import { type Balancer, startBalancer } from '@abri/testkit/balancer';
import { type ClaimMover, moveClaim } from '@abri/testkit/claim-mover';
import { audit, type Device, followDevice, followWithSdk } from '@abri/testkit/device';
import { type ProcessSystem, startProcessSystem } from '@abri/testkit/processes';
import { requireServices, type TestServices, testServices } from '@abri/testkit/services';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../../platform/test/redis-server.ts';

let services: TestServices;
let redis: RedisServer;
let system: ProcessSystem;
let db: pg.Client;
const balancers: Balancer[] = [];

beforeAll(async () => {
  services = await testServices({ seededTemplate: inject('seededTemplate') });
  if (!services.databaseUrl) {
    if (requireServices) throw new Error('PostgreSQL is required for the fault tests');
    throw new Error('the fault tests need PostgreSQL: set ABRI_TEST_DATABASE_URL');
  }
  redis = await startRedisServer();
  system = await startProcessSystem({
    databaseUrl: services.databaseUrl,
    seeded: services.seeded,
    redisUrl: redis.url,
    busPrefix: 'abri:',
  });
  db = new pg.Client({ connectionString: services.databaseUrl });
  await db.connect();
}, 600_000);

afterAll(async () => {
  for (const balancer of balancers) await balancer.stop();
  await db?.end();
  await system?.stop();
  await redis?.stop();
  await services?.dispose();
});

const CLAIM_EVENTS = `subscription($after: String) {
  claimStatusChanged(after: $after) { cursor status claim { id policy { number } } }
}`;

/** Durable consumers of claim news in users: one processed row per e-mail-worthy move (ACKNOWLEDGED here). */
const claimNewsProcessed = async () =>
  Number((await db.query(`SELECT count(*)::int AS n FROM users."ProcessedEvent" WHERE source = 'claims'`)).rows[0].n);

async function consumersHealthy(): Promise<string[]> {
  const unhealthy: string[] = [];
  for (const name of ['users', 'policies', 'claims', 'payments'] as const) {
    const res = await fetch(system.url(name).replace('/graphql', '/health')).catch(() => null);
    const body = (await res?.json().catch(() => null)) as { consumers?: { group: string; state: string }[] } | null;
    for (const c of body?.consumers ?? []) if (c.state !== 'ok') unhealthy.push(`${name}:${c.group}:${c.state}`);
    if (!res?.ok) unhealthy.push(`${name}:health ${res?.status ?? 'unreachable'}`);
  }
  return unhealthy;
}

describe('faults with devices connected (separate processes, PostgreSQL, Redis)', () => {
  it('loses, doubles and reorders nothing for any device through a Redis restart, a subgraph crash and a gateway crash', async () => {
    const [a, b] = system.gateways;
    const staff = await adjuster(b);
    const camille = await customer(b, 'camille');
    const mover: ClaimMover = moveClaim({ urls: [a, b], staffToken: staff.accessToken!, claimId: DEMO.camilleClaimId });
    const processedBefore = await claimNewsProcessed();

    // Two devices are the test's own resumable client, each given both replicas; two are apps built on the SDK's
    // `follow()`, each with its own session, behind a balancer (one address) that prefers one replica.
    const pick = (data: Record<string, unknown>) => {
      const e = data.claimStatusChanged as { cursor: string; status: string };
      return { cursor: e.cursor, value: e.status };
    };
    const raw = [0, 1].map((i) =>
      followDevice({
        urls: i % 2 ? [b, a] : [a, b],
        token: () => camille.accessToken!,
        query: CLAIM_EVENTS,
        after: 'claims.0',
        pick,
      }),
    );
    const apps: Device[] = [];
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const balancer = await startBalancer(order);
      balancers.push(balancer);
      const app = await customer(balancer.url, 'camille');
      apps.push(followWithSdk({ client: app, query: CLAIM_EVENTS, after: 'claims.0', pick }));
    }
    const devices: Device[] = [...raw, ...apps];
    const allHave = (count: number) =>
      expect
        .poll(() => Math.min(...devices.map((d) => new Set(d.received.map((r) => r.cursor)).size)), {
          timeout: 120_000,
          interval: 200,
        })
        .toBeGreaterThanOrEqual(count);

    await mover.moves(3);
    await allHave(3);

    // Redis dies mid-stream and comes back empty.
    const duringRedis = mover.moves(4);
    await mover.untilMoved(4);
    await redis.kill();
    // While Redis is away, a customer still signs in and reads her file (limits are counted in memory meanwhile):
    // no INTERNAL after a long wait, as before.
    const whileDown = await customer(a, 'louis');
    const file = await whileDown.request<{ me: { firstName: string } }>('{ me { firstName policies { number } } }');
    expect(file.errors).toBeUndefined();
    expect(file.data?.me.firstName).toBe('Louis');
    await redis.start();
    await duringRedis;
    await allHave(7);

    // The claims subgraph crashes; moves wait for it; it restarts.
    await system.kill('claims');
    const duringClaims = mover.moves(3);
    await system.start('claims');
    await duringClaims;
    await allHave(10);

    // A gateway replica crashes with half the devices on it; they move to the other replica.
    const duringGateway = mover.moves(3);
    await system.kill('gatewayA');
    await duringGateway;
    await system.start('gatewayA');
    await mover.moves(2);
    await allHave(15);

    const expected = mover.done;
    expect(expected).toHaveLength(15);
    for (const device of devices) {
      const result = audit(expected, device.received);
      expect({ lost: result.lost, doubled: result.doubled, reordered: result.reordered }).toEqual({
        lost: 0,
        doubled: 0,
        reordered: 0,
      });
      expect(result.values).toEqual(expected);
    }
    // The devices on replica A had to reconnect (to B) when it died; the test's own devices on B kept their socket
    // throughout: the gateway absorbed the Redis and claims faults. (The SDK's app on B pings its socket and may
    // reconnect on a slow pong under load, which is its job, so only its counterpart on A is asserted.)
    expect(devices.slice(0, 3).map((d) => d.connections > 1)).toEqual([true, false, true]);
    // The app behind the balancer that preferred A started there and landed on B when A died.
    expect(balancers[0]!.connections[0]).toBe(new URL(a).host);
    expect(balancers[0]!.connections).toContain(new URL(b).host);

    // Durable consumers caught up: users wrote claim news once per ACKNOWLEDGED move, and all report ok.
    const acknowledged = expected.filter((s) => s === 'ACKNOWLEDGED').length;
    await expect.poll(claimNewsProcessed, { timeout: 120_000, interval: 500 }).toBe(processedBefore + acknowledged);
    await expect.poll(consumersHealthy, { timeout: 120_000, interval: 500 }).toEqual([]);
    for (const device of devices) await device.stop();
  }, 600_000);
});

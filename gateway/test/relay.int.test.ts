// Live channels shared between two gateway replicas through Redis (live/relay.ts), on the in-memory subgraphs of
// in-memory-federation.ts: one replica runs a customer's upstream subscription and plan, the other delivers its
// results; whatever happens to the leader or to a Redis connection, every device gets every event once, in order.
// Needs Redis (CI has it).
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { createLogger } from '@abri/platform';
import { requireServices } from '@abri/testkit/services';
import type { ExecutionResult } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../src/context.ts';
import { createRedisRelay } from '../src/live/relay.ts';
import { CLAIM_CHANGED, camille, createFeed, event, inMemoryGateway } from './in-memory-federation.ts';

const redisUrl = process.env.ABRI_TEST_REDIS_URL;
if (requireServices && !redisUrl) throw new Error('Redis is required for this test');
const admin = redisUrl ? new Redis(redisUrl) : undefined;

const louis: GatewayContext = {
  who: { sub: 'customer-louis', sid: 'session-2', roles: ['CUSTOMER'], exp: 2_000_000_000 },
  client: { ip: null, userAgent: null },
  requestId: 'request-2',
};

type Replica = ReturnType<typeof inMemoryGateway> & { relay: ReturnType<typeof createRedisRelay> };
const replicas: Replica[] = [];
const streams: AsyncGenerator<ExecutionResult>[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) await stream.return(undefined);
  for (const r of replicas.splice(0)) await r.federated.dispose();
});
const proxies: { close(): void }[] = [];
afterEach(() => {
  for (const proxy of proxies.splice(0)) proxy.close();
});
afterAll(() => admin?.disconnect());

/** A TCP proxy to Redis that can be cut (its connections dropped, new ones refused) and restored. */
async function cuttableRedis() {
  const target = new URL(redisUrl!);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket
        .on('error', () => socket.destroy())
        .on('close', () => {
          sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as net.AddressInfo;
  const cut = () => {
    server.close();
    for (const socket of sockets) socket.destroy();
  };
  proxies.push({ close: cut });
  return {
    url: `redis://127.0.0.1:${port}`,
    cut,
    restore: () => new Promise<void>((done) => server.listen(port, '127.0.0.1', done)),
  };
}

/** What a device receives until its stream ends. */
async function untilEnd(device: AsyncGenerator<ExecutionResult>) {
  const got: ExecutionResult[] = [];
  for await (const result of device) got.push(result);
  return got;
}

/** A gateway replica on the shared `feed`, its channels shared through Redis under this test's own prefix. */
function replica(
  feed: ReturnType<typeof createFeed>,
  prefix: string,
  url = redisUrl!,
  heartbeat?: { everyMs: number; aliveMs: number },
): Replica {
  const relay = createRedisRelay(url, { prefix, log: createLogger('gateway', { silent: true }), heartbeat });
  const gateway = { ...inMemoryGateway(feed, { relay }), relay };
  replicas.push(gateway);
  return gateway;
}

function follow(r: Replica, after: string | null, who: GatewayContext = camille) {
  const stream = r.federated.subscribe({ document: CLAIM_CHANGED, variableValues: { after }, contextValue: who });
  streams.push(stream);
  return stream;
}

const next = async (device: AsyncGenerator<ExecutionResult>) => (await device.next()).value as ExecutionResult;
const POLICY = 'HAB-2026-000001';
/** The n-th claim event of the feed, as a device receives it. */
const nth = (n: number, status = `STEP_${n}`) => ({ data: event(`claims.${n}`, status, 'claim-1', POLICY) });
const publish = (feed: ReturnType<typeof createFeed>, from: number, to: number) => {
  for (let n = from; n <= to; n++) feed.publish('claim-1', 'p1', `STEP_${n}`);
};

/** Camille's phone on replica A (which leads), then her laptop on B, following A. */
/** Two replicas on one feed, sharing channels under a prefix of their own (`redisOfA`: A's way to Redis). */
function twoReplicas(options: { redisOfA?: string } = {}) {
  const feed = createFeed();
  const prefix = `abri:test:${randomUUID().slice(0, 8)}:`;
  return { feed, prefix, a: replica(feed, prefix, options.redisOfA), b: replica(feed, prefix) };
}

async function camilleOnTwoReplicas(options: { redisOfA?: string } = {}) {
  const { feed, a, b } = twoReplicas(options);
  const phone = follow(a, 'claims.0');
  await expect.poll(() => a.relay.stats().leading, { timeout: 10_000 }).toBe(1);
  const laptop = follow(b, 'claims.0');
  await expect.poll(() => b.relay.stats().following, { timeout: 10_000 }).toBe(1);
  return { feed, a, b, phone, laptop };
}

describe.skipIf(!redisUrl)('live channels shared between replicas (Redis)', () => {
  it('runs one upstream subscription and one plan per event for a customer with devices on two replicas', async () => {
    const { feed, a, b, phone, laptop } = await camilleOnTwoReplicas();
    publish(feed, 1, 3);

    for (const device of [phone, laptop]) for (let n = 1; n <= 3; n++) expect(await next(device)).toEqual(nth(n));
    expect(a.opened).toEqual([{ subgraph: 'claims', variables: { after: 'claims.0' } }]);
    expect(b.opened).toEqual([]);
    expect(a.fetches.map((f) => f.subgraph)).toEqual(['policies', 'policies', 'policies']);
    expect(b.fetches).toEqual([]);
  });

  it('hands a channel over when its leader stops: the follower resumes from where it is', async () => {
    const { feed, a, b, laptop } = await camilleOnTwoReplicas();
    publish(feed, 1, 2);
    for (let n = 1; n <= 2; n++) expect(await next(laptop)).toEqual(nth(n));

    await a.federated.dispose();
    publish(feed, 3, 4);
    for (let n = 3; n <= 4; n++) expect(await next(laptop)).toEqual(nth(n));
    expect(b.opened).toEqual([{ subgraph: 'claims', variables: { after: 'claims.2' } }]);
    expect(b.relay.stats()).toMatchObject({ leading: 1, following: 0 });
  });

  it('runs a follower alone while its Redis connection is down, then follows again, losing and doubling nothing', async () => {
    const { feed, b, phone, laptop } = await camilleOnTwoReplicas();
    publish(feed, 1, 1);
    for (const device of [phone, laptop]) expect(await next(device)).toEqual(nth(1));

    const listener = `abri-live-listen-${b.relay.id}`;
    const idOf = async () => {
      const list = (await admin!.client('LIST')) as string;
      const line = list.split('\n').find((l) => l.includes(` name=${listener} `));
      return line ? /^id=(\d+)/.exec(line)?.[1] : undefined;
    };
    const killed = await idOf();
    expect(killed).toBeDefined();
    await admin!.client('KILL', 'ID', killed!);
    publish(feed, 2, 3);
    for (const device of [phone, laptop]) for (let n = 2; n <= 3; n++) expect(await next(device)).toEqual(nth(n));
    expect(b.relay.stats().gaps).toBeGreaterThanOrEqual(1);
    expect(b.opened).toEqual([{ subgraph: 'claims', variables: { after: 'claims.1' } }]);

    // Once its connection is back, the next event the leader publishes continues from where it is: it follows.
    await expect
      .poll(async () => (await idOf()) !== undefined && (await idOf()) !== killed, { timeout: 10_000 })
      .toBe(true);
    publish(feed, 4, 4);
    for (const device of [phone, laptop]) expect(await next(device)).toEqual(nth(4));
    await expect.poll(() => b.relay.stats().following, { timeout: 10_000 }).toBe(1);
    publish(feed, 5, 5);
    expect(await next(laptop)).toEqual(nth(5));
  });

  it('brings a device that joins behind the leader up from its own cursor, then follows', async () => {
    const { feed, a, b } = twoReplicas();
    const phone = follow(a, 'claims.0');
    publish(feed, 1, 3);
    for (let n = 1; n <= 3; n++) expect(await next(phone)).toEqual(nth(n));

    const laptop = follow(b, 'claims.1');
    for (let n = 2; n <= 3; n++) expect(await next(laptop)).toEqual(nth(n));
    publish(feed, 4, 4);
    expect(await next(laptop)).toEqual(nth(4));
    await expect.poll(() => b.relay.stats().following, { timeout: 10_000 }).toBe(1);
    publish(feed, 5, 5);
    expect(await next(laptop)).toEqual(nth(5));
    expect(await next(phone)).toEqual(nth(4));
  });

  it('gives followers every event before the end of the stream', async () => {
    const { feed, phone, laptop } = await camilleOnTwoReplicas();
    publish(feed, 1, 3);
    feed.end();
    const [onPhone, onLaptop] = await Promise.all([untilEnd(phone), untilEnd(laptop)]);
    expect(onPhone).toEqual([nth(1), nth(2), nth(3)]);
    expect(onLaptop).toEqual([nth(1), nth(2), nth(3)]);
  });

  it('lets go of the lease of a closed channel once Redis is back, so that a follower takes over', async () => {
    const proxy = await cuttableRedis();
    const { feed, phone, laptop, b } = await camilleOnTwoReplicas({ redisOfA: proxy.url });
    publish(feed, 1, 1);
    for (const device of [phone, laptop]) expect(await next(device)).toEqual(nth(1));

    // Replica A loses Redis while its only device leaves: the channel closes, and its lease cannot be let go then.
    proxy.cut();
    await phone.return(undefined);
    await proxy.restore();
    publish(feed, 2, 3);
    for (let n = 2; n <= 3; n++) expect(await next(laptop)).toEqual(nth(n));
    expect(b.relay.stats().leading).toBe(1);
  }, 30_000);

  it('delivers an event without a cursor once, even while two replicas lead', async () => {
    const feed = createFeed();
    const prefix = `abri:test:${randomUUID().slice(0, 8)}:`;
    // A beats once, at its start, then not for minutes: slow to beat. Its beat counts until the test deletes it.
    const slow = { everyMs: 600_000, aliveMs: 600_000 };
    const [a, b, c] = [replica(feed, prefix, redisUrl, slow), replica(feed, prefix), replica(feed, prefix)];
    follow(a, 'claims.0');
    await expect.poll(() => a.relay.stats().leading, { timeout: 10_000 }).toBe(1);
    const devices = { b: follow(b, 'claims.0'), c: follow(c, 'claims.0') };
    await expect
      .poll(() => [b.relay.stats().following, c.relay.stats().following], { timeout: 10_000 })
      .toEqual([1, 1]);
    // Its heartbeat goes (as a late one would): B or C takes the lease over at its next beat while A still leads.
    await admin!.del(`${prefix}live:replica:${a.relay.id}`);
    await expect.poll(() => b.relay.stats().leading + c.relay.stats().leading, { timeout: 10_000 }).toBe(1);
    expect(a.relay.stats().leading).toBe(1);
    const follower = b.relay.stats().following === 1 ? devices.b : devices.c;

    feed.publishUnreadable();
    publish(feed, 2, 2);
    // Both leaders publish both events: the follower's device gets each once, and no copy follows them (a copy
    // comes within moments of the first: a second is left for it).
    const got: ExecutionResult[] = [];
    void (async () => {
      for await (const result of follower) got.push(result);
    })();
    await expect.poll(() => got.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await new Promise((done) => setTimeout(done, 1_000));
    expect(got.filter((r) => r.errors && !r.data)).toHaveLength(1);
    expect(got.filter((r) => r.data)).toEqual([{ data: event('claims.2', 'STEP_2', 'claim-1', POLICY) }]);
  }, 30_000);

  it('runs a live-only channel alone until its first event, then follows', async () => {
    const { feed, a, b } = twoReplicas();
    const phone = follow(a, null);
    await expect.poll(() => a.relay.stats().leading, { timeout: 10_000 }).toBe(1);
    const laptop = follow(b, null);
    // Without a position, a leader lost now would leave it nothing to resume from: its own upstream meanwhile.
    await expect.poll(() => b.relay.stats().alone, { timeout: 10_000 }).toBe(1);
    publish(feed, 1, 2);
    for (const device of [phone, laptop]) for (let n = 1; n <= 2; n++) expect(await next(device)).toEqual(nth(n));
    await expect.poll(() => b.relay.stats().following, { timeout: 10_000 }).toBe(1);
    publish(feed, 3, 3);
    expect(await next(laptop)).toEqual(nth(3));
  });

  it('never shares a channel between two customers', async () => {
    const { a, b } = twoReplicas();
    follow(a, 'claims.0', camille);
    follow(b, 'claims.0', louis);
    await expect.poll(() => [a.relay.stats().leading, b.relay.stats().leading], { timeout: 10_000 }).toEqual([1, 1]);
    expect([a.opened.length, b.opened.length]).toEqual([1, 1]);
  });
});

// Redis restarted empty (it keeps nothing on disk here, as many managed setups after a failover): durable consumers
// and live readers must catch up from the producers' outboxes, with nothing lost, applied twice or reordered.
// The test runs its own Redis server (so it can kill it) and a real outbox on PGlite.
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoryPglite } from '../src/db/index.ts';
import { createOutbox, createRedisBus, customerEvents, defineEvent, type EventBus } from '../src/index.ts';
import { createLogger } from '../src/log.ts';
import { type RedisServer, startRedisServer } from './redis-server.ts';
import { pgliteSql } from './sql.ts';

const SOURCE = 'prod';
const CHANGED = defineEvent('prod.changed', z.object({ i: z.number() }));
const TOPIC = CHANGED.topic;
const log = createLogger('test', { silent: true });

let redis: RedisServer;
let pglite: PGlite;
const buses: EventBus[] = [];
const bus = () => {
  const b = createRedisBus(redis.url, { prefix: 'abri:loss:' });
  buses.push(b);
  return b;
};

beforeAll(async () => {
  redis = await startRedisServer();
  pglite = await memoryPglite();
  await pglite.exec(`CREATE SCHEMA "${SOURCE}";
    CREATE TABLE "${SOURCE}"."OutboxEvent" (
      "id" BIGSERIAL PRIMARY KEY, "topic" TEXT NOT NULL, "customerId" TEXT, "payload" JSONB NOT NULL,
      "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "publishedAt" TIMESTAMP(3),
      "traceparent" TEXT);`);
}, 60_000);
afterAll(async () => {
  for (const b of buses) await b.close();
  await redis?.stop();
  await pglite?.close();
});

describe('Redis restarted empty', () => {
  it('durable consumers and live readers catch up: nothing lost, nothing applied twice, nothing reordered', async () => {
    const db = pgliteSql(pglite);
    const outbox = createOutbox({ source: SOURCE, db, bus: bus(), log, pollMs: 100 });
    outbox.start();
    const add = async (n: number) => {
      for (let i = 0; i < n; i++)
        await db.$transaction((tx) => outbox.add(tx, CHANGED, { customerId: 'c1', payload: { i } }));
      outbox.kick();
    };
    const ids = async () =>
      (
        await pglite.query<{ id: string }>(`SELECT id::text AS id FROM "${SOURCE}"."OutboxEvent" o ORDER BY o.id`)
      ).rows.map((r) => r.id);

    // A durable consumer, idempotent by event id as every handler must be; it can be paused.
    const applied: string[] = [];
    let deliveries = 0;
    let gate: Promise<void> | undefined;
    let open: (() => void) | undefined;
    const consumerBus = bus();
    const stop = await consumerBus.consume(CHANGED, 'projection', async (event) => {
      await gate;
      deliveries++;
      if (!applied.includes(event.id)) applied.push(event.id);
    });
    // A live reader (a device's subscription, from the start of the stream) that never resumes by itself.
    const live: string[] = [];
    const stream = customerEvents({ bus: bus(), outbox, event: CHANGED, customerId: 'c1', afterId: 0n });
    const reading = (async () => {
      for await (const event of stream) live.push(event.id);
    })();

    await add(10);
    await expect.poll(() => applied.length, { timeout: 20_000 }).toBe(10);
    // The consumer stalls; ten more events reach Redis but not the consumer; then Redis dies and comes back empty.
    gate = new Promise((r) => {
      open = r;
    });
    await add(10);
    await expect
      .poll(
        async () =>
          (await pglite.query(`SELECT 1 FROM "${SOURCE}"."OutboxEvent" WHERE "publishedAt" IS NULL`)).rows.length,
        {
          timeout: 20_000,
        },
      )
      .toBe(0);
    await redis.restart();
    open?.();
    await add(10);

    const all = await ids();
    expect(all).toHaveLength(30);
    await expect.poll(() => applied, { timeout: 30_000 }).toEqual(all);
    await expect.poll(() => live, { timeout: 30_000 }).toEqual(all);
    expect(deliveries).toBeGreaterThanOrEqual(30);
    expect(consumerBus.health().consumers).toEqual([
      expect.objectContaining({ topic: TOPIC, group: 'projection', state: 'ok' }),
    ]);
    await stop();
    await stream.return(undefined);
    await reading;
    await outbox.stop();
  }, 120_000);
});

describe('Redis away', () => {
  it('reports a durable consumer as retrying, then stuck, and as ok again once Redis is back', async () => {
    const errors: unknown[] = [];
    const watched = createRedisBus(redis.url, {
      prefix: 'abri:away:',
      stuckAfterMs: 10_000,
      onError: (e) => errors.push(e),
    });
    buses.push(watched);
    const stop = await watched.consume(defineEvent('away.topic', z.unknown()), 'watcher', async () => {});
    const state = () => watched.health().consumers[0]?.state;
    // A second consumer, stopped while Redis does not answer: its stop lets go of the read that waits for Redis.
    const other = await watched.consume(defineEvent('away.other', z.unknown()), 'watcher', async () => {});
    await expect.poll(state).toBe('ok');
    await redis.stop();
    await other();
    await expect.poll(state, { timeout: 30_000 }).toBe('retrying');
    await expect.poll(state, { timeout: 30_000 }).toBe('stuck');
    await redis.restart();
    await expect.poll(state, { timeout: 30_000 }).toBe('ok');
    await stop();
  }, 120_000);
});

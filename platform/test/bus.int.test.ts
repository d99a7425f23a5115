// Durable consumption on both buses (Redis when configured, always in CI): history for a new group, retries until
// the handler succeeds, every group gets every event.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type BusEvent, createMemoryBus, createRedisBus, defineEvent, type EventBus } from '../src/index.ts';
import { env, event, freshTopic, testBuses, until } from './buses.ts';

const buses = testBuses();

/** A promise a handler waits on (`held`) until the test lets it go on (`release`). */
function gate() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { held, release };
}

/** A Redis bus under a prefix of its own and a plain client to read its streams, both closed after `use`. */
async function withRedisBus(
  options: Omit<NonNullable<Parameters<typeof createRedisBus>[1]>, 'prefix'>,
  use: (bus: EventBus, redis: Redis, prefix: string) => Promise<void>,
) {
  const prefix = `abri:it:${randomUUID()}:`;
  const bus = createRedisBus(env.ABRI_TEST_REDIS_URL!, { ...options, prefix });
  const redis = new Redis(env.ABRI_TEST_REDIS_URL!);
  try {
    await use(bus, redis, prefix);
  } finally {
    redis.disconnect();
    await bus.close();
  }
}

describe.each(buses)('%s bus, durable consumers', (_name, bus) => {
  it('delivers to a new group what was published before it started, then what comes after, in order', async () => {
    const topic = freshTopic();
    await bus.publish(event(topic, 1));
    await bus.publish(event(topic, 2));
    const seen: string[] = [];
    const stop = await bus.consume(topic, 'projection', async (e) => {
      seen.push(e.id);
    });
    await bus.publish(event(topic, 3));
    await until(() => seen.length === 3);
    expect(seen).toEqual(['1', '2', '3']);
    await stop();
  });

  it('delivers again an event whose handler failed, until it succeeds', async () => {
    const topic = freshTopic();
    let attempts = 0;
    const done: string[] = [];
    const stop = await bus.consume(topic, 'payouts', async (e) => {
      attempts++;
      if (attempts < 3) throw new Error('database down');
      done.push(e.id);
    });
    await bus.publish(event(topic, 7));
    await until(() => done.length === 1);
    expect(attempts).toBe(3);
    expect(done).toEqual(['7']);
    await stop();
  });

  it('gives every group every event', async () => {
    const topic = freshTopic();
    const a: string[] = [];
    const b: string[] = [];
    const stops = [
      await bus.consume(topic, 'a', async (e) => void a.push(e.id)),
      await bus.consume(topic, 'b', async (e) => void b.push(e.id)),
    ];
    for (let i = 1; i <= 5; i++) await bus.publish(event(topic, i));
    await until(() => a.length === 5 && b.length === 5);
    expect(a).toEqual(b);
    await Promise.all(stops.map((stop) => stop()));
  });

  it('stops once the event in hand is handled, however long it takes: a stopping service never cuts one off', async () => {
    const topic = freshTopic();
    const { held, release } = gate();
    const handled: string[] = [];
    let entered = false;
    const stop = await bus.consume(topic, 'drained', async (e) => {
      entered = true;
      await held;
      handled.push(e.id);
    });
    await bus.publish(event(topic, 1));
    await until(() => entered);
    let stopped = false;
    const stopping = stop().then(() => {
      stopped = true;
    });
    await new Promise(setImmediate);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(handled).toEqual(['1']);
  });
});

describe('memory bus, a skipped event', () => {
  it('is reported, and the events after it are still delivered when the report itself throws', async () => {
    const reported: string[] = [];
    const bus = createMemoryBus({
      onError: (_message, fields) => {
        reported.push(String(fields.eventId));
        throw new Error('log sink down');
      },
    });
    const topic = freshTopic();
    const handled: string[] = [];
    const stop = await bus.consume(topic, 'projection', async (e) => {
      if (e.id === '1') throw new Error('poisoned');
      handled.push(e.id);
    });
    await bus.publish(event(topic, 1));
    await bus.publish(event(topic, 2));
    await until(() => handled.length === 1, 30_000);
    expect(reported).toEqual(['1']);
    expect(handled).toEqual(['2']);
    await stop();
  });
});

describe.runIf(env.ABRI_TEST_REDIS_URL)('redis bus, consumers of one group', () => {
  it('takes over what a dead consumer of the group left pending, handles it once and acknowledges it', async () => {
    await withRedisBus({ takeOverAfterMs: 200 }, async (bus, redis, prefix) => {
      const topic = freshTopic();
      const key = `${prefix}${topic.topic}`;
      // A consumer of the group read two events and died before acknowledging them.
      await redis.xgroup('CREATE', key, 'feed', '0', 'MKSTREAM');
      await bus.publish(event(topic, 1));
      await bus.publish(event(topic, 2));
      await redis.xreadgroup('GROUP', 'feed', 'dead-consumer', 'COUNT', 10, 'STREAMS', key, '>');
      const seen: string[] = [];
      const stop = await bus.consume(topic, 'feed', async (e) => void seen.push(e.id));
      await bus.publish(event(topic, 3));
      await until(() => seen.length === 3, 30_000);
      expect([...seen].sort()).toEqual(['1', '2', '3']);
      const pending = async () => ((await redis.xpending(key, 'feed')) as [number])[0];
      await expect.poll(pending, { timeout: 30_000 }).toBe(0);
      expect(seen).toHaveLength(3);
      await stop();
    });
  });

  it('acknowledges every event it handled, those read together too', async () => {
    await withRedisBus({}, async (bus, redis, prefix) => {
      const topic = freshTopic();
      for (let i = 1; i <= 150; i++) await bus.publish(event(topic, i));
      const seen: string[] = [];
      const stop = await bus.consume(topic, 'feed', async (e) => {
        if (e.id === '120' && !seen.includes('fail-120')) {
          seen.push('fail-120');
          throw new Error('once');
        }
        seen.push(e.id);
      });
      await until(() => seen.length === 151, 30_000);
      const handled = seen.filter((id) => id !== 'fail-120');
      // Each event once; the failed one again after the others of its read, the rest in order.
      expect(new Set(handled).size).toBe(150);
      expect(handled.filter((id) => id !== '120')).toEqual(
        Array.from({ length: 150 }, (_, i) => String(i + 1)).filter((id) => id !== '120'),
      );
      const pending = async () => ((await redis.xpending(`${prefix}${topic.topic}`, 'feed')) as [number])[0];
      await expect.poll(pending, { timeout: 30_000 }).toBe(0);
      await stop();
    });
  });

  it('is stopped once however often its stop is called, and the other consumers stay reported', async () => {
    await withRedisBus({}, async (bus) => {
      const stop = await bus.consume(freshTopic(), 'first', async () => {});
      const other = await bus.consume(freshTopic(), 'second', async () => {});
      await Promise.all([stop(), stop()]);
      await stop();
      expect(bus.health().consumers.map((c) => c.group)).toEqual(['second']);
      await other();
      expect(bus.health().consumers).toEqual([]);
    });
  });

  it('acknowledges the events in hand before its stop resolves', async () => {
    await withRedisBus({}, async (bus, redis, prefix) => {
      const topic = freshTopic();
      for (let i = 1; i <= 3; i++) await bus.publish(event(topic, i));
      const { held, release } = gate();
      const handled: string[] = [];
      let entered = false;
      const stop = await bus.consumeBatch(topic, 'feed', async (events) => {
        entered = true;
        await held;
        handled.push(...events.map((e) => e.id));
      });
      await until(() => entered);
      const stopping = stop();
      release();
      await stopping;
      expect(handled).toEqual(['1', '2', '3']);
      // Acknowledged already: no other consumer of the group will handle them again.
      expect(((await redis.xpending(`${prefix}${topic.topic}`, 'feed')) as [number])[0]).toBe(0);
    });
  });
});

describe.each(buses)('%s bus, live subscribers', (_name, bus) => {
  it('hands each event to its customer’s subscribers and to those of every customer, checking it once', async () => {
    let checks = 0;
    const topic = defineEvent(
      `users.t-${randomUUID()}`,
      z.object({ n: z.number() }).refine(() => {
        checks++;
        return true;
      }),
    );
    const got: Record<string, string[]> = { a1: [], a2: [], b: [], everyone: [] };
    const to = (who: string) => (e: { id: string }) => void got[who]!.push(e.id);
    // Many followers of other customers, as a gateway following thousands has.
    const others = await Promise.all(
      Array.from({ length: 50 }, (_, i) => bus.subscribe(topic, to('b'), { customerId: `other-${i}` })),
    );
    const stops = [
      await bus.subscribe(topic, to('a1'), { customerId: 'A' }),
      await bus.subscribe(topic, to('a2'), { customerId: 'A' }),
      await bus.subscribe(topic, to('b'), { customerId: 'B' }),
      await bus.subscribe(topic, to('everyone')),
    ];
    const of = (id: number, customerId: string | null): BusEvent => ({ ...event(topic, id), customerId });
    await bus.publish(of(1, 'A'));
    await bus.publish(of(2, 'B'));
    await bus.publish(of(3, 'nobody-follows'));
    await until(() => got.everyone!.length === 3);
    expect(got).toEqual({ a1: ['1'], a2: ['1'], b: ['2'], everyone: ['1', '2', '3'] });
    expect(checks).toBe(3);

    // Stopped: A's first follower gets nothing more; with no one following every customer, an event nobody here
    // wants is not even checked.
    stops[0]!();
    stops[3]!();
    await bus.publish(of(4, 'A'));
    await bus.publish(of(5, 'nobody-follows'));
    await until(() => got.a2!.length === 2);
    expect(got.a1).toEqual(['1']);
    expect(got.a2).toEqual(['1', '4']);
    expect(checks).toBe(4);
    for (const stop of [...stops, ...others]) stop();
  });
});

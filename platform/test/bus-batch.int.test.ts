// Durable consumption by batches on both buses (Redis when configured, always in CI): the events of a read handed
// over together in order, and a batch that fails handled again one event at a time, each good event once.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { createRedisBus } from '../src/index.ts';
import { env, event, freshTopic, testBuses, until } from './buses.ts';

const buses = testBuses();

describe.each(buses)('%s bus, batch consumers', (_name, bus) => {
  it('hands over the events in batches, in order, each once', async () => {
    const topic = freshTopic();
    for (let i = 1; i <= 20; i++) await bus.publish(event(topic, i));
    const batches: string[][] = [];
    const stop = await bus.consumeBatch(topic, 'projection', async (events) => {
      batches.push(events.map((e) => e.id));
    });
    for (let i = 21; i <= 25; i++) await bus.publish(event(topic, i));
    await until(() => batches.flat().length === 25);
    expect(batches.flat()).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    // What was there before the consumer started comes in one read, not one event at a time.
    expect(batches[0]!.length).toBeGreaterThan(1);
    await stop();
  });

  it('handles a failing batch one event at a time: the good events once, the bad one retried until it succeeds', async () => {
    const topic = freshTopic();
    // Published before the consumer starts, so that its first read holds all five.
    for (let i = 1; i <= 5; i++) await bus.publish(event(topic, i));
    const done: string[] = [];
    let badAttempts = 0;
    const stop = await bus.consumeBatch(topic, 'payouts', async (events) => {
      if (events.some((e) => e.id === '3')) {
        // A batch holding the bad event fails whole (its transaction rolls back); alone it fails twice more.
        if (events.length > 1 || ++badAttempts < 3) throw new Error('poisoned');
      }
      done.push(...events.map((e) => e.id));
    });
    await until(() => done.length === 5);
    expect([...done].sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(badAttempts).toBe(3);
    await stop();
  });

  it('leaves out refused payloads and calls no handler for a batch of them only', async () => {
    const topic = freshTopic();
    const batches: string[][] = [];
    const stop = await bus.consumeBatch(topic, 'checked', async (events) => {
      batches.push(events.map((e) => e.id));
    });
    await bus.publish({ ...event(topic, 1), payload: { n: 'not a number' } });
    await bus.publish(event(topic, 2));
    await until(() => batches.flat().length === 1);
    expect(batches.flat()).toEqual(['2']);
    await stop();
  });
});

describe.runIf(env.ABRI_TEST_REDIS_URL)('redis bus, batch consumers of one group', () => {
  it('acknowledges a batch whole, and a crash before the acknowledgement redelivers it', async () => {
    const prefix = `abri:it:${randomUUID()}:`;
    const redis = new Redis(env.ABRI_TEST_REDIS_URL!);
    const bus = createRedisBus(env.ABRI_TEST_REDIS_URL!, { prefix, takeOverAfterMs: 0 });
    try {
      const topic = freshTopic();
      const key = prefix + topic.topic;
      await redis.xgroup('CREATE', key, 'feed', '0', 'MKSTREAM');
      for (let i = 1; i <= 3; i++) await bus.publish(event(topic, i));
      // A consumer of the group read the three events and died before acknowledging them.
      await redis.xreadgroup('GROUP', 'feed', 'dead-consumer', 'COUNT', 10, 'STREAMS', key, '>');
      for (let i = 4; i <= 6; i++) await bus.publish(event(topic, i));
      const seen: string[] = [];
      const stop = await bus.consumeBatch(topic, 'feed', async (events) => void seen.push(...events.map((e) => e.id)));
      await until(() => seen.length === 6);
      await vi.waitFor(async () => expect(((await redis.xpending(key, 'feed')) as [number])[0]).toBe(0), {
        timeout: 30_000,
      });
      expect([...seen].sort()).toEqual(['1', '2', '3', '4', '5', '6']);
      await stop();
    } finally {
      await bus.close();
      redis.disconnect();
    }
  });
});

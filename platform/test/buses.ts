// What the bus tests share: both buses (Redis when configured, always in CI, where it is required), a topic of the
// test's own, events numbered as the test says, and a wait on a condition.
import { randomUUID } from 'node:crypto';
import { afterAll, expect, vi } from 'vitest';
import { z } from 'zod';
import {
  type BusEvent,
  createMemoryBus,
  createRedisBus,
  defineEvent,
  type EventBus,
  type EventDescriptor,
  parseEnv,
} from '../src/index.ts';

export const env = parseEnv(
  z.object({ ABRI_TEST_REDIS_URL: z.string().url().optional(), ABRI_REQUIRE_SERVICES: z.string().default('false') }),
);
if (env.ABRI_REQUIRE_SERVICES === 'true' && !env.ABRI_TEST_REDIS_URL)
  throw new Error('ABRI_TEST_REDIS_URL is required');

/** The memory bus, and the Redis bus under a prefix of this file's own; closed after the file. */
export function testBuses(): [string, EventBus][] {
  const buses: [string, EventBus][] = [['memory', createMemoryBus()]];
  if (env.ABRI_TEST_REDIS_URL)
    buses.push(['redis', createRedisBus(env.ABRI_TEST_REDIS_URL, { prefix: `abri:it:${randomUUID()}:` })]);
  afterAll(async () => {
    for (const [, bus] of buses) await bus.close();
  });
  return buses;
}

/** A topic of its own for each test (the transport's, not the catalogue's). */
export const freshTopic = () => defineEvent(`users.t-${randomUUID()}`, z.object({ n: z.number() }));

export const event = ({ topic }: EventDescriptor, id: number): BusEvent => ({
  id: String(id),
  source: 'test',
  topic,
  customerId: null,
  payload: { n: id },
  at: new Date().toISOString(),
});

export const until = (check: () => boolean, timeout = 10_000) =>
  vi.waitFor(() => expect(check()).toBe(true), { timeout, interval: 10 });

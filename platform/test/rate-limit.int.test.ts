// The per-address limit, in memory and (when configured, always in CI) on Redis: the production store.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createMemoryRateLimiter, createRedisRateLimiter, parseEnv, type RateLimiter } from '../src/index.ts';

const env = parseEnv(
  z.object({ ABRI_TEST_REDIS_URL: z.string().url().optional(), ABRI_REQUIRE_SERVICES: z.string().default('false') }),
);
if (env.ABRI_REQUIRE_SERVICES === 'true' && !env.ABRI_TEST_REDIS_URL)
  throw new Error('ABRI_TEST_REDIS_URL is required');

// One instant for the whole file: a minute's boundary cannot fall between two hits of a test.
const at = Date.now();
/** What the Redis limiter fell back to memory for (it must be nothing once connected: Redis counts). */
const redisErrors: unknown[] = [];
const limiters: [string, RateLimiter][] = [['memory', createMemoryRateLimiter({ windowMs: 60_000, now: () => at })]];
if (env.ABRI_TEST_REDIS_URL)
  limiters.push([
    'redis',
    createRedisRateLimiter(env.ABRI_TEST_REDIS_URL, {
      windowMs: 60_000,
      prefix: `abri:it:${randomUUID()}:`,
      now: () => at,
      onError: (error) => redisErrors.push(error),
    }),
  ]);
// The Redis limiter has no offline queue: until its connection is up, its hits are counted in memory. Connected once a
// hit goes through Redis without an error.
beforeAll(async () => {
  const redis = limiters.find(([name]) => name === 'redis')?.[1];
  if (!redis) return;
  await vi.waitFor(
    async () => {
      redisErrors.length = 0;
      await redis.hit('warm-up');
      expect(redisErrors).toEqual([]);
    },
    { timeout: 30_000, interval: 100 },
  );
});
afterAll(async () => {
  for (const [, limiter] of limiters) await limiter.close();
});

describe.each(limiters)('%s rate limiter', (_name, limiter) => {
  it('counts concurrent hits exactly, per key', async () => {
    const key = randomUUID();
    const counts = await Promise.all(Array.from({ length: 25 }, () => limiter.hit(key)));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await limiter.count(key)).toBe(25);
    expect(await limiter.count(randomUUID())).toBe(0);
    expect(redisErrors).toEqual([]);
  });
});

describe('Redis limiter while Redis is down', () => {
  it('keeps counting in memory instead of failing, and tells why', async () => {
    const { startRedisServer } = await import('./redis-server.ts');
    const redis = await startRedisServer();
    const errors: unknown[] = [];
    const limiter = createRedisRateLimiter(redis.url, { windowMs: 60_000, onError: (e) => errors.push(e) });
    // Connected once a hit goes through Redis without an error.
    await expect
      .poll(async () => {
        errors.length = 0;
        await limiter.hit('warm-up');
        return errors.length;
      })
      .toBe(0);
    await redis.stop();
    const key = randomUUID();
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push(await limiter.hit(key));
    expect(counts).toEqual([1, 2, 3]);
    expect(await limiter.count(key)).toBe(3);
    expect(errors.length).toBe(4);
    await limiter.close();
  });
});

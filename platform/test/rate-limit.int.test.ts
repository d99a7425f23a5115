// The per-address limit, in memory and (when configured, always in CI) on Redis: the production store.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryRateLimiter, createRedisRateLimiter, parseEnv, type RateLimiter } from '../src/index.ts';

const env = parseEnv(
  z.object({ ABRI_TEST_REDIS_URL: z.string().url().optional(), ABRI_REQUIRE_SERVICES: z.string().default('false') }),
);
if (env.ABRI_REQUIRE_SERVICES === 'true' && !env.ABRI_TEST_REDIS_URL)
  throw new Error('ABRI_TEST_REDIS_URL is required');

const limiters: [string, RateLimiter][] = [['memory', createMemoryRateLimiter({ windowMs: 60_000 })]];
if (env.ABRI_TEST_REDIS_URL)
  limiters.push([
    'redis',
    createRedisRateLimiter(env.ABRI_TEST_REDIS_URL, { windowMs: 60_000, prefix: `abri:it:${randomUUID()}:` }),
  ]);
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
  });
});

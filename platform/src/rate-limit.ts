// Counting limits per key over a sliding window of fixed slots: in memory for one process, in Redis for many.
// Used to slow password spraying: failed sign-ins per client address, whatever the account.
import { Redis } from 'ioredis';

export interface RateLimiter {
  /** Counts one event for `key`; returns the count in the current window. */
  hit(key: string): Promise<number>;
  /** The count in the current window, without counting. */
  count(key: string): Promise<number>;
  close(): Promise<void>;
}

export interface RateLimitOptions {
  /** @default 600_000 (10 minutes) */
  windowMs?: number;
  /** Time source (tests move it). @default Date.now */
  now?: () => number;
}

export function createMemoryRateLimiter({ windowMs = 600_000, now = Date.now }: RateLimitOptions = {}): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string) => {
    const t = now();
    const w = windows.get(key);
    if (!w || t - w.start >= windowMs) {
      const fresh = { start: t, count: 0 };
      windows.set(key, fresh);
      if (windows.size > 100_000) for (const [k, v] of windows) if (t - v.start >= windowMs) windows.delete(k);
      return fresh;
    }
    return w;
  };
  return {
    async hit(key) {
      return ++current(key).count;
    },
    async count(key) {
      return current(key).count;
    },
    async close() {
      windows.clear();
    },
  };
}

export function createRedisRateLimiter(
  url: string,
  { windowMs = 600_000, prefix = 'abri:rate:' }: RateLimitOptions & { prefix?: string } = {},
): RateLimiter {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  const slot = () => Math.floor(Date.now() / windowMs);
  return {
    async hit(key) {
      const k = `${prefix}${key}:${slot()}`;
      const [[, count]] = (await redis.multi().incr(k).pexpire(k, windowMs).exec()) as [[null, number], unknown];
      return count;
    },
    async count(key) {
      return Number((await redis.get(`${prefix}${key}:${slot()}`)) ?? 0);
    },
    async close() {
      redis.disconnect();
    },
  };
}

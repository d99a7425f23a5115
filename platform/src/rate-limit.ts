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

/**
 * Counts in Redis, shared by every instance. When Redis does not answer within `timeoutMs` (down, failing over), the
 * count falls back to this process's memory for that call: limits stay in force, per instance, instead of every
 * sign-in failing or waiting on reconnection attempts.
 */
export function createRedisRateLimiter(
  url: string,
  {
    windowMs = 600_000,
    prefix = 'abri:rate:',
    timeoutMs = 500,
    onError,
  }: RateLimitOptions & { prefix?: string; timeoutMs?: number; onError?: (error: unknown) => void } = {},
): RateLimiter {
  // No offline queue: a command while disconnected fails at once rather than waiting for the reconnection.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: timeoutMs });
  redis.on('error', () => {}); // reported per call below; ioredis reconnects by itself
  const fallback = createMemoryRateLimiter({ windowMs });
  const slot = () => Math.floor(Date.now() / windowMs);
  const orFallback = async <T>(work: () => Promise<T>, local: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      onError?.(error);
      return local();
    }
  };
  return {
    hit: (key) =>
      orFallback(
        async () => {
          const k = `${prefix}${key}:${slot()}`;
          const [[, count]] = (await redis.multi().incr(k).pexpire(k, windowMs).exec()) as [[null, number], unknown];
          return count;
        },
        () => fallback.hit(key),
      ),
    count: (key) =>
      orFallback(
        async () => Number((await redis.get(`${prefix}${key}:${slot()}`)) ?? 0),
        () => fallback.count(key),
      ),
    async close() {
      redis.disconnect();
      await fallback.close();
    },
  };
}

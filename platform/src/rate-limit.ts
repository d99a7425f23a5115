// Counting limits per key over fixed windows aligned on the clock (so every instance agrees on when a window ends and
// can say when to come back): in memory for one process, in Redis for many. Used to slow password spraying (failed
// sign-ins per client address) and, at the gateway, to hold every costly or messaging entry point to a rate.
import { isIP } from 'node:net';
import { Redis } from 'ioredis';

export interface HitOptions {
  /** How many events this hit counts (aliases of one field). @default 1 */
  by?: number;
  /** The window this count is over. @default the limiter's `windowMs` */
  windowMs?: number;
}

export interface RateLimiter {
  /** The default window. */
  readonly windowMs: number;
  /** Counts events for `key` (atomically: concurrent hits each get their own count); returns the window's count. */
  hit(key: string, options?: HitOptions): Promise<number>;
  /** The count in the current window, without counting. */
  count(key: string, options?: Pick<HitOptions, 'windowMs'>): Promise<number>;
  /** Milliseconds until the current window (of `windowMs`) ends: what a refused caller is told to wait. */
  retryAfterMs(windowMs?: number): number;
  close(): Promise<void>;
}

export interface RateLimitOptions {
  /** @default 600_000 (10 minutes) */
  windowMs?: number;
  /** Time source (tests move it). @default Date.now */
  now?: () => number;
}

const slotOf = (t: number, windowMs: number) => Math.floor(t / windowMs);

export function createMemoryRateLimiter({ windowMs = 600_000, now = Date.now }: RateLimitOptions = {}): RateLimiter {
  // key → window length → { slot, count }
  const windows = new Map<string, { slot: number; windowMs: number; count: number }>();
  const current = (key: string, window: number) => {
    const slot = slotOf(now(), window);
    const id = `${window}\u0000${key}`;
    const w = windows.get(id);
    if (w && w.slot === slot) return w;
    const fresh = { slot, windowMs: window, count: 0 };
    windows.set(id, fresh);
    if (windows.size > 100_000) {
      const t = now();
      for (const [k, v] of windows) if (slotOf(t, v.windowMs) !== v.slot) windows.delete(k);
    }
    return fresh;
  };
  return {
    windowMs,
    async hit(key, { by = 1, windowMs: window = windowMs } = {}) {
      const w = current(key, window);
      w.count += by;
      return w.count;
    },
    async count(key, { windowMs: window = windowMs } = {}) {
      return current(key, window).count;
    },
    retryAfterMs: (window = windowMs) => window - (now() % window),
    async close() {
      windows.clear();
    },
  };
}

/**
 * Counts in Redis, shared by every instance. When Redis does not answer within `timeoutMs` (down, failing over), the
 * count falls back to this process's memory for that call: limits stay in force, per instance, instead of every
 * request failing or waiting on reconnection attempts.
 */
export function createRedisRateLimiter(
  url: string,
  {
    windowMs = 600_000,
    now = Date.now,
    prefix = 'abri:rate:',
    timeoutMs = 500,
    onError,
  }: RateLimitOptions & { prefix?: string; timeoutMs?: number; onError?: (error: unknown) => void } = {},
): RateLimiter {
  // No offline queue: a command while disconnected fails at once rather than waiting for the reconnection.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: timeoutMs });
  redis.on('error', () => {}); // reported per call below; ioredis reconnects by itself
  const fallback = createMemoryRateLimiter({ windowMs, now });
  const keyOf = (key: string, window: number) => `${prefix}${key}:${window}:${slotOf(now(), window)}`;
  const orFallback = async <T>(work: () => Promise<T>, local: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      onError?.(error);
      return local();
    }
  };
  return {
    windowMs,
    hit: (key, { by = 1, windowMs: window = windowMs } = {}) =>
      orFallback(
        async () => {
          const k = keyOf(key, window);
          const [[, count]] = (await redis.multi().incrby(k, by).pexpire(k, window).exec()) as [
            [null, number],
            unknown,
          ];
          return count;
        },
        () => fallback.hit(key, { by, windowMs: window }),
      ),
    count: (key, { windowMs: window = windowMs } = {}) =>
      orFallback(
        async () => Number((await redis.get(keyOf(key, window))) ?? 0),
        () => fallback.count(key, { windowMs: window }),
      ),
    retryAfterMs: (window = windowMs) => window - (now() % window),
    async close() {
      redis.disconnect();
      await fallback.close();
    },
  };
}

/**
 * What a limit per client address counts: an IPv4 address itself, an IPv6 address by its /64 network. One
 * subscriber, one host even, is given a whole /64: keyed by the full address, each of its 2^64 addresses would start
 * a count of its own.
 */
export function addressBucket(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  if (isIP(ip) !== 6) return ip;
  const lower = ip.toLowerCase();
  // An IPv4 client seen through IPv6 (`::ffff:192.0.2.1`, a NAT64 prefix such as `64:ff9b::192.0.2.1`) is its IPv4
  // address: all of them in one /64 would share every count.
  const embedded = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower)?.[1];
  if (embedded && isIP(embedded) === 4) return embedded;
  const groupsOf = (part: string) => (part ? part.split(':') : []);
  const [head = '', tail] = lower.split('::');
  const front = groupsOf(head);
  const back = tail === undefined ? [] : groupsOf(tail);
  const groups = tail === undefined ? front : [...front, ...Array(8 - front.length - back.length).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

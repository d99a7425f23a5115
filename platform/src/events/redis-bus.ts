// Redis bus: one Redis stream per topic (XADD, capped), read by every process with its own blocking XREAD loop, so
// each gateway replica and subgraph instance sees every event (fan-out, no consumer group).
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import { type BusEvent, type BusHandler, type EventBus, MAX_DELIVERIES } from './bus.ts';

/** @default 10_000 entries kept per stream: enough for readers that restart; history lives in the outboxes. */
const MAX_LEN = 10_000;
const BLOCK_MS = 1_000;

export function createRedisBus(
  url: string,
  options: { prefix?: string; onError?: (error: unknown) => void } = {},
): EventBus {
  const prefix = options.prefix ?? 'abri:events:';
  const writer = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  let reader: Redis | undefined;
  const handlers = new Map<string, Set<BusHandler>>();
  /** Last id read per stream. */
  const positions = new Map<string, string>();
  let running = false;
  let closed = false;

  async function loop() {
    reader ??= new Redis(url, { maxRetriesPerRequest: null });
    while (!closed && positions.size > 0) {
      const keys = [...positions.keys()];
      try {
        const res = (await reader.xread(
          'COUNT',
          500,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...keys,
          ...keys.map((k) => positions.get(k)!),
        )) as [string, [string, string[]][]][] | null;
        for (const [key, entries] of res ?? []) {
          for (const [id, fields] of entries) {
            if (positions.has(key)) positions.set(key, id);
            const event = JSON.parse(fields[1]!) as BusEvent;
            for (const handler of handlers.get(event.topic) ?? []) handler(event);
          }
        }
      } catch (error) {
        if (closed) break;
        options.onError?.(error);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    running = false;
  }

  return {
    async publish(event) {
      await writer.xadd(prefix + event.topic, 'MAXLEN', '~', MAX_LEN, '*', 'e', JSON.stringify(event));
    },
    async subscribe(topic, handler) {
      const key = prefix + topic;
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
        // Start after the stream's current last entry, known before we return, so nothing published after
        // subscribe() resolves can be missed while the read loop picks the new stream up.
        const last = await writer.xrevrange(key, '+', '-', 'COUNT', 1);
        if (!positions.has(key)) positions.set(key, last[0]?.[0] ?? '0-0');
      }
      set.add(handler);
      if (!running) {
        running = true;
        void loop();
      }
      return () => {
        set.delete(handler);
      };
    },
    async consume(topic, group, handler) {
      const key = prefix + topic;
      const consumer = `${hostname()}-${process.pid}`;
      await writer.xgroup('CREATE', key, group, '0', 'MKSTREAM').catch((error: Error) => {
        if (!String(error.message).includes('BUSYGROUP')) throw error;
      });
      const reader = new Redis(url, { maxRetriesPerRequest: null });
      let stopped = false;
      const failures = new Map<string, number>();
      const handle = async (id: string, fields: string[]) => {
        try {
          await handler(JSON.parse(fields[1]!) as BusEvent);
        } catch (error) {
          const count = (failures.get(id) ?? 0) + 1;
          failures.set(id, count);
          if (count < MAX_DELIVERIES) return; // stays pending: read again below
          options.onError?.(new Error(`event ${id} of ${topic} skipped after ${count} failures: ${String(error)}`));
        }
        failures.delete(id);
        await writer.xack(key, group, id);
      };
      void (async () => {
        while (!stopped) {
          try {
            // First what this consumer left pending (a failure, a crash), then new events; then take over what a
            // dead consumer of the group left pending for more than a minute.
            const pending = (await reader.xreadgroup('GROUP', group, consumer, 'COUNT', 100, 'STREAMS', key, '0')) as
              | [string, [string, string[]][]][]
              | null;
            const mine = pending?.[0]?.[1] ?? [];
            for (const [id, fields] of mine) await handle(id, fields);
            if (mine.length) {
              await new Promise((r) => setTimeout(r, 100));
              continue;
            }
            const fresh = (await reader.xreadgroup(
              'GROUP',
              group,
              consumer,
              'COUNT',
              100,
              'BLOCK',
              BLOCK_MS,
              'STREAMS',
              key,
              '>',
            )) as [string, [string, string[]][]][] | null;
            for (const [id, fields] of fresh?.[0]?.[1] ?? []) await handle(id, fields);
            await writer.xautoclaim(key, group, consumer, 60_000, '0-0', 'COUNT', 100);
          } catch (error) {
            if (stopped) break;
            options.onError?.(error);
            await new Promise((r) => setTimeout(r, 500));
          }
        }
        reader.disconnect();
      })();
      return () => {
        stopped = true;
      };
    },
    async history(topic, since) {
      const entries = await writer.xrange(prefix + topic, `${since.getTime()}-0`, '+', 'COUNT', MAX_LEN);
      return entries.map(([, fields]) => JSON.parse(fields[1]!) as BusEvent);
    },
    async ping() {
      await writer.ping();
    },
    async close() {
      closed = true;
      handlers.clear();
      writer.disconnect();
      reader?.disconnect();
    },
  };
}

// Redis bus: one Redis stream per topic (XADD, capped).
// - Live delivery: every process reads the streams it listens to with its own blocking XREAD loop (plain reads, so
//   each gateway replica and subgraph instance sees every event; consumer groups are for durable consumers only).
// - Durable consumers: one Redis consumer group per (topic, group), at-least-once, with retries and take-over of a dead
//   consumer's pending events. A group Redis no longer knows (restarted empty) is created again from the stream's
//   start, where the outbox relays put their recent events again (see `publishAll`): Redis is a carrier, the outboxes
//   are the record.
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import { STOP_WAIT_MS, type Stop, settlesWithin } from '../schedule.ts';
import {
  BATCH,
  type BusEvent,
  type BusHandler,
  type ConsumerHealth,
  checkedBus,
  type EventBus,
  type EventTransport,
  MAX_DELIVERIES,
  STUCK_AFTER_MS,
} from './bus.ts';

/** @default 10_000 entries kept per stream: enough for readers that restart; history lives in the outboxes. */
const MAX_LEN = 10_000;
const BLOCK_MS = 1_000;
/** Events per XREADGROUP: a batch for `consumeBatch`. */
const COUNT = BATCH;
/** How often a consumer looks for events a dead consumer of its group left pending. */
const TAKE_OVER_EVERY_MS = 5_000;
const LET_GO = Symbol('let go');

/**
 * All of a batch or nothing, and nothing unless Redis still holds the source's earlier events: the marker key is set
 * by the source's relay once it has queued its recent events again, and disappears with everything else when Redis
 * loses its data. One script, so a restart cannot fall between the check and the writes. (Single Redis, not Cluster:
 * the keys would need one hash slot.)
 * KEYS: marker, then one stream per event; ARGV: max length, then one event per stream.
 */
const PUBLISH_ALL = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
for i = 2, #KEYS do
  redis.call('XADD', KEYS[i], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[i])
end
return 1`;

export interface RedisBusOptions {
  /** @default 'abri:events:' */
  prefix?: string;
  /**
   * Told of every failure the bus recovers from by itself, of consumers that get stuck, and of events skipped because
   * their payload does not match the catalogue. @default those skipped events to the `events` logger
   */
  onError?: (error: unknown) => void;
  /** @default 10_000 entries kept per stream */
  maxLen?: number;
  /** @default STUCK_AFTER_MS (30 s) of failures or silence before a consumer counts as stuck */
  stuckAfterMs?: number;
  /** @default 60_000 ms an event stays pending with a consumer before another of its group takes it over */
  takeOverAfterMs?: number;
}

const isNoGroup = (error: unknown) => String((error as Error)?.message ?? error).includes('NOGROUP');

export function createRedisBus(url: string, options: RedisBusOptions = {}): EventBus {
  const { onError } = options;
  return checkedBus(
    redisTransport(url, options),
    onError && ((message, fields) => onError(new Error(`${message} ${JSON.stringify(fields)}`))),
  );
}

function redisTransport(url: string, options: RedisBusOptions): EventTransport {
  const prefix = options.prefix ?? 'abri:events:';
  const maxLen = options.maxLen ?? MAX_LEN;
  const stuckAfterMs = options.stuckAfterMs ?? STUCK_AFTER_MS;
  const takeOverAfterMs = options.takeOverAfterMs ?? 60_000;
  // Connection errors are reported by the commands that meet them (and by consumer health); ioredis reconnects by
  // itself, and would otherwise print each failed attempt as an unhandled error event.
  const quiet = (client: Redis) => client.on('error', () => {});
  const writer = quiet(new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 }));
  writer.defineCommand('abriPublishAll', { lua: PUBLISH_ALL });
  const markerOf = (source: string) => `${prefix}held:${source}`;
  let reader: Redis | undefined;
  const handlers = new Map<string, Set<BusHandler>>();
  /** Last id read per stream. */
  const positions = new Map<string, string>();
  const consumers: (ConsumerHealth & { lastPollAt: number; failingAt: number | null; reported: boolean })[] = [];
  let running = false;
  let closed = false;

  async function loop() {
    reader ??= quiet(new Redis(url, { maxRetriesPerRequest: null }));
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

  /**
   * A durable consumer of `topic` in `group`: `handler` for one event; `batch`, when given, for all the events of a
   * fresh read at once (the per-event `handler` then serves a batch that failed, and pending events read again).
   */
  async function consumeGroup(
    topic: string,
    group: string,
    handler: (event: BusEvent) => Promise<void>,
    batch?: (events: BusEvent[]) => Promise<void>,
  ): Promise<Stop> {
    const key = prefix + topic;
    const consumer = `${hostname()}-${process.pid}`;
    const createGroup = () =>
      writer.xgroup('CREATE', key, group, '0', 'MKSTREAM').catch((error: Error) => {
        if (!String(error.message).includes('BUSYGROUP')) throw error;
      });
    await createGroup();
    const state = {
      topic,
      group,
      state: 'ok' as ConsumerHealth['state'],
      handled: 0,
      failingSince: null as string | null,
      lastError: null as string | null,
      lastPollAt: Date.now(),
      failingAt: null as number | null,
      reported: false,
    };
    consumers.push(state);
    const failing = (error: unknown) => {
      state.lastError = String((error as Error)?.message ?? error);
      state.failingAt ??= Date.now();
      if (!state.reported && Date.now() - state.failingAt > stuckAfterMs) {
        state.reported = true;
        options.onError?.(new Error(`consumer ${group} of ${topic} is stuck: ${state.lastError}`));
      }
    };
    const progressing = () => {
      state.lastPollAt = Date.now();
      state.failingAt = null;
      state.reported = false;
    };
    const reader = quiet(new Redis(url, { maxRetriesPerRequest: null }));
    /** The reader's connection id (each time it connects), for a stop to unblock its read. */
    let readerId: number | null = null;
    reader.on('ready', () => {
      readerId = null;
      reader.client('ID').then(
        (id) => {
          readerId = Number(id);
        },
        () => {},
      );
    });
    let stopped = false;
    const failures = new Map<string, number>();
    /** Handles one event; whether it is done with (handled, or skipped after too many failures): to acknowledge. */
    const handle = async (id: string, fields: string[]): Promise<boolean> => {
      try {
        await handler(JSON.parse(fields[1]!) as BusEvent);
        state.handled++;
      } catch (error) {
        failing(error);
        const count = (failures.get(id) ?? 0) + 1;
        failures.set(id, count);
        if (count < MAX_DELIVERIES) return false; // stays pending: read again below
        options.onError?.(new Error(`event ${id} of ${topic} skipped after ${count} failures: ${String(error)}`));
      }
      failures.delete(id);
      return true;
    };
    /**
     * Handles a read's events in order, then acknowledges those done with in one command. A crash in between
     * leaves them pending, to be handled again: handlers are idempotent (each consumer records what it did).
     */
    const handleAll = async (entries: [string, string[]][], together = false) => {
      if (together && batch && entries.length) {
        let handled = false;
        try {
          await batch(entries.map(([, fields]) => JSON.parse(fields[1]!) as BusEvent));
          handled = true;
        } catch (error) {
          // One bad event must not hold back the others: each is handled alone, the failing one retried as usual.
          failing(error);
        }
        if (handled) {
          // Outside the try: an acknowledgement Redis refuses is the loop's error (the batch stays pending and is
          // read again), not a reason to handle the whole batch a second time, event by event.
          state.handled += entries.length;
          await writer.xack(key, group, ...entries.map(([id]) => id));
          return;
        }
      }
      const done: string[] = [];
      for (const [id, fields] of entries) if (await handle(id, fields)) done.push(id);
      if (done.length) await writer.xack(key, group, ...done);
    };
    // This consumer's own pending events are read when there may be some: at start (a previous run's), after a
    // failure or an error, and after taking over a dead consumer's. Otherwise each loop is one blocking read and
    // one acknowledgement, instead of four commands per event.
    let checkPending = true;
    let takeOverAt = 0;
    /** Whether events read are being handled (a stop then waits for them), rather than a read waiting on Redis. */
    let inHand = false;
    // A stop lets go of a command Redis does not answer: ioredis keeps it for ever while it reconnects, even once
    // disconnected. Whatever Redis had handed to a read let go of stays pending, for another consumer to take over.
    let letGo!: () => void;
    const lettingGo = new Promise<typeof LET_GO>((resolve) => {
      letGo = () => resolve(LET_GO);
    });
    type Read = [string, [string, string[]][]][] | null;
    const unlessLetGo = <T>(command: Promise<unknown>) => Promise.race([command as Promise<T>, lettingGo]);
    const handleRead = async (entries: [string, string[]][], together = false) => {
      inHand = true;
      try {
        await handleAll(entries, together);
      } finally {
        inHand = false;
      }
    };
    const loop = (async () => {
      while (!stopped) {
        try {
          if (checkPending || failures.size) {
            const pending = await unlessLetGo<Read>(
              reader.xreadgroup('GROUP', group, consumer, 'COUNT', COUNT, 'STREAMS', key, '0'),
            );
            if (pending === LET_GO) break;
            const mine = pending?.[0]?.[1] ?? [];
            checkPending = mine.length === COUNT;
            if (mine.length) {
              await handleRead(mine);
              await new Promise((r) => setTimeout(r, 100));
              continue;
            }
          }
          if (stopped) break;
          const fresh = await unlessLetGo<Read>(
            reader.xreadgroup('GROUP', group, consumer, 'COUNT', COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', key, '>'),
          );
          if (fresh === LET_GO) break;
          await handleRead(fresh?.[0]?.[1] ?? [], true);
          // What a dead consumer of the group left pending for longer than takeOverAfterMs becomes this one's.
          if (!stopped && Date.now() >= takeOverAt) {
            takeOverAt = Date.now() + TAKE_OVER_EVERY_MS;
            const claimed = await unlessLetGo<[string, unknown[]]>(
              writer.xautoclaim(key, group, consumer, takeOverAfterMs, '0-0', 'COUNT', 100),
            );
            if (claimed === LET_GO) break;
            if (claimed[1].length) checkPending = true;
          }
          if (!failures.size) progressing();
          else state.lastPollAt = Date.now();
        } catch (error) {
          if (stopped) break;
          if (isNoGroup(error)) {
            // Redis lost the group (restarted empty): read the new stream from its start, where the relays put
            // their recent events again. Handlers are idempotent, so what was handled before is harmless.
            options.onError?.(new Error(`consumer group ${group} of ${topic} was lost; created again`));
            await createGroup().catch(failing);
            continue;
          }
          failing(error);
          options.onError?.(error);
          // What was read but not acknowledged is pending: read it again first.
          checkPending = true;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      reader.disconnect();
    })();
    // Stopping takes no new read. A blocking read waiting for events is unblocked (it returns at once, empty: nothing
    // read, nothing left pending); events in hand are handled and acknowledged first, for at most STOP_WAIT_MS. A
    // command Redis does not answer (it is down) is let go of after a moment.
    let stopping: Promise<void> | undefined;
    const stop = async () => {
      stopped = true;
      const deadline = Date.now() + STOP_WAIT_MS;
      const at = consumers.indexOf(state);
      if (at >= 0) consumers.splice(at, 1);
      if (!inHand && readerId !== null) await settlesWithin(writer.client('UNBLOCK', readerId), 500);
      // A read ends within BLOCK_MS (at once when unblocked); what it brought, or what was in hand, is waited for
      // until the deadline, also when the read returned events just as the stop began.
      if (await settlesWithin(loop, BLOCK_MS + 500)) return;
      if (inHand && (await settlesWithin(loop, deadline - Date.now()))) return;
      if (inHand)
        options.onError?.(
          new Error(
            `consumer ${group} of ${topic} stopped with events in hand; they stay pending for another consumer`,
          ),
        );
      letGo();
      reader.disconnect();
    };
    return () => (stopping ??= stop());
  }

  return {
    async publish(event) {
      await writer.xadd(prefix + event.topic, 'MAXLEN', '~', maxLen, '*', 'e', JSON.stringify(event));
    },
    async publishAll(source, events) {
      const keys = [markerOf(source), ...events.map((e) => prefix + e.topic)];
      const args = [maxLen, ...events.map((e) => JSON.stringify(e))];
      const run = (writer as unknown as { abriPublishAll(n: number, ...a: (string | number)[]): Promise<number> })
        .abriPublishAll;
      const done = await run.call(writer, keys.length, ...keys, ...args);
      return done === 1 ? 'published' : 'history-lost';
    },
    async acknowledgeHistoryLoss(source) {
      await writer.set(markerOf(source), new Date().toISOString());
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
    async consumerLag() {
      const out: { topic: string; group: string; lag: number }[] = [];
      for (const { topic, group } of consumers) {
        const groups = (await writer.xinfo('GROUPS', prefix + topic)) as unknown[][];
        for (const fields of groups) {
          const info = new Map<string, unknown>();
          for (let i = 0; i + 1 < fields.length; i += 2) info.set(String(fields[i]), fields[i + 1]);
          if (info.get('name') !== group) continue;
          // `lag` (Redis 7): entries never delivered to the group; `pending`: delivered, not yet acknowledged.
          out.push({ topic, group, lag: Number(info.get('lag') ?? 0) + Number(info.get('pending') ?? 0) });
        }
      }
      return out;
    },
    consume: (topic, group, handler) => consumeGroup(topic, group, handler),
    consumeBatch: (topic, group, handler) => consumeGroup(topic, group, (event) => handler([event]), handler),
    async ping() {
      await writer.ping();
    },
    health() {
      const now = Date.now();
      return {
        consumers: consumers.map((c) => {
          // A blocked read returns at least every BLOCK_MS: silence for longer means Redis is unreachable.
          const silentFor = now - c.lastPollAt;
          const failingFor = c.failingAt === null ? (silentFor > 5 * BLOCK_MS ? silentFor : 0) : now - c.failingAt;
          return {
            topic: c.topic,
            group: c.group,
            state: failingFor > stuckAfterMs ? 'stuck' : failingFor > 0 ? 'retrying' : 'ok',
            handled: c.handled,
            failingSince: failingFor > 0 ? new Date(now - failingFor).toISOString() : null,
            lastError: c.lastError,
          } satisfies ConsumerHealth;
        }),
      };
    },
    async close() {
      closed = true;
      handlers.clear();
      writer.disconnect();
      reader?.disconnect();
    },
  };
}

// The event bus between services. Live delivery (`subscribe`) is at-most-once: what must not be lost is in the
// sending subgraph's outbox, which a subscription replays from (live.ts) and which the outbox relay publishes again
// when the bus has lost its history (outbox.ts). Durable consumers (`consume`) are at-least-once: handlers are
// idempotent by event id. Topics are `<source>.<name>`, each declared once with its payload in catalog.ts.
//
// Two layers: the transport (memory here, Redis in redis-bus.ts) carries topics as strings and payloads unchecked;
// the bus services use (`EventBus`) takes a catalogue descriptor, checks each payload against its schema and hands
// the handler a typed event. A payload the schema refuses cannot get better by retrying (the outbox keeps it as
// written), so it is skipped at once: logged with the topic, the consumer, the event id and what is wrong (never the
// values), and counted in `abri_events_rejected_total`. It stays in the producer's outbox, the record, from which it
// can be queued again once the producer or the catalogue is fixed.
import { createLogger, type Logger } from '../log.ts';
import { eventRejected } from '../metrics.ts';
import type { Stop } from '../schedule.ts';
import { checkPayload, type EventDescriptor, type TypedEvent } from './catalog.ts';

/** An event as it travels on the bus. */
export interface BusEvent {
  /** The outbox row id in the source subgraph: the event's position, and the base of its cursor. */
  id: string;
  source: string;
  topic: string;
  customerId: string | null;
  payload: unknown;
  /** ISO date of the state change. */
  at: string;
  /** W3C `traceparent` of the request that made the change (when traced): consumers continue its trace. */
  trace?: string;
}

export type BusHandler = (event: BusEvent) => void;

/** How a durable consumer is doing, for health checks and alerts. */
export interface ConsumerHealth {
  topic: string;
  group: string;
  /** `retrying`: failures since `failingSince`; `stuck`: failing for longer than STUCK_AFTER_MS. */
  state: 'ok' | 'retrying' | 'stuck';
  /** Events handled (acknowledged) by this process. */
  handled: number;
  failingSince: string | null;
  lastError: string | null;
}

export interface BusHealth {
  consumers: ConsumerHealth[];
}

/** @default 30 s of failures before a consumer counts as stuck. */
export const STUCK_AFTER_MS = 30_000;

/** Publish outcome: the bus may have lost what `source` published before (a Redis restarted empty). */
export type PublishOutcome = 'published' | 'history-lost';

/** What carries events: topics as strings, payloads unchecked. Bus implementations and their tests use it. */
export interface EventTransport {
  /** Publishes one event as it is (the relay forwards outbox rows; the gateway announces its presence). */
  publish(event: BusEvent): Promise<void>;
  /**
   * Publishes `events` of `source` in order, all or none: none when the bus no longer holds what `source` published
   * before (its history was lost, or this is the bus's first sight of `source`). The outbox relay then queues its
   * recent events again and calls `acknowledgeHistoryLoss`, so consumers catch up from the outbox.
   */
  publishAll(source: string, events: BusEvent[]): Promise<PublishOutcome>;
  /** Records that `source` has queued its recent events again after a `history-lost` outcome. */
  acknowledgeHistoryLoss(source: string): Promise<void>;
  /**
   * Calls `handler` for each event on `topic` published after the returned promise resolves; resolves to the
   * function that stops it.
   */
  subscribe(topic: string, handler: BusHandler): Promise<() => void>;
  /**
   * Durable, at-least-once consumption for a service that must act on every event (a projection, a payout): each
   * `group` reads `topic` from the oldest event it has not acknowledged, the bus's whole history for a new group.
   * An event is acknowledged when `handler` resolves; a failure is retried. Handlers must be idempotent. The stop
   * it resolves to takes no new event and resolves once the events in hand are handled (or failed) and acknowledged.
   */
  consume(topic: string, group: string, handler: (event: BusEvent) => Promise<void>): Promise<Stop>;
  /**
   * `consume` with the events of each read handed over together, in order, so a consumer can act on them in one
   * transaction (one statement per batch instead of several per event). The batch is acknowledged when `handler`
   * resolves. When it throws, its events go through the per-event path (`handler` called with one event at a time,
   * retried, skipped after MAX_DELIVERIES as `consume` does), so one bad event cannot hold back the others.
   * Absent: the bus calls `handler` with one event at a time through `consume`.
   */
  consumeBatch?(topic: string, group: string, handler: (events: BusEvent[]) => Promise<void>): Promise<Stop>;
  /** Resolves when the bus can carry events. */
  ping(): Promise<void>;
  /** The state of this process's durable consumers. */
  health(): BusHealth;
  /**
   * For each durable consumer of this process, the events of its group not yet acknowledged (delivered to none, or
   * delivered and still being handled). Absent where the bus cannot tell (in process, nothing waits).
   */
  consumerLag?(): Promise<{ topic: string; group: string; lag: number }[]>;
  close(): Promise<void>;
}

/** The bus as services use it: topics from the catalogue, payloads checked and typed. */
export interface EventBus extends Omit<EventTransport, 'subscribe' | 'consume' | 'consumeBatch'> {
  /**
   * Calls `handler` for each event of `event` published after the returned promise resolves; resolves to the
   * function that stops it. A payload the schema refuses is logged and skipped.
   */
  subscribe<P>(
    event: EventDescriptor<P>,
    handler: (event: TypedEvent<P>) => void,
    only?: LiveFilter,
  ): Promise<() => void>;
  /**
   * Durable, at-least-once consumption (see `EventTransport.consume`) of `event`, the payload checked before
   * `handler` runs: one the schema refuses is logged, counted and acknowledged without calling `handler`.
   */
  consume<P>(event: EventDescriptor<P>, group: string, handler: (event: TypedEvent<P>) => Promise<void>): Promise<Stop>;
  /**
   * `consume` by batches (see `EventTransport.consumeBatch`): `handler` gets the checked events of a read, in order
   * (refused payloads left out, as `consume` does), never an empty list. It must be idempotent for every event of
   * the batch: a batch that fails is handed again one event at a time, and a crash redelivers it whole.
   */
  consumeBatch<P>(
    event: EventDescriptor<P>,
    group: string,
    handler: (events: TypedEvent<P>[]) => Promise<void>,
  ): Promise<Stop>;
}

/** Which events of a topic a live subscriber wants: one customer's (a device's stream), or all. */
export interface LiveFilter {
  customerId: string;
}

/** Where a refused payload is told. @default the `events` logger */
export type RejectionReport = (message: string, fields: Record<string, unknown>) => void;

let fallbackLog: Logger | undefined;
const logRejection: RejectionReport = (message, fields) => {
  fallbackLog ??= createLogger('events');
  fallbackLog.error(message, fields);
};

/** The typed, checked bus over `transport`. */
export function checkedBus(transport: EventTransport, report: RejectionReport = logRejection): EventBus {
  const checked = <P>(event: EventDescriptor<P>, consumer: string, raw: BusEvent): TypedEvent<P> | null => {
    const result = checkPayload(event, raw.payload);
    if (result.ok) return { ...raw, payload: result.payload };
    eventRejected(event.topic, consumer);
    report('event skipped: its payload does not match the catalogue', {
      topic: event.topic,
      consumer,
      source: raw.source,
      eventId: raw.id,
      issues: result.error.issues,
    });
    return null;
  };
  const live = liveRouter(transport, checked);
  return {
    publish: (event) => transport.publish(event),
    publishAll: (source, events) => transport.publishAll(source, events),
    acknowledgeHistoryLoss: (source) => transport.acknowledgeHistoryLoss(source),
    ping: () => transport.ping(),
    health: () => transport.health(),
    close: () => transport.close(),
    ...(transport.consumerLag ? { consumerLag: () => transport.consumerLag!() } : {}),
    subscribe: (event, handler, only) => live.add(event, handler as LiveHandler, only),
    consume: (event, group, handler) =>
      transport.consume(event.topic, group, async (raw) => {
        const typed = checked(event, group, raw);
        if (typed) await handler(typed);
      }),
    consumeBatch: (event, group, handler) => {
      const batch = async (raws: BusEvent[]) => {
        const typed = raws.flatMap((raw) => checked(event, group, raw) ?? []);
        if (typed.length) await handler(typed);
      };
      return transport.consumeBatch
        ? transport.consumeBatch(event.topic, group, batch)
        : transport.consume(event.topic, group, (raw) => batch([raw]));
    },
  };
}

type LiveHandler = (event: TypedEvent<unknown>) => void;

/**
 * Live subscribers of one process share one transport subscription per topic: each event is checked once, then
 * handed to the subscribers of its customer and to those of every customer. A gateway following 5,000 customers
 * makes 5,000 subscriptions to one topic in a subgraph; before this, each event was checked and filtered 5,000 times.
 * The transport subscription stays open once made (topics are a few dozen; an idle one costs nothing per event).
 */
function liveRouter(
  transport: EventTransport,
  checked: <P>(event: EventDescriptor<P>, consumer: string, raw: BusEvent) => TypedEvent<P> | null,
) {
  const topics = new Map<
    string,
    { ready: Promise<unknown>; everyone: Set<LiveHandler>; byCustomer: Map<string, Set<LiveHandler>> }
  >();
  return {
    async add(event: EventDescriptor<unknown>, handler: LiveHandler, only?: LiveFilter): Promise<() => void> {
      let topic = topics.get(event.topic);
      if (!topic) {
        const everyone = new Set<LiveHandler>();
        const byCustomer = new Map<string, Set<LiveHandler>>();
        const ready = transport.subscribe(event.topic, (raw) => {
          const mine = raw.customerId === null ? undefined : byCustomer.get(raw.customerId);
          if (!everyone.size && !mine) return;
          const typed = checked(event, 'live', raw);
          if (!typed) return;
          // Copies: a handler may stop its own or another's subscription while the event is handed out.
          for (const deliver of [...everyone, ...(mine ?? [])]) deliver(typed);
        });
        topic = { ready, everyone, byCustomer };
        topics.set(event.topic, topic);
        // A transport that could not subscribe: the next subscriber tries again.
        ready.catch(() => topics.delete(event.topic));
      }
      const { everyone, byCustomer } = topic;
      await topic.ready;
      let set = everyone;
      if (only) {
        set = byCustomer.get(only.customerId) ?? new Set();
        byCustomer.set(only.customerId, set);
      }
      // The same function subscribed twice is two subscriptions, each stopped by its own stop.
      const entry: LiveHandler = (typed) => handler(typed);
      set.add(entry);
      return () => {
        set.delete(entry);
        if (only && !set.size && byCustomer.get(only.customerId) === set) byCustomer.delete(only.customerId);
      };
    },
  };
}

/** @default 10_000 events of history kept per topic, as the Redis streams keep. */
const HISTORY = 10_000;
/** Most events handed to a batch handler at once (the Redis bus reads as many per XREADGROUP). */
export const BATCH = 100;
/** Attempts of a durable handler before the event is logged and skipped. */
export const MAX_DELIVERIES = 5;

/**
 * Runs `handler` on each event in order, retrying a failure with back-off; after MAX_DELIVERIES the event is
 * reported to `onGiveUp` and skipped, so one poisoned event cannot stop a consumer for ever. `idle()` resolves once
 * every event handed so far is done with.
 */
export function deliverInOrder(
  handler: (event: BusEvent) => Promise<void>,
  onGiveUp: (event: BusEvent, error: unknown) => void,
) {
  let chain = Promise.resolve();
  const deliver = (event: BusEvent) => {
    chain = chain.then(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          await handler(event);
          return;
        } catch (error) {
          if (attempt >= MAX_DELIVERIES) {
            // A report that throws must not break the chain: every later event would be skipped, silently.
            try {
              onGiveUp(event, error);
            } catch {}
            return;
          }
          await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
      }
    });
    return chain;
  };
  return Object.assign(deliver, { idle: () => chain });
}

/** In-process bus for the embedded mode, where the gateway and every subgraph share one process. */
export function createMemoryBus(
  options: { onError?: (message: string, fields: Record<string, unknown>) => void } = {},
): EventBus {
  return checkedBus(memoryTransport(options), options.onError);
}

function memoryTransport(options: {
  onError?: (message: string, fields: Record<string, unknown>) => void;
}): EventTransport {
  const handlers = new Map<string, Set<BusHandler>>();
  const history = new Map<string, BusEvent[]>();
  const consumers: ConsumerHealth[] = [];
  /** A durable consumer's health entry, and the delivery of one event to `handle`: in order, retried, then skipped. */
  const durable = (topic: string, group: string, handle: (event: BusEvent) => Promise<void>) => {
    const state: ConsumerHealth = { topic, group, state: 'ok', handled: 0, failingSince: null, lastError: null };
    consumers.push(state);
    const deliver = deliverInOrder(
      async (event) => {
        await handle(event);
        state.handled++;
      },
      (event, error) => {
        state.lastError = String(error);
        options.onError?.('event skipped after repeated failures', {
          topic,
          group,
          eventId: event.id,
          error: String(error),
        });
      },
    );
    /** The consumer's stop: no more events, then those in hand handled. */
    const stopped =
      (off: () => void, idle: () => Promise<void>): Stop =>
      async () => {
        off();
        const at = consumers.indexOf(state);
        if (at >= 0) consumers.splice(at, 1);
        await idle();
      };
    return { state, deliver, stopped };
  };
  return {
    async publishAll(_source, events) {
      for (const event of events) await this.publish(event);
      return 'published';
    },
    // One process holds both ends: the history lives as long as the outbox relay does.
    async acknowledgeHistoryLoss() {},
    health: () => ({ consumers: consumers.map((c) => ({ ...c })) }),
    async publish(event) {
      let kept = history.get(event.topic);
      if (!kept) {
        kept = [];
        history.set(event.topic, kept);
      }
      kept.push(event);
      if (kept.length > HISTORY) kept.shift();
      for (const handler of handlers.get(event.topic) ?? []) handler(event);
    },
    async consume(topic, group, handler) {
      const { deliver, stopped } = durable(topic, group, handler);
      for (const event of history.get(topic) ?? []) void deliver(event);
      const off = await this.subscribe(topic, (event) => void deliver(event));
      return stopped(off, deliver.idle);
    },
    async consumeBatch(topic, group, handler) {
      // The per-event path of a batch that failed: each event retried, then skipped, as `consume` does.
      const { state, deliver: one, stopped } = durable(topic, group, (event) => handler([event]));
      // Events published while a batch is handled wait here and make the next batch, in order.
      const queue: BusEvent[] = [];
      let draining = false;
      let drained = Promise.resolve();
      const drain = async () => {
        draining = true;
        try {
          while (queue.length) {
            const batch = queue.splice(0, BATCH);
            try {
              await handler(batch);
              state.handled += batch.length;
            } catch {
              for (const event of batch) await one(event);
            }
          }
        } finally {
          draining = false;
        }
      };
      const add = (...events: BusEvent[]) => {
        queue.push(...events);
        if (!draining) drained = drain();
      };
      add(...(history.get(topic) ?? []));
      const off = await this.subscribe(topic, add);
      return stopped(off, () => drained);
    },
    async subscribe(topic, handler) {
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
      }
      set.add(handler);
      return () => set.delete(handler);
    },
    async ping() {},
    async close() {
      handlers.clear();
      history.clear();
    },
  };
}

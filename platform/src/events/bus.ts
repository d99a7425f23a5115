// The event bus between services. Delivery is at-most-once and live only: what must not be lost is in the sending
// subgraph's outbox, which subscribers replay from (see replay.ts). Topics are `<source>.<name>`.

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
}

export type BusHandler = (event: BusEvent) => void;

export interface EventBus {
  publish(event: BusEvent): Promise<void>;
  /**
   * Calls `handler` for each event on `topic` published after the returned promise resolves; resolves to the
   * function that stops it.
   */
  subscribe(topic: string, handler: BusHandler): Promise<() => void>;
  /**
   * Durable, at-least-once consumption for a service that must act on every event (a projection, a payout): each
   * `group` reads `topic` from the oldest event it has not acknowledged, the bus's whole history for a new group.
   * An event is acknowledged when `handler` resolves; a failure is retried. Handlers must be idempotent.
   */
  consume(topic: string, group: string, handler: (event: BusEvent) => Promise<void>): Promise<() => void>;
  /** Events of `topic` published since `since` that the bus still holds (a restarting reader catching up). */
  history(topic: string, since: Date): Promise<BusEvent[]>;
  /** Resolves when the bus can carry events (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** @default 10_000 events of history kept per topic, as the Redis streams keep. */
const HISTORY = 10_000;
/** Attempts of a durable handler before the event is logged and skipped. */
export const MAX_DELIVERIES = 5;

/**
 * Runs `handler` on each event in order, retrying a failure with back-off; after MAX_DELIVERIES the event is
 * reported to `onGiveUp` and skipped, so one poisoned event cannot stop a consumer for ever.
 */
export function deliverInOrder(
  handler: (event: BusEvent) => Promise<void>,
  onGiveUp: (event: BusEvent, error: unknown) => void,
) {
  let chain = Promise.resolve();
  return (event: BusEvent) => {
    chain = chain.then(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          await handler(event);
          return;
        } catch (error) {
          if (attempt >= MAX_DELIVERIES) return onGiveUp(event, error);
          await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
      }
    });
    return chain;
  };
}

/** In-process bus for the embedded mode, where the gateway and every subgraph share one process. */
export function createMemoryBus(
  options: { onError?: (message: string, fields: Record<string, unknown>) => void } = {},
): EventBus {
  const handlers = new Map<string, Set<BusHandler>>();
  const history = new Map<string, BusEvent[]>();
  return {
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
      const deliver = deliverInOrder(handler, (event, error) =>
        options.onError?.('event skipped after repeated failures', {
          topic,
          group,
          eventId: event.id,
          error: String(error),
        }),
      );
      for (const event of history.get(topic) ?? []) void deliver(event);
      return this.subscribe(topic, (event) => void deliver(event));
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
    // One process: a reader that restarts restarts everything, so there is nothing to catch up on.
    async history() {
      return [];
    },
    async ping() {},
    async close() {
      handlers.clear();
      history.clear();
    },
  };
}

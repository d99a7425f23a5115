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
  /** Events of `topic` published since `since` that the bus still holds (a restarting reader catching up). */
  history(topic: string, since: Date): Promise<BusEvent[]>;
  /** Resolves when the bus can carry events (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** In-process bus for the embedded mode, where the gateway and every subgraph share one process. */
export function createMemoryBus(): EventBus {
  const handlers = new Map<string, Set<BusHandler>>();
  return {
    async publish(event) {
      for (const handler of handlers.get(event.topic) ?? []) handler(event);
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
    },
  };
}

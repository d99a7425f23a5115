// A customer's device as a fault test sees it: it follows one subscription, and whenever its socket ends (a gateway
// killed, a network cut, an error) it connects again, to the next gateway replica, asking from the last cursor it
// received. It records everything it is given, doubles included, so the test can count lost, doubled and reordered.
import { type AbriClient, memoryStorage } from '@abri/sdk';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received {
  cursor: string;
  value: string;
}

export interface Device {
  received: Received[];
  /** Subscriptions opened, the first included. */
  connections: number;
  stop(): Promise<void>;
}

/** Cursors are `<source>.<sequence>`: the order of one source's events. */
export const sequenceOf = (cursor: string) => BigInt(cursor.slice(cursor.lastIndexOf('.') + 1));

export function followDevice(options: {
  urls: string[];
  token: () => string;
  query: string;
  /** The payload's field holding `{ cursor }` and what the test compares. */
  pick: (data: Record<string, unknown>) => Received;
  after: string;
}): Device {
  const received: Received[] = [];
  let stopped = false;
  let connections = 0;
  let dispose: (() => void | Promise<void>) | undefined;
  const run = (async () => {
    for (let attempt = 0; !stopped; attempt++) {
      const target = options.urls[attempt % options.urls.length]!;
      const client = createClient({
        url: target.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: true,
        connectionParams: () => ({ authorization: `Bearer ${options.token()}` }),
      });
      dispose = () => client.dispose();
      const after = received.at(-1)?.cursor ?? options.after;
      connections++;
      try {
        for await (const event of client.iterate({ query: options.query, variables: { after } })) {
          if (event.data) received.push(options.pick(event.data as Record<string, unknown>));
        }
      } catch {
        // The socket ended: try again below, on the next replica.
      }
      await client.dispose();
      if (!stopped) await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  })();
  return {
    received,
    get connections() {
      return connections;
    },
    async stop() {
      stopped = true;
      await dispose?.();
      await run;
    },
  };
}

/**
 * A device as a mobile app built on the SDK is one: `follow()` over one address (a balancer in front of the
 * replicas), with its own session. It records every event the SDK hands over, so a double or a gap the SDK let
 * through counts like the gateway's own.
 */
export function followWithSdk(options: {
  client: AbriClient;
  query: string;
  pick: (data: Record<string, unknown>) => Received;
  after: string;
}): Device {
  const received: Received[] = [];
  let connections = 0;
  const key = 'device';
  const following = options.client.follow(options.query, {
    key,
    storage: memoryStorage({ [key]: options.after }),
    // A test's patience, not a phone's: the defaults (0.5 s doubling up to 30 s) suit thousands of devices.
    backoff: { initialMs: 100, maxMs: 2_000 },
    onState: (state) => {
      if (state === 'connecting') connections++;
    },
    onEvent: (data) => {
      received.push(options.pick(data));
    },
  });
  return {
    received,
    get connections() {
      return connections;
    },
    stop: () => following.stop().then(() => undefined),
  };
}

/** What one device got compared with what happened: every event once, in order. */
export function audit(expected: string[], received: Received[]) {
  const seen = new Set<string>();
  let doubled = 0;
  let reordered = 0;
  let previous = -1n;
  for (const { cursor } of received) {
    if (seen.has(cursor)) doubled++;
    else if (sequenceOf(cursor) < previous) reordered++;
    seen.add(cursor);
    previous = sequenceOf(cursor) > previous ? sequenceOf(cursor) : previous;
  }
  const values = [...new Map(received.map((r) => [r.cursor, r.value])).values()];
  return { doubled, reordered, lost: Math.max(0, expected.length - seen.size), values };
}

// Subscriptions to subgraphs that resume exactly. One multiplexed graphql-ws connection per subgraph, but its own
// retries are off: when the connection drops, each subscription is sent again by us, freshly signed, asking from
// the last cursor it delivered (never the first one), after a backoff with jitter. A subgraph that refuses the
// operation (a GraphQL error) ends it; a subgraph that is away is waited for.

import type { Identity } from '@abri/platform';
import { HOP_EXTENSION, type HopSecrets, type Logger, operationHash, signHop } from '@abri/platform';
import { type Client, createClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export interface UpstreamOperation {
  query: string;
  /** Variables, the cursor variable set to where to resume from (null: live only). */
  variables: () => Record<string, unknown>;
  who: Identity | null;
}

/** One event of an upstream subscription, as the subgraph sent it. */
export type UpstreamEvent = FormattedExecutionResult<Record<string, unknown>, unknown>;

export interface UpstreamSink<E = UpstreamEvent> {
  next(event: E): void;
  /** The subgraph refused the operation: its (typed) errors; nothing more will come. */
  refused(errors: readonly { message: string; extensions?: Record<string, unknown> }[]): void;
  /** The subgraph ended the stream. */
  complete(): void;
}

export interface Upstreams {
  subscribe(subgraph: string, operation: UpstreamOperation, sink: UpstreamSink): () => void;
  /** Reconnections so far, by subgraph (for tests and metrics). */
  reconnections: Record<string, number>;
  dispose(): Promise<void>;
}

/** @default backoff from 250 ms doubling to 10 s, each delay drawn in [50 %, 150 %] of its step */
const backoff = (attempt: number) => Math.min(10_000, 250 * 2 ** attempt) * (0.5 + Math.random());

export function createUpstreams(options: {
  subgraphUrls: Record<string, string>;
  hopSecrets: HopSecrets;
  log: Logger;
  now: () => Date;
}): Upstreams {
  const clients = new Map<string, Client>();
  const reconnections: Record<string, number> = {};

  const clientOf = (subgraph: string): Client => {
    let client = clients.get(subgraph);
    if (!client) {
      const url = options.subgraphUrls[subgraph];
      if (!url) throw new Error(`no URL for subgraph ${subgraph}`);
      client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        lazy: true,
        lazyCloseTimeout: 10_000,
        keepAlive: 15_000,
        retryAttempts: 0,
        connectionParams: () => ({
          [HOP_EXTENSION]: signHop(options.hopSecrets, subgraph, { use: 'ws-connection' }, options.now()),
        }),
      });
      clients.set(subgraph, client);
    }
    return client;
  };

  function subscribe(subgraph: string, operation: UpstreamOperation, sink: UpstreamSink): () => void {
    let stopped = false;
    let attempt = 0;
    let unsubscribe: (() => void) | undefined;
    let timer: NodeJS.Timeout | undefined;

    const start = async () => {
      if (stopped) return;
      const variables = operation.variables();
      const signature = signHop(
        options.hopSecrets,
        subgraph,
        { use: 'ws-operation', bh: operationHash(operation.query, variables), who: operation.who },
        options.now(),
      );
      if (stopped) return;
      unsubscribe = clientOf(subgraph).subscribe(
        { query: operation.query, variables, extensions: { [HOP_EXTENSION]: signature } },
        {
          next(result) {
            attempt = 0;
            sink.next(result);
          },
          error(error) {
            if (stopped) return;
            if (Array.isArray(error)) {
              stopped = true;
              sink.refused(error);
              return;
            }
            // The connection dropped or could not be made: ask again from where the sink is, later.
            reconnections[subgraph] = (reconnections[subgraph] ?? 0) + 1;
            options.log.warn('upstream subscription interrupted', { subgraph, attempt, error: describe(error) });
            timer = setTimeout(() => void start(), backoff(attempt++));
          },
          complete() {
            if (stopped) return;
            stopped = true;
            sink.complete();
          },
        },
      );
    };
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
    };
  }

  return {
    subscribe,
    reconnections,
    async dispose() {
      await Promise.all([...clients.values()].map((c) => c.dispose()));
    },
  };
}

const describe = (error: unknown) =>
  error instanceof Error
    ? error.message
    : typeof error === 'object' && error && 'code' in error
      ? `close ${(error as { code: number }).code}`
      : 'connection error';

// Federated subscriptions: the plan's primary fetch is streamed from the owning subgraph over one multiplexed,
// gateway-signed graphql-ws connection per subgraph, and for each event the rest of the plan (entity fetches in
// other subgraphs) runs through the engine over the event's data, then is cut to the client's selection.

import { HOP_EXTENSION, type Logger, operationHash, type SigningKey, signHop } from '@abri/platform';
import type { FetchNode, PlanNode } from '@graphql-hive/router-query-planner';
import { type DocumentNode, type ExecutionResult, GraphQLError, type GraphQLSchema, print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { GatewayContext } from './context.ts';
import type { Engine } from './engine/index.ts';
import type { RunState } from './engine/run-plan.ts';

/** Errors as they arrive from a subgraph (plain JSON) turned back into GraphQLErrors, keeping their codes. */
const revive = (errors: readonly { message: string; extensions?: Record<string, unknown> }[]) =>
  errors.map((e) => new GraphQLError(e.message, { extensions: e.extensions ?? {} }));

export interface FederatedSubscriptions {
  apiSchema: GraphQLSchema;
  subscribe(args: {
    document: DocumentNode;
    variableValues?: Record<string, unknown> | null | undefined;
    operationName?: string | null | undefined;
    contextValue: GatewayContext;
  }): AsyncGenerator<ExecutionResult>;
  dispose(): Promise<void>;
}

/** The subscription's primary fetch and the steps that follow it, from a plan `Sequence[Subscription, ...rest]`. */
function splitPlan(node: PlanNode | undefined): { primary: FetchNode; rest: PlanNode[] } | null {
  if (node?.kind === 'Subscription') return { primary: node.primary as FetchNode, rest: [] };
  if (node?.kind === 'Sequence' && node.nodes[0]?.kind === 'Subscription')
    return { primary: node.nodes[0].primary as FetchNode, rest: node.nodes.slice(1) };
  return null;
}

export function createFederatedSubscriptions(options: {
  engine: Engine;
  subgraphUrls: Record<string, string>;
  key: SigningKey;
  log: Logger;
}): FederatedSubscriptions {
  const { engine } = options;
  const clients = new Map<string, Client>();

  const upstream = (name: string): Client => {
    let client = clients.get(name);
    if (!client) {
      const url = options.subgraphUrls[name];
      if (!url) throw new Error(`no URL for subgraph ${name}`);
      client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        lazy: true,
        lazyCloseTimeout: 10_000,
        retryAttempts: Number.POSITIVE_INFINITY,
        connectionParams: async () => ({ [HOP_EXTENSION]: await signHop(options.key, name, { use: 'ws-connection' }) }),
        on: {
          error: (error) =>
            options.log.warn('upstream subscription socket error', { subgraph: name, error: String(error) }),
        },
      });
      clients.set(name, client);
    }
    return client;
  };

  /**
   * The stream, ended at once by `return()`: the generator below waits on the upstream subscription and would only
   * see `return()` at the next event, keeping a closed client's upstream subscription and per-event fetches alive.
   */
  function subscribe(args: Parameters<FederatedSubscriptions['subscribe']>[0]): AsyncGenerator<ExecutionResult> {
    const handle: { upstream?: AsyncIterator<unknown> } = {};
    const inner = stream(args, handle);
    const outer = {
      next: () => inner.next(),
      async return(value?: unknown) {
        await handle.upstream?.return?.(undefined);
        return inner.return(value as undefined);
      },
      async throw(error?: unknown) {
        await handle.upstream?.return?.(undefined);
        return inner.throw(error);
      },
      [Symbol.asyncIterator]: () => outer,
    } as AsyncGenerator<ExecutionResult>;
    return outer;
  }

  async function* stream(
    args: Parameters<FederatedSubscriptions['subscribe']>[0],
    handle: { upstream?: AsyncIterator<unknown> },
  ): AsyncGenerator<ExecutionResult> {
    const operationName = args.operationName ?? undefined;
    const variables = args.variableValues ?? {};
    const source = args.document.loc?.source.body ?? print(args.document);
    const prepared = engine.prepare(args.document, operationName, source, source);
    const split = splitPlan(prepared.plan.node);
    if (!split) {
      yield {
        errors: [new GraphQLError('Only subscriptions are served here.', { extensions: { code: 'BAD_REQUEST' } })],
      };
      return;
    }
    const { primary, rest } = split;
    const primaryVariables = Object.fromEntries((primary.variableUsages ?? []).map((v) => [v, variables[v]]));
    const signature = await signHop(options.key, primary.serviceName, {
      use: 'ws-operation',
      bh: operationHash(primary.operation, primaryVariables),
      who: args.contextValue.who,
    });
    const events = upstream(primary.serviceName).iterate({
      query: primary.operation,
      variables: primaryVariables,
      ...(primary.operationName ? { operationName: primary.operationName } : {}),
      extensions: { [HOP_EXTENSION]: signature },
    });
    handle.upstream = events;
    try {
      for await (const event of events) {
        if (!event.data) {
          yield { errors: revive(event.errors ?? []) };
          continue;
        }
        const state: RunState = {
          data: event.data as Record<string, unknown>,
          errors: (event.errors ?? []).map((e) => ({
            message: e.message,
            ...(e.path ? { path: [...e.path] } : {}),
            extensions: { ...(e.extensions ?? {}), serviceName: primary.serviceName },
          })),
          variables,
          context: args.contextValue,
        };
        for (const node of rest) await engine.runOver(node, state);
        const data = engine.projectOnto(prepared, state);
        yield state.errors.length
          ? {
              data,
              errors: state.errors.map(
                (e) => new GraphQLError(e.message, { ...(e.path ? { path: e.path } : {}), extensions: e.extensions }),
              ),
            }
          : { data };
      }
    } catch (error) {
      // The subgraph refused the operation (graphql-ws "error" message): pass its errors on.
      if (Array.isArray(error)) yield { errors: revive(error) };
      else throw error;
    } finally {
      await events.return?.(undefined);
    }
  }

  return {
    apiSchema: engine.apiSchema,
    subscribe,
    dispose: async () => {
      await Promise.all([...clients.values()].map((c) => c.dispose()));
    },
  };
}

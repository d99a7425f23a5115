// Federated subscriptions. @apollo/gateway plans subscriptions but does not run them; this does:
// the plan's primary fetch is streamed from the owning subgraph over one multiplexed, gateway-signed graphql-ws
// connection per subgraph, and for each event the rest of the plan (entity fetches in other subgraphs) runs through
// executeQueryPlan with the primary fetch served from the event itself.

import { HOP_EXTENSION, type Logger, operationHash, type SigningKey, signHop } from '@abri/platform';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { type FetchNode, type PlanNode, type QueryPlan, QueryPlanner } from '@apollo/query-planner';
import { type DocumentNode, type ExecutionResult, GraphQLError, type GraphQLSchema } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { GatewayContext } from './datasource.ts';

const EVENT_SOURCE = '__subscription_event__';

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

export function createFederatedSubscriptions(options: {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  serviceMap: ServiceMap;
  key: SigningKey;
  log: Logger;
}): FederatedSubscriptions {
  const supergraph = Supergraph.build(options.supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  const apiGraphQLSchema = apiSchema.toGraphQLJSSchema();
  const supergraphSchema = supergraph.schema.toGraphQLJSSchema();
  const planner = new QueryPlanner(supergraph);
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
    const plan = planner.buildQueryPlan(operationFromDocument(apiSchema, args.document, { operationName }));
    if (plan.node?.kind !== 'Subscription') {
      yield {
        errors: [new GraphQLError('Only subscriptions are served here.', { extensions: { code: 'BAD_REQUEST' } })],
      };
      return;
    }
    const { primary, rest } = plan.node;
    const operationContext = buildOperationContext({
      schema: apiGraphQLSchema,
      operationDocument: args.document,
      operationName,
    });
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
    const eventPlanNode: FetchNode = { ...primary, serviceName: EVENT_SOURCE };
    const perEventPlan: QueryPlan = {
      kind: 'QueryPlan',
      node: rest ? { kind: 'Sequence', nodes: [eventPlanNode, rest as PlanNode] } : eventPlanNode,
    };
    try {
      for await (const event of events) {
        if (!event.data) {
          yield { errors: revive(event.errors ?? []) };
          continue;
        }
        const source: GraphQLDataSource = { process: async () => ({ data: event.data as Record<string, unknown> }) };
        const requestContext = {
          request: { variables, operationName },
          context: args.contextValue,
          logger: { debug() {}, info() {}, warn: options.log.warn, error: options.log.error },
          metrics: {},
          cache: undefined,
          overallCachePolicy: undefined,
        } as unknown as Parameters<typeof executeQueryPlan>[2];
        yield (await executeQueryPlan(
          perEventPlan,
          { ...options.serviceMap, [EVENT_SOURCE]: source },
          requestContext,
          operationContext,
          supergraphSchema,
          apiSchema,
        )) as ExecutionResult;
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
    apiSchema: apiGraphQLSchema,
    subscribe,
    dispose: async () => {
      await Promise.all([...clients.values()].map((c) => c.dispose()));
    },
  };
}

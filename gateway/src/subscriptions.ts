// Federated subscriptions. The plan's primary fetch is a subscription to the owning subgraph; the rest of the plan
// (entity fetches in other subgraphs) runs per event through the engine. Devices of one customer asking the same
// thing share one upstream subscription and one run of the plan per event (live/channel.ts); each keeps its own
// cursor. Upstream subscriptions resume from the last cursor delivered, freshly signed (live/upstream.ts). When a
// secondary subgraph fails, the event still goes out with its cursor and what could be resolved, plus a typed error.
import { abriError, type Clock, ErrorCode, type HopSecrets, type Logger } from '@abri/platform';
import type { FetchNode, PlanNode } from '@graphql-hive/router-query-planner';
import {
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  GraphQLError,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getVariableValues,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  print,
} from 'graphql';
import type { FormattedExecutionResult } from 'graphql-ws';
import type { GatewayContext } from './context.ts';
import type { Engine, PlanError, Prepared } from './engine/index.ts';
import { frenchCoercionMessage } from './engine/input-errors.ts';
import type { RunState } from './engine/run-plan.ts';
import { Channel, type ChannelSource, cursorId } from './live/channel.ts';
import { type Delivered, Device } from './live/device.ts';
import { type LiveRelay, noRelay, type Shared } from './live/relay.ts';
import { createUpstreams, type UpstreamSink, type Upstreams } from './live/upstream.ts';

/** The alias under which the gateway asks for every event's cursor, whether or not the client selected it. */
const CURSOR = 'abriCursor_';

export interface FederatedSubscriptions {
  apiSchema: GraphQLSchema;
  subscribe(args: {
    document: DocumentNode;
    variableValues?: Record<string, unknown> | null | undefined;
    operationName?: string | null | undefined;
    contextValue: GatewayContext;
  }): AsyncGenerator<ExecutionResult>;
  /** Open upstream subscriptions and shared channels, for tests and metrics. */
  stats(): {
    channels: number;
    devices: number;
    reconnections: Record<string, number>;
    relay: ReturnType<LiveRelay['stats']>;
  };
  dispose(): Promise<void>;
}

/** What a subscription document is, once: its plan (with the cursor asked for), and how it resumes. */
interface LiveOperation {
  prepared: Prepared;
  /** The client's own operation, which the answer is cut to. */
  operation: OperationDefinitionNode;
  primary: FetchNode;
  rest: PlanNode[];
  /** The root field's response key, and the variable that carries its `after:` (null: not resumable). */
  rootKey: string;
  cursorVariable: string | null;
  source: string;
}

const toGraphQLErrors = (errors: readonly PlanError[]) =>
  errors.map((e) => new GraphQLError(e.message, { ...(e.path ? { path: e.path } : {}), extensions: e.extensions }));

/** A subgraph's errors as clients may see them: their message and code when typed, else an internal error. */
const typed = (errors: readonly { message: string; extensions?: Record<string, unknown> }[], serviceName: string) =>
  errors.map((e) => {
    const code = e.extensions?.code;
    return typeof code === 'string' && code !== ErrorCode.INTERNAL
      ? new GraphQLError(e.message, { extensions: { ...e.extensions, serviceName } })
      : abriError(ErrorCode.INTERNAL, 'Erreur interne : réessayez plus tard.', { serviceName });
  });

function splitPlan(node: PlanNode | undefined): { primary: FetchNode; rest: PlanNode[] } | null {
  if (node?.kind === 'Subscription') return { primary: node.primary as FetchNode, rest: [] };
  if (node?.kind === 'Sequence' && node.nodes[0]?.kind === 'Subscription')
    return { primary: node.nodes[0].primary as FetchNode, rest: node.nodes.slice(1) };
  return null;
}

export function createFederatedSubscriptions(options: {
  engine: Engine;
  subgraphUrls: Record<string, string>;
  hopSecrets: HopSecrets;
  log: Logger;
  clock: Clock;
  /** The subscriptions to subgraphs. @default graphql-ws connections to `subgraphUrls` (tests give their own) */
  upstreams?: Upstreams;
  /** Shares each channel's events with the other replicas (disposed with these subscriptions). @default none */
  relay?: LiveRelay;
}): FederatedSubscriptions {
  const relay = options.relay ?? noRelay;
  const { engine } = options;
  const schema = engine.apiSchema;
  const upstreams: Upstreams =
    options.upstreams ??
    createUpstreams({
      subgraphUrls: options.subgraphUrls,
      hopSecrets: options.hopSecrets,
      log: options.log,
      now: () => options.clock.now(),
    });
  const channels = new Map<string, Channel<Shared>>();
  const operations = new Map<string, LiveOperation>();

  /** Plans a subscription document once, with `abriCursor_: cursor` added to its root field when it resumes. */
  function operationOf(document: DocumentNode, operationName: string | undefined): LiveOperation | null {
    const source = document.loc?.source.body ?? print(document);
    const key = `${source}\u0000${operationName ?? ''}`;
    const known = operations.get(key);
    if (known) return known;
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode =>
        d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
    );
    const root = operation?.selectionSet.selections[0];
    if (operation?.operation !== 'subscription' || root?.kind !== Kind.FIELD) return null;
    const rootType = (schema.getSubscriptionType() as GraphQLObjectType).getFields()[root.name.value];
    const eventType = rootType && getNamedType(rootType.type);
    const resumable = Boolean(
      eventType &&
        // An object with a cursor, or an interface of events that all have one (customerEvents).
        (isObjectType(eventType) || isInterfaceType(eventType)) &&
        eventType.getFields().cursor &&
        rootType.args.some((a) => a.name === 'after'),
    );
    const after = root.arguments?.find((a) => a.name.value === 'after');
    const cursorVariable = after?.value.kind === Kind.VARIABLE ? after.value.name.value : null;
    const withCursor: FieldNode = resumable
      ? {
          ...root,
          selectionSet: {
            kind: Kind.SELECTION_SET,
            selections: [
              ...(root.selectionSet?.selections ?? []),
              {
                kind: Kind.FIELD,
                alias: { kind: Kind.NAME, value: CURSOR },
                name: { kind: Kind.NAME, value: 'cursor' },
              },
            ],
          },
        }
      : root;
    const planned: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: document.definitions.map((d) =>
        d === operation ? { ...operation, selectionSet: { ...operation.selectionSet, selections: [withCursor] } } : d,
      ),
    };
    const plannedSource = print(planned);
    const prepared = engine.prepare(planned, operationName, `live\u0000${plannedSource}`, plannedSource);
    const split = splitPlan(prepared.plan.node);
    if (!split) return null;
    const live: LiveOperation = {
      prepared,
      operation,
      ...split,
      rootKey: root.alias?.value ?? root.name.value,
      cursorVariable: resumable && (cursorVariable || !after) ? cursorVariable : null,
      source,
    };
    operations.set(key, live);
    if (operations.size > 1000) operations.delete(operations.keys().next().value!);
    return live;
  }

  /** Runs the rest of the plan for one upstream event, for one identity, and cuts the answer to the client's query. */
  async function processEvent(
    live: LiveOperation,
    event: FormattedExecutionResult<Record<string, unknown>, unknown>,
    variables: Record<string, unknown>,
    context: GatewayContext,
  ): Promise<Delivered & { cursor: string | null }> {
    if (!event.data)
      return { id: null, cursor: null, result: { errors: typed(event.errors ?? [], live.primary.serviceName) } };
    const state: RunState = {
      data: event.data as Record<string, unknown>,
      errors: (event.errors ?? []).map((e) => ({
        message: e.message,
        ...(e.path ? { path: [...e.path] } : {}),
        extensions: { ...(e.extensions ?? {}), serviceName: live.primary.serviceName },
      })),
      variables,
      context,
    };
    for (const node of live.rest) await engine.runOver(node, state);
    const rootValue = state.data[live.rootKey] as Record<string, unknown> | null | undefined;
    const cursor = typeof rootValue?.[CURSOR] === 'string' ? (rootValue[CURSOR] as string) : null;
    // An event is never dropped for a secondary subgraph's failure: what it could not give is null where it belongs.
    const data = engine.projectOnto(live.prepared, state, { operation: live.operation, lenient: true });
    return {
      id: cursorId(cursor),
      cursor,
      result: state.errors.length ? { data, errors: toGraphQLErrors(state.errors) } : { data },
    };
  }

  /** A subscription for one device (or for a private replay) straight from the subgraph. */
  function openUpstream(
    live: LiveOperation,
    variables: Record<string, unknown>,
    who: GatewayContext['who'],
    cursor: () => string | null,
    sink: UpstreamSink,
  ) {
    const shared = { ...variables };
    return upstreams.subscribe(
      live.primary.serviceName,
      {
        query: live.primary.operation,
        who,
        variables: () => {
          const picked: Record<string, unknown> = {};
          for (const name of live.primary.variableUsages ?? []) picked[name] = shared[name];
          if (live.cursorVariable) picked[live.cursorVariable] = cursor();
          return picked;
        },
      },
      sink,
    );
  }

  function subscribe(args: Parameters<FederatedSubscriptions['subscribe']>[0]): AsyncGenerator<ExecutionResult> {
    const context = args.contextValue;
    const failed = (message: string, code: ErrorCode | 'BAD_REQUEST') => {
      const device = new Device(null, () => {});
      device.end({ errors: [new GraphQLError(message, { extensions: { code } })] });
      return device.stream();
    };
    const live = operationOf(args.document, args.operationName ?? undefined);
    if (!live) return failed('Seuls les abonnements passent ici.', 'BAD_REQUEST');
    const coerced = getVariableValues(schema, live.operation.variableDefinitions ?? [], args.variableValues ?? {});
    if (coerced.errors) return failed(frenchCoercionMessage(coerced.errors[0]!.message), ErrorCode.BAD_USER_INPUT);
    const variables = coerced.coerced;
    const afterCursor = live.cursorVariable ? (variables[live.cursorVariable] as string | null | undefined) : undefined;
    const after = afterCursor ? cursorId(afterCursor) : null;
    const refusal = (errors: Parameters<UpstreamSink['refused']>[0]) => ({
      errors: typed(errors, live.primary.serviceName),
    });

    // Not shareable (anonymous, or no cursor to keep devices in step): a stream of its own.
    if (!context.who || !live.cursorVariable || (afterCursor && after === null)) {
      let stop = () => {};
      const device = new Device(after, () => stop());
      let chain = Promise.resolve();
      stop = openUpstream(live, variables, context.who, () => afterCursor ?? null, {
        next: (event) => {
          chain = chain.then(async () => device.deliver(await processEvent(live, event, variables, context)));
        },
        refused: (errors) => device.end(refusal(errors)),
        complete: () => device.end(),
      });
      return device.stream();
    }

    const { [live.cursorVariable]: _cursor, ...sharedVariables } = variables;
    const key = [
      live.primary.serviceName,
      context.who.sub,
      [...context.who.roles].sort().join(','),
      live.source,
      args.operationName ?? '',
      JSON.stringify(sharedVariables),
    ].join('\u0000');
    let channel = channels.get(key);
    const fresh = !channel;
    if (!channel) {
      const source: ChannelSource = {
        open: (cursor, sink) => openUpstream(live, variables, context.who, cursor, sink),
        process: (event) => processEvent(live, event, variables, context),
        refusal,
      };
      const created = new Channel(
        relay.share(key, source),
        after !== null && afterCursor ? { id: after, cursor: afterCursor } : null,
        () => {
          if (channels.get(key) === created) channels.delete(key);
        },
      );
      channel = created;
      channels.set(key, channel);
    }
    const joined = channel;
    let stopReplay: (() => void) | undefined;
    const device = new Device(after, () => {
      stopReplay?.();
      joined.leave(device);
    });
    if (!joined.join(device, after, fresh)) {
      // Behind the channel's recent events: a private replay from the device's cursor until it reaches them.
      let chain = Promise.resolve();
      let position = afterCursor ?? null;
      stopReplay = openUpstream(live, variables, context.who, () => position, {
        next: (event) => {
          chain = chain.then(async () => {
            const delivered = await processEvent(live, event, variables, context);
            if (delivered.cursor) position = delivered.cursor;
            device.deliver(delivered);
            const target = device.pending?.[0]?.id ?? joined.position;
            if (device.pending && target !== null && target !== undefined && device.last >= target) {
              stopReplay?.();
              device.caughtUp();
            }
          });
        },
        refused: (errors) => device.end(refusal(errors)),
        complete: () => device.end(),
      });
    }
    return device.stream();
  }

  return {
    apiSchema: schema,
    subscribe,
    stats: () => ({
      channels: channels.size,
      devices: [...channels.values()].reduce((n, c) => n + c.devices.size, 0),
      reconnections: { ...upstreams.reconnections },
      relay: relay.stats(),
    }),
    async dispose() {
      await relay.dispose();
      await upstreams.dispose();
    },
  };
}

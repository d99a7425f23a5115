// The federated subscription executor on two tiny subgraphs held in memory (no socket, no database): `claims` streams
// claim events, `policies` owns the policy number those events ask for. What goes over the wire in production is
// replaced at the two seams the executor already has: the hops (entity fetches, run by graphql-js on the subgraph's
// schema) and the upstreams (subgraph subscriptions, run by graphql-js's `subscribe`).
import { createLogger, generateHopSecret, parseHopSecrets, systemClock } from '@abri/platform';
import { composeServices } from '@theguild/federation-composition';
import {
  buildSchema,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
  graphql,
  parse,
  subscribe,
} from 'graphql';
import type { GatewayContext } from '../src/context.ts';
import { HopFailed, type Hops } from '../src/engine/hops.ts';
import { createEngine } from '../src/engine/index.ts';
import type { LiveRelay } from '../src/live/relay.ts';
import type { Upstreams } from '../src/live/upstream.ts';
import { createFederatedSubscriptions } from '../src/subscriptions.ts';

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])';
// What each subgraph declares to the composition, and the same types served by graphql-js with `_entities`.
const CLAIMS_SDL = `
  type Query { claim(id: ID!): Claim }
  type Subscription { claimChanged(after: String): ClaimEvent! }
  type ClaimEvent { cursor: String! status: String! claim: Claim! }
  type Claim @key(fields: "id") { id: ID! policy: Policy! }
  type Policy @key(fields: "id", resolvable: false) { id: ID! }
`;
const POLICIES_SDL = `
  type Query { policy(id: ID!): Policy }
  type Policy @key(fields: "id") { id: ID! number: String! }
`;
const served = (sdl: string, entities: string) =>
  buildSchema(`
    directive @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT
    scalar _Any
    union _Entity = ${entities}
    extend type Query { _entities(representations: [_Any!]!): [_Entity]! }
    ${sdl}
  `);

const resolve = (
  schema: GraphQLSchema,
  type: string,
  field: string,
  resolver: GraphQLFieldResolver<unknown, unknown>,
) => {
  (schema.getType(type) as GraphQLObjectType).getFields()[field]!.resolve = resolver;
};

const POLICY_NUMBERS: Record<string, string> = { p1: 'HAB-2026-000001', p2: 'HAB-2026-000002' };

interface ClaimEvent {
  cursor: string;
  status: string;
  claim: { __typename: 'Claim'; id: string; policy: { __typename: 'Policy'; id: string } };
}

/** The claims subgraph's outbox: every event ever published, and who waits for the next one. */
export function createFeed() {
  // null: an event the subgraph cannot render (its non-null root field fails: an error without data or cursor).
  const events: (ClaimEvent | null)[] = [];
  const waiting: (() => void)[] = [];
  let ended = false;
  const wakeAll = () => {
    for (const wake of waiting.splice(0)) wake();
  };
  return {
    publish(claimId: string, policyId: string, status: string) {
      events.push({
        cursor: `claims.${events.length + 1}`,
        status,
        claim: { __typename: 'Claim', id: claimId, policy: { __typename: 'Policy', id: policyId } },
      });
      wakeAll();
    },
    /** An event that reaches devices as an error only. */
    publishUnreadable() {
      events.push(null);
      wakeAll();
    },
    /** Ends every stream once it has given what was published. */
    end() {
      ended = true;
      wakeAll();
    },
    /** Replays from after `after`, then follows: as a subgraph's resumable subscription does. */
    async *follow(after: string | null): AsyncGenerator<{ claimChanged: ClaimEvent | null }> {
      let next = after ? Number(after.split('.')[1]) : 0;
      for (;;) {
        while (next < events.length) yield { claimChanged: events[next++]! };
        if (ended) return;
        await new Promise<void>((wake) => waiting.push(wake));
      }
    },
  };
}

/**
 * One gateway replica on the two subgraphs in memory, with everything it asked of them; replicas given the same
 * `feed` see the same claims outbox.
 */
export function inMemoryGateway(feed = createFeed(), options: { relay?: LiveRelay } = {}) {
  const claims = served(CLAIMS_SDL, 'Claim');
  resolve(claims, 'Subscription', 'claimChanged', (payload) => (payload as { claimChanged: ClaimEvent }).claimChanged);
  claims.getSubscriptionType()!.getFields().claimChanged!.subscribe = (_root, args: { after?: string | null }) =>
    feed.follow(args.after ?? null);
  const policies = served(POLICIES_SDL, 'Policy');
  let policiesDown = false;
  resolve(policies, 'Query', '_entities', (_root, args: { representations: { id: string }[] }) =>
    args.representations.map(({ id }) => ({ __typename: 'Policy', id, number: POLICY_NUMBERS[id] })),
  );
  const schemas: Record<string, GraphQLSchema> = { claims, policies };

  const fetches: { subgraph: string; query: string }[] = [];
  const hops: Hops = {
    async send(subgraph, operationJson, variables) {
      const query = JSON.parse(operationJson) as string;
      fetches.push({ subgraph, query });
      if (subgraph === 'policies' && policiesDown) throw new HopFailed(subgraph, 'unreachable', 'connect ECONNREFUSED');
      const result = await graphql({ schema: schemas[subgraph]!, source: query, variableValues: variables ?? {} });
      return JSON.parse(JSON.stringify(result));
    },
    close() {},
  };

  const opened: { subgraph: string; variables: Record<string, unknown> }[] = [];
  const upstreams: Upstreams = {
    reconnections: {},
    subscribe(subgraph, operation, sink) {
      const variables = operation.variables();
      opened.push({ subgraph, variables });
      let iterator: AsyncIterator<ExecutionResult> | undefined;
      let stopped = false;
      void (async () => {
        const result = await subscribe({
          schema: schemas[subgraph]!,
          document: parse(operation.query),
          variableValues: variables,
        });
        if (!(Symbol.asyncIterator in result)) return sink.refused(result.errors ?? []);
        iterator = result;
        if (stopped) return void iterator.return?.();
        for await (const event of result) sink.next(JSON.parse(JSON.stringify(event)));
        if (!stopped) sink.complete();
      })();
      return () => {
        stopped = true;
        void iterator?.return?.();
      };
    },
    async dispose() {},
  };

  const composed = composeServices([
    { name: 'claims', typeDefs: parse(`${FEDERATION}\n${CLAIMS_SDL}`), url: 'http://claims.invalid/graphql' },
    { name: 'policies', typeDefs: parse(`${FEDERATION}\n${POLICIES_SDL}`), url: 'http://policies.invalid/graphql' },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const hopSecrets = parseHopSecrets(generateHopSecret());
  const engine = createEngine({ supergraphSdl: composed.supergraphSdl, subgraphUrls: {}, hopSecrets, hops });
  const federated = createFederatedSubscriptions({
    engine,
    subgraphUrls: {},
    hopSecrets,
    log: createLogger('gateway', { silent: true }),
    clock: systemClock,
    upstreams,
    ...(options.relay ? { relay: options.relay } : {}),
  });
  return {
    feed,
    federated,
    fetches,
    opened,
    takePoliciesDown: () => {
      policiesDown = true;
    },
  };
}

export const camille: GatewayContext = {
  who: { sub: 'customer-camille', sid: 'session-1', roles: ['CUSTOMER'], exp: 2_000_000_000 },
  client: { ip: null, userAgent: null },
  requestId: 'request-1',
};

export const CLAIM_CHANGED = parse(`subscription($after: String) {
  claimChanged(after: $after) { cursor status claim { id policy { number } } }
}`);

export const event = (cursor: string, status: string, claimId: string, number: string) => ({
  claimChanged: { cursor, status, claim: { id: claimId, policy: { number } } },
});

// The federated subscription executor in one process, on two tiny subgraphs held in memory (no socket, no database):
// `claims` streams claim events, `policies` owns the policy number those events ask for. What goes over the wire
// in production is replaced at the two seams the executor already has: the hops (entity fetches, run by graphql-js
// on the subgraph's schema) and the upstreams (subgraph subscriptions, run by graphql-js's `subscribe`).
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
import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../src/context.ts';
import { HopFailed, type Hops } from '../src/engine/hops.ts';
import { createEngine } from '../src/engine/index.ts';
import type { Upstreams } from '../src/live/upstream.ts';
import { createFederatedSubscriptions, type FederatedSubscriptions } from '../src/subscriptions.ts';

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
function createFeed() {
  const events: ClaimEvent[] = [];
  const waiting: (() => void)[] = [];
  return {
    publish(claimId: string, policyId: string, status: string) {
      events.push({
        cursor: `claims.${events.length + 1}`,
        status,
        claim: { __typename: 'Claim', id: claimId, policy: { __typename: 'Policy', id: policyId } },
      });
      for (const wake of waiting.splice(0)) wake();
    },
    /** Replays from after `after`, then follows: as a subgraph's resumable subscription does. */
    async *follow(after: string | null): AsyncGenerator<{ claimChanged: ClaimEvent }> {
      let next = after ? Number(after.split('.')[1]) : 0;
      for (;;) {
        while (next < events.length) yield { claimChanged: events[next++]! };
        await new Promise<void>((wake) => waiting.push(wake));
      }
    },
  };
}

/** The two subgraphs in memory, with everything the gateway asked of them. */
async function twoSubgraphs() {
  const feed = createFeed();
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

const camille: GatewayContext = {
  who: { sub: 'customer-camille', sid: 'session-1', roles: ['CUSTOMER'], exp: 2_000_000_000 },
  client: { ip: null, userAgent: null },
  requestId: 'request-1',
};

const CLAIM_CHANGED = parse(`subscription($after: String) {
  claimChanged(after: $after) { cursor status claim { id policy { number } } }
}`);

const streams: AsyncGenerator<ExecutionResult>[] = [];
let system: FederatedSubscriptions | undefined;
afterEach(async () => {
  for (const stream of streams.splice(0)) await stream.return(undefined);
  await system?.dispose();
});

function follow(federated: FederatedSubscriptions, after: string | null = null) {
  const stream = federated.subscribe({ document: CLAIM_CHANGED, variableValues: { after }, contextValue: camille });
  streams.push(stream);
  return stream;
}

const event = (cursor: string, status: string, claimId: string, number: string) => ({
  claimChanged: { cursor, status, claim: { id: claimId, policy: { number } } },
});

describe('federated subscriptions, in memory', () => {
  it('completes each claim event with the policy number owned by the other subgraph', async () => {
    const { feed, federated, fetches, opened } = await twoSubgraphs();
    system = federated;
    const device = follow(federated);
    feed.publish('claim-1', 'p1', 'DECLARED');
    feed.publish('claim-1', 'p1', 'ACKNOWLEDGED');

    expect((await device.next()).value).toEqual({ data: event('claims.1', 'DECLARED', 'claim-1', 'HAB-2026-000001') });
    expect((await device.next()).value).toEqual({
      data: event('claims.2', 'ACKNOWLEDGED', 'claim-1', 'HAB-2026-000001'),
    });
    // The subscription went to claims (from the start: no cursor yet), each event's policy to policies.
    expect(opened).toEqual([{ subgraph: 'claims', variables: { after: null } }]);
    expect(fetches.map((f) => f.subgraph)).toEqual(['policies', 'policies']);
    expect(fetches[0]!.query).toContain('_entities');
  });

  it('gives two devices of one customer one upstream subscription and one entity fetch per event', async () => {
    const { feed, federated, fetches, opened } = await twoSubgraphs();
    system = federated;
    const phone = follow(federated);
    const laptop = follow(federated);
    feed.publish('claim-2', 'p2', 'EXPERT_ASSIGNED');

    const expected = { data: event('claims.1', 'EXPERT_ASSIGNED', 'claim-2', 'HAB-2026-000002') };
    expect((await phone.next()).value).toEqual(expected);
    expect((await laptop.next()).value).toEqual(expected);
    expect(opened).toHaveLength(1);
    expect(fetches).toHaveLength(1);
    expect(federated.stats()).toMatchObject({ channels: 1, devices: 2 });
  });

  it('resumes a device after the cursor it gives, without what it already had', async () => {
    const { feed, federated, opened } = await twoSubgraphs();
    system = federated;
    feed.publish('claim-1', 'p1', 'DECLARED');
    feed.publish('claim-1', 'p1', 'ACKNOWLEDGED');
    const device = follow(federated, 'claims.1');

    expect((await device.next()).value).toEqual({
      data: event('claims.2', 'ACKNOWLEDGED', 'claim-1', 'HAB-2026-000001'),
    });
    expect(opened[0]!.variables).toEqual({ after: 'claims.1' });
  });

  it('still delivers the event, with its cursor and a typed error, when the other subgraph is down', async () => {
    const { feed, federated, takePoliciesDown } = await twoSubgraphs();
    system = federated;
    takePoliciesDown();
    const device = follow(federated);
    feed.publish('claim-3', 'p1', 'REFUSED');

    const value = (await device.next()).value as ExecutionResult;
    // What policies could not give is null where it belongs; the rest of the event is there.
    expect(value.data).toEqual({
      claimChanged: { cursor: 'claims.1', status: 'REFUSED', claim: { id: 'claim-3', policy: { number: null } } },
    });
    expect(value.errors?.map((e) => e.extensions)).toEqual([
      { code: 'UNAVAILABLE', serviceName: 'policies', retryable: true },
    ]);
    expect(JSON.stringify(value)).not.toContain('ECONNREFUSED');
  });
});

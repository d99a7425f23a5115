// The federated subscription executor in one process, on the two subgraphs of in-memory-federation.ts.
import type { ExecutionResult } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import type { FederatedSubscriptions } from '../src/subscriptions.ts';
import { CLAIM_CHANGED, camille, event, inMemoryGateway } from './in-memory-federation.ts';

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

describe('federated subscriptions, in memory', () => {
  it('completes each claim event with the policy number owned by the other subgraph', async () => {
    const { feed, federated, fetches, opened } = inMemoryGateway();
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
    const { feed, federated, fetches, opened } = inMemoryGateway();
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
    const { feed, federated, opened } = inMemoryGateway();
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
    const { feed, federated, takePoliciesDown } = inMemoryGateway();
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

// The production shape: PostgreSQL, a Redis bus per service, two gateway replicas. An adjuster acts through
// replica A; the customer's devices listen on replica B.
import { DEMO } from '@abri/platform';
import { adjuster, advance, CLAIM_EVENTS, collect, customer, startTestSystem } from '@abri/testkit';
import { type TestServices, testServices } from '@abri/testkit/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type ClaimEvent = {
  claimStatusChanged: { cursor: string; status: string; claim: { id: string; policy: { number: string } } };
};
let services: TestServices;
let system: Awaited<ReturnType<typeof startTestSystem>>;

beforeAll(async () => {
  services = await testServices();
  system = await startTestSystem({
    production: { ...(services.databaseUrl ? { databaseUrl: services.databaseUrl } : {}), bus: services.bus },
    gatewayReplicas: 2,
  });
});
afterAll(async () => {
  await system?.stop();
  await services?.dispose();
});

describe('production shape (PostgreSQL + Redis, two gateway replicas)', () => {
  it('is ready: database, bus and every subgraph reachable from each replica', async () => {
    // Ready once each replica has read the revoked sessions from users.
    for (const gateway of system.gateways)
      await expect.poll(async () => (await fetch(gateway.url.replace('/graphql', '/ready'))).status).toBe(200);
  });

  it('delivers a change made through replica A to both devices on replica B, in order, once, and not to another customer', async () => {
    const [a, b] = system.gateways.map((g) => g.url) as [string, string];
    const staff = await adjuster(a);
    const camille = await customer(b, 'camille');
    const louis = await customer(b, 'louis');
    const [phone, tablet, other] = [camille.socket(), camille.socket(), louis.socket()];
    const start = { after: 'claims.0' };
    const p = collect<ClaimEvent>(phone, CLAIM_EVENTS, start);
    const t = collect<ClaimEvent>(tablet, CLAIM_EVENTS, start);
    const l = collect<ClaimEvent>(other, CLAIM_EVENTS, start);

    await advance(staff, DEMO.camilleClaimId, 'EXPERT_REPORT');
    await advance(staff, DEMO.camilleClaimId, 'INDEMNITY_COMPUTED', undefined, { assessedDamageCents: 120_000 });
    for (const device of [p, t]) {
      const events = await device.until(2);
      expect(events.map((e) => e.data?.claimStatusChanged.status)).toEqual(['EXPERT_REPORT', 'INDEMNITY_COMPUTED']);
      expect(events[1]?.data?.claimStatusChanged.claim.policy.number).toBe(DEMO.camille.contractNumber);
    }

    // The tablet drops; one more change; it resumes on replica A with its cursor and gets exactly that one.
    const cursor = t.received[1]?.data?.claimStatusChanged.cursor;
    await t.stop();
    await tablet.dispose();
    await advance(staff, DEMO.camilleClaimId, 'REFUSED', 'Dommage antérieur à la souscription.');
    const again = (await customer(a, 'camille')).socket();
    const resumed = collect<ClaimEvent>(again, CLAIM_EVENTS, { after: cursor });
    expect((await resumed.until(1)).map((e) => e.data?.claimStatusChanged.status)).toEqual(['REFUSED']);
    await advance(staff, DEMO.camilleClaimId, 'REOPENED');
    expect((await resumed.until(2)).map((e) => e.data?.claimStatusChanged.status)).toEqual(['REFUSED', 'REOPENED']);
    expect((await p.until(4)).map((e) => e.data?.claimStatusChanged.status)).toEqual([
      'EXPERT_REPORT',
      'INDEMNITY_COMPUTED',
      'REFUSED',
      'REOPENED',
    ]);

    await advance(staff, DEMO.louisClaimId, 'ACKNOWLEDGED');
    const [first] = await l.until(1);
    expect(first?.data?.claimStatusChanged.claim.id).toBe(DEMO.louisClaimId);
    expect(l.received).toHaveLength(1);

    for (const s of [p, resumed, l]) await s.stop();
    for (const s of [phone, again, other]) await s.dispose();
  });

  it('refuses on replica B a token whose session was logged out through replica A', async () => {
    const [a, b] = system.gateways.map((g) => g.url) as [string, string];
    const camille = await customer(a, 'camille');
    const token = camille.accessToken;
    await camille.request('mutation { logout }');
    const onB = await fetch(b, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    // The revocation travels by the bus: polled until it arrives.
    const status = async () =>
      (
        await fetch(b, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: '{"query":"{ me { id } }"}',
        })
      ).status;
    if (onB.status !== 401) await expect.poll(status, { timeout: 10_000, interval: 20 }).toBe(401);
  });
});

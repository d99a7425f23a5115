// Production as deployed: each service its own process started from its main.ts with configuration from the
// environment only, on PostgreSQL and Redis, two gateway replicas. Needs the real services (CI has them).
import { DEMO } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { adjuster, advance, CLAIM_EVENTS, collect, customer } from '@abri/testkit';
import { type ProcessSystem, startProcessSystem } from '@abri/testkit/processes';
import { requireServices, type TestServices, testServices } from '@abri/testkit/services';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

let services: TestServices;
let system: ProcessSystem | undefined;

const real = async () => {
  services = await testServices({ seededTemplate: inject('seededTemplate') });
  return Boolean(services.databaseUrl && services.redisUrl);
};
const available = await real();
if (requireServices && !available) throw new Error('PostgreSQL and Redis are required for this test');

beforeAll(async () => {
  if (!available) return;
  system = await startProcessSystem({
    databaseUrl: services.databaseUrl!,
    seeded: services.seeded,
    redisUrl: services.redisUrl!,
    busPrefix: services.busPrefix,
  });
}, 600_000);

/** A client of one replica with the session of another: an access token is good on every replica. */
function sameSession(session: AbriClient, replica: 'gatewayA' | 'gatewayB') {
  const client = new AbriClient(system!.url(replica));
  client.accessToken = session.accessToken;
  return client;
}
// The adjuster signs in once: a second sign-in in the same 30 s would reuse its one-time code, which is refused.
let staffSession: AbriClient | undefined;
async function staffOn(replica: 'gatewayA' | 'gatewayB') {
  staffSession ??= await adjuster(system!.url('gatewayA'));
  return sameSession(staffSession, replica);
}

afterAll(async () => {
  await system?.stop();
  await services?.dispose();
});

describe.skipIf(!available)('services as separate processes (PostgreSQL + Redis, two gateway replicas)', () => {
  it("counts a failed sign-in under this deployment's Redis prefix, not in a namespace every deployment shares", async () => {
    const refused = await new AbriClient(system!.url('gatewayA')).login('HAB0000000', 'not-the-password-2026!');
    expect(refused?.__typename).toBe('InvalidCredentials');
    const redis = new Redis(services.redisUrl!);
    try {
      expect(await redis.keys(`${services.busPrefix}*signin-failures*`)).not.toEqual([]);
    } finally {
      redis.disconnect();
    }
  });

  it('signs in on replica B and answers one query from the four subgraph processes', async () => {
    const camille = await customer(system!.url('gatewayB'), 'camille');
    const { data, errors } = await camille.request<{
      me: {
        firstName: string;
        policies: { number: string }[];
        claims: { status: string }[];
        paymentSchedule: unknown[];
      };
    }>('{ me { firstName policies { number } claims { status } paymentSchedule { dueDate } } }');
    expect(errors).toBeUndefined();
    expect(data?.me).toMatchObject({
      firstName: 'Camille',
      policies: [{ number: DEMO.camille.contractNumber }],
      claims: [{ status: 'EXPERT_ASSIGNED' }],
    });
    expect(data?.me.paymentSchedule).toHaveLength(12);
  });

  it('pushes a change made through replica A to a device on replica B', async () => {
    const staff = await staffOn('gatewayA');
    const camille = await customer(system!.url('gatewayB'), 'camille');
    const socket = camille.socket();
    const events = collect<{
      claimStatusChanged: {
        status: string;
        claim: { policy: { number: string } };
      };
    }>(socket, CLAIM_EVENTS, { after: 'claims.0' });
    await advance(staff, DEMO.camilleClaimId, 'EXPERT_REPORT');
    const [event] = await events.until(1);
    expect(event?.data?.claimStatusChanged).toMatchObject({
      status: 'EXPERT_REPORT',
      claim: { policy: { number: DEMO.camille.contractNumber } },
    });
    await events.stop();
    await socket.dispose();
  });

  // Last: it kills replica A.
  it('keeps a device on replica B in step when replica A, which ran the customer’s channel, is killed', async () => {
    type Change = { claimStatusChanged: { cursor: string; status: string } };
    const staff = await staffOn('gatewayB');
    // The phone on A opens the channel first, so A leads it; the laptop on B follows from the phone's first event.
    const camille = await customer(system!.url('gatewayA'), 'camille');
    const phoneSocket = camille.socket();
    const phone = collect<Change>(phoneSocket, CLAIM_EVENTS, { after: 'claims.0' });
    // The claim is at EXPERT_REPORT (the test above).
    await advance(staff, DEMO.camilleClaimId, 'DOCUMENTS_REQUESTED');
    // The phone first replays Camille's history, then gets this move.
    const latest = () => phone.received.at(-1)?.data?.claimStatusChanged;
    await expect.poll(() => latest()?.status, { timeout: 30_000 }).toBe('DOCUMENTS_REQUESTED');
    const laptopSocket = sameSession(camille, 'gatewayB').socket();
    const laptop = collect<Change>(laptopSocket, CLAIM_EVENTS, { after: latest()!.cursor });
    await advance(staff, DEMO.camilleClaimId, 'EXPERT_ASSIGNED');
    await laptop.until(1, 30_000);

    await system!.kill('gatewayA');
    await advance(staff, DEMO.camilleClaimId, 'EXPERT_REPORT');
    await advance(staff, DEMO.camilleClaimId, 'DOCUMENTS_REQUESTED');
    const got = await laptop.until(3, 60_000);
    expect(got.map((e) => e.data?.claimStatusChanged.status)).toEqual([
      'EXPERT_ASSIGNED',
      'EXPERT_REPORT',
      'DOCUMENTS_REQUESTED',
    ]);
    const cursors = got.map((e) => BigInt(e.data!.claimStatusChanged.cursor.split('.')[1]!));
    expect(cursors).toEqual([...cursors].sort((x, y) => (x < y ? -1 : 1)));
    expect(new Set(cursors).size).toBe(3);
    await laptop.stop();
    await laptopSocket.dispose();
  }, 120_000);
});

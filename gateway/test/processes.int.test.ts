// Production as deployed: each service its own process started from its main.ts with configuration from the
// environment only, on PostgreSQL and Redis, two gateway replicas. Needs the real services (CI has them).
import { DEMO } from '@abri/platform';
import { adjuster, advance, CLAIM_EVENTS, collect, customer } from '@abri/testkit';
import { type ProcessSystem, startProcessSystem } from '@abri/testkit/processes';
import { requireServices, type TestServices, testServices } from '@abri/testkit/services';
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

afterAll(async () => {
  await system?.stop();
  await services?.dispose();
});

describe.skipIf(!available)('services as separate processes (PostgreSQL + Redis, two gateway replicas)', () => {
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
    const staff = await adjuster(system!.url('gatewayA'));
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
});

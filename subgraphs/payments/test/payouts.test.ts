// A payout request delivered twice, or twice at once, pays once and answers once.
import { DEMO, type EventOf, Events } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPayout } from '../src/app/payouts.ts';
import { startPayments } from './harness.ts';

let service: Awaited<ReturnType<typeof startPayments>>;
beforeAll(async () => {
  service = await startPayments();
});
afterAll(async () => {
  await service?.stop();
});

const request = (claimId: string, id: string): EventOf<typeof Events.payoutRequested> => ({
  id,
  source: 'claims',
  topic: Events.payoutRequested.topic,
  customerId: DEMO.camille.customerId,
  payload: { claimId, reference: 'SIN-2026-000001', amountCents: 235_000 },
  at: new Date().toISOString(),
});
/** Payouts recorded for `claimId`, read through the outbox (payloads are sealed at rest). */
const outboxOf = async (claimId: string) =>
  (await service.app.outbox.since(Events.payoutRecorded, DEMO.camille.customerId, 0n)).filter(
    (event) => event.payload.claimId === claimId,
  ).length;

describe('indemnity payouts', () => {
  it('pays once when the same request comes twice', async () => {
    const first = await recordPayout(service.app, request('claim-a', '1'));
    const again = await recordPayout(service.app, request('claim-a', '1'));
    expect(first.created).toBe(true);
    expect(again).toEqual({ payoutId: first.payoutId, created: false });
    expect(await service.app.prisma.payout.count({ where: { claimId: 'claim-a' } })).toBe(1);
    expect(await outboxOf('claim-a')).toBe(1);
  });

  it('pays once when two requests for one claim arrive at the same time, to the default account', async () => {
    const results = await Promise.all([
      recordPayout(service.app, request('claim-b', '2')),
      recordPayout(service.app, request('claim-b', '3')),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.payoutId)).size).toBe(1);
    const payout = await service.app.prisma.payout.findUniqueOrThrow({ where: { claimId: 'claim-b' } });
    const method = await service.app.prisma.paymentMethod.findFirstOrThrow({
      where: { customerId: DEMO.camille.customerId, isDefault: true },
    });
    expect(payout).toMatchObject({ amountCents: 235_000, paymentMethodId: method.id });
    expect(await outboxOf('claim-b')).toBe(1);
  });
});

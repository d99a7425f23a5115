// Paying an arrear by card goes through the payment provider: nothing is paid without its confirmation, a refusal
// leaves the arrear unpaid, and a card is never charged twice for one arrear.
import { DEMO } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payArrear, recordRejection } from '../src/app/arrears.ts';
import { confirmCardCharge } from '../src/app/card-payments.ts';
import { addCard } from '../src/app/methods.ts';
import { createDemoPsp } from '../src/psp/provider.ts';
import { startPayments } from './harness.ts';

const psp = createDemoPsp();
let service: Awaited<ReturnType<typeof startPayments>>;
beforeAll(async () => {
  service = await startPayments(new Date('2026-12-01T09:00:00Z'), { psp });
});
afterAll(async () => {
  await service?.stop();
});

const louis = DEMO.louis.customerId;
const camille = DEMO.camille.customerId;

/** A fresh arrear of the customer: their next planned instalment, refused for insufficient funds. */
async function newArrear(customerId: string) {
  const next = await service.app.prisma.scheduledPayment.findFirstOrThrow({
    where: { customerId, status: 'PLANNED' },
    orderBy: { dueDate: 'asc' },
  });
  const recorded = await recordRejection(service.app, next.id, 'AM04');
  if (recorded.kind !== 'recorded') throw new Error(`not recorded: ${recorded.kind}`);
  return recorded.arrearId;
}
async function card(customerId: string, token: string) {
  const added = await addCard(service.app, customerId, {
    pspToken: token,
    brand: 'Visa',
    last4: '4242',
    expiry: '12/35',
  });
  if (added.kind !== 'added') throw new Error('card refused');
  return added.methodId;
}
const arrear = (id: string) => service.app.prisma.arrear.findUniqueOrThrow({ where: { id } });
const paymentsOf = (customerId: string) =>
  service.app.prisma.payment.count({ where: { customerId, status: 'SUCCEEDED', reference: { startsWith: 'CB-' } } });

describe('paying an arrear by card', () => {
  it('is paid when the provider confirms the charge, charged once', async () => {
    const arrearId = await newArrear(louis);
    const methodId = await card(louis, 'tok_visa_ok_000001');
    const before = await paymentsOf(louis);
    expect(await payArrear(service.app, louis, arrearId, methodId)).toEqual({
      kind: 'paid',
      arrearId,
      restoresAt: null,
    });
    expect(psp.requests.at(-1)).toMatchObject({ cardToken: 'tok_visa_ok_000001', currency: 'EUR' });
    expect((await arrear(arrearId)).paidAt).not.toBeNull();
    expect(await paymentsOf(louis)).toBe(before + 1);
    expect(await payArrear(service.app, louis, arrearId, methodId)).toEqual({ kind: 'arrearNotFound' });
  });

  it('stays unpaid while the cardholder authenticates, and is paid only once the provider confirms', async () => {
    const arrearId = await newArrear(camille);
    const methodId = await card(camille, 'tok_visa_3ds_000002');
    const pending = await payArrear(service.app, camille, arrearId, methodId);
    if (pending.kind !== 'pending') throw new Error(`expected pending, got ${pending.kind}`);
    expect(pending.actionUrl).toMatch(/^https:\/\//);
    expect((await arrear(arrearId)).paidAt).toBeNull();
    // The browser coming back says nothing: asked again, the provider still awaits the cardholder.
    expect(await confirmCardCharge(service.app, camille, pending.chargeId)).toMatchObject({ kind: 'pending' });
    // Another customer cannot confirm it; a second attempt resumes the same charge instead of charging twice.
    expect(await confirmCardCharge(service.app, louis, pending.chargeId)).toEqual({ kind: 'arrearNotFound' });
    const requests = psp.requests.length;
    expect(await payArrear(service.app, camille, arrearId, methodId)).toMatchObject({
      kind: 'pending',
      chargeId: pending.chargeId,
    });
    expect(psp.requests.length).toBe(requests);

    const charge = await service.app.prisma.cardCharge.findUniqueOrThrow({ where: { id: pending.chargeId } });
    psp.authenticate(charge.pspReference, true);
    expect(await confirmCardCharge(service.app, camille, pending.chargeId)).toMatchObject({ kind: 'paid', arrearId });
    expect((await arrear(arrearId)).paidAt).not.toBeNull();
    // Confirmed twice, paid once.
    const paid = await paymentsOf(camille);
    expect(await confirmCardCharge(service.app, camille, pending.chargeId)).toMatchObject({ kind: 'paid' });
    expect(await paymentsOf(camille)).toBe(paid);
  });

  it('leaves the arrear unpaid when the card is refused or authentication fails', async () => {
    const declinedArrear = await newArrear(louis);
    const declined = await card(louis, 'tok_visa_declined_03');
    expect(await payArrear(service.app, louis, declinedArrear, declined)).toMatchObject({
      kind: 'cardRefused',
      code: 'card_declined',
    });
    expect((await arrear(declinedArrear)).paidAt).toBeNull();

    const threeDs = await card(louis, 'tok_visa_3ds_000004');
    const pending = await payArrear(service.app, louis, declinedArrear, threeDs);
    if (pending.kind !== 'pending') throw new Error(`expected pending, got ${pending.kind}`);
    const charge = await service.app.prisma.cardCharge.findUniqueOrThrow({ where: { id: pending.chargeId } });
    psp.authenticate(charge.pspReference, false);
    expect(await confirmCardCharge(service.app, louis, pending.chargeId)).toMatchObject({
      kind: 'cardRefused',
      code: 'authentication_failed',
    });
    expect((await arrear(declinedArrear)).paidAt).toBeNull();
    expect(await service.app.prisma.cardCharge.count({ where: { arrearId: declinedArrear, status: 'FAILED' } })).toBe(
      2,
    );
  });
});

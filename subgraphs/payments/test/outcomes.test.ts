// Every payments mutation answers an expected failure with a typed outcome (the schema turns each kind into a result
// type and its French message), never a string, a boolean or a thrown error.
import { DEMO } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payArrear, recordRejection, retryDebit } from '../src/app/arrears.ts';
import { changeDueDay } from '../src/app/due-day.ts';
import { removeMethod, setDefault } from '../src/app/methods.ts';
import { startPayments } from './harness.ts';

let service: Awaited<ReturnType<typeof startPayments>>;
beforeAll(async () => {
  service = await startPayments();
});
afterAll(async () => {
  await service?.stop();
});

const DAY = 86_400_000;
const camille = DEMO.camille.customerId;
const louis = DEMO.louis.customerId;
const nextInstalment = (customerId: string) =>
  service.app.prisma.scheduledPayment.findFirstOrThrow({
    where: { customerId, status: 'PLANNED' },
    orderBy: { dueDate: 'asc' },
  });
const methodOf = (customerId: string) =>
  service.app.prisma.paymentMethod.findFirstOrThrow({ where: { customerId, removedAt: null } });

describe('payments outcomes', () => {
  it('refuses a rejection with a malformed reason code or on an unknown instalment', async () => {
    const next = await nextInstalment(camille);
    expect(await recordRejection(service.app, next.id, 'insufficient funds')).toEqual({ kind: 'invalidReasonCode' });
    expect(await recordRejection(service.app, crypto.randomUUID(), 'AM04')).toEqual({ kind: 'instalmentNotFound' });
  });

  it('will not retry a debit the closed account would refuse again, and names the reason', async () => {
    const next = await nextInstalment(louis);
    service.clock.set(new Date(next.dueDate.getTime() + 2 * DAY));
    const recorded = await recordRejection(service.app, next.id, 'AC04');
    if (recorded.kind !== 'recorded') throw new Error(`not recorded: ${recorded.kind}`);
    const tomorrow = new Date(service.clock.now().getTime() + 2 * DAY);
    const on = new Date(Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate()));
    expect(await retryDebit(service.app, louis, recorded.arrearId, on)).toEqual({
      kind: 'notRetryable',
      reason: 'rejectionReason',
    });
    expect(await retryDebit(service.app, camille, recorded.arrearId, on)).toEqual({ kind: 'arrearNotFound' });
    expect(await payArrear(service.app, louis, recorded.arrearId, (await methodOf(camille)).id)).toEqual({
      kind: 'methodNotFound',
    });
  });

  it('pays an arrear by SEPA mandate only through a planned debit, the same one when asked twice', async () => {
    const next = await nextInstalment(camille);
    service.clock.set(new Date(next.dueDate.getTime() + 2 * DAY));
    const recorded = await recordRejection(service.app, next.id, 'AM04');
    if (recorded.kind !== 'recorded') throw new Error(`not recorded: ${recorded.kind}`);
    const mandate = await service.app.prisma.paymentMethod.findFirstOrThrow({
      where: { customerId: camille, kind: 'SEPA_DEBIT', removedAt: null },
    });
    const payments = await service.app.prisma.payment.count({ where: { customerId: camille } });
    const planned = await payArrear(service.app, camille, recorded.arrearId, mandate.id);
    const tomorrow = new Date(next.dueDate.getTime() + 3 * DAY);
    expect(planned).toEqual({ kind: 'debitPlanned', arrearId: recorded.arrearId, dueDate: tomorrow });
    expect(await payArrear(service.app, camille, recorded.arrearId, mandate.id)).toEqual(planned);
    const arrear = await service.app.prisma.arrear.findUniqueOrThrow({ where: { id: recorded.arrearId } });
    expect(arrear.paidAt).toBeNull();
    expect(
      await service.app.prisma.scheduledPayment.findUniqueOrThrow({ where: { id: arrear.retryScheduledPaymentId! } }),
    ).toMatchObject({ dueDate: tomorrow, status: 'PLANNED', amountCents: next.amountCents });
    expect(await service.app.prisma.payment.count({ where: { customerId: camille } })).toBe(payments);
  });

  it('answers another customer’s method as not found, for default and removal alike', async () => {
    const theirs = await methodOf(louis);
    expect(await setDefault(service.app, camille, theirs.id)).toEqual({ kind: 'methodNotFound' });
    expect(await removeMethod(service.app, camille, theirs.id)).toEqual({ kind: 'methodNotFound' });
  });

  it('refuses a due day outside 1 to 28 before reading anything', async () => {
    expect(await changeDueDay(service.app, camille, DEMO.camille.policyId, 29, true)).toEqual({ kind: 'invalidDay' });
    expect(await changeDueDay(service.app, camille, DEMO.camille.policyId, 0, false)).toEqual({ kind: 'invalidDay' });
  });
});

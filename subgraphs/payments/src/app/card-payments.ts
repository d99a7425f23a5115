// Paying an arrear by card through the payment service provider. A charge is opened (PENDING) under a lock of the
// arrear, the provider is asked outside any transaction, and its answer settles the charge: the arrear is paid only
// when the provider says the charge succeeded, now or when asked again after the cardholder's 3-D Secure step. A
// refusal leaves the arrear unpaid; a second attempt while one is pending resumes it (same idempotency key), so a
// card is never charged twice for one arrear.
import type { PaymentsApp } from '../context.ts';
import { restorationAt } from '../domain/unpaid.ts';
import type { PspCharge } from '../psp/provider.ts';
import { lockArrear, markArrearPaid, type PayOutcome, type Tx } from './arrears.ts';

/** Placeholder reference until the provider names the charge (its call may fail after the row exists). */
const UNSENT = 'unsent:';

type Arrear = NonNullable<Awaited<ReturnType<Tx['arrear']['findUnique']>>>;

/** The pending charge of this arrear, or a new one (inside the caller's transaction, the arrear locked). */
export async function openCardCharge(tx: Tx, arrear: Arrear, paymentMethodId: string, now: Date): Promise<string> {
  const pending = await tx.cardCharge.findFirst({ where: { arrearId: arrear.id, status: 'PENDING' } });
  if (pending) return pending.id;
  const id = crypto.randomUUID();
  await tx.cardCharge.create({
    data: {
      id,
      arrearId: arrear.id,
      customerId: arrear.customerId,
      paymentMethodId,
      amountCents: arrear.amountCents,
      pspReference: `${UNSENT}${id}`,
      createdAt: now,
    },
  });
  return id;
}

/** Asks the provider about a charge (sends it if it never reached it) and settles it from the answer. */
export async function chargeCard(app: PaymentsApp, chargeId: string): Promise<PayOutcome> {
  const charge = await app.prisma.cardCharge.findUniqueOrThrow({ where: { id: chargeId } });
  if (charge.status !== 'PENDING') return settled(app, charge.id);
  let answer: PspCharge;
  if (charge.pspReference.startsWith(UNSENT)) {
    const method = await app.prisma.paymentMethod.findUniqueOrThrow({ where: { id: charge.paymentMethodId } });
    answer = await app.psp.charge({
      cardToken: method.pspToken ?? '',
      amountCents: charge.amountCents,
      currency: 'EUR',
      description: 'Abri - cotisation impayee',
      idempotencyKey: charge.id,
    });
  } else answer = await app.psp.retrieve(charge.pspReference);
  return settle(app, charge.id, answer);
}

/** The customer is back from the provider's page: the provider, not the browser, says how it went. */
export async function confirmCardCharge(app: PaymentsApp, customerId: string, chargeId: string): Promise<PayOutcome> {
  const charge = await app.prisma.cardCharge.findFirst({ where: { id: chargeId, customerId } });
  if (!charge) return { kind: 'arrearNotFound' };
  return chargeCard(app, charge.id);
}

async function settled(app: PaymentsApp, chargeId: string): Promise<PayOutcome> {
  const charge = await app.prisma.cardCharge.findUniqueOrThrow({ where: { id: chargeId } });
  const arrear = await app.prisma.arrear.findUniqueOrThrow({ where: { id: charge.arrearId } });
  if (charge.status === 'SUCCEEDED')
    return {
      kind: 'paid',
      arrearId: arrear.id,
      restoresAt: arrear.suspendedAt && arrear.paidAt ? restorationAt(arrear.paidAt) : null,
    };
  return { kind: 'cardRefused', chargeId, code: charge.failureCode ?? 'failed' };
}

async function settle(app: PaymentsApp, chargeId: string, answer: PspCharge): Promise<PayOutcome> {
  const now = app.clock.now();
  const outcome = await app.prisma.$transaction(async (tx): Promise<PayOutcome | null> => {
    const { arrearId } = await tx.cardCharge.findUniqueOrThrow({ where: { id: chargeId }, select: { arrearId: true } });
    await lockArrear(tx, arrearId);
    const charge = await tx.cardCharge.findUniqueOrThrow({ where: { id: chargeId } });
    // Settled meanwhile (a concurrent confirmation): its outcome stands.
    if (charge.status !== 'PENDING') return null;
    const reference = { pspReference: answer.pspReference };
    switch (answer.status) {
      case 'requiresAction':
        await tx.cardCharge.update({ where: { id: chargeId }, data: reference });
        return { kind: 'pending', chargeId, actionUrl: answer.actionUrl };
      case 'failed':
        await tx.cardCharge.update({
          where: { id: chargeId },
          data: { ...reference, status: 'FAILED', failureCode: answer.failureCode.slice(0, 60), settledAt: now },
        });
        return { kind: 'cardRefused', chargeId, code: answer.failureCode };
      case 'succeeded': {
        await tx.cardCharge.update({
          where: { id: chargeId },
          data: { ...reference, status: 'SUCCEEDED', settledAt: now },
        });
        const arrear = await tx.arrear.findUniqueOrThrow({ where: { id: arrearId } });
        if (arrear.paidAt) {
          // Paid another way while the cardholder was authenticating: this charge is to be refunded by staff.
          app.log.error('card charge succeeded on an arrear already paid', { chargeId, arrearId });
          return null;
        }
        return markArrearPaid(app, tx, arrear, charge.paymentMethodId, now, `CB-${answer.pspReference.slice(0, 60)}`);
      }
    }
  });
  if (!outcome) return settled(app, chargeId);
  if (outcome.kind === 'paid') app.outbox.kick();
  return outcome;
}

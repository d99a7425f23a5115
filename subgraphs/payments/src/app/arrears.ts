// Rejected direct debits and the legal timeline for unpaid premiums (Code des assurances L113-3): formal notice 10
// days after the due date, cover suspended 30 days after the notice, contract terminated 10 days after that; paying
// in between stops it, and suspended cover comes back the next day at noon. The timeline runs by itself (a job with
// the injected clock) and each step is an event the policies subgraph and the customer's devices see.
import { type ArrearStep, type EventDescriptor, Events, every, type PayloadOf } from '@abri/platform';
import { addDays, parisDay } from '@abri/platform/french';
import type { PaymentsApp } from '../context.ts';
import { explainRejection } from '../domain/rejections.ts';
import { endToEndId } from '../domain/sepa/pain008.ts';
import { restorationAt, unpaidStage, unpaidTimeline } from '../domain/unpaid.ts';
import { chargeCard, openCardCharge } from './card-payments.ts';
import { lockMethods } from './methods.ts';

type StepPayload<S extends ArrearStep> = PayloadOf<(typeof Events)[S]>;

type Outboxed = Parameters<PaymentsApp['outbox']['add']>;
/**
 * Records a step on its own topic (`Events.<step>`) for the subgraphs that act on it and, with its kind, on the one
 * stream the customer's devices follow (`Events.accountEvent`, `paymentEvents`).
 */
async function announce<S extends ArrearStep>(
  app: PaymentsApp,
  tx: Outboxed[0],
  step: S,
  customerId: string,
  payload: StepPayload<S>,
  at: Date,
) {
  await app.outbox.add(tx, Events[step] as EventDescriptor<StepPayload<S>>, { customerId, payload, at });
  await app.outbox.add(tx, Events.accountEvent, { customerId, payload: { ...payload, kind: step }, at });
}

export type RejectOutcome =
  | { kind: 'recorded'; arrearId: string }
  | { kind: 'invalidReasonCode' }
  | { kind: 'instalmentNotFound' }
  | { kind: 'notCollectable' };

/** A SEPA reason code: two letters, two digits (AM04, AC04, MD06...). */
const REASON_CODE = /^[A-Z]{2}\d{2}$/;

export type Tx = Parameters<Parameters<PaymentsApp['prisma']['$transaction']>[0]>[0];

/**
 * Staff (or a bank return file) record a refused debit with its SEPA reason code. `alongside` runs in the same
 * transaction once the rejection is recorded (a bank return marks its collection there).
 */
export async function recordRejection(
  app: PaymentsApp,
  scheduledPaymentId: string,
  code: string,
  alongside?: (tx: Tx) => Promise<unknown>,
): Promise<RejectOutcome> {
  if (!REASON_CODE.test(code)) return { kind: 'invalidReasonCode' };
  const now = app.clock.now();
  const outcome = await app.prisma.$transaction(async (tx): Promise<RejectOutcome> => {
    const instalment = await tx.scheduledPayment.findUnique({ where: { id: scheduledPaymentId } });
    if (!instalment) return { kind: 'instalmentNotFound' };
    if (instalment.status !== 'PLANNED' && instalment.status !== 'PAID') return { kind: 'notCollectable' };
    await tx.scheduledPayment.update({ where: { id: instalment.id }, data: { status: 'REJECTED' } });
    // A direct debit settled before its return came back: the payment it recorded is what the bank takes back.
    const { count: settledReturned } = await tx.payment.updateMany({
      where: { reference: endToEndId(instalment.id), status: 'SUCCEEDED' },
      data: { status: 'REJECTED', rejectionCode: code },
    });
    if (!settledReturned)
      await tx.payment.create({
        data: {
          customerId: instalment.customerId,
          policyId: instalment.policyId,
          amountCents: instalment.amountCents,
          paidAt: now,
          status: 'REJECTED',
          rejectionCode: code,
          reference: `REJET-${instalment.id.slice(0, 8)}-${now.getTime()}`,
        },
      });
    const arrear = await tx.arrear.create({
      data: {
        scheduledPaymentId: instalment.id,
        customerId: instalment.customerId,
        policyId: instalment.policyId,
        dueDate: instalment.dueDate,
        amountCents: instalment.amountCents,
        rejectionCode: code,
        rejectedAt: now,
      },
    });
    const why = explainRejection(code);
    await announce(
      app,
      tx,
      'debitRejected',
      instalment.customerId,
      {
        arrearId: arrear.id,
        policyId: instalment.policyId,
        code,
        message: why.customerMessage,
        suggestions: why.suggestions,
        amountCents: instalment.amountCents,
      },
      now,
    );
    await alongside?.(tx);
    return { kind: 'recorded', arrearId: arrear.id };
  });
  app.outbox.kick();
  return outcome;
}

/** Moves every open arrear to where the law puts it today; returns the steps taken. */
export async function runUnpaidTimeline(app: PaymentsApp): Promise<string[]> {
  const now = app.clock.now();
  const open = await app.prisma.arrear.findMany({ where: { terminatedAt: null, restoredAt: null } });
  const steps: string[] = [];
  for (const a of open) {
    await app.prisma.$transaction(async (tx) => {
      const emit = async (
        step: 'formalNoticeSent' | 'coverSuspended' | 'contractTerminated' | 'coverRestored',
        data: Parameters<typeof tx.arrear.update>[0]['data'],
      ) => {
        await tx.arrear.update({ where: { id: a.id }, data });
        await announce(app, tx, step, a.customerId, { arrearId: a.id, policyId: a.policyId }, now);
        steps.push(Events[step].topic);
      };
      const stage = unpaidStage(a.dueDate, now, a.paidAt, a.noticeSentAt);
      if (a.paidAt) {
        // Paid: suspended cover comes back at noon the next day; otherwise the procedure simply stops.
        if (a.suspendedAt && now >= restorationAt(a.paidAt)) await emit('coverRestored', { restoredAt: now });
        else if (!a.suspendedAt) await tx.arrear.update({ where: { id: a.id }, data: { restoredAt: now } });
        return;
      }
      if (stage === 'DUE') return;
      if (!a.noticeSentAt) await emit('formalNoticeSent', { noticeSentAt: now });
      if ((stage === 'SUSPENDED' || stage === 'TERMINATED') && !a.suspendedAt)
        await emit('coverSuspended', { suspendedAt: now });
      if (stage === 'TERMINATED') await emit('contractTerminated', { terminatedAt: now });
    });
  }
  if (steps.length) app.outbox.kick();
  return steps;
}

export type PayOutcome =
  | { kind: 'paid'; arrearId: string; restoresAt: Date | null }
  | { kind: 'arrearNotFound' }
  | { kind: 'contractTerminated' }
  | { kind: 'methodNotFound' }
  /** The card's provider awaits the cardholder (3-D Secure): nothing is paid until it confirms. */
  | { kind: 'pending'; chargeId: string; actionUrl: string }
  /** The card's provider refused: the arrear stays unpaid. */
  | { kind: 'cardRefused'; chargeId: string; code: string }
  /** By direct debit: a debit is planned (or was already), and the arrear is paid when it settles (settlement.ts). */
  | { kind: 'debitPlanned'; arrearId: string; dueDate: Date };

type Arrear = NonNullable<Awaited<ReturnType<PaymentsApp['prisma']['arrear']['findUnique']>>>;

/**
 * The arrear is paid (money received by `methodId` on `paidAt`): the payment is recorded and the timeline stops.
 * @default paidAt now (a settled direct debit was paid on its collection date)
 */
export async function markArrearPaid(
  app: PaymentsApp,
  tx: Tx,
  arrear: Arrear,
  methodId: string,
  now: Date,
  reference: string,
  paidAt = now,
): Promise<Extract<PayOutcome, { kind: 'paid' }>> {
  await tx.payment.create({
    data: {
      customerId: arrear.customerId,
      policyId: arrear.policyId,
      amountCents: arrear.amountCents,
      paidAt,
      status: 'SUCCEEDED',
      reference,
      paymentMethodId: methodId,
    },
  });
  await tx.arrear.update({ where: { id: arrear.id }, data: { paidAt } });
  const restoresAt = arrear.suspendedAt ? restorationAt(paidAt) : null;
  await announce(
    app,
    tx,
    'arrearPaid',
    arrear.customerId,
    { arrearId: arrear.id, policyId: arrear.policyId, restoresAt: restoresAt?.toISOString() ?? null },
    now,
  );
  return { kind: 'paid', arrearId: arrear.id, restoresAt };
}

/** Row lock: two payments (or retries) of one arrear at once are serialised, the second sees the first's work. */
export const lockArrear = (tx: Tx, arrearId: string) =>
  tx.$queryRawUnsafe('SELECT id FROM "payments"."Arrear" WHERE id = $1 FOR UPDATE', arrearId);

/**
 * Instalments read under row locks, taken in id order: the bank file and a customer's new choice of mandate take them
 * in turn. Those gone since are not returned.
 */
export async function lockInstalments(tx: Tx, ids: readonly string[]) {
  await tx.$queryRawUnsafe(
    'SELECT id FROM "payments"."ScheduledPayment" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
    ids,
  );
  return tx.scheduledPayment.findMany({ where: { id: { in: [...ids] } }, orderBy: { id: 'asc' } });
}

/**
 * Paying an arrear now. By card, the provider is asked and the arrear is paid only on its confirmation (see
 * card-payments.ts); by direct debit, a debit is planned on the first free day from tomorrow and the arrear is paid
 * only when the bank has collected it (settlement.ts), as money on a mandate is not received when it is asked for.
 */
export async function payArrear(
  app: PaymentsApp,
  customerId: string,
  arrearId: string,
  methodId: string,
): Promise<PayOutcome> {
  const now = app.clock.now();
  const outcome = await app.prisma.$transaction(
    async (tx): Promise<PayOutcome | { kind: 'byCard'; chargeId: string }> => {
      await lockArrear(tx, arrearId);
      const arrear = await tx.arrear.findFirst({ where: { id: arrearId, customerId } });
      if (!arrear || arrear.paidAt) return { kind: 'arrearNotFound' };
      if (arrear.terminatedAt) return { kind: 'contractTerminated' };
      // Taken as removeMethod takes it: the method cannot be removed between this check and the debit planned on it.
      await lockMethods(tx, customerId);
      const method = await tx.paymentMethod.findFirst({ where: { id: methodId, customerId, removedAt: null } });
      if (!method) return { kind: 'methodNotFound' };
      if (method.kind === 'CARD') return { kind: 'byCard', chargeId: await openCardCharge(tx, arrear, method.id, now) };
      const firstFreeDay = async () => {
        let on = addDays(parisDay(now), 1);
        while (await tx.scheduledPayment.count({ where: { policyId: arrear.policyId, dueDate: on } }))
          on = addDays(on, 1);
        return on;
      };
      if (arrear.retryScheduledPaymentId) {
        // Already planned. Locked as the bank file locks it, so the file carries either the earlier choice or this
        // one, never one while the instalment says the other.
        const [planned] = await lockInstalments(tx, [arrear.retryScheduledPaymentId]);
        if (!planned) throw new Error(`arrear ${arrear.id}: its retry ${arrear.retryScheduledPaymentId} is gone`);
        if (await tx.sepaCollection.count({ where: { scheduledPaymentId: planned.id } }))
          return { kind: 'debitPlanned', arrearId: arrear.id, dueDate: planned.dueDate };
        // Not in a bank file yet: on the mandate chosen now, and on a day still to come if its day went by unsent.
        const dueDate = planned.dueDate > parisDay(now) ? planned.dueDate : await firstFreeDay();
        await tx.scheduledPayment.update({ where: { id: planned.id }, data: { paymentMethodId: method.id, dueDate } });
        return { kind: 'debitPlanned', arrearId: arrear.id, dueDate };
      }
      const on = await firstFreeDay();
      await planRetry(tx, arrear, on, method.id);
      return { kind: 'debitPlanned', arrearId: arrear.id, dueDate: on };
    },
  );
  if (outcome.kind === 'byCard') return chargeCard(app, outcome.chargeId);
  if (outcome.kind === 'paid') app.outbox.kick();
  return outcome;
}

/** Runs the timeline every minute on each instance: each step is idempotent and guards its writes (the arrear's lock). */
export const startUnpaidTimeline = (app: PaymentsApp, everyMs = 60_000) =>
  every(app, 'unpaid timeline', everyMs, () => runUnpaidTimeline(app), { atStart: false });

const DAY_MS = 86_400_000;

/** Why a refused debit cannot be tried again: its reason rules it out, or a new attempt is already planned. */
export type NotRetryableReason = 'rejectionReason' | 'alreadyPlanned';

export type RetryOutcome =
  | { kind: 'scheduled'; arrearId: string; scheduledPaymentId: string; dueDate: Date }
  | { kind: 'arrearNotFound' }
  | { kind: 'notRetryable'; reason: NotRetryableReason }
  | { kind: 'invalidDate'; earliest: Date; latest: Date };

/**
 * A new direct-debit attempt on a date the customer chooses: from tomorrow until the day before cover would be
 * suspended (after that, only an immediate payment stops the timeline). The bank's answer comes back as for any debit.
 */
export async function retryDebit(
  app: PaymentsApp,
  customerId: string,
  arrearId: string,
  on: Date,
): Promise<RetryOutcome> {
  const now = app.clock.now();
  return app.prisma.$transaction(async (tx): Promise<RetryOutcome> => {
    await lockArrear(tx, arrearId);
    const arrear = await tx.arrear.findFirst({ where: { id: arrearId, customerId } });
    if (!arrear || arrear.paidAt || arrear.terminatedAt) return { kind: 'arrearNotFound' };
    if (!explainRejection(arrear.rejectionCode).canRetry) return { kind: 'notRetryable', reason: 'rejectionReason' };
    if (arrear.retryScheduledPaymentId) return { kind: 'notRetryable', reason: 'alreadyPlanned' };
    const tomorrow = addDays(parisDay(now), 1);
    const { suspensionAt } = unpaidTimeline(arrear.dueDate, arrear.noticeSentAt);
    const taken = await tx.scheduledPayment.count({ where: { policyId: arrear.policyId, dueDate: on } });
    // The last calendar day (a UTC midnight, as `Date` arguments arrive) strictly before the suspension.
    const latest = new Date(Math.ceil(suspensionAt.getTime() / DAY_MS) * DAY_MS - DAY_MS);
    if (on < tomorrow || on >= suspensionAt || taken) return { kind: 'invalidDate', earliest: tomorrow, latest };
    const retry = await planRetry(tx, arrear, on);
    return { kind: 'scheduled', arrearId: arrear.id, scheduledPaymentId: retry.id, dueDate: on };
  });
}

/**
 * A new debit of the arrear's amount on `on`, remembered as the arrear's retry (its settlement closes the arrear), on
 * the mandate the customer chose (null: the default one when the bank file is made).
 */
async function planRetry(tx: Tx, arrear: Arrear, on: Date, paymentMethodId: string | null = null) {
  const retry = await tx.scheduledPayment.create({
    data: {
      customerId: arrear.customerId,
      policyId: arrear.policyId,
      dueDate: on,
      amountCents: arrear.amountCents,
      paymentMethodId,
    },
  });
  await tx.arrear.update({ where: { id: arrear.id }, data: { retryScheduledPaymentId: retry.id } });
  return retry;
}

// Direct debits that went through. A bank reports only what it refuses (pain.002, camt.054 returns): a collection
// exported in a pain.008 file whose collection date is past (Paris calendar day) and that no return has named is
// money received. Its instalment becomes PAID and a SUCCEEDED payment is recorded under the collection's end-to-end
// id, dated on the collection date, and announced on the customer's stream (`instalmentCollected`); a collection that
// was a new attempt at an arrear closes that arrear as a card payment does. A return arriving later still goes through `recordRejection`, which turns that payment REJECTED.
// Settling twice, or from two instances at once, changes nothing more: the instalment's status is the guard and the
// payment's reference is unique.
import { Events, every } from '@abri/platform';
import { parisDay } from '@abri/platform/french';
import type { PaymentsApp } from '../context.ts';
import { lockArrear, markArrearPaid, type Tx } from './arrears.ts';

type Collection = NonNullable<Awaited<ReturnType<Tx['sepaCollection']['findUnique']>>>;

/** What one settlement run did: the end-to-end ids settled, and those of them that closed an arrear. */
export interface SettlementRun {
  settled: string[];
  arrearsClosed: string[];
}

/** Settles every collection due for it at the app's clock; returns what it did. */
export async function settleCollections(app: PaymentsApp): Promise<SettlementRun> {
  const today = parisDay(app.clock.now());
  const candidates = await app.prisma.sepaCollection.findMany({
    where: { settledAt: null, returnedAt: null, collectionDate: { lt: today } },
    orderBy: { collectionDate: 'asc' },
  });
  if (!candidates.length) return { settled: [], arrearsClosed: [] };
  const open = new Set(
    (
      await app.prisma.scheduledPayment.findMany({
        where: { id: { in: candidates.map((c) => c.scheduledPaymentId) }, status: 'PLANNED' },
        select: { id: true },
      })
    ).map((s) => s.id),
  );
  const run: SettlementRun = { settled: [], arrearsClosed: [] };
  for (const collection of candidates.filter((c) => open.has(c.scheduledPaymentId))) {
    const outcome = await app.prisma.$transaction((tx) => settleOne(app, tx, collection));
    if (outcome === 'skipped') continue;
    run.settled.push(collection.endToEndId);
    if (outcome === 'arrearClosed') run.arrearsClosed.push(collection.endToEndId);
  }
  if (run.settled.length) app.outbox.kick();
  return run;
}

async function settleOne(
  app: PaymentsApp,
  tx: Tx,
  collection: Collection,
): Promise<'skipped' | 'settled' | 'arrearClosed'> {
  // The retry of an arrear is locked first, in the order `payArrear` and `retryDebit` take it.
  const arrear = await tx.arrear.findFirst({ where: { retryScheduledPaymentId: collection.scheduledPaymentId } });
  if (arrear) await lockArrear(tx, arrear.id);
  // The guard: a concurrent run (or a return recorded meanwhile) has moved the instalment on, and this one stops.
  const { count } = await tx.scheduledPayment.updateMany({
    where: { id: collection.scheduledPaymentId, status: 'PLANNED' },
    data: { status: 'PAID' },
  });
  if (count === 0) return 'skipped';
  await tx.sepaCollection.update({
    where: { endToEndId: collection.endToEndId },
    data: { settledAt: app.clock.now() },
  });
  const current = arrear && (await tx.arrear.findUniqueOrThrow({ where: { id: arrear.id } }));
  if (current && !current.paidAt && !current.terminatedAt) {
    await markArrearPaid(
      app,
      tx,
      current,
      collection.paymentMethodId,
      app.clock.now(),
      collection.endToEndId,
      collection.collectionDate,
    );
    return 'arrearClosed';
  }
  if (current)
    // Paid another way, or terminated, before the bank collected: the money is recorded, staff refund it.
    app.log.error('direct debit collected on an arrear already closed', {
      arrearId: current.id,
      endToEndId: collection.endToEndId,
    });
  const instalment = await tx.scheduledPayment.findUniqueOrThrow({ where: { id: collection.scheduledPaymentId } });
  await tx.payment.create({
    data: {
      customerId: collection.customerId,
      policyId: instalment.policyId,
      amountCents: collection.amountCents,
      paidAt: collection.collectionDate,
      status: 'SUCCEEDED',
      reference: collection.endToEndId,
      paymentMethodId: collection.paymentMethodId,
    },
  });
  // Her devices learn it live (the schedule and the payments they show move on). A retry that closed its arrear was
  // told above as the arrear paid; one collected on an arrear already closed is told as what it is, money taken.
  await app.outbox.add(tx, Events.accountEvent, {
    customerId: collection.customerId,
    payload: {
      kind: 'instalmentCollected',
      policyId: instalment.policyId,
      scheduledPaymentId: instalment.id,
      amountCents: collection.amountCents,
      collectedOn: collection.collectionDate.toISOString().slice(0, 10),
    },
    at: app.clock.now(),
  });
  return 'settled';
}

/** Settles collections every minute on each instance, as the unpaid timeline runs (safe: see above). */
export const startSepaSettlement = (app: PaymentsApp, everyMs = 60_000) =>
  every(app, 'SEPA settlement', everyMs, () => settleCollections(app), { atStart: false });

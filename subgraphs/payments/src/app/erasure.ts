// Erasure (issue 15.5; the protocol is in platform/src/privacy/erasure.ts): a premium still owed prevents it. The
// accounting records (instalments, payments, rejections, payouts, the mandates and cards they were taken with, and
// the contract parties named on certificates) are kept 10 years after each was recorded (article L123-22 of the
// Code de commerce, the register's rule), then purged; instalments not yet due are cancelled and deleted, and a
// card's payment-provider token is deleted at once (nothing will be charged any more).
import {
  type ErasureBlocker,
  type ErasureParticipant,
  type ErasureSection,
  erasureRuleOf,
  erasureSection,
  latest,
  retainUntil,
} from '@abri/platform';
import { paymentsRegister } from '../../../../prisma/payments/personal-data.ts';
import type { PaymentsApp } from '../context.ts';

const rule = (category: 'schedule' | 'payments' | 'paymentMethods' | 'arrears') =>
  erasureRuleOf(paymentsRegister, category);

async function blockers(app: PaymentsApp, customerId: string): Promise<ErasureBlocker[]> {
  const owed = await app.prisma.arrear.findMany({ where: { customerId, paidAt: null }, select: { policyId: true } });
  const parties = await app.prisma.contractParty.findMany({
    where: { policyId: { in: owed.map((a) => a.policyId) } },
    select: { policyId: true, number: true },
  });
  const numbers = [...new Set(owed.map((a) => parties.find((p) => p.policyId === a.policyId)?.number ?? a.policyId))];
  return numbers.sort().map((reference) => ({ kind: 'ARREARS', reference }));
}

async function records(app: PaymentsApp, customerId: string) {
  const where = { customerId };
  const [schedule, payments, payouts, methods, arrears] = await Promise.all([
    app.prisma.scheduledPayment.findMany({ where, select: { id: true, dueDate: true, status: true } }),
    app.prisma.payment.findMany({ where, select: { id: true, paidAt: true } }),
    app.prisma.payout.findMany({ where, select: { id: true, recordedAt: true } }),
    app.prisma.paymentMethod.findMany({ where, select: { id: true, createdAt: true, removedAt: true } }),
    app.prisma.arrear.findMany({ where, select: { id: true, rejectedAt: true } }),
  ]);
  return { schedule, payments, payouts, methods, arrears };
}

/** The payments part of the erasure preview: the date of each category's last record starts its 10 years. */
export async function paymentsErasureSection(app: PaymentsApp, customerId: string): Promise<ErasureSection> {
  const r = await records(app, customerId);
  const now = app.clock.now();
  const held: Record<string, Date | null> = {};
  // Instalments not yet due are cancelled by the erasure: only those due are records.
  const due = r.schedule.filter((s) => s.status !== 'PLANNED');
  if (due.length) held['schedule'] = latest(due.map((s) => s.dueDate));
  if (r.payments.length || r.payouts.length)
    held['payments'] = latest([...r.payments.map((p) => p.paidAt), ...r.payouts.map((p) => p.recordedAt)]);
  // A method still in use is removed by the erasure: its 10 years start then.
  if (r.methods.length) held['paymentMethods'] = latest(r.methods.map((m) => m.removedAt ?? now));
  if (r.arrears.length) held['arrears'] = latest(r.arrears.map((a) => a.rejectedAt));
  return erasureSection(paymentsRegister, held, await blockers(app, customerId));
}

export const paymentsErasure = (app: PaymentsApp): ErasureParticipant => ({
  service: 'payments',
  blockers: (customerId) => blockers(app, customerId),
  async erase(customerId) {
    const now = app.clock.now();
    // Read before the transaction: on the embedded database it holds the only connection.
    const r = await records(app, customerId);
    await app.prisma.$transaction(
      async (tx) => {
        await tx.scheduledPayment.deleteMany({ where: { customerId, status: 'PLANNED' } });
        let last: Date | null = null;
        const stamp = (until: Date | null) => {
          last = latest([last, until]);
          return until;
        };
        for (const s of r.schedule.filter((s) => s.status !== 'PLANNED'))
          await tx.scheduledPayment.updateMany({
            where: { id: s.id, retainUntil: null },
            data: { retainUntil: stamp(retainUntil(rule('schedule'), s.dueDate)) },
          });
        for (const p of r.payments)
          await tx.payment.updateMany({
            where: { id: p.id, retainUntil: null },
            data: { retainUntil: stamp(retainUntil(rule('payments'), p.paidAt)) },
          });
        for (const p of r.payouts)
          await tx.payout.updateMany({
            where: { id: p.id, retainUntil: null },
            data: { retainUntil: stamp(retainUntil(rule('payments'), p.recordedAt)) },
          });
        for (const a of r.arrears)
          await tx.arrear.updateMany({
            where: { id: a.id, retainUntil: null },
            data: { retainUntil: stamp(retainUntil(rule('arrears'), a.rejectedAt)) },
          });
        for (const m of r.methods)
          await tx.paymentMethod.updateMany({
            where: { id: m.id, retainUntil: null },
            data: {
              isDefault: false,
              pspToken: null,
              cardExpiry: null,
              removedAt: m.removedAt ?? now,
              retainUntil: stamp(retainUntil(rule('paymentMethods'), m.removedAt ?? now)),
            },
          });
        // The parties named on certificates stay as long as the records they certify.
        await tx.contractParty.updateMany({
          where: { customerId, retainUntil: null },
          data: { retainUntil: last ?? now },
        });
      },
      { timeout: 60_000 },
    );
  },
  async purge() {
    const expired = { retainUntil: { lte: app.clock.now() } };
    const [arrears, payments, schedule, payouts, methods, parties] = await app.prisma.$transaction([
      app.prisma.arrear.deleteMany({ where: expired }),
      app.prisma.payment.deleteMany({ where: expired }),
      app.prisma.scheduledPayment.deleteMany({ where: expired }),
      app.prisma.payout.deleteMany({ where: expired }),
      // Payments made with a method, and instalments it was chosen for, keep it until they go (its row is
      // referenced): only unreferenced ones here.
      app.prisma.paymentMethod.deleteMany({ where: { ...expired, payments: { none: {} }, instalments: { none: {} } } }),
      app.prisma.contractParty.deleteMany({ where: expired }),
    ]);
    return {
      Arrear: arrears.count,
      Payment: payments.count,
      ScheduledPayment: schedule.count,
      Payout: payouts.count,
      PaymentMethod: methods.count,
      ContractParty: parties.count,
    };
  },
});

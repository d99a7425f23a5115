// The payments side of a contract change: the policies subgraph announces the new premium and the pro-rata amount;
// the schedule is reshaped once per event (a redelivered event changes nothing).
import { type EventOf, Events, firstTime } from '@abri/platform';
import type { PaymentsApp } from '../context.ts';
import { reschedule } from '../domain/reschedule.ts';

export async function applyPolicyChange(
  app: PaymentsApp,
  event: EventOf<typeof Events.policyChanged>,
): Promise<boolean> {
  const change = event.payload;
  return app.prisma.$transaction(async (tx) => {
    if (!(await firstTime(tx, 'payments', event.source, event.id))) return false;
    const planned = await tx.scheduledPayment.findMany({ where: { policyId: change.policyId, status: 'PLANNED' } });
    const updates = reschedule(planned, {
      effectiveFrom: new Date(`${change.effectiveFrom}T00:00:00Z`),
      periodEnd: new Date(`${change.periodEnd}T00:00:00Z`),
      proRataCents: change.proRataCents,
      newAnnualPremiumCents: change.annualPremiumCents,
      frequency: change.paymentFrequency ?? 'MONTHLY',
    });
    for (const u of updates)
      await tx.scheduledPayment.update({ where: { id: u.id }, data: { amountCents: u.amountCents } });
    return true;
  });
}

/**
 * Follows contract changes durably (every change, even one published while this service was down; a failure is
 * retried); returns what stops it.
 */
export async function listenForPolicyChanges(app: PaymentsApp): Promise<() => void> {
  return app.bus.consume(Events.policyChanged, 'payments-schedule', async (event) => {
    await applyPolicyChange(app, event);
  });
}

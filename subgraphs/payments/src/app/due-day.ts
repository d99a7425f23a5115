// Moving the monthly due day of a policy's schedule: shown first, then applied in one transaction.
import { Events } from '@abri/platform';
import type { PaymentsApp } from '../context.ts';
import { isDueDay, rescheduleDueDay } from '../domain/due-day.ts';

export type DueDayOutcome =
  | { kind: 'previewed' | 'applied'; nextDebitDate: Date | null; dueDates: Date[] }
  | { kind: 'invalidDay' }
  /** No schedule of this customer for that policy (someone else's policy looks the same as none). */
  | { kind: 'scheduleNotFound' };

/** The schedule of `policyId` with `day` as its due day; written only when `confirm`. */
export async function changeDueDay(
  app: PaymentsApp,
  customerId: string,
  policyId: string,
  day: number,
  confirm: boolean,
): Promise<DueDayOutcome> {
  if (!isDueDay(day)) return { kind: 'invalidDay' };
  const rows = await app.prisma.scheduledPayment.findMany({
    where: { customerId, policyId, status: { in: ['PLANNED', 'PAID'] } },
  });
  if (!rows.length) return { kind: 'scheduleNotFound' };
  const instalments = rows.map((r) => ({
    id: r.id,
    dueDate: r.dueDate,
    amountCents: r.amountCents,
    status: r.status as 'PLANNED' | 'PAID',
  }));
  const next = rescheduleDueDay(instalments, day, app.clock.now());
  if (confirm) {
    await app.prisma.$transaction(async (tx) => {
      // Two passes: move every date out of the way first, so the unique (policy, date) index never collides.
      for (const [i, r] of next.entries())
        await tx.scheduledPayment.update({
          where: { id: r.id },
          data: { dueDate: new Date(Date.UTC(1900, 0, 1 + i)) },
        });
      for (const r of next) await tx.scheduledPayment.update({ where: { id: r.id }, data: { dueDate: r.dueDate } });
      await app.outbox.add(tx, Events.scheduleChanged, {
        customerId,
        payload: { policyId, dueDay: day },
        at: app.clock.now(),
      });
    });
    app.outbox.kick();
  }
  return {
    kind: confirm ? 'applied' : 'previewed',
    nextDebitDate: next[0]?.dueDate ?? null,
    dueDates: next.map((r) => r.dueDate),
  };
}

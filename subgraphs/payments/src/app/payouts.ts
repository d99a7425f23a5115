// Paying an indemnity: claims asks by event; payments records one payout per claim (to the default account) and
// answers by event. The same request twice, or twice at once, pays once: the claim id is unique.
import { type EventOf, Events } from '@abri/platform';
import type { PaymentsApp } from '../context.ts';

export async function recordPayout(
  app: PaymentsApp,
  event: EventOf<typeof Events.payoutRequested>,
): Promise<{ payoutId: string; created: boolean }> {
  const request = event.payload;
  const customerId = event.customerId!;
  const now = app.clock.now();
  return app.prisma.$transaction(async (tx) => {
    // Serialise requests for one claim; the unique claim id then decides.
    await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `payout:${request.claimId}`);
    const existing = await tx.payout.findUnique({ where: { claimId: request.claimId } });
    if (existing) return { payoutId: existing.id, created: false };
    const method = await tx.paymentMethod.findFirst({
      where: { customerId, removedAt: null, kind: 'SEPA_DEBIT' },
      orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }],
    });
    const payout = await tx.payout.create({
      data: {
        claimId: request.claimId,
        claimReference: request.reference,
        customerId,
        amountCents: request.amountCents,
        paymentMethodId: method?.id ?? null,
        recordedAt: now,
      },
    });
    await app.outbox.add(tx, Events.payoutRecorded, {
      customerId,
      payload: { claimId: request.claimId, payoutId: payout.id, amountCents: payout.amountCents },
      at: now,
    });
    return { payoutId: payout.id, created: true };
  });
}

export const followPayoutRequests = (app: PaymentsApp) =>
  app.bus.consume(Events.payoutRequested, 'payments-payouts', async (event) => {
    if ((await recordPayout(app, event)).created) app.outbox.kick();
  });

// Giving and withdrawing consents: appended to the history with the time and the device, announced to the customer's
// other devices, and read by the message queue before anything that needs one is sent.
import type { ConsentPurpose, Prisma } from '../../../../prisma/users/generated/prisma/client.ts';
import { type ConsentState, consentStates } from '../domain/consents.ts';
import type { UsersApp } from './index.ts';
import { announceProfileChange } from './profile.ts';

type Reader = Pick<Prisma.TransactionClient, 'consentChange'>;

/** Whether the customer's current answer for `purpose` is yes (no answer is no). */
export async function hasConsent(db: Reader, customerId: string, purpose: ConsentPurpose): Promise<boolean> {
  const last = await db.consentChange.findFirst({
    where: { customerId, purpose },
    orderBy: { seq: 'desc' },
    select: { given: true },
  });
  return last?.given ?? false;
}

export async function consentsOf(app: UsersApp, customerId: string): Promise<ConsentState[]> {
  const changes = await app.prisma.consentChange.findMany({
    where: { customerId },
    select: { purpose: true, given: true, at: true, device: true, seq: true },
  });
  return consentStates(changes);
}

export type SetConsentOutcome = { kind: 'set'; consent: ConsentState } | { kind: 'phoneRequired' };

/**
 * Records the answer when it differs from the current one (the same answer twice is one change), then pushes
 * `profileChanged` with `consents` to the customer's devices.
 */
export async function setConsent(
  app: UsersApp,
  customerId: string,
  purpose: ConsentPurpose,
  given: boolean,
  origin: { device: string | null; sessionId: string | null },
): Promise<SetConsentOutcome> {
  const now = app.clock.now();
  const result = await app.prisma.$transaction(async (tx) => {
    // One writer at a time per customer, so two devices answering together leave a history in order.
    await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `consents:${customerId}`);
    if (given && purpose === 'SIGN_IN_ALERT_SMS') {
      const { phoneEncrypted } = await tx.customer.findUniqueOrThrow({
        where: { id: customerId },
        select: { phoneEncrypted: true },
      });
      if (!phoneEncrypted) return 'phoneRequired' as const;
    }
    if ((await hasConsent(tx, customerId, purpose)) === given) return 'unchanged' as const;
    await tx.consentChange.create({
      data: { customerId, purpose, given, at: now, device: origin.device, sessionId: origin.sessionId },
    });
    await announceProfileChange(app, tx, customerId, ['consents'], now);
    return 'changed' as const;
  });
  if (result === 'phoneRequired') return { kind: 'phoneRequired' };
  if (result === 'changed') app.outbox.kick();
  const consent = (await consentsOf(app, customerId)).find((c) => c.purpose === purpose)!;
  return { kind: 'set', consent };
}

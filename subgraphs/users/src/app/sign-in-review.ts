// The customer's word on a sign-in of their history: « c'est moi » (it stops counting against the security score) or
// « ce n'était pas moi », which does what the alert e-mail's link does: ends that sign-in's session (or every
// session), blocks the password until it is reset, and tells the customer by e-mail.
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';
import { noteSecurityChange } from './security-score.ts';
import { revokeSessions } from './sessions.ts';

export type ReviewOutcome =
  | { kind: 'reviewed'; signInId: string; endedSessions: number }
  /** No successful sign-in of this customer with that id (another customer's answers the same). */
  | { kind: 'notFound' };

const ownSignIn = (app: UsersApp, customerId: string, signInId: string) =>
  app.prisma.signInEvent.findFirst({ where: { id: signInId, customerId, outcome: 'SUCCESS' } });

/** « C'est moi »: the sign-in is acknowledged. Saying so again changes nothing; a reported one stays reported. */
export async function acknowledgeSignIn(app: UsersApp, customerId: string, signInId: string): Promise<ReviewOutcome> {
  const event = await ownSignIn(app, customerId, signInId);
  if (!event) return { kind: 'notFound' };
  await app.prisma.signInEvent.updateMany({
    where: { id: event.id, review: null },
    data: { review: 'ACKNOWLEDGED', reviewedAt: app.clock.now() },
  });
  await noteSecurityChange(app, customerId);
  return { kind: 'reviewed', signInId: event.id, endedSessions: 0 };
}

/**
 * « Ce n'était pas moi »: ends the sign-in's session (every session of the account with `everywhere`, this one
 * included) and blocks the password until a reset, whoever knows it.
 */
export async function reportSignIn(
  app: UsersApp,
  customerId: string,
  signInId: string,
  everywhere: boolean,
): Promise<ReviewOutcome> {
  const event = await ownSignIn(app, customerId, signInId);
  if (!event) return { kind: 'notFound' };
  const now = app.clock.now();
  await app.prisma.$transaction(async (tx) => {
    await tx.signInEvent.update({ where: { id: event.id }, data: { review: 'REPORTED', reviewedAt: now } });
    const customer = await tx.customer.update({ where: { id: customerId }, data: { passwordResetRequired: true } });
    await queueMessage(app, tx, customer.email, templates.signInReported(customer.firstName, event.at, now));
  });
  app.kickMessages();
  const ids = everywhere
    ? (await app.prisma.session.findMany({ where: { customerId, revokedAt: null }, select: { id: true } })).map(
        (s) => s.id,
      )
    : event.sessionId
      ? [event.sessionId]
      : [];
  const endedSessions = ids.length ? await revokeSessions(app, { ids }, 'reported as not the customer') : 0;
  await noteSecurityChange(app, customerId);
  return { kind: 'reviewed', signInId: event.id, endedSessions };
}

/** The alert link was followed: the sign-ins of that session are reported in the history too. */
export async function markReported(app: UsersApp, customerId: string, sessionId: string): Promise<void> {
  await app.prisma.signInEvent.updateMany({
    where: { customerId, sessionId },
    data: { review: 'REPORTED', reviewedAt: app.clock.now() },
  });
}

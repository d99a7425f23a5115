// "This was not me": the alert link ends the session it is about and blocks the password until it is reset.
import type { UsersApp } from './index.ts';
import { findLinkToken, useToken } from './one-time-tokens.ts';
import { revokeSessions } from './sessions.ts';
import { markReported } from './sign-in-review.ts';

export async function reportUnrecognisedSignIn(app: UsersApp, token: string): Promise<boolean> {
  const row = await findLinkToken(app, 'SIGN_IN_ALERT', token);
  if (!row) return false;
  const done = await app.prisma.$transaction(async (tx) => {
    if (!(await useToken(app, tx, row.id))) return false;
    await tx.customer.update({
      where: { id: row.customerId },
      data: { passwordResetRequired: true },
    });
    return true;
  });
  if (!done) return false;
  if (row.sessionId) await markReported(app, row.customerId, row.sessionId);
  // An alert about a change made elsewhere (a payment method) names no session: every open one ends.
  const ids = row.sessionId
    ? [row.sessionId]
    : (
        await app.prisma.session.findMany({
          where: { customerId: row.customerId, revokedAt: null },
          select: { id: true },
        })
      ).map((s) => s.id);
  await revokeSessions(app, { ids }, 'reported as not the customer');
  return true;
}

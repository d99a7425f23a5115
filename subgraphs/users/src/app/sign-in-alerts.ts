// "This was not me": the alert link ends the session it is about and blocks the password until it is reset.
import type { UsersApp } from './index.ts';
import { findLinkToken, useToken } from './one-time-tokens.ts';
import { revokeSessions } from './sessions.ts';

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
  if (done && row.sessionId) await revokeSessions(app, { ids: [row.sessionId] }, 'reported as not the customer');
  return done;
}

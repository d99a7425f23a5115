// Step-up before a sensitive change: a stolen session alone once sufficed to change the phone that SMS resets go to,
// or to replace the second factor, and tell nobody. A change of phone, second factor or bank details now needs a
// password proven in the last minutes (`confirmIdentity`, or the sign-in itself), and each change is announced to the
// customer's known contacts (e-mail, and an SMS to the phone it replaces) with a "this was not me" link that ends the
// session that made it and blocks the password until a reset.
import { decryptField } from '@abri/platform';
import type { Prisma } from '../../../../prisma/users/generated/prisma/client.ts';
import { verifyPassword } from '../domain/password.ts';
import { queueMessage } from '../messaging/dispatcher.ts';
import { type SecurityChange, templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';
import { issueLinkToken } from './one-time-tokens.ts';
import { phoneContext } from './profile.ts';
import { issueAccessToken } from './sessions.ts';

export type ConfirmIdentityOutcome =
  | { kind: 'confirmed'; accessToken: string; expiresAt: Date }
  | { kind: 'wrongPassword' };

/** Proves the password again for this session: the access token returned may make sensitive changes for 5 minutes. */
export async function confirmIdentity(
  app: UsersApp,
  customerId: string,
  sessionId: string,
  password: string,
): Promise<ConfirmIdentityOutcome> {
  const credential = await app.prisma.credential.findFirst({ where: { customerId }, orderBy: { seq: 'desc' } });
  if (!credential || !(await verifyPassword(credential.passwordHash, password))) return { kind: 'wrongPassword' };
  const now = app.clock.now();
  const updated = await app.prisma.session.updateMany({
    where: { id: sessionId, customerId, revokedAt: null },
    data: { authenticatedAt: now },
  });
  if (!updated.count) return { kind: 'wrongPassword' };
  const access = await issueAccessToken(app, { kind: 'customer', id: customerId }, sessionId, now);
  return { kind: 'confirmed', accessToken: access.token, expiresAt: access.expiresAt };
}

/**
 * Tells the customer of a change, in the change's transaction: by e-mail, and by SMS to `previousPhone` when the
 * phone itself changed (the new number may be the attacker's).
 */
export async function announceSecurityChange(
  app: UsersApp,
  tx: Prisma.TransactionClient,
  customerId: string,
  sessionId: string,
  change: SecurityChange,
  previousPhoneEncrypted: string | null = null,
): Promise<void> {
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
  const token = await issueLinkToken(app, tx, 'SIGN_IN_ALERT', customerId, sessionId);
  const link = `${app.config.publicUrl}/securite/ce-n-etait-pas-moi?jeton=${token}`;
  const at = app.clock.now();
  await queueMessage(app, tx, customer.email, templates.securityChange(customer.firstName, change, at, link));
  if (previousPhoneEncrypted) {
    const previous = decryptField(app.keyring, previousPhoneEncrypted, phoneContext(customerId));
    await queueMessage(app, tx, previous, templates.securityChangeSms(change));
  }
}

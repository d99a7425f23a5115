// A new e-mail address or phone number is confirmed by a code sent to it before it is used. A stolen session once
// sufficed to point SMS resets at another number; now the e-mail change needs a fresh password (step-up) and a code
// from the new address, and a new phone receives recovery codes and alerts only once its own code comes back (until
// then they go to the previous confirmed number, or nowhere). The old address is told, with a « ce n'était pas moi »
// link; every device of the customer sees the change (`profileChanged`). Asking for an address another account uses
// answers exactly as for a free one, and that address's owner is told instead: nobody learns who is a customer.
import { decryptField, encryptField, sha256 } from '@abri/platform';
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';
import { checkSmsCode, issueCode, useToken } from './one-time-tokens.ts';
import { announceProfileChange, phoneContext, type Requester } from './profile.ts';
import { RECOVERY_CAPS, takeSend } from './recovery.ts';
import { noteSecurityChange } from './security-score.ts';
import { announceSecurityChange } from './step-up.ts';

export const pendingEmailContext = (customerId: string) => `customer:${customerId}:pending-email`;
export const pendingPhoneContext = (customerId: string) => `customer:${customerId}:pending-phone`;

/** A plausible address: one @, a dotted domain, no spaces, 254 characters at most (RFC 5321). */
export function normaliseEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && /^[^\s@"<>()[\]\\,;:]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(email) ? email : null;
}

export type EmailChangeRequestOutcome =
  | { kind: 'requested'; expiresAt: Date }
  | { kind: 'invalid'; reason: 'format' | 'same' }
  | { kind: 'reauthenticationRequired' };

export async function requestEmailChange(
  app: UsersApp,
  customerId: string,
  newEmail: string,
  by: Requester,
): Promise<EmailChangeRequestOutcome> {
  if (!by.recentlyAuthenticated) return { kind: 'reauthenticationRequired' };
  const email = normaliseEmail(newEmail);
  if (!email) return { kind: 'invalid', reason: 'format' };
  const customer = await app.prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
  if (customer.email === email) return { kind: 'invalid', reason: 'same' };
  // The answer is the same whatever happens next (sent, capped, or the address taken): it reveals nothing.
  const expiresAt = new Date(app.clock.now().getTime() + 15 * 60_000);
  const { emailChangeCodesPerHour, emailChangeCodesPerDay } = RECOVERY_CAPS;
  if (!(await takeSend(app, 'email-change-codes', customerId, emailChangeCodesPerHour, emailChangeCodesPerDay)))
    return { kind: 'requested', expiresAt };
  await app.prisma.$transaction(async (tx) => {
    const owner = await tx.customer.findFirst({ where: { email }, select: { id: true, firstName: true } });
    if (owner) {
      // One notice per address and hour, so nobody can flood a stranger's mailbox from their own account.
      if ((await app.limiter.hit(`email-in-use:${sha256(email)}`, { windowMs: 3_600_000 })) <= 1)
        await queueMessage(app, tx, email, templates.emailAlreadyUsed(owner.firstName));
      return;
    }
    const { code } = await issueCode(
      app,
      tx,
      customerId,
      'EMAIL_CHANGE',
      encryptField(app.keyring, email, pendingEmailContext(customerId)),
    );
    await queueMessage(app, tx, email, templates.emailChangeCode(customer.firstName, code));
  });
  app.kickMessages();
  return { kind: 'requested', expiresAt };
}

export type ConfirmContactOutcome = { kind: 'confirmed' } | { kind: 'invalidCode' };

/** The code sent to the new address: 15 minutes, 5 tries, once; then the address is the account's. */
export async function confirmEmailChange(
  app: UsersApp,
  customerId: string,
  code: string,
  by: Pick<Requester, 'sessionId'>,
): Promise<ConfirmContactOutcome> {
  const check = await checkSmsCode(app, customerId, code, 'EMAIL_CHANGE');
  if (!check.ok || !check.valueEncrypted) return { kind: 'invalidCode' };
  const email = decryptField(app.keyring, check.valueEncrypted, pendingEmailContext(customerId));
  const now = app.clock.now();
  const done = await app.prisma.$transaction(async (tx) => {
    if (!(await useToken(app, tx, check.tokenId))) return false;
    // Taken by another account since the code was sent: the code no longer confirms anything.
    if (await tx.customer.findFirst({ where: { email }, select: { id: true } })) return false;
    const current = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
    // Told at the address it replaces (read before the change), and by SMS to the confirmed number.
    await announceSecurityChange(app, tx, customerId, by.sessionId, 'email', current.recoveryPhoneEncrypted);
    await tx.customer.update({ where: { id: customerId }, data: { email, emailVerifiedAt: now } });
    await announceProfileChange(app, tx, customerId, ['email'], now);
    return true;
  });
  if (!done) return { kind: 'invalidCode' };
  await noteSecurityChange(app, customerId);
  app.outbox.kick();
  app.kickMessages();
  return { kind: 'confirmed' };
}

/**
 * Sends a code to a number just set on the profile (in the profile change's transaction). Capped like the other SMS
 * codes; false when the cap held it back.
 */
export async function sendPhoneCode(
  app: UsersApp,
  tx: Parameters<Parameters<UsersApp['prisma']['$transaction']>[0]>[0],
  customerId: string,
  phone: string,
): Promise<boolean> {
  const { phoneCodesPerHour, phoneCodesPerDay } = RECOVERY_CAPS;
  if (!(await takeSend(app, 'phone-codes', customerId, phoneCodesPerHour, phoneCodesPerDay))) return false;
  const { code } = await issueCode(
    app,
    tx,
    customerId,
    'PHONE_CONFIRMATION',
    encryptField(app.keyring, phone, pendingPhoneContext(customerId)),
  );
  return queueMessage(app, tx, phone, templates.phoneConfirmationCode(code));
}

/** The code sent to the profile's new number: from then on, recovery codes and SMS alerts go to it. */
export async function confirmPhone(app: UsersApp, customerId: string, code: string): Promise<ConfirmContactOutcome> {
  const check = await checkSmsCode(app, customerId, code, 'PHONE_CONFIRMATION');
  if (!check.ok || !check.valueEncrypted) return { kind: 'invalidCode' };
  const phone = decryptField(app.keyring, check.valueEncrypted, pendingPhoneContext(customerId));
  const now = app.clock.now();
  const done = await app.prisma.$transaction(async (tx) => {
    if (!(await useToken(app, tx, check.tokenId))) return false;
    const current = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
    // The profile's number changed again since this code was sent: it confirms nothing.
    if (
      !current.phoneEncrypted ||
      decryptField(app.keyring, current.phoneEncrypted, phoneContext(customerId)) !== phone
    )
      return false;
    await tx.customer.update({
      where: { id: customerId },
      data: { recoveryPhoneEncrypted: current.phoneEncrypted, phoneVerifiedAt: now },
    });
    await announceProfileChange(app, tx, customerId, ['phoneConfirmed'], now);
    return true;
  });
  if (!done) return { kind: 'invalidCode' };
  await noteSecurityChange(app, customerId);
  app.outbox.kick();
  return { kind: 'confirmed' };
}

// Setting a password: the policy, the last five refused, every reset link ended, and (for changes and resets) every
// other session revoked at once.

import { hashPassword, verifyPassword } from '../domain/password.ts';
import { checkPasswordPolicy, type PasswordRule } from '../domain/password-policy.ts';
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';
import { endTokens } from './one-time-tokens.ts';
import { noteSecurityChange } from './security-score.ts';
import { revokeSessions } from './sessions.ts';

/** The last five passwords (the current one included) cannot be chosen again. */
export const PASSWORD_HISTORY = 5;

export type PasswordFailure = PasswordRule | 'REUSED';

/** Why `password` cannot be this customer's new password (empty when it can), and its strength. */
export async function vetNewPassword(app: UsersApp, customerId: string, password: string) {
  const customer = await app.prisma.customer.findUniqueOrThrow({
    where: { id: customerId },
    include: {
      logins: true,
      credentials: { orderBy: { seq: 'desc' }, take: PASSWORD_HISTORY },
    },
  });
  const policy = checkPasswordPolicy(password, {
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    contractNumber: customer.logins[0]?.contractNumber ?? null,
  });
  const failures: PasswordFailure[] = policy.ok ? [] : [...policy.failures];
  if (policy.ok) {
    for (const old of customer.credentials) {
      if (await verifyPassword(old.passwordHash, password)) {
        failures.push('REUSED');
        break;
      }
    }
  }
  return { failures, strength: policy.strength, customer };
}

/**
 * Stores a new password (already vetted) and ends what the old one allowed: reset links and codes, a required
 * reset, a lock, and every session but `keepSessionId`.
 */
export async function storePassword(
  app: UsersApp,
  customerId: string,
  password: string,
  strength: number,
  keepSessionId: string | null,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  const now = app.clock.now();
  const customer = await app.prisma.$transaction(async (tx) => {
    await tx.credential.create({
      data: { customerId, passwordHash, strength, createdAt: now },
    });
    await endTokens(app, tx, customerId, ['PASSWORD_RESET', 'SMS_RESET']);
    const updated = await tx.customer.update({
      where: { id: customerId },
      data: {
        passwordResetRequired: false,
        failedLogins: 0,
        lockedUntil: null,
      },
    });
    await queueMessage(app, tx, updated.email, templates.passwordChanged(updated.firstName, now));
    return updated;
  });
  const others = await app.prisma.session.findMany({
    where: {
      customerId: customer.id,
      revokedAt: null,
      ...(keepSessionId ? { id: { not: keepSessionId } } : {}),
    },
    select: { id: true },
  });
  await revokeSessions(app, { ids: others.map((s) => s.id) }, 'password changed');
  await noteSecurityChange(app, customerId);
  app.kickMessages();
}

export type ChangePasswordOutcome =
  | { kind: 'changed' }
  | { kind: 'wrongPassword' }
  | { kind: 'rejected'; failures: PasswordFailure[] };

export async function changePassword(
  app: UsersApp,
  customerId: string,
  sessionId: string,
  current: string,
  next: string,
): Promise<ChangePasswordOutcome> {
  const credential = await app.prisma.credential.findFirst({
    where: { customerId },
    orderBy: { seq: 'desc' },
  });
  if (!credential || !(await verifyPassword(credential.passwordHash, current))) return { kind: 'wrongPassword' };
  const { failures, strength } = await vetNewPassword(app, customerId, next);
  if (failures.length) return { kind: 'rejected', failures };
  await storePassword(app, customerId, next, strength, sessionId);
  return { kind: 'changed' };
}

// The second factor by SMS, for customers without an authenticator app: at each sign-in a 6-digit code is texted to
// the confirmed phone (never to a number still awaiting its own code). The code belongs to its sign-in attempt
// (stored hashed with the challenge's id), lives as long as the challenge (5 minutes), dies after 5 wrong tries with
// it and works once. Choosing SMS needs a fresh password (step-up) and, when an app is the second factor, a code from
// it: whoever holds only a session cannot replace a factor. Every switch is announced like the other security changes.

import { randomInt } from 'node:crypto';
import { decryptField, Events, safeEqual, sha256 } from '@abri/platform';
import { checkTotp, totpContext } from '../domain/totp.ts';
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';
import { phoneContext } from './profile.ts';
import { RECOVERY_CAPS, takeSend } from './recovery.ts';
import { replaceRecoveryCodes, useRecoveryCode } from './recovery-codes.ts';
import { noteSecurityChange } from './security-score.ts';
import { announceSecurityChange } from './step-up.ts';

export type ChooseSmsOutcome =
  | { kind: 'chosen'; recoveryCodes: string[] }
  | { kind: 'reauthenticationRequired' }
  /** No confirmed phone: SMS codes would go nowhere, or to a number nobody proved. */
  | { kind: 'phoneNotConfirmed' }
  /** An app is the second factor and its code (or a recovery code) was missing or wrong. */
  | { kind: 'invalidCode' }
  | { kind: 'alreadyChosen' };

export async function chooseSmsSecondFactor(
  app: UsersApp,
  customerId: string,
  sessionId: string,
  recentlyAuthenticated: boolean,
  currentCode: string | null,
): Promise<ChooseSmsOutcome> {
  if (!recentlyAuthenticated) return { kind: 'reauthenticationRequired' };
  const customer = await app.prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
  if (customer.smsTwoFactorEnabledAt && !customer.totpEnabledAt) return { kind: 'alreadyChosen' };
  if (!customer.recoveryPhoneEncrypted || !customer.phoneVerifiedAt) return { kind: 'phoneNotConfirmed' };
  if (customer.totpSecretEncrypted) {
    if (!currentCode) return { kind: 'invalidCode' };
    const secret = decryptField(app.keyring, customer.totpSecretEncrypted, totpContext('customer', customerId));
    const step = await checkTotp(secret, currentCode, app.clock.now(), customer.totpLastStep);
    if (step === null && !(await useRecoveryCode(app, customerId, currentCode))) return { kind: 'invalidCode' };
  }
  const recoveryCodes = await app.prisma.$transaction(async (tx) => {
    await tx.customer.update({
      where: { id: customerId },
      data: {
        smsTwoFactorEnabledAt: app.clock.now(),
        totpSecretEncrypted: null,
        totpPendingSecretEncrypted: null,
        totpEnabledAt: null,
        totpLastStep: null,
      },
    });
    // Told by e-mail and by SMS to the phone that will receive the codes.
    await announceSecurityChange(app, tx, customerId, sessionId, 'twoFactorSms', customer.recoveryPhoneEncrypted);
    await app.outbox.add(tx, Events.secondFactorChanged, { customerId, payload: { enabled: true, method: 'SMS' } });
    return replaceRecoveryCodes(tx, customerId);
  });
  app.kickMessages();
  app.outbox.kick();
  await noteSecurityChange(app, customerId);
  return { kind: 'chosen', recoveryCodes };
}

/**
 * Texts the sign-in code of a challenge just opened. Over the per-account cap nothing is sent (a recovery code still
 * completes the sign-in); the answer to the sign-in is the same either way.
 */
export async function textSignInCode(app: UsersApp, customerId: string, challengeId: string): Promise<void> {
  const customer = await app.prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
  if (!customer.recoveryPhoneEncrypted) return;
  const { signInCodesPerHour, signInCodesPerDay } = RECOVERY_CAPS;
  if (!(await takeSend(app, 'sign-in-codes', customerId, signInCodesPerHour, signInCodesPerDay))) return;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const phone = decryptField(app.keyring, customer.recoveryPhoneEncrypted, phoneContext(customerId));
  await app.prisma.$transaction(async (tx) => {
    await tx.twoFactorChallenge.update({
      where: { id: challengeId },
      data: { codeHash: sha256(`${challengeId}:${code}`) },
    });
    await queueMessage(app, tx, phone, templates.signInCode(code));
  });
  app.kickMessages();
}

/** Whether `code` is the one texted for this challenge (the caller has already taken one of its tries). */
export const isSignInCode = (challenge: { id: string; codeHash: string | null }, code: string): boolean =>
  challenge.codeHash !== null &&
  /^\d{6}$/.test(code) &&
  safeEqual(sha256(`${challenge.id}:${code}`), challenge.codeHash);

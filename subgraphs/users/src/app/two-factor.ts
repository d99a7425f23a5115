// Customer two-factor: enrol (secret shown as otpauth URI and QR code), confirm with a first code (recovery codes
// given once), disable with the password and a code.
import { decryptField, Events, encryptField } from '@abri/platform';
import { generateSecret, generateURI } from 'otplib';
import qrcode from 'qrcode';
import { verifyPassword } from '../domain/password.ts';
import { checkTotp, totpContext } from '../domain/totp.ts';
import type { UsersApp } from './index.ts';
import { replaceRecoveryCodes, useRecoveryCode } from './recovery-codes.ts';
import { noteSecurityChange } from './security-score.ts';
import { announceSecurityChange } from './step-up.ts';

const secretContext = (customerId: string) => totpContext('customer', customerId);

export type StartEnrolmentOutcome =
  | { kind: 'started'; secret: string; uri: string; qrCodeDataUrl: string }
  /** Enrolling binds the account to a device: only after a recent proof of the password (see step-up.ts). */
  | { kind: 'reauthenticationRequired' }
  /** A second factor is on: it is turned off first, with the password and a current code (or a recovery code). */
  | { kind: 'alreadyEnabled' };

export async function startEnrolment(
  app: UsersApp,
  customerId: string,
  recentlyAuthenticated: boolean,
): Promise<StartEnrolmentOutcome> {
  if (!recentlyAuthenticated) return { kind: 'reauthenticationRequired' };
  const customer = await app.prisma.customer.findUniqueOrThrow({
    where: { id: customerId },
    include: { logins: true },
  });
  if (customer.totpEnabledAt) return { kind: 'alreadyEnabled' };
  const secret = generateSecret({ length: 20 });
  await app.prisma.customer.update({
    where: { id: customerId },
    data: {
      totpPendingSecretEncrypted: encryptField(app.keyring, secret, secretContext(customerId)),
    },
  });
  const uri = generateURI({
    issuer: 'Abri',
    label: customer.logins[0]?.contractNumber ?? customer.email,
    secret,
  });
  return {
    kind: 'started',
    secret,
    uri,
    qrCodeDataUrl: await qrcode.toDataURL(uri, {
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 240,
    }),
  };
}

export async function confirmEnrolment(
  app: UsersApp,
  customerId: string,
  sessionId: string,
  code: string,
): Promise<string[] | null> {
  const customer = await app.prisma.customer.findUniqueOrThrow({
    where: { id: customerId },
  });
  if (!customer.totpPendingSecretEncrypted) return null;
  const secret = decryptField(app.keyring, customer.totpPendingSecretEncrypted, secretContext(customerId));
  const step = await checkTotp(secret, code, app.clock.now(), null);
  if (step === null) return null;
  const codes = await app.prisma.$transaction(async (tx) => {
    await tx.customer.update({
      where: { id: customerId },
      data: {
        totpSecretEncrypted: customer.totpPendingSecretEncrypted,
        totpPendingSecretEncrypted: null,
        totpEnabledAt: app.clock.now(),
        totpLastStep: step,
        // An app replaces SMS codes as the second factor.
        smsTwoFactorEnabledAt: null,
      },
    });
    await announceSecurityChange(app, tx, customerId, sessionId, 'twoFactorOn');
    await app.outbox.add(tx, Events.secondFactorChanged, { customerId, payload: { enabled: true } });
    return replaceRecoveryCodes(tx, customerId);
  });
  app.kickMessages();
  app.outbox.kick();
  await noteSecurityChange(app, customerId);
  return codes;
}

export async function disableTwoFactor(
  app: UsersApp,
  customerId: string,
  sessionId: string,
  password: string,
  code: string,
): Promise<boolean> {
  const customer = await app.prisma.customer.findUniqueOrThrow({
    where: { id: customerId },
    include: { credentials: { orderBy: { seq: 'desc' }, take: 1 } },
  });
  if ((!customer.totpSecretEncrypted && !customer.smsTwoFactorEnabledAt) || !customer.credentials[0]) return false;
  if (!(await verifyPassword(customer.credentials[0].passwordHash, password))) return false;
  // With an app: its current code or a recovery code. With SMS: a recovery code (no code is texted outside a sign-in).
  const step = customer.totpSecretEncrypted
    ? await checkTotp(
        decryptField(app.keyring, customer.totpSecretEncrypted, secretContext(customerId)),
        code,
        app.clock.now(),
        customer.totpLastStep,
      )
    : null;
  if (step === null && !(await useRecoveryCode(app, customerId, code))) return false;
  await app.prisma.$transaction(async (tx) => {
    await tx.customer.update({
      where: { id: customerId },
      data: {
        totpSecretEncrypted: null,
        totpEnabledAt: null,
        totpLastStep: null,
        smsTwoFactorEnabledAt: null,
      },
    });
    await tx.recoveryCode.deleteMany({ where: { customerId } });
    await announceSecurityChange(app, tx, customerId, sessionId, 'twoFactorOff');
    await app.outbox.add(tx, Events.secondFactorChanged, { customerId, payload: { enabled: false } });
  });
  app.kickMessages();
  app.outbox.kick();
  await noteSecurityChange(app, customerId);
  return true;
}

// Customer two-factor: enrol (secret shown as otpauth URI and QR code), confirm with a first code (recovery codes
// given once), disable with the password and a code.
import { decryptField, encryptField } from '@abri/platform';
import { generateSecret, generateURI } from 'otplib';
import qrcode from 'qrcode';
import { verifyPassword } from '../domain/password.ts';
import { checkTotp, totpContext } from '../domain/totp.ts';
import { Topics, type UsersApp } from './index.ts';
import { replaceRecoveryCodes, useRecoveryCode } from './recovery-codes.ts';

const secretContext = (customerId: string) => totpContext('customer', customerId);

export async function startEnrolment(app: UsersApp, customerId: string) {
  const customer = await app.prisma.customer.findUniqueOrThrow({
    where: { id: customerId },
    include: { logins: true },
  });
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
    secret,
    uri,
    qrCodeDataUrl: await qrcode.toDataURL(uri, {
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 240,
    }),
  };
}

export async function confirmEnrolment(app: UsersApp, customerId: string, code: string): Promise<string[] | null> {
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
      },
    });
    await app.outbox.add(tx, { topic: Topics.secondFactorChanged, customerId, payload: { enabled: true } });
    return replaceRecoveryCodes(tx, customerId);
  });
  app.outbox.kick();
  return codes;
}

export async function disableTwoFactor(
  app: UsersApp,
  customerId: string,
  password: string,
  code: string,
): Promise<boolean> {
  const customer = await app.prisma.customer.findUniqueOrThrow({
    where: { id: customerId },
    include: { credentials: { orderBy: { seq: 'desc' }, take: 1 } },
  });
  if (!customer.totpSecretEncrypted || !customer.credentials[0]) return false;
  if (!(await verifyPassword(customer.credentials[0].passwordHash, password))) return false;
  const secret = decryptField(app.keyring, customer.totpSecretEncrypted, secretContext(customerId));
  const step = await checkTotp(secret, code, app.clock.now(), customer.totpLastStep);
  if (step === null && !(await useRecoveryCode(app, customerId, code))) return false;
  await app.prisma.$transaction(async (tx) => {
    await tx.customer.update({
      where: { id: customerId },
      data: {
        totpSecretEncrypted: null,
        totpEnabledAt: null,
        totpLastStep: null,
      },
    });
    await tx.recoveryCode.deleteMany({ where: { customerId } });
    await app.outbox.add(tx, { topic: Topics.secondFactorChanged, customerId, payload: { enabled: false } });
  });
  app.outbox.kick();
  return true;
}

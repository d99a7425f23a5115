// Forgotten password: by e-mailed link (24 h) or SMS code (10 min, 5 tries). The requests answer at once and the
// same way whether or not the account exists; the work happens after the answer, so timing tells nothing either.
import { decryptField } from '@abri/platform';
import { isContractNumber } from '../domain/contract-number.ts';
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';
import { later } from './later.ts';
import { checkSmsCode, findLinkToken, issueLinkToken, issueSmsCode, useToken } from './one-time-tokens.ts';
import { type PasswordFailure, storePassword, vetNewPassword } from './passwords.ts';
import { phoneContext } from './profile.ts';

const activeCustomerOf = async (app: UsersApp, contractNumber: string) => {
  if (!isContractNumber(contractNumber)) return null;
  const login = await app.prisma.contractLogin.findUnique({
    where: { contractNumber },
    include: { customer: true },
  });
  return login?.customer.status === 'ACTIVE' ? login.customer : null;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * What one customer can be sent, whoever asks and from however many addresses (the gateway also limits requests
 * per contract number and address): past it, requests are answered as always and nothing is sent.
 */
export const RECOVERY_CAPS = {
  /** Reset e-mails per customer per hour and per day. */
  resetMailsPerHour: 3,
  resetMailsPerDay: 6,
  /** SMS codes per customer per hour and per day. */
  smsCodesPerHour: 3,
  smsCodesPerDay: 5,
  /** SMS code tries per customer per day, across every code sent (each code also dies after 5 wrong tries). */
  smsTriesPerDay: 10,
  /** Codes confirming a new e-mail address, per customer per hour and per day (each dies after 5 wrong tries). */
  emailChangeCodesPerHour: 3,
  emailChangeCodesPerDay: 6,
  /** Codes confirming a new phone number, per customer per hour and per day. */
  phoneCodesPerHour: 3,
  phoneCodesPerDay: 5,
  /** Contract-number reminders per account per hour and per day. */
  contractRemindersPerHour: 2,
  contractRemindersPerDay: 4,
  /** Sign-in codes texted to a customer whose second factor is SMS, per hour and per day. */
  signInCodesPerHour: 6,
  signInCodesPerDay: 20,
} as const;

/** Counts one send to `customerId` for `what`; false when a cap is reached (nothing must be sent). */
export async function takeSend(app: UsersApp, what: string, customerId: string, perHour: number, perDay: number) {
  // The day counts only what the hour let through, so a flood in one hour does not use up the day.
  const allowed =
    (await app.limiter.hit(`${what}:${customerId}`, { windowMs: HOUR_MS })) <= perHour &&
    (await app.limiter.hit(`${what}:${customerId}`, { windowMs: DAY_MS })) <= perDay;
  if (!allowed) {
    // No customer id in a log line: the request's own line carries its keyed hash and the same request id.
    app.log.warn('recovery message not sent: cap reached', { what });
    return false;
  }
  return true;
}

export function requestPasswordReset(app: UsersApp, contractNumber: string): void {
  later(app, 'password reset request', async () => {
    const customer = await activeCustomerOf(app, contractNumber);
    if (!customer) return;
    const { resetMailsPerHour, resetMailsPerDay } = RECOVERY_CAPS;
    if (!(await takeSend(app, 'reset-mails', customer.id, resetMailsPerHour, resetMailsPerDay))) return;
    await app.prisma.$transaction(async (tx) => {
      const token = await issueLinkToken(app, tx, 'PASSWORD_RESET', customer.id);
      await queueMessage(
        app,
        tx,
        customer.email,
        templates.passwordReset(customer.firstName, `${app.config.publicUrl}/mot-de-passe/nouveau?jeton=${token}`),
      );
    });
    app.kickMessages();
  });
}

export function requestSmsCode(app: UsersApp, contractNumber: string): void {
  later(app, 'SMS code request', async () => {
    const customer = await activeCustomerOf(app, contractNumber);
    // Only a confirmed number receives codes (a number just set on the profile waits for its own code).
    if (!customer?.recoveryPhoneEncrypted) return;
    const { smsCodesPerHour, smsCodesPerDay } = RECOVERY_CAPS;
    if (!(await takeSend(app, 'sms-codes', customer.id, smsCodesPerHour, smsCodesPerDay))) return;
    const phone = decryptField(app.keyring, customer.recoveryPhoneEncrypted, phoneContext(customer.id));
    await app.prisma.$transaction(async (tx) =>
      queueMessage(app, tx, phone, templates.smsCode(await issueSmsCode(app, tx, customer.id))),
    );
    app.kickMessages();
  });
}

export type ResetOutcome =
  | { kind: 'reset' }
  | { kind: 'invalidToken' }
  | { kind: 'rejected'; failures: PasswordFailure[] };

/** A rejected password leaves the link usable; a good one uses it up and ends every session. */
export async function resetPassword(app: UsersApp, token: string, password: string): Promise<ResetOutcome> {
  const row = await findLinkToken(app, 'PASSWORD_RESET', token);
  if (!row) return { kind: 'invalidToken' };
  const { failures, strength } = await vetNewPassword(app, row.customerId, password);
  if (failures.length) return { kind: 'rejected', failures };
  if (!(await app.prisma.$transaction((tx) => useToken(app, tx, row.id)))) return { kind: 'invalidToken' };
  await storePassword(app, row.customerId, password, strength, null);
  return { kind: 'reset' };
}

export async function resetPasswordWithSmsCode(
  app: UsersApp,
  contractNumber: string,
  code: string,
  password: string,
): Promise<ResetOutcome> {
  const customer = await activeCustomerOf(app, contractNumber);
  if (!customer) return { kind: 'invalidToken' };
  // Every try counts towards the day's cap before the code is compared, so concurrent guesses cannot pass it; past
  // the cap even the right code is refused, in the same words as a wrong one.
  const tries = await app.limiter.hit(`sms-tries:${customer.id}`, { windowMs: DAY_MS });
  if (tries > RECOVERY_CAPS.smsTriesPerDay) return { kind: 'invalidToken' };
  const check = await checkSmsCode(app, customer.id, code);
  if (!check.ok) return { kind: 'invalidToken' };
  const { failures, strength } = await vetNewPassword(app, customer.id, password);
  if (failures.length) return { kind: 'rejected', failures };
  if (!(await app.prisma.$transaction((tx) => useToken(app, tx, check.tokenId)))) return { kind: 'invalidToken' };
  await storePassword(app, customer.id, password, strength, null);
  return { kind: 'reset' };
}

// Single-use secrets (links and codes), stored as hashes. Issuing one ends the earlier ones of the same purpose.
import { randomInt } from 'node:crypto';
import { randomToken, safeEqual, sha256 } from '@abri/platform';
import type { Prisma, TokenPurpose } from '../../../../prisma/users/generated/prisma/client.ts';
import type { UsersApp } from './index.ts';

type Tx = Prisma.TransactionClient;

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  ACTIVATION: 72 * 3_600_000,
  PASSWORD_RESET: 24 * 3_600_000,
  SIGN_IN_ALERT: 30 * 86_400_000,
  SMS_RESET: 10 * 60_000,
  EMAIL_CHANGE: 15 * 60_000,
  PHONE_CONFIRMATION: 15 * 60_000,
};
/** The purposes whose secret is a 6-digit code (sent by SMS, or by e-mail to a new address). */
export type CodePurpose = 'SMS_RESET' | 'EMAIL_CHANGE' | 'PHONE_CONFIRMATION';
/** Wrong codes before the code dies. */
export const MAX_SMS_ATTEMPTS = 5;

export async function issueLinkToken(
  app: UsersApp,
  tx: Tx,
  purpose: TokenPurpose,
  customerId: string,
  sessionId?: string,
): Promise<string> {
  const now = app.clock.now();
  // Alerts are one per sign-in: a new one must not cancel the link of another.
  if (purpose !== 'SIGN_IN_ALERT') await endTokens(app, tx, customerId, [purpose]);
  const token = randomToken();
  await tx.oneTimeToken.create({
    data: {
      purpose,
      customerId,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
      sessionId: sessionId ?? null,
    },
  });
  return token;
}

/**
 * A 6-digit code; hashed with its row id, so equal codes of different rows never collide. It ends the earlier codes
 * of its purpose; `valueEncrypted` is what it confirms (a new address or number), when it confirms one.
 */
export async function issueCode(
  app: UsersApp,
  tx: Tx,
  customerId: string,
  purpose: CodePurpose = 'SMS_RESET',
  valueEncrypted: string | null = null,
): Promise<{ code: string; expiresAt: Date }> {
  const now = app.clock.now();
  await endTokens(app, tx, customerId, [purpose]);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS[purpose]);
  await tx.oneTimeToken.create({
    data: { id, purpose, customerId, tokenHash: sha256(`${id}:${code}`), createdAt: now, expiresAt, valueEncrypted },
  });
  return { code, expiresAt };
}

export const issueSmsCode = async (app: UsersApp, tx: Tx, customerId: string) =>
  (await issueCode(app, tx, customerId)).code;

export async function endTokens(app: UsersApp, tx: Tx, customerId: string, purposes: TokenPurpose[]): Promise<void> {
  await tx.oneTimeToken.updateMany({
    where: { customerId, purpose: { in: purposes }, usedAt: null },
    data: { usedAt: app.clock.now() },
  });
}

/** The live token behind a link, without using it up. */
export async function findLinkToken(app: UsersApp, purpose: TokenPurpose, token: string) {
  if (token.length > 200) return null;
  const row = await app.prisma.oneTimeToken.findUnique({
    where: { tokenHash: sha256(token) },
  });
  return row && row.purpose === purpose && !row.usedAt && row.expiresAt > app.clock.now() ? row : null;
}

/** Uses a token up; false when another request used it first. */
export async function useToken(app: UsersApp, tx: Tx, id: string): Promise<boolean> {
  const used = await tx.oneTimeToken.updateMany({
    where: { id, usedAt: null },
    data: { usedAt: app.clock.now() },
  });
  return used.count === 1;
}

export type SmsCheck = { ok: true; tokenId: string; valueEncrypted: string | null } | { ok: false };

/** Checks a code: until it expires, 5 tries, once. A wrong try counts even when the right code comes next. */
export async function checkSmsCode(
  app: UsersApp,
  customerId: string,
  code: string,
  purpose: CodePurpose = 'SMS_RESET',
): Promise<SmsCheck> {
  const now = app.clock.now();
  const row = await app.prisma.oneTimeToken.findFirst({
    where: {
      customerId,
      purpose,
      usedAt: null,
      expiresAt: { gt: now },
    },
    orderBy: { createdAt: 'desc' },
  });
  if (!row) return { ok: false };
  // Take the try before comparing, atomically: concurrent guesses cannot exceed five.
  const taken = await app.prisma.oneTimeToken.updateMany({
    where: { id: row.id, attempts: { lt: MAX_SMS_ATTEMPTS }, usedAt: null },
    data: { attempts: { increment: 1 } },
  });
  if (!taken.count) return { ok: false };
  return /^\d{6}$/.test(code) && safeEqual(sha256(`${row.id}:${code}`), row.tokenHash)
    ? { ok: true, tokenId: row.id, valueEncrypted: row.valueEncrypted }
    : { ok: false };
}

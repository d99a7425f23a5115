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
};
/** Wrong SMS codes before the code dies. */
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

/** A 6-digit code; hashed with its row id, so equal codes of different rows never collide. */
export async function issueSmsCode(app: UsersApp, tx: Tx, customerId: string): Promise<string> {
  const now = app.clock.now();
  await endTokens(app, tx, customerId, ['SMS_RESET']);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = crypto.randomUUID();
  await tx.oneTimeToken.create({
    data: {
      id,
      purpose: 'SMS_RESET',
      customerId,
      tokenHash: sha256(`${id}:${code}`),
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS.SMS_RESET),
    },
  });
  return code;
}

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

export type SmsCheck = { ok: true; tokenId: string } | { ok: false };

/** Checks an SMS code: 10 minutes, 5 tries, once. A wrong try counts even when the right code comes next. */
export async function checkSmsCode(app: UsersApp, customerId: string, code: string): Promise<SmsCheck> {
  const now = app.clock.now();
  const row = await app.prisma.oneTimeToken.findFirst({
    where: {
      customerId,
      purpose: 'SMS_RESET',
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
    ? { ok: true, tokenId: row.id }
    : { ok: false };
}

// Sign-in flows. Every path that can fail answers in the same shape and about the same time whether or not the
// account exists (a decoy hash is verified for unknown accounts).
import { decryptField, randomToken, sha256 } from '@abri/platform';
import { isContractNumber } from '../domain/contract-number.ts';
import { isLocked, lockAfterFailure, MAX_FAILED_SIGN_INS } from '../domain/lockout.ts';
import { decoyHash, verifyPassword } from '../domain/password.ts';
import { checkTotp } from '../domain/totp.ts';
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';
import { type IssuedSession, openSession } from './sessions.ts';

export type ClientInfo = { ip: string | null; userAgent: string | null };

export type LoginOutcome =
  | { kind: 'success'; session: IssuedSession }
  | { kind: 'twoFactorRequired'; challengeToken: string }
  | { kind: 'invalidCredentials' }
  | { kind: 'locked'; lockedUntil: Date }
  | { kind: 'notActivated' };

const INVALID = { kind: 'invalidCredentials' } as const;

interface Account {
  id: string;
  passwordHash: string | null;
}

type AccountTable = 'Customer' | 'StaffMember';

/**
 * Takes one of the five attempts before the password is even checked, in one atomic statement: concurrent guesses
 * each get their own number, so no sixth guess is ever verified before the lock. A lock that has expired starts a
 * new count.
 */
async function takeAttempt(app: UsersApp, table: AccountTable, id: string, now: Date) {
  const [row] = await app.prisma.$queryRawUnsafe<{ failedLogins: number; lockedUntil: Date | null }[]>(
    `UPDATE "users"."${table}" SET
       "failedLogins" = CASE WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= $2 THEN 1 ELSE "failedLogins" + 1 END,
       "lockedUntil" = CASE WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= $2 THEN NULL ELSE "lockedUntil" END
     WHERE id = $1 RETURNING "failedLogins", "lockedUntil"`,
    id,
    now,
  );
  return row!;
}

/** Sets the lock (keeping an earlier one) and returns its end. */
async function lockAccount(app: UsersApp, table: AccountTable, id: string, until: Date): Promise<Date> {
  const [row] = await app.prisma.$queryRawUnsafe<{ lockedUntil: Date }[]>(
    `UPDATE "users"."${table}" SET "lockedUntil" = COALESCE("lockedUntil", $2) WHERE id = $1 RETURNING "lockedUntil"`,
    id,
    until,
  );
  return row!.lockedUntil;
}

/** Checks a password under the lockout rule; shared by customers and staff. `onLocked` runs once per lock. */
async function checkPassword(
  app: UsersApp,
  table: AccountTable,
  account: Account | null,
  password: string,
  onLocked: (until: Date) => Promise<void>,
): Promise<LoginOutcome | 'ok'> {
  const now = app.clock.now();
  if (!account?.passwordHash) {
    await verifyPassword(await decoyHash(), password);
    return INVALID;
  }
  const attempt = await takeAttempt(app, table, account.id, now);
  if (isLocked(attempt.lockedUntil, now)) return { kind: 'locked', lockedUntil: attempt.lockedUntil };
  if (attempt.failedLogins > MAX_FAILED_SIGN_INS) {
    return {
      kind: 'locked',
      lockedUntil: await lockAccount(app, table, account.id, lockAfterFailure(attempt.failedLogins, now)!),
    };
  }
  if (await verifyPassword(account.passwordHash, password)) {
    await app.prisma.$executeRawUnsafe(
      `UPDATE "users"."${table}" SET "failedLogins" = 0, "lockedUntil" = NULL WHERE id = $1`,
      account.id,
    );
    return 'ok';
  }
  const until = lockAfterFailure(attempt.failedLogins, now);
  if (!until) return INVALID;
  const lockedUntil = await lockAccount(app, table, account.id, until);
  if (attempt.failedLogins === MAX_FAILED_SIGN_INS) await onLocked(lockedUntil);
  return { kind: 'locked', lockedUntil };
}

export async function login(
  app: UsersApp,
  contractNumber: string,
  password: string,
  client: ClientInfo,
): Promise<LoginOutcome> {
  const found = isContractNumber(contractNumber)
    ? await app.prisma.contractLogin.findUnique({
        where: { contractNumber },
        include: { customer: { include: { credentials: { orderBy: { createdAt: 'desc' }, take: 1 } } } },
      })
    : null;
  const customer = found?.customer ?? null;
  const outcome = await checkPassword(
    app,
    'Customer',
    customer && { id: customer.id, passwordHash: customer.credentials[0]?.passwordHash ?? null },
    password,
    async (until) => {
      await app.prisma.$transaction((tx) =>
        queueMessage(app, tx, customer!.email, templates.accountLocked(customer!.firstName, until)),
      );
      app.kickMessages();
    },
  );
  if (outcome !== 'ok') return outcome;
  if (customer!.status === 'PENDING_ACTIVATION') return { kind: 'notActivated' };
  if (customer!.status !== 'ACTIVE') return INVALID;
  return { kind: 'success', session: await openSession(app, { kind: 'customer', id: customer!.id }, client) };
}

/** Staff sign in with a password, then always a TOTP code (`verifyTwoFactor`). */
export async function staffLogin(
  app: UsersApp,
  email: string,
  password: string,
  client: ClientInfo,
): Promise<LoginOutcome> {
  const staff = await app.prisma.staffMember.findUnique({
    where: { email: email.trim().toLowerCase() },
    include: { credentials: { orderBy: { createdAt: 'desc' }, take: 1 } },
  });
  const outcome = await checkPassword(
    app,
    'StaffMember',
    staff && { id: staff.id, passwordHash: staff.credentials[0]?.passwordHash ?? null },
    password,
    async () => app.log.warn('staff account locked', { staffId: staff!.id }),
  );
  if (outcome !== 'ok') return outcome;
  const challengeToken = randomToken();
  await app.prisma.twoFactorChallenge.create({
    data: {
      tokenHash: sha256(challengeToken),
      staffMemberId: staff!.id,
      expiresAt: new Date(app.clock.now().getTime() + app.config.challengeTtlSeconds * 1000),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
    },
  });
  return { kind: 'twoFactorRequired', challengeToken };
}

/** @default 5 wrong codes end a challenge */
const MAX_CHALLENGE_ATTEMPTS = 5;

export async function verifyTwoFactor(
  app: UsersApp,
  challengeToken: string,
  code: string,
  client: ClientInfo,
): Promise<LoginOutcome> {
  const now = app.clock.now();
  const challenge = await app.prisma.twoFactorChallenge.findUnique({ where: { tokenHash: sha256(challengeToken) } });
  if (
    !challenge ||
    challenge.usedAt ||
    challenge.expiresAt <= now ||
    challenge.attempts >= MAX_CHALLENGE_ATTEMPTS ||
    !challenge.staffMemberId
  ) {
    return INVALID;
  }
  const staff = await app.prisma.staffMember.findUniqueOrThrow({ where: { id: challenge.staffMemberId } });
  const secret = decryptField(app.keyring, staff.totpSecretEncrypted, `staff:${staff.id}:totp`);
  const step = await checkTotp(secret, code, now, staff.totpLastStep);
  if (step === null) {
    await app.prisma.twoFactorChallenge.update({ where: { id: challenge.id }, data: { attempts: { increment: 1 } } });
    return INVALID;
  }
  // Single use of both the challenge and the code's time step, even under concurrent attempts.
  const used = await app.prisma.twoFactorChallenge.updateMany({
    where: { id: challenge.id, usedAt: null },
    data: { usedAt: now },
  });
  const stepClaimed = await app.prisma.staffMember.updateMany({
    where: { id: staff.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  if (used.count === 0 || stepClaimed.count === 0) return INVALID;
  return {
    kind: 'success',
    session: await openSession(app, { kind: 'staff', id: staff.id, role: staff.role }, client),
  };
}

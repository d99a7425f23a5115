// Sign-in flows. Every path that can fail answers in the same shape and about the same time whether or not the
// account exists (a decoy hash is verified for unknown accounts).
import { decryptField, randomToken, sha256 } from '@abri/platform';
import { isContractNumber } from '../domain/contract-number.ts';
import { isLocked, lockAfterFailure } from '../domain/lockout.ts';
import { decoyHash, verifyPassword } from '../domain/password.ts';
import { checkTotp } from '../domain/totp.ts';
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
  failedLogins: number;
  lockedUntil: Date | null;
  passwordHash: string | null;
}

/** Checks the password against the account's lock and counts failures; shared by customers and staff. */
async function checkPassword(
  app: UsersApp,
  account: Account | null,
  password: string,
  recordFailure: (id: string) => Promise<{ failedLogins: number }>,
  lock: (id: string, until: Date) => Promise<unknown>,
  reset: (id: string) => Promise<unknown>,
): Promise<LoginOutcome | 'ok'> {
  const now = app.clock.now();
  const valid = await verifyPassword(account?.passwordHash ?? (await decoyHash()), password);
  if (!account?.passwordHash) return INVALID;
  if (isLocked(account.lockedUntil, now)) return { kind: 'locked', lockedUntil: account.lockedUntil };
  if (!valid) {
    const { failedLogins } = await recordFailure(account.id);
    const until = lockAfterFailure(failedLogins, now);
    if (until) {
      await lock(account.id, until);
      return { kind: 'locked', lockedUntil: until };
    }
    return INVALID;
  }
  if (account.failedLogins > 0 || account.lockedUntil) await reset(account.id);
  return 'ok';
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
  const users = app.prisma.customer;
  const outcome = await checkPassword(
    app,
    customer && { ...customer, passwordHash: customer.credentials[0]?.passwordHash ?? null },
    password,
    (id) => users.update({ where: { id }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } }),
    (id, until) => users.update({ where: { id }, data: { lockedUntil: until } }),
    (id) => users.update({ where: { id }, data: { failedLogins: 0, lockedUntil: null } }),
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
  const members = app.prisma.staffMember;
  const outcome = await checkPassword(
    app,
    staff && { ...staff, passwordHash: staff.credentials[0]?.passwordHash ?? null },
    password,
    (id) => members.update({ where: { id }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } }),
    (id, until) => members.update({ where: { id }, data: { lockedUntil: until } }),
    (id) => members.update({ where: { id }, data: { failedLogins: 0, lockedUntil: null } }),
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

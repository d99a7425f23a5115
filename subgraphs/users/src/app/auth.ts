// Sign-in flows. Every path that can fail answers in the same shape and about the same time whether or not the
// account exists (a decoy hash is verified for unknown accounts). Every attempt is recorded.
import { addressBucket, blindIndex, decryptField, randomToken, sha256 } from '@abri/platform';
import { isContractNumber } from '../domain/contract-number.ts';
import { isLocked, lockAfterFailure, MAX_FAILED_SIGN_INS } from '../domain/lockout.ts';
import { decoyHash, verifyPassword } from '../domain/password.ts';
import { checkTotp, totpContext } from '../domain/totp.ts';
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';
import { originOf, type SignInOrigin } from './places.ts';
import { useRecoveryCode } from './recovery-codes.ts';
import { noteSecurityChange } from './security-score.ts';
import { type IssuedSession, openSession, type Subject } from './sessions.ts';
import { alertUnrecognisedSignIn, isUnrecognised, recordSignIn } from './sign-ins.ts';
import { isSignInCode, textSignInCode } from './sms-second-factor.ts';

export type ClientInfo = { ip: string | null; userAgent: string | null };

export type SecondFactorMethod = 'TOTP' | 'SMS';

export type LoginOutcome =
  | { kind: 'success'; session: IssuedSession }
  /** `method`: where the code comes from (an authenticator app, or an SMS just sent to the confirmed phone). */
  | { kind: 'twoFactorRequired'; challengeToken: string; method: SecondFactorMethod }
  | { kind: 'invalidCredentials' }
  | { kind: 'locked'; lockedUntil: Date }
  | { kind: 'notActivated' }
  | { kind: 'passwordChangeRequired' }
  | { kind: 'rateLimited' };

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

/** The same count for an identifier that matches no account (see UnknownSignInTarget), in one atomic upsert. */
async function takeUnknownAttempt(app: UsersApp, keyHash: string, now: Date) {
  const [row] = await app.prisma.$queryRawUnsafe<{ failedLogins: number; lockedUntil: Date | null }[]>(
    `INSERT INTO "users"."UnknownSignInTarget" AS t ("keyHash", "failedLogins", "updatedAt") VALUES ($1, 1, $2)
     ON CONFLICT ("keyHash") DO UPDATE SET
       "failedLogins" = CASE WHEN t."lockedUntil" IS NOT NULL AND t."lockedUntil" <= $2 THEN 1 ELSE t."failedLogins" + 1 END,
       "lockedUntil" = CASE WHEN t."lockedUntil" IS NOT NULL AND t."lockedUntil" <= $2 THEN NULL ELSE t."lockedUntil" END,
       "updatedAt" = $2
     RETURNING "failedLogins", "lockedUntil"`,
    keyHash,
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

async function lockUnknown(app: UsersApp, keyHash: string, until: Date): Promise<Date> {
  const [row] = await app.prisma.$queryRawUnsafe<{ lockedUntil: Date }[]>(
    `UPDATE "users"."UnknownSignInTarget" SET "lockedUntil" = COALESCE("lockedUntil", $2) WHERE "keyHash" = $1
     RETURNING "lockedUntil"`,
    keyHash,
    until,
  );
  return row!.lockedUntil;
}

/**
 * Checks a password under the lockout rule; shared by customers and staff. `onLocked` runs once per lock.
 *
 * No oracle: an identifier that matches no account (`identifier`, exactly as it was looked up) is counted and locked
 * exactly like an
 * account, so the fifth failure answers AccountLocked with the same end whether or not the account exists; and every
 * path verifies one argon2id hash (a decoy when there is no account or it is locked), so timing tells nothing either.
 */
async function checkPassword(
  app: UsersApp,
  table: AccountTable,
  identifier: string,
  account: Account | null,
  password: string,
  onLocked: (until: Date) => Promise<void>,
): Promise<LoginOutcome | 'ok'> {
  const now = app.clock.now();
  const known = account?.passwordHash ? { id: account.id, passwordHash: account.passwordHash } : null;
  // Keyed: what someone typed (an e-mail address, a contract number) cannot be found again by hashing guesses.
  const unknownKey = blindIndex(app.blindIndexKey, 'UnknownSignInTarget.keyHash', `${table}:${identifier}`);
  const attempt = known ? await takeAttempt(app, table, known.id, now) : await takeUnknownAttempt(app, unknownKey, now);
  const lock = (until: Date) =>
    known ? lockAccount(app, table, known.id, until) : lockUnknown(app, unknownKey, until);
  if (isLocked(attempt.lockedUntil, now) || attempt.failedLogins > MAX_FAILED_SIGN_INS) {
    await verifyPassword(await decoyHash(), password);
    const lockedUntil = isLocked(attempt.lockedUntil, now)
      ? attempt.lockedUntil
      : await lock(lockAfterFailure(attempt.failedLogins, now)!);
    return { kind: 'locked', lockedUntil };
  }
  const right = await verifyPassword(known?.passwordHash ?? (await decoyHash()), password);
  if (known && right) {
    await app.prisma.$executeRawUnsafe(
      `UPDATE "users"."${table}" SET "failedLogins" = 0, "lockedUntil" = NULL WHERE id = $1`,
      known.id,
    );
    return 'ok';
  }
  const until = lockAfterFailure(attempt.failedLogins, now);
  if (!until) return INVALID;
  const lockedUntil = await lock(until);
  if (known && attempt.failedLogins === MAX_FAILED_SIGN_INS) await onLocked(lockedUntil);
  return { kind: 'locked', lockedUntil };
}

const OUTCOME_RECORD = {
  invalidCredentials: 'WRONG_PASSWORD',
  locked: 'LOCKED',
  notActivated: 'NOT_ACTIVATED',
  passwordChangeRequired: 'WRONG_PASSWORD',
  rateLimited: 'RATE_LIMITED',
  twoFactorRequired: 'TWO_FACTOR_REQUIRED',
  success: 'SUCCESS',
} as const;

/** Password spraying: failed sign-ins from one address, whatever the accounts, are limited per window. */
const ipKey = (origin: SignInOrigin) => `signin-failures:${addressBucket(origin.ip)}`;
const overIpLimit = async (app: UsersApp, origin: SignInOrigin) =>
  (await app.limiter.count(ipKey(origin))) >= app.config.maxFailedSignInsPerIp;

async function finish(
  app: UsersApp,
  who: { customerId?: string; staffMemberId?: string },
  origin: SignInOrigin,
  outcome: LoginOutcome,
): Promise<LoginOutcome> {
  if (outcome.kind === 'invalidCredentials' || outcome.kind === 'locked') await app.limiter.hit(ipKey(origin));
  if (outcome.kind !== 'success')
    await recordSignIn(app, {
      ...who,
      outcome: OUTCOME_RECORD[outcome.kind],
      origin,
    });
  return outcome;
}

/** Opens the session of a fully authenticated subject, records it, and alerts on an unrecognised customer sign-in. */
async function completeSignIn(app: UsersApp, subject: Subject, origin: SignInOrigin): Promise<LoginOutcome> {
  const unrecognised = subject.kind === 'customer' && (await isUnrecognised(app, subject.id, origin));
  const session = await openSession(app, subject, origin);
  await recordSignIn(app, {
    ...(subject.kind === 'customer' ? { customerId: subject.id } : { staffMemberId: subject.id }),
    outcome: 'SUCCESS',
    origin,
    sessionId: session.sessionId,
    unrecognised,
  });
  if (unrecognised) await alertUnrecognisedSignIn(app, subject.id, session.sessionId, origin);
  // Sign-ins feed the score's regularity (and an unrecognised one lowers it): today's point follows.
  if (subject.kind === 'customer') await noteSecurityChange(app, subject.id);
  return { kind: 'success', session };
}

async function openChallenge(
  app: UsersApp,
  who: { customerId?: string; staffMemberId?: string },
  origin: SignInOrigin,
  method: SecondFactorMethod = 'TOTP',
): Promise<LoginOutcome> {
  const challengeToken = randomToken();
  const challenge = await app.prisma.twoFactorChallenge.create({
    data: {
      tokenHash: sha256(challengeToken),
      customerId: who.customerId ?? null,
      staffMemberId: who.staffMemberId ?? null,
      expiresAt: new Date(app.clock.now().getTime() + app.config.challengeTtlSeconds * 1000),
      ip: origin.ip,
      userAgent: origin.device,
    },
  });
  if (method === 'SMS') await textSignInCode(app, who.customerId!, challenge.id);
  return finish(app, who, origin, {
    kind: 'twoFactorRequired',
    challengeToken,
    method,
  });
}

export async function login(
  app: UsersApp,
  contractNumber: string,
  password: string,
  client: ClientInfo,
): Promise<LoginOutcome> {
  const origin = await originOf(client);
  if (await overIpLimit(app, origin)) return finish(app, {}, origin, { kind: 'rateLimited' });
  const found = isContractNumber(contractNumber)
    ? await app.prisma.contractLogin.findUnique({
        where: { contractNumber },
        include: {
          customer: {
            include: {
              credentials: { orderBy: { seq: 'desc' }, take: 1 },
            },
          },
        },
      })
    : null;
  const customer = found?.customer ?? null;
  const who = customer ? { customerId: customer.id } : {};
  const outcome = await checkPassword(
    app,
    'Customer',
    contractNumber,
    customer && {
      id: customer.id,
      passwordHash: customer.credentials[0]?.passwordHash ?? null,
    },
    password,
    async (until) => {
      await app.prisma.$transaction((tx) =>
        queueMessage(app, tx, customer!.email, templates.accountLocked(customer!.firstName, until)),
      );
      app.kickMessages();
    },
  );
  if (outcome !== 'ok') {
    if (customer) return finish(app, who, origin, outcome);
    await recordSignIn(app, { outcome: 'UNKNOWN_ACCOUNT', origin });
    await app.limiter.hit(ipKey(origin));
    return outcome;
  }
  if (customer!.status === 'PENDING_ACTIVATION') return finish(app, who, origin, { kind: 'notActivated' });
  if (customer!.status !== 'ACTIVE') return finish(app, who, origin, INVALID);
  if (customer!.passwordResetRequired) return finish(app, who, origin, { kind: 'passwordChangeRequired' });
  if (customer!.totpEnabledAt) return openChallenge(app, who, origin, 'TOTP');
  if (customer!.smsTwoFactorEnabledAt && customer!.recoveryPhoneEncrypted)
    return openChallenge(app, who, origin, 'SMS');
  return completeSignIn(app, { kind: 'customer', id: customer!.id }, origin);
}

/** Staff sign in with a password, then always a TOTP code (`verifyTwoFactor`). */
export async function staffLogin(
  app: UsersApp,
  email: string,
  password: string,
  client: ClientInfo,
): Promise<LoginOutcome> {
  const origin = await originOf(client);
  if (await overIpLimit(app, origin)) return finish(app, {}, origin, { kind: 'rateLimited' });
  const normalised = email.trim().toLowerCase();
  const staff = await app.prisma.staffMember.findFirst({
    where: { email: normalised },
    include: { credentials: { orderBy: { seq: 'desc' }, take: 1 } },
  });
  const outcome = await checkPassword(
    app,
    'StaffMember',
    normalised,
    staff && {
      id: staff.id,
      passwordHash: staff.credentials[0]?.passwordHash ?? null,
    },
    password,
    async () => app.log.warn('staff account locked', { staffId: staff!.id }),
  );
  const who = staff ? { staffMemberId: staff.id } : {};
  if (outcome !== 'ok') return finish(app, who, origin, outcome);
  return openChallenge(app, who, origin);
}

/** @default 5 wrong codes end a challenge */
const MAX_CHALLENGE_ATTEMPTS = 5;

/** Completes a sign-in with a TOTP code, the code texted for it (SMS second factor), or (customers) a recovery code. */
export async function verifyTwoFactor(
  app: UsersApp,
  challengeToken: string,
  code: string,
  client: ClientInfo,
): Promise<LoginOutcome> {
  const origin = await originOf(client);
  const now = app.clock.now();
  const challenge = await app.prisma.twoFactorChallenge.findUnique({
    where: { tokenHash: sha256(challengeToken) },
  });
  if (!challenge || challenge.usedAt || challenge.expiresAt <= now) return INVALID;
  // Take the try first (atomically), so concurrent guesses cannot exceed the limit.
  const taken = await app.prisma.twoFactorChallenge.updateMany({
    where: {
      id: challenge.id,
      attempts: { lt: MAX_CHALLENGE_ATTEMPTS },
      usedAt: null,
    },
    data: { attempts: { increment: 1 } },
  });
  if (!taken.count) return INVALID;
  const who = challenge.staffMemberId
    ? { staffMemberId: challenge.staffMemberId }
    : { customerId: challenge.customerId! };
  const subject = await secondFactorSubject(app, who, code, now, challenge);
  if (!subject) {
    await recordSignIn(app, { ...who, outcome: 'WRONG_SECOND_FACTOR', origin });
    return INVALID;
  }
  const used = await app.prisma.twoFactorChallenge.updateMany({
    where: { id: challenge.id, usedAt: null },
    data: { usedAt: now },
  });
  if (used.count === 0) return INVALID;
  return completeSignIn(app, subject, origin);
}

/** Who the code proves, or null. A TOTP code's time step is claimed so the code works once. */
async function secondFactorSubject(
  app: UsersApp,
  who: { staffMemberId?: string; customerId?: string },
  code: string,
  now: Date,
  challenge: { id: string; codeHash: string | null },
): Promise<Subject | null> {
  if (who.staffMemberId) {
    const staff = await app.prisma.staffMember.findUniqueOrThrow({
      where: { id: who.staffMemberId },
    });
    const secret = decryptField(app.keyring, staff.totpSecretEncrypted, totpContext('staff', staff.id));
    const step = await checkTotp(secret, code, now, staff.totpLastStep);
    if (step === null) return null;
    const claimed = await app.prisma.staffMember.updateMany({
      where: {
        id: staff.id,
        OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }],
      },
      data: { totpLastStep: step },
    });
    return claimed.count ? { kind: 'staff', id: staff.id, role: staff.role } : null;
  }
  const customer = await app.prisma.customer.findUniqueOrThrow({
    where: { id: who.customerId! },
  });
  if (!customer.totpSecretEncrypted) {
    // SMS second factor: the code texted for this very challenge, else a recovery code.
    if (!customer.smsTwoFactorEnabledAt) return null;
    if (isSignInCode(challenge, code)) return { kind: 'customer', id: customer.id };
    return (await useRecoveryCode(app, customer.id, code)) ? { kind: 'customer', id: customer.id } : null;
  }
  const secret = decryptField(app.keyring, customer.totpSecretEncrypted, totpContext('customer', customer.id));
  const step = await checkTotp(secret, code, now, customer.totpLastStep);
  if (step !== null) {
    const claimed = await app.prisma.customer.updateMany({
      where: {
        id: customer.id,
        OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }],
      },
      data: { totpLastStep: step },
    });
    return claimed.count ? { kind: 'customer', id: customer.id } : null;
  }
  return (await useRecoveryCode(app, customer.id, code)) ? { kind: 'customer', id: customer.id } : null;
}

// Sessions: access tokens (JWT, minutes) and rotating refresh tokens (opaque, stored hashed). Replaying a refresh
// token that was already used revokes its whole session (the rotation family).
import { Events, outboxEntry, type Role, randomToken, sha256, signAccessToken } from '@abri/platform';
import type { UsersApp } from './index.ts';
import type { SignInOrigin } from './places.ts';

export type Subject = { kind: 'customer'; id: string } | { kind: 'staff'; id: string; role: Role };

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  sessionId: string;
  customerId: string | null;
}

const subjectColumns = (subject: Subject) =>
  subject.kind === 'customer' ? { customerId: subject.id } : { staffMemberId: subject.id };

/** An access token for the session, carrying when its holder last proved a secret. */
export async function issueAccessToken(app: UsersApp, subject: Subject, sessionId: string, authenticatedAt: Date) {
  const roles: Role[] = subject.kind === 'customer' ? ['CUSTOMER'] : [subject.role];
  return signAccessToken(
    app.tokenKey,
    { sub: subject.id, sid: sessionId, roles, authTime: Math.floor(authenticatedAt.getTime() / 1000) },
    app.clock.now(),
    app.config.accessTokenTtlSeconds,
  );
}

async function issueTokens(app: UsersApp, subject: Subject, sessionId: string, authenticatedAt: Date) {
  const access = await issueAccessToken(app, subject, sessionId, authenticatedAt);
  const refreshToken = randomToken();
  await app.prisma.refreshToken.create({
    data: {
      sessionId,
      tokenHash: sha256(refreshToken),
      createdAt: app.clock.now(),
    },
  });
  return {
    accessToken: access.token,
    expiresAt: access.expiresAt,
    refreshToken,
  };
}

/**
 * Sessions one account keeps open: far more than anyone's devices. Past it, a sign-in closes the least recently used
 * (a browser long forgotten), so the list of devices, and what each revocation has to announce, stays bounded.
 */
export const MAX_OPEN_SESSIONS = 50;

/**
 * Closes the account's least recently used sessions past MAX_OPEN_SESSIONS, `opened` kept. Housekeeping: a failure is
 * logged and the sign-in goes on (the next one closes them).
 */
async function closeSessionsBeyondLimit(app: UsersApp, subject: Subject, opened: string, now: Date): Promise<void> {
  try {
    const beyond = await app.prisma.session.findMany({
      where: { ...subjectColumns(subject), revokedAt: null, expiresAt: { gt: now }, id: { not: opened } },
      orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
      skip: MAX_OPEN_SESSIONS - 1,
      select: { id: true },
    });
    if (beyond.length) await revokeSessions(app, { ids: beyond.map((s) => s.id) }, 'session limit');
  } catch (error) {
    app.log.warn('sessions past the limit not closed; the next sign-in will', { error: String(error) });
  }
}

export async function openSession(app: UsersApp, subject: Subject, origin: SignInOrigin): Promise<IssuedSession> {
  const now = app.clock.now();
  // A customer's new sign-in is a security event on their stream (issue 14): the other devices learn of it at once.
  const session = await app.prisma.$transaction(async (tx) => {
    const opened = await tx.session.create({
      data: {
        ...subjectColumns(subject),
        ip: origin.ip,
        device: origin.device,
        country: origin.country,
        city: origin.city,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + app.config.sessionTtlDays * 86_400_000),
      },
    });
    if (subject.kind === 'customer')
      await app.outbox.add(tx, Events.signedIn, { customerId: subject.id, payload: { sid: opened.id }, at: now });
    return opened;
  });
  if (subject.kind === 'customer') app.outbox.kick();
  await closeSessionsBeyondLimit(app, subject, session.id, now);
  const tokens = await issueTokens(app, subject, session.id, now);
  return {
    ...tokens,
    sessionId: session.id,
    customerId: subject.kind === 'customer' ? subject.id : null,
  };
}

/** Rotates a refresh token; null when it is unknown, expired, revoked, or replayed (which revokes the session). */
export async function refreshSession(app: UsersApp, refreshToken: string): Promise<IssuedSession | null> {
  const now = app.clock.now();
  const row = await app.prisma.refreshToken.findUnique({
    where: { tokenHash: sha256(refreshToken) },
    include: {
      session: { include: { staffMember: { select: { role: true } } } },
    },
  });
  if (!row) return null;
  const { session } = row;
  if (session.revokedAt || session.expiresAt <= now) return null;
  // Mark used only if still unused: of two concurrent refreshes with the same token, exactly one wins.
  const claimed = await app.prisma.refreshToken.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: now },
  });
  if (claimed.count === 0) {
    await revokeSessions(app, { ids: [session.id] }, 'refresh token reuse');
    app.log.warn('refresh token replayed; session revoked', {
      sessionId: session.id,
    });
    return null;
  }
  await app.prisma.session.update({
    where: { id: session.id },
    data: { lastSeenAt: now },
  });
  const subject: Subject | null = session.customerId
    ? { kind: 'customer', id: session.customerId }
    : session.staffMemberId && session.staffMember
      ? {
          kind: 'staff',
          id: session.staffMemberId,
          role: session.staffMember.role,
        }
      : null;
  if (!subject) return null;
  const tokens = await issueTokens(app, subject, session.id, session.authenticatedAt ?? session.createdAt);
  return { ...tokens, sessionId: session.id, customerId: session.customerId };
}

/**
 * Revokes sessions and announces it, in one transaction: the gateway closes their open subscriptions and refuses
 * their access tokens from then on.
 */
export async function revokeSessions(app: UsersApp, which: { ids: string[] }, reason: string): Promise<number> {
  const now = app.clock.now();
  const count = await app.prisma.$transaction(async (tx) => {
    const open = await tx.session.findMany({
      where: { id: { in: which.ids }, revokedAt: null },
      select: { id: true, customerId: true, expiresAt: true },
    });
    if (!open.length) return 0;
    await tx.session.updateMany({
      where: { id: { in: open.map((s) => s.id) } },
      data: { revokedAt: now, revokedReason: reason },
    });
    // A device registered by a revoked session must not be told anything more.
    await tx.pushDevice.deleteMany({ where: { sessionId: { in: open.map((s) => s.id) } } });
    await app.outbox.addAll(
      tx,
      open.map((session) =>
        outboxEntry(Events.sessionRevoked, {
          customerId: session.customerId,
          payload: { sid: session.id, reason },
          at: now,
        }),
      ),
    );
    return open.length;
  });
  if (count) app.outbox.kick();
  return count;
}

/**
 * Sessions revoked within the last `withinSeconds` (by this service's clock), whose access tokens may still be
 * valid: what a gateway replica must refuse, whether or not it saw the revocation events (it may have started after a
 * Redis that lost them).
 */
export async function recentlyRevoked(app: UsersApp, withinSeconds: number): Promise<{ sid: string }[]> {
  const since = new Date(app.clock.now().getTime() - withinSeconds * 1000);
  const rows = await app.prisma.session.findMany({
    where: { revokedAt: { gte: since } },
    select: { id: true },
    orderBy: { revokedAt: 'asc' },
    take: 100_000,
  });
  return rows.map((r) => ({ sid: r.id }));
}

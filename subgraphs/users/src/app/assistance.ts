// Assistance with consent: the customer grants support a read-only view of their space for a few minutes, from the
// app, and may revoke it at any moment. A support agent (AGENT) sees nothing of a customer without one: they open the
// assistance with the contract number the customer reads out, and get an access token bound to that customer
// (`assist` claim) that ends with the grant; revoking the grant revokes that session at once (the gateway drops it),
// and every read under it is in the customer's « Qui a consulté mon dossier ».
import { signAccessToken } from '@abri/platform';
import type { UsersApp } from './index.ts';
import { announceProfileChange } from './profile.ts';
import { revokeSessions } from './sessions.ts';

/** @default 5 to 60 minutes a grant may last */
export const GRANT_MINUTES = { min: 5, max: 60 } as const;

export type GrantOutcome =
  | { kind: 'granted'; grant: { id: string; grantedAt: Date; expiresAt: Date; device: string | null } }
  | { kind: 'invalidDuration' };

/** Grants support a view for `minutes`, replacing any grant still running (its assistance sessions end). */
export async function grantSupportAccess(
  app: UsersApp,
  customerId: string,
  minutes: number,
  device: string | null,
): Promise<GrantOutcome> {
  if (!Number.isInteger(minutes) || minutes < GRANT_MINUTES.min || minutes > GRANT_MINUTES.max)
    return { kind: 'invalidDuration' };
  await revokeSupportAccess(app, customerId);
  const now = app.clock.now();
  const grant = await app.prisma.$transaction(async (tx) => {
    const created = await tx.supportGrant.create({
      data: { customerId, grantedAt: now, expiresAt: new Date(now.getTime() + minutes * 60_000), device },
    });
    await announceProfileChange(app, tx, customerId, ['supportAccess'], now);
    return created;
  });
  app.outbox.kick();
  return { kind: 'granted', grant };
}

/** Ends the running grant and every assistance session opened under it; false when none was running. */
export async function revokeSupportAccess(app: UsersApp, customerId: string): Promise<boolean> {
  const now = app.clock.now();
  const running = await app.prisma.supportGrant.findMany({
    where: { customerId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  if (!running.length) return false;
  const ids = running.map((g) => g.id);
  await app.prisma.supportGrant.updateMany({ where: { id: { in: ids } }, data: { revokedAt: now } });
  const sessions = await app.prisma.session.findMany({
    where: { supportGrantId: { in: ids }, revokedAt: null },
    select: { id: true },
  });
  if (sessions.length)
    await revokeSessions(app, { ids: sessions.map((s) => s.id) }, 'support access revoked by the customer');
  return true;
}

export const runningGrant = (app: UsersApp, customerId: string) =>
  app.prisma.supportGrant.findFirst({
    where: { customerId, revokedAt: null, expiresAt: { gt: app.clock.now() } },
    orderBy: { grantedAt: 'desc' },
  });

export type OpenAssistanceOutcome =
  | { kind: 'opened'; accessToken: string; expiresAt: Date; customerId: string }
  | { kind: 'noGrant' };

/**
 * A support agent opens the assistance of the customer signing in with `contractNumber`: a session of its own, bound
 * to the grant, and an access token that carries the customer and ends with the grant (no refresh token).
 */
export async function openAssistance(
  app: UsersApp,
  agentId: string,
  contractNumber: string,
  origin: { device: string | null; ip: string | null },
): Promise<OpenAssistanceOutcome> {
  const login = await app.prisma.contractLogin.findUnique({ where: { contractNumber } });
  const grant = login && (await runningGrant(app, login.customerId));
  if (!login || !grant) return { kind: 'noGrant' };
  const now = app.clock.now();
  const session = await app.prisma.session.create({
    data: {
      staffMemberId: agentId,
      supportGrantId: grant.id,
      device: origin.device,
      ip: origin.ip,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: grant.expiresAt,
    },
  });
  const seconds = Math.min(
    app.config.accessTokenTtlSeconds,
    Math.floor((grant.expiresAt.getTime() - now.getTime()) / 1000),
  );
  const access = await signAccessToken(
    app.tokenKey,
    { sub: agentId, sid: session.id, roles: ['AGENT'], assist: login.customerId },
    now,
    seconds,
  );
  return { kind: 'opened', accessToken: access.token, expiresAt: access.expiresAt, customerId: login.customerId };
}

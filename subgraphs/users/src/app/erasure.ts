// Erasure (issue 15.5; the protocol is in platform/src/privacy/erasure.ts). Users owns the request: it records it
// (step-up first), waits for policies, claims and payments to say what prevents it, then either refuses (nothing
// erased) or, in one transaction, tells the customer by e-mail at the address about to go, closes the account and
// its sessions, deletes what no law keeps, stamps what it must keep with `retainUntil` (the register's rules) and
// announces the erasure to the others. Sign-in is refused afterwards like for a contract number that never existed:
// its sign-in numbers and passwords are deleted.
import {
  addMonths,
  addYears,
  decryptField,
  ERASURE_CHECKERS,
  type ErasureBlocker,
  type ErasureSection,
  Events,
  erasureBlockerMessage,
  erasureRuleOf,
  erasureSection,
  every,
  latest,
  PURGE_INTERVAL_MS,
  retainUntil,
  runPurge,
  type Stop,
  stopAll,
} from '@abri/platform';
import { Prisma } from '../../../../prisma/users/generated/prisma/client.ts';
import { usersRegister } from '../../../../prisma/users/personal-data.ts';
import { MAX_ATTEMPTS, queueMessage, recipientIndexes } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import { pendingEmailContext, pendingPhoneContext } from './contact-change.ts';
import type { UsersApp } from './index.ts';
import { phoneContext } from './profile.ts';

type Tx = Prisma.TransactionClient;

export interface ErasureRequestView {
  id: string;
  status: 'CHECKING' | 'REFUSED' | 'DONE';
  requestedAt: Date;
  decidedAt: Date | null;
  blockers: ErasureBlocker[];
}

type Checks = Partial<Record<string, ErasureBlocker[]>>;
const view = (row: {
  id: string;
  status: ErasureRequestView['status'];
  requestedAt: Date;
  decidedAt: Date | null;
  checks: unknown;
}): ErasureRequestView => ({
  id: row.id,
  status: row.status,
  requestedAt: row.requestedAt,
  decidedAt: row.decidedAt,
  blockers: Object.values((row.checks ?? {}) as Checks).flatMap((b) => b ?? []),
});

/** The customer's latest request, if any. */
export async function latestErasureRequest(app: UsersApp, customerId: string): Promise<ErasureRequestView | null> {
  const row = await app.prisma.erasureRequest.findFirst({ where: { customerId }, orderBy: { requestedAt: 'desc' } });
  return row && view(row);
}

export type RequestErasureOutcome =
  | { kind: 'requested'; request: ErasureRequestView }
  | { kind: 'reauthenticationRequired' };

/** Records the request (or returns the one still being checked) and asks the other subgraphs what prevents it. */
export async function requestErasure(
  app: UsersApp,
  customerId: string,
  by: { recentlyAuthenticated: boolean },
): Promise<RequestErasureOutcome> {
  if (!by.recentlyAuthenticated) return { kind: 'reauthenticationRequired' };
  const now = app.clock.now();
  const request = await app.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `erasure:${customerId}`);
    const pending = await tx.erasureRequest.findFirst({ where: { customerId, status: 'CHECKING' } });
    if (pending) return view(pending);
    const created = await tx.erasureRequest.create({ data: { customerId, requestedAt: now } });
    await app.outbox.add(tx, Events.erasureRequested, { customerId, payload: { requestId: created.id }, at: now });
    const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
    await queueMessage(app, tx, customer.email, templates.erasureRequested(customer.firstName));
    return view(created);
  });
  app.outbox.kick();
  app.kickMessages();
  return { kind: 'requested', request };
}

/** Records one subgraph's answer; once all are in, refuses or carries out the erasure. Idempotent. */
export async function recordErasureCheck(
  app: UsersApp,
  service: string,
  customerId: string,
  requestId: string,
  blockers: ErasureBlocker[],
): Promise<void> {
  const decided = await app.prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `erasure:${customerId}`);
      const request = await tx.erasureRequest.findUnique({ where: { id: requestId } });
      if (!request || request.customerId !== customerId || request.status !== 'CHECKING') return null;
      const checks = { ...(request.checks as Checks) };
      if (checks[service]) return null;
      checks[service] = blockers;
      await tx.erasureRequest.update({ where: { id: requestId }, data: { checks: checks as Prisma.InputJsonObject } });
      if (!ERASURE_CHECKERS.every((s) => checks[s])) return null;
      const all = ERASURE_CHECKERS.flatMap((s) => checks[s] ?? []);
      const now = app.clock.now();
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
      if (all.length) {
        await tx.erasureRequest.update({ where: { id: requestId }, data: { status: 'REFUSED', decidedAt: now } });
        await queueMessage(
          app,
          tx,
          customer.email,
          templates.erasureRefused(customer.firstName, all.map(erasureBlockerMessage)),
        );
        return 'REFUSED';
      }
      await eraseAccount(app, tx, customerId, now);
      // The last message goes to the address just erased (read before), after the messages still queued for it went.
      await queueMessage(app, tx, customer.email, templates.accountErased(customer.firstName));
      await tx.erasureRequest.update({ where: { id: requestId }, data: { status: 'DONE', decidedAt: now } });
      await app.outbox.add(tx, Events.customerErased, { customerId, payload: { requestId }, at: now });
      return 'DONE';
    },
    { timeout: 60_000 },
  );
  if (!decided) return;
  app.outbox.kick();
  app.kickMessages();
  app.log.info('erasure request decided', { requestId, outcome: decided });
}

const rule = (category: 'connections' | 'consents' | 'staffAccess') => erasureRuleOf(usersRegister, category);

/**
 * Messages queued or kept for the person (their e-mail, phone, recovery phone, and an address or number waiting for
 * its code) are deleted: a message still queued would otherwise go out after the erasure, and a sent one keeps the
 * address and the text. The outbox holds no customer id: rows are found by the keyed index of their recipient.
 */
async function deleteMessages(app: UsersApp, tx: Tx, customerId: string): Promise<void> {
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { email: true, phoneEncrypted: true, recoveryPhoneEncrypted: true },
  });
  const pending = await tx.oneTimeToken.findMany({
    where: { customerId, purpose: { in: ['EMAIL_CHANGE', 'PHONE_CONFIRMATION'] }, valueEncrypted: { not: null } },
    select: { purpose: true, valueEncrypted: true },
  });
  const open = (sealed: string | null, context: string) => (sealed ? decryptField(app.keyring, sealed, context) : null);
  const recipients = [
    customer.email,
    open(customer.phoneEncrypted, phoneContext(customerId)),
    open(customer.recoveryPhoneEncrypted, phoneContext(customerId)),
    ...pending.map((t) =>
      open(
        t.valueEncrypted,
        t.purpose === 'EMAIL_CHANGE' ? pendingEmailContext(customerId) : pendingPhoneContext(customerId),
      ),
    ),
  ].filter((r): r is string => !!r);
  const indexes = recipients.flatMap((r) => recipientIndexes(app, r).all);
  await tx.messageOutbox.deleteMany({ where: { recipientIndex: { in: indexes } } });
}

/** Users' own part: sessions closed, secrets and sign-in numbers deleted, identity pseudonymised, the rest dated. */
async function eraseAccount(app: UsersApp, tx: Tx, customerId: string, now: Date): Promise<void> {
  await deleteMessages(app, tx, customerId);
  const open = await tx.session.findMany({ where: { customerId, revokedAt: null }, select: { id: true } });
  await tx.session.updateMany({
    where: { id: { in: open.map((s) => s.id) } },
    data: { revokedAt: now, revokedReason: 'erasure' },
  });
  // Each device and gateway is told, so open sockets close and access tokens are refused at once.
  for (const s of open)
    await app.outbox.add(tx, Events.sessionRevoked, { customerId, payload: { sid: s.id, reason: 'erasure' }, at: now });
  const where = { customerId };
  await tx.refreshToken.deleteMany({ where: { session: { customerId } } });
  await tx.pushDevice.deleteMany({ where });
  await tx.heldNotification.deleteMany({ where });
  await tx.notificationPreference.deleteMany({ where });
  await tx.contractLogin.deleteMany({ where });
  await tx.credential.deleteMany({ where });
  await tx.recoveryCode.deleteMany({ where });
  await tx.securityScorePoint.deleteMany({ where });
  await tx.oneTimeToken.deleteMany({ where });
  await tx.twoFactorChallenge.deleteMany({ where });
  await tx.supportGrant.deleteMany({ where });
  await tx.dataExport.deleteMany({ where });

  let last: Date | null = null;
  const stamp = (until: Date | null) => {
    last = latest([last, until]);
    return until;
  };
  for (const s of await tx.session.findMany({ where, select: { id: true, lastSeenAt: true } }))
    await tx.session.update({
      where: { id: s.id },
      data: { retainUntil: stamp(retainUntil(rule('connections'), s.lastSeenAt)) },
    });
  for (const e of await tx.signInEvent.findMany({ where, select: { id: true, at: true } }))
    await tx.signInEvent.update({
      where: { id: e.id },
      data: { retainUntil: stamp(retainUntil(rule('connections'), e.at)) },
    });
  for (const c of await tx.consentChange.findMany({ where, select: { id: true, at: true } }))
    await tx.consentChange.update({
      where: { id: c.id },
      data: { retainUntil: stamp(retainUntil(rule('consents'), c.at)) },
    });
  for (const a of await tx.staffAccess.findMany({ where, select: { id: true, at: true } }))
    await tx.staffAccess.update({
      where: { id: a.id },
      data: { retainUntil: stamp(retainUntil(rule('staffAccess'), a.at)) },
    });
  await tx.customer.update({
    where: { id: customerId },
    data: {
      firstName: '',
      lastName: '',
      // Unique and unreachable (RFC 2606 reserves .invalid); nothing about the person.
      email: `${customerId}@efface.invalid`,
      phoneEncrypted: null,
      recoveryPhoneEncrypted: null,
      postalAddress: Prisma.DbNull,
      emailVerifiedAt: null,
      phoneVerifiedAt: null,
      totpSecretEncrypted: null,
      totpPendingSecretEncrypted: null,
      totpEnabledAt: null,
      totpLastStep: null,
      smsTwoFactorEnabledAt: null,
      failedLogins: 0,
      lockedUntil: null,
      passwordResetRequired: false,
      status: 'DISABLED',
      erasedAt: now,
      // The pseudonymised row holds the rows kept (they go with it): it stays until the last of them is due.
      retainUntil: last ?? now,
    },
  });
}

/** Users' part of the erasure preview. */
export async function usersErasureSection(app: UsersApp, customerId: string): Promise<ErasureSection> {
  const where = { customerId };
  const [session, signIn, consent, access, devices, grants, exports] = await Promise.all([
    app.prisma.session.findFirst({ where, orderBy: { lastSeenAt: 'desc' }, select: { lastSeenAt: true } }),
    app.prisma.signInEvent.findFirst({ where, orderBy: { at: 'desc' }, select: { at: true } }),
    app.prisma.consentChange.findFirst({ where, orderBy: { at: 'desc' }, select: { at: true } }),
    app.prisma.staffAccess.findFirst({ where, orderBy: { at: 'desc' }, select: { at: true } }),
    app.prisma.pushDevice.count({ where }),
    app.prisma.supportGrant.count({ where }),
    app.prisma.dataExport.count({ where }),
  ]);
  const now = app.clock.now();
  const held: Record<string, Date | null> = {
    identity: null,
    contact: null,
    credentials: null,
    accountSecurity: null,
    // The request itself is recorded now.
    erasure: now,
  };
  if (session || signIn) held['connections'] = latest([session?.lastSeenAt, signIn?.at]);
  if (consent) held['consents'] = consent.at;
  if (access) held['staffAccess'] = access.at;
  if (devices) held['pushDevices'] = null;
  if (grants) held['supportGrants'] = null;
  if (exports) held['dataExports'] = null;
  return erasureSection(usersRegister, held, []);
}

const REQUEST_RULE = erasureRuleOf(usersRegister, 'erasure');

/** How long a sent e-mail or SMS is kept (the register's « 3 mois après l’envoi »), in months. */
export const SENT_MESSAGES_KEPT_MONTHS = 3;

/**
 * Deletes what reached its term: rows kept after an erasure, then the pseudonymised accounts, then old requests,
 * and every customer's messages 3 months after they were sent (or, never sent, 3 months after the dispatcher gave
 * up on them; one still being tried is kept, however old).
 */
export async function purgeUsers(app: UsersApp): Promise<Record<string, number>> {
  const now = app.clock.now();
  const due = { retainUntil: { lte: now } };
  // A request is kept for its term after it was made, whatever came of it.
  const requestsBefore = REQUEST_RULE.keep ? addYears(now, -REQUEST_RULE.years) : now;
  const messagesBefore = addMonths(now, -SENT_MESSAGES_KEPT_MONTHS);
  const [sessions, signIns, consents, accesses, customers, requests, sent, abandoned] = await app.prisma.$transaction([
    // Refresh tokens and push devices go with their session (ON DELETE CASCADE).
    app.prisma.session.deleteMany({ where: due }),
    app.prisma.signInEvent.deleteMany({ where: due }),
    app.prisma.consentChange.deleteMany({ where: due }),
    app.prisma.staffAccess.deleteMany({ where: due }),
    app.prisma.customer.deleteMany({ where: { erasedAt: { not: null }, ...due } }),
    app.prisma.erasureRequest.deleteMany({ where: { requestedAt: { lte: requestsBefore } } }),
    // Both through the index led by sentAt.
    app.prisma.messageOutbox.deleteMany({ where: { sentAt: { lte: messagesBefore } } }),
    app.prisma.messageOutbox.deleteMany({
      where: { sentAt: null, attempts: { gte: MAX_ATTEMPTS }, nextAttemptAt: { lte: messagesBefore } },
    }),
  ]);
  return {
    Session: sessions.count,
    SignInEvent: signIns.count,
    ConsentChange: consents.count,
    StaffAccess: accesses.count,
    Customer: customers.count,
    ErasureRequest: requests.count,
    MessageOutbox: sent.count + abandoned.count,
  };
}

/** Follows the other subgraphs' answers and purges on a schedule; resolves to what stops it. */
export async function followErasure(app: UsersApp, purgeEveryMs = PURGE_INTERVAL_MS): Promise<Stop> {
  const stops = [
    ...(await Promise.all(
      ERASURE_CHECKERS.map((service) =>
        app.bus.consume(Events.erasureChecked[service], 'users-erasure', async (event) => {
          if (!event.customerId) return;
          const { requestId, blockers } = event.payload;
          await recordErasureCheck(app, service, event.customerId, requestId, blockers);
        }),
      ),
    )),
    every(app, 'users retention purge', purgeEveryMs, () => runPurge(app, 'users', () => purgeUsers(app))),
  ];
  return stopAll(stops);
}

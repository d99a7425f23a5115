// « Qui a consulté mon dossier » : every read or action of a staff member on a customer's data is recorded, with who,
// when, what and why, and shown to the customer. Each subgraph writes the record to its own outbox (topic
// `<subgraph>.staffAccessed`) where it checks access to a customer's data; users gathers the four streams into the
// customer's log (subgraphs/users/src/app/staff-access.ts). Support agents must say why they open a file: their reads
// without a reason are refused, and nothing is shown.

import type { Clock } from '../clock.ts';
import { abriError, ErrorCode } from '../errors.ts';
import { type Events, type PayloadOf, staffAccessedBy } from '../events/catalog.ts';
import { type Outbox, type OutboxEntry, outboxEntry, type SqlRunner, type TransactionalSql } from '../events/outbox.ts';
import { canAccessCustomer, type Identity, isStaff, isSupportOnly, supportMaySee } from '../identity.ts';
import type { RequestContext } from '../subgraph.ts';

/** The header a staff tool sends the reason in (percent-encoded when it is not ASCII). */
export const REASON_HEADER = 'x-abri-reason';
/** @default 200 characters kept of a reason */
export const MAX_REASON_LENGTH = 200;

/** The reason as sent, decoded and trimmed; null when absent or blank. */
export function accessReason(header: string | string[] | undefined): string | null {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return null;
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded: taken as it came.
  }
  const reason = text.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON_LENGTH);
  return reason || null;
}

export const StaffAccessKind = { READ: 'READ', ACTION: 'ACTION' } as const;
export type StaffAccessKind = (typeof StaffAccessKind)[keyof typeof StaffAccessKind];

/**
 * The payload of a `<subgraph>.staffAccessed` event (`Events.staffAccessed[<subgraph>]`; the event's customerId is
 * the customer concerned).
 */
export type StaffAccessPayload = PayloadOf<typeof Events.staffAccessed.users>;

/** What a subgraph's application services give the recorder. */
export interface StaffAccessApp {
  prisma: TransactionalSql;
  outbox: Outbox;
  clock: Clock;
}

/** Support (AGENT) must give a reason for every read of a customer's data; claims staff work from the claim itself. */
export const needsReason = (who: Identity) => isSupportOnly(who);

export const reasonRequired = () =>
  abriError(
    ErrorCode.REASON_REQUIRED,
    `Indiquez le motif de la consultation de ce dossier (en-tête ${REASON_HEADER}) : il est montré au client.`,
  );

/** The records already written by a request, so a list of fifty rows of one customer makes one record. */
const recorded = new WeakMap<object, Set<string>>();

/**
 * The outbox entry of a staff access record, for a caller that writes it with its own events (`outbox.addAll`) and
 * then calls `recorded()`; null for a customer reading their own data, or when this request already recorded it.
 */
export function staffAccessEntry(
  app: StaffAccessApp,
  ctx: Pick<RequestContext, 'who' | 'client'>,
  customerId: string,
  access: { kind: StaffAccessKind; what: string; reason?: string | null },
): { entry: OutboxEntry; recorded: () => void } | null {
  const who = ctx.who;
  if (!isStaff(who)) return null;
  const key = `${customerId}\n${access.kind}\n${access.what}`;
  const done = recorded.get(ctx) ?? new Set<string>();
  recorded.set(ctx, done);
  if (done.has(key)) return null;
  const payload: StaffAccessPayload = {
    staffId: who.sub,
    roles: who.roles,
    kind: access.kind,
    what: access.what,
    reason: access.reason ?? ctx.client.reason ?? (who.assist ? 'Assistance à votre demande' : null),
  };
  return {
    entry: outboxEntry(staffAccessedBy(app.outbox.source), { customerId, payload, at: app.clock.now() }),
    recorded: () => done.add(key),
  };
}

/**
 * Writes a staff access record in `tx` (inside the caller's transaction, for actions) or in its own transaction.
 * Nothing for a customer reading their own data.
 */
export async function recordStaffAccess(
  app: StaffAccessApp,
  ctx: Pick<RequestContext, 'who' | 'client'>,
  customerId: string,
  access: { kind: StaffAccessKind; what: string; reason?: string | null },
  tx?: SqlRunner,
): Promise<void> {
  const record = staffAccessEntry(app, ctx, customerId, access);
  if (!record) return;
  // One statement (the customer's lock and the row): atomic on its own, so no transaction of its own is opened.
  await app.outbox.addAll(tx ?? app.prisma, [record.entry]);
  record.recorded();
  app.outbox.kick();
}

/**
 * The access check for a customer's data: true for the customer themself; for staff, true once the read is recorded
 * (a support agent without a reason is refused); false for anyone else. Use it wherever customer data is served.
 */
export async function accessCustomer(
  app: StaffAccessApp,
  ctx: Pick<RequestContext, 'who' | 'client'>,
  customerId: string,
  what: string,
): Promise<boolean> {
  // The support binding is part of it: an agent without this customer's grant gets false.
  if (!canAccessCustomer(ctx.who, customerId)) return false;
  if (!isStaff(ctx.who)) return true;
  if (needsReason(ctx.who) && !ctx.client.reason) throw reasonRequired();
  await recordStaffAccess(app, ctx, customerId, { kind: StaffAccessKind.READ, what });
  return true;
}

/**
 * Staff reading many customers' data at once (a work queue): the reason is checked once and every customer's record
 * written in one transaction. Customers never reach here (staff-only lists).
 */
export async function recordStaffReads(
  app: StaffAccessApp,
  ctx: Pick<RequestContext, 'who' | 'client'>,
  reads: { customerId: string; what: string }[],
): Promise<void> {
  if (!isStaff(ctx.who) || !reads.length) return;
  const who = ctx.who;
  if (reads.some((read) => !supportMaySee(who, read.customerId)))
    throw abriError(
      ErrorCode.FORBIDDEN,
      'Le support ne voit les données d’un client que sous son autorisation d’assistance.',
    );
  if (needsReason(ctx.who) && !ctx.client.reason) throw reasonRequired();
  await app.prisma.$transaction(async (tx) => {
    for (const read of reads)
      await recordStaffAccess(app, ctx, read.customerId, { kind: StaffAccessKind.READ, what: read.what }, tx);
  });
}

// The customer's « Qui a consulté mon dossier » log: users follows the four subgraphs' `<name>.staffAccessed` events
// (platform/src/privacy/staff-access.ts) durably and keeps one row per event, with the staff member's name as it was
// then and the reason encrypted.
import { randomUUID } from 'node:crypto';
import { decryptField, type EventOf, Events, encryptField, type Stop, stopAll } from '@abri/platform';
import type { UsersApp } from './index.ts';

export const reasonContext = (customerId: string) => `customer:${customerId}:staff-access-reason`;

type StaffAccessEvent = EventOf<typeof Events.staffAccessed.users>;

/**
 * Stores the events of one read of the bus: one row per event, with one read of the staff members named and one
 * statement for the rows, whatever their number. A redelivered event meets the unique (source, eventId) and changes
 * nothing. In SQL: Prisma 7.10 compiles `createMany` anew at every call, and one `create` per event was two
 * statements and two compilations' worth of work per access (each adjuster's move makes one).
 */
export async function storeStaffAccesses(app: UsersApp, events: readonly StaffAccessEvent[]): Promise<void> {
  const named = events.filter((event): event is StaffAccessEvent & { customerId: string } => {
    if (event.customerId) return true;
    app.log.warn('staff access event ignored: no customer', { source: event.source, id: event.id });
    return false;
  });
  if (!named.length) return;
  const staff = new Map(
    (
      await app.prisma.staffMember.findMany({
        where: { id: { in: [...new Set(named.map((e) => e.payload.staffId))] } },
        select: { id: true, displayName: true, role: true },
      })
    ).map((member) => [member.id, member]),
  );
  const column = <T>(of: (event: (typeof named)[number]) => T) => named.map(of);
  await app.prisma.$executeRawUnsafe(
    `INSERT INTO "users"."StaffAccess"
       (id, source, "eventId", "customerId", "staffMemberId", "staffName", role, kind, what, "reasonEncrypted", at)
     SELECT id, source, "eventId", "customerId", "staffMemberId", "staffName", role::"users"."StaffRole",
       kind::"users"."StaffAccessKind", what, "reasonEncrypted", at
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::timestamp(3)[])
       AS r(id, source, "eventId", "customerId", "staffMemberId", "staffName", role, kind, what, "reasonEncrypted", at)
     ON CONFLICT (source, "eventId") DO NOTHING`,
    column(() => randomUUID()),
    column((e) => e.source),
    column((e) => e.id),
    column((e) => e.customerId),
    column((e) => e.payload.staffId),
    // Sealed as Prisma would seal it (a staff member's name is personal data): this statement bypasses the extension.
    column((e) =>
      app.seal('StaffAccess', 'staffName', staff.get(e.payload.staffId)?.displayName ?? 'Collaborateur d’Abri'),
    ),
    column((e) => staff.get(e.payload.staffId)?.role ?? null),
    column((e) => e.payload.kind),
    column((e) => e.payload.what),
    column((e) => (e.payload.reason ? encryptField(app.keyring, e.payload.reason, reasonContext(e.customerId)) : null)),
    column((e) => e.at),
  );
}

/** Follows every subgraph's staff access events; returns what stops it. */
export async function followStaffAccess(app: UsersApp): Promise<Stop> {
  const stops = await Promise.all(
    Object.values(Events.staffAccessed).map((event) =>
      app.bus.consumeBatch(event, 'users-staff-access', (events) => storeStaffAccesses(app, events)),
    ),
  );
  return stopAll(stops);
}

export async function staffAccessOf(app: UsersApp, customerId: string, first: number) {
  const rows = await app.prisma.staffAccess.findMany({
    where: { customerId },
    orderBy: [{ at: 'desc' }, { id: 'asc' }],
    take: first,
  });
  return rows.map((row) => ({
    ...row,
    reason: row.reasonEncrypted ? decryptField(app.keyring, row.reasonEncrypted, reasonContext(customerId)) : null,
  }));
}
export type StaffAccessView = Awaited<ReturnType<typeof staffAccessOf>>[number];

// The customer's « Qui a consulté mon dossier » log: users follows the four subgraphs' `<name>.staffAccessed` events
// (platform/src/privacy/staff-access.ts) durably and keeps one row per event, with the staff member's name as it was
// then and the reason encrypted.
import { decryptField, type EventOf, Events, encryptField } from '@abri/platform';
import type { UsersApp } from './index.ts';

export const reasonContext = (customerId: string) => `customer:${customerId}:staff-access-reason`;

export async function storeStaffAccess(
  app: UsersApp,
  event: EventOf<typeof Events.staffAccessed.users>,
): Promise<void> {
  const access = event.payload;
  if (!event.customerId) {
    app.log.warn('staff access event ignored: no customer', { source: event.source, id: event.id });
    return;
  }
  const staff = await app.prisma.staffMember.findUnique({
    where: { id: access.staffId },
    select: { displayName: true, role: true },
  });
  // One row per event: a redelivered one meets the unique (source, eventId) and changes nothing. `create` rather
  // than `createMany({ skipDuplicates })`, whose query plan Prisma 7.10 compiles anew at every call.
  await app.prisma.staffAccess
    .create({
      data: {
        source: event.source,
        eventId: event.id,
        customerId: event.customerId,
        staffMemberId: access.staffId,
        staffName: staff?.displayName ?? 'Collaborateur d’Abri',
        role: staff?.role ?? null,
        kind: access.kind,
        what: access.what,
        reasonEncrypted: access.reason
          ? encryptField(app.keyring, access.reason, reasonContext(event.customerId))
          : null,
        at: new Date(event.at),
      },
      select: { id: true },
    })
    .catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== 'P2002') throw error;
    });
}

/** Follows every subgraph's staff access events; returns what stops it. */
export async function followStaffAccess(app: UsersApp): Promise<() => void> {
  const stops = await Promise.all(
    Object.values(Events.staffAccessed).map((event) =>
      app.bus.consume(event, 'users-staff-access', (e) => storeStaffAccess(app, e)),
    ),
  );
  return () => {
    for (const stop of stops) stop();
  };
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

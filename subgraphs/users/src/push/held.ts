// Quiet hours (issue 14): a notification that falls in them is not dropped but held, in the database so a restart
// loses none, and pushed when they end. Security notifications never wait (push/dispatcher.ts sends them at once).
// Each users instance looks for notifications to release every minute; a lease keeps two instances from pushing the
// same one, and the per-device delivery rows keep a retried release from notifying a device twice.
import { every, type PresenceTracker, type Stop } from '@abri/platform';
import type { Prisma } from '../../../../prisma/users/generated/prisma/client.ts';
import type { UsersApp } from '../app/index.ts';
import { pushDecision } from '../domain/notification-preferences.ts';
import { deliver, type PushStats, parisMinute } from './dispatcher.ts';
import type { PushNotification } from './providers.ts';

/** @default a release that crashed is taken over by another instance after five minutes */
const LEASE_MS = 5 * 60_000;
/** @default quiet hours are looked at every minute (they are set to the minute) */
const EVERY_MS = 60_000;

/** Keeps a notification for when the customer's quiet hours end; once per event, however often it is redelivered. */
export async function holdNotification(
  app: UsersApp,
  customerId: string,
  eventId: string,
  notification: PushNotification,
): Promise<void> {
  await app.prisma.heldNotification.createMany({
    data: [
      {
        customerId,
        eventId,
        notification: notification as unknown as Prisma.InputJsonValue,
        heldAt: app.clock.now(),
      },
    ],
    skipDuplicates: true,
  });
}

/** Outbox ids are integers written as strings: the stream's order. */
const byEvent = (a: { eventId: string }, b: { eventId: string }) =>
  a.eventId.length - b.eventId.length || a.eventId.localeCompare(b.eventId);

/**
 * Pushes the held notifications whose customer is out of quiet hours now (or who since muted their category: those
 * are dropped), oldest first. Resolves to how many left the table.
 */
export async function releaseHeld(app: UsersApp, presence: PresenceTracker, stats: PushStats): Promise<number> {
  const now = app.clock.now();
  const minute = parisMinute(now);
  const held = await app.prisma.heldNotification.findMany({
    where: { OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    include: { customer: { select: { notificationPreference: true } } },
  });
  let released = 0;
  for (const row of held.sort(byEvent)) {
    const notification = row.notification as unknown as PushNotification;
    const decision = pushDecision(notification.tag, row.customer.notificationPreference, minute);
    if (decision === 'hold') continue;
    const leased = await app.prisma.heldNotification.updateMany({
      where: { id: row.id, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (!leased.count) continue;
    if (decision === 'send') {
      try {
        await deliver(app, presence, { customerId: row.customerId, eventId: row.eventId, notification }, stats);
      } catch (error) {
        // A push service failed for now: tried again at the next round, the devices reached skipped.
        app.log.warn('held notification not delivered yet', { error: String(error) });
        await app.prisma.heldNotification.updateMany({ where: { id: row.id }, data: { leaseUntil: null } });
        continue;
      }
    }
    await app.prisma.heldNotification.deleteMany({ where: { id: row.id } });
    released++;
  }
  return released;
}

/** Releases held notifications now and every minute; returns what stops it. */
export const startHeldRelease = (app: UsersApp, presence: PresenceTracker): Stop =>
  every(app, 'releasing held notifications', EVERY_MS, () => releaseHeld(app, presence, app.push.stats));

// Push notifications for devices whose app is closed (issue 14.2). A durable consumer of the customer's stream: for
// each event worth a notification, every registered device of that customer whose session is still open, and which
// has no socket open on a gateway (presence), is notified once through its channel's provider. A device the push
// service no longer knows (404/410) is removed; a momentary failure fails the event, which the bus delivers again,
// and the devices already notified are skipped (one ProcessedEvent row per device and event). A crash between a push
// and its row can notify one device twice; nothing is ever sent to another customer's device. A notification that
// falls in the customer's quiet hours is held (push/held.ts) and delivered when they end.
import { type EventOf, Events, type PresenceTracker, recordProcessed } from '@abri/platform';
import { parisDay, parisWallTime } from '@abri/platform/french';
import type { UsersApp } from '../app/index.ts';
import { type NotifiableDevice, notifiableDevices, notifiableDevicesOf } from '../app/push-devices.ts';
import { pushDecision } from '../domain/notification-preferences.ts';
import { holdNotification } from './held.ts';
import { notificationOf } from './messages.ts';
import type { PushNotification } from './providers.ts';

const GROUP = 'users-push';
/** @default events older than an hour are not pushed: a backlog (or a new consumer reading history) stays quiet */
const MAX_AGE_MS = 3_600_000;
/** Pushes in flight at once for one event (push services answer in tens of milliseconds). */
const PARALLEL = 64;
/** Devices notified between two writes of what was delivered. */
const RECORD_BATCH = 200;

/** Counts for tests, metrics and the benchmark. */
export interface PushStats {
  delivered: number;
  skippedLive: number;
  removed: number;
  failed: number;
}

/** Minutes since midnight, Paris time, at `now` (quiet hours are set in Paris time). */
export const parisMinute = (now: Date) =>
  Math.floor((now.getTime() - parisWallTime(parisDay(now), 0).getTime()) / 60_000);

/**
 * The events of one read of the bus, in order: the devices of every customer concerned are read at once (most
 * customers have none, and then an event costs nothing more), then each event is pushed, held or dropped.
 */
export async function dispatchPushes(
  app: UsersApp,
  presence: PresenceTracker,
  events: readonly EventOf<typeof Events.customerEvent>[],
  stats: PushStats,
) {
  const now = app.clock.now();
  const wanted = events.flatMap((event) => {
    if (!event.customerId || now.getTime() - Date.parse(event.at) > MAX_AGE_MS) return [];
    const notification = notificationOf(event.payload, `${event.source}.${event.id}`);
    return notification ? [{ customerId: event.customerId, eventId: event.id, notification }] : [];
  });
  if (!wanted.length) return;
  // A customer without a push device has nothing to push or hold (a device registered later gets what comes after).
  const devices = await notifiableDevicesOf(
    app,
    wanted.map((w) => w.customerId),
  );
  for (const push of wanted) {
    const known = devices.get(push.customerId);
    if (!known?.length) continue;
    const preferences = await app.prisma.notificationPreference.findUnique({ where: { customerId: push.customerId } });
    const decision = pushDecision(push.notification.tag, preferences, parisMinute(app.clock.now()));
    if (decision === 'drop') continue;
    if (decision === 'hold') await holdNotification(app, push.customerId, push.eventId, push.notification);
    else await deliver(app, presence, push, stats, known);
  }
}

/** One event (`dispatchPushes` of one). */
export const dispatchPush = (
  app: UsersApp,
  presence: PresenceTracker,
  event: EventOf<typeof Events.customerEvent>,
  stats: PushStats,
) => dispatchPushes(app, presence, [event], stats);

/**
 * Pushes one notification to every device of the customer not reached yet for this event; throws when a push
 * service failed for now (the caller tries again later, and the devices reached are skipped).
 */
export async function deliver(
  app: UsersApp,
  presence: PresenceTracker,
  push: { customerId: string; eventId: string; notification: PushNotification },
  stats: PushStats,
  /** The customer's devices when the caller has just read them. */
  known?: NotifiableDevice[],
) {
  const { eventId, notification } = push;
  const devices = known ?? (await notifiableDevices(app, push.customerId));
  if (!devices.length) return;
  const done = new Set(
    (
      await app.prisma.processedEvent.findMany({
        where: { eventId, source: { in: devices.map((d) => `${GROUP}:${d.id}`) } },
        select: { source: true },
      })
    ).map((r) => r.source),
  );
  let retry = false;
  const queue = devices.filter((d) => !done.has(`${GROUP}:${d.id}`));
  // Recorded by batches: one transaction per device would cost more than the pushes themselves.
  const delivered: string[] = [];
  const record = async () => {
    const ids = delivered.splice(0);
    if (!ids.length) return;
    await app.prisma.$transaction(async (tx) => {
      await recordProcessed(
        tx,
        'users',
        ids.map((id) => ({ source: `${GROUP}:${id}`, eventId })),
      );
      await tx.pushDevice.updateMany({ where: { id: { in: ids } }, data: { lastPushedAt: app.clock.now() } });
    });
  };
  const worker = async () => {
    for (let device = queue.shift(); device; device = queue.shift()) {
      if (presence.isLive(device.sessionId)) {
        stats.skippedLive++;
        continue;
      }
      const provider = app.push.providers[device.address.channel];
      if (!provider) continue;
      const outcome = await provider.send(device.address, notification);
      if (outcome === 'delivered') {
        stats.delivered++;
        delivered.push(device.id);
        if (delivered.length >= RECORD_BATCH) await record();
      } else if (outcome === 'gone') {
        stats.removed++;
        await app.prisma.pushDevice.deleteMany({ where: { id: device.id } });
      } else if (outcome === 'retry') {
        retry = true;
      } else {
        stats.failed++;
        app.log.warn('push refused by the push service', { channel: device.address.channel, deviceId: device.id });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
  } finally {
    await record();
  }
  if (retry) throw new Error('a push service failed for now; the event is tried again');
}

/** Starts the dispatcher; resolves to what stops it. */
export async function startPushDispatcher(app: UsersApp, presence: PresenceTracker): Promise<() => void> {
  return app.bus.consumeBatch(Events.customerEvent, GROUP, (events) =>
    dispatchPushes(app, presence, events, app.push.stats),
  );
}

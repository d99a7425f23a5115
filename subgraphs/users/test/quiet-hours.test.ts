// Quiet hours (issue 14): a notification that falls in them is held, survives a restart, and is pushed once when they
// end; a security notification is pushed at once; a category muted meanwhile is not pushed at all. Time is the
// harness's clock, moved by the test.
import { DEMO, Events, type PresenceTracker, storedKeyId } from '@abri/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { login } from '../src/app/auth.ts';
import type { FeedPayload } from '../src/app/customer-feed.ts';
import { registerPushDevice } from '../src/app/push-devices.ts';
import { dispatchPush, dispatchPushes, type PushStats } from '../src/push/dispatcher.ts';
import { releaseHeld } from '../src/push/held.ts';
import type { PushNotification, PushProvider } from '../src/push/providers.ts';
import { usersHarness } from './harness.ts';

const firefox = {
  ip: '81.2.69.142',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
};
const closedApp = { isLive: () => false } as unknown as PresenceTracker;
const stats = (): PushStats => ({ delivered: 0, skippedLive: 0, removed: 0, failed: 0 });

let h: Awaited<ReturnType<typeof usersHarness>> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Camille with one phone (APNs, to a double that records what it is given) and quiet hours from 22:00 to 07:00. */
async function camilleAsleep() {
  const sent: PushNotification[] = [];
  const apns: PushProvider = {
    async send(_address, notification) {
      sent.push(notification);
      return 'delivered';
    },
  };
  h = await usersHarness({ push: { vapid: null, native: { APNS: apns } } });
  const signedIn = await login(h.app, DEMO.camille.contractNumber, DEMO.customerPassword, firefox);
  if (signedIn.kind !== 'success') throw new Error(signedIn.kind);
  const who = { sub: DEMO.camille.customerId, sid: signedIn.session.sessionId };
  expect(await registerPushDevice(h.app, who, { channel: 'APNS', token: 'c3'.repeat(32) })).toMatchObject({
    kind: 'registered',
  });
  await h.app.prisma.notificationPreference.create({
    data: { customerId: DEMO.camille.customerId, muted: [], quietFrom: 22 * 60, quietUntil: 7 * 60 },
  });
  return { harness: h, sent };
}

/** An event of Camille's stream as the bus hands it to the dispatcher. */
function streamEvent(id: number, at: Date, kind: FeedPayload['kind'], data: Record<string, unknown>) {
  const payload: FeedPayload = { kind, origin: `claims.${id}`, at: at.toISOString(), data };
  return {
    id: String(id),
    source: 'users',
    topic: Events.customerEvent.topic,
    customerId: DEMO.camille.customerId,
    payload,
    at: at.toISOString(),
  };
}

describe('quiet hours', () => {
  it('holds what falls in them, keeps it across a restart, pushes it once when they end; security at once', async () => {
    const { harness, sent } = await camilleAsleep();
    // 23:30 in Paris.
    const night = new Date('2026-11-26T22:30:00Z');
    harness.clock.set(night);
    const claim = streamEvent(41, night, 'claimStatus', { claimId: 'c-1', status: 'PAID' });
    await dispatchPush(harness.app, closedApp, claim, stats());
    // Delivered again by the bus (at least once): still held once.
    await dispatchPush(harness.app, closedApp, claim, stats());
    expect(sent).toEqual([]);
    expect(await harness.app.prisma.heldNotification.count()).toBe(1);
    // Held sealed at rest: the stored row names its key, not what the lock screen will show.
    const [raw] = await harness.app.prisma.$queryRawUnsafe<{ v: string }[]>(
      `SELECT notification #>> '{}' AS v FROM "users"."HeldNotification"`,
    );
    expect(storedKeyId(raw!.v)).not.toBeNull();
    expect(raw!.v).not.toContain('indemnité');

    // A new sign-in at night is pushed at once.
    await dispatchPush(harness.app, closedApp, streamEvent(42, night, 'signIn', { sid: 's-2' }), stats());
    expect(sent.map((n) => n.title)).toEqual(['Nouvelle connexion à votre espace client']);

    // Still quiet at 06:59: nothing released.
    harness.clock.set(new Date('2026-11-27T05:59:00Z'));
    expect(await releaseHeld(harness.app, closedApp, stats())).toBe(0);
    expect(sent).toHaveLength(1);

    // The service restarts during the night; at 07:00 the new instance pushes what was held, once.
    const restarted = await harness.restart();
    harness.clock.set(new Date('2026-11-27T06:00:00Z'));
    expect(await releaseHeld(restarted, closedApp, stats())).toBe(1);
    expect(sent.map((n) => n.body)).toEqual([
      'Si ce n’est pas vous, ouvrez votre espace client pour fermer cet accès.',
      'Votre indemnité a été versée.',
    ]);
    expect(sent[1]).toMatchObject({ url: '/sinistres/c-1', tag: 'claim', cursor: 'users.41' });
    expect(await releaseHeld(restarted, closedApp, stats())).toBe(0);
    expect(await restarted.prisma.heldNotification.count()).toBe(0);
    expect(sent).toHaveLength(2);
  }, 240_000);

  it('holds nothing for a customer without a push device', async () => {
    const { harness } = await camilleAsleep();
    await harness.app.prisma.pushDevice.deleteMany({ where: { customerId: DEMO.camille.customerId } });
    const night = new Date('2026-11-26T22:30:00Z');
    harness.clock.set(night);
    await dispatchPush(
      harness.app,
      closedApp,
      streamEvent(44, night, 'claimStatus', { claimId: 'c-1', status: 'PAID' }),
      stats(),
    );
    expect(await harness.app.prisma.heldNotification.count()).toBe(0);
  });

  it('drops a held notification whose category the customer muted before quiet hours ended', async () => {
    const { harness, sent } = await camilleAsleep();
    const night = new Date('2026-11-26T23:00:00Z');
    harness.clock.set(night);
    await dispatchPush(
      harness.app,
      closedApp,
      streamEvent(43, night, 'schedule', { policyId: 'p-1', dueDay: 12 }),
      stats(),
    );
    expect(await harness.app.prisma.heldNotification.count()).toBe(1);
    await harness.app.prisma.notificationPreference.update({
      where: { customerId: DEMO.camille.customerId },
      data: { muted: ['PAYMENTS'] },
    });
    harness.clock.set(new Date('2026-11-27T07:30:00Z'));
    expect(await releaseHeld(harness.app, closedApp, stats())).toBe(1);
    expect(sent).toEqual([]);
    expect(await harness.app.prisma.heldNotification.count()).toBe(0);
  }, 240_000);

  it('pushes the events of one read of the bus in order, each once, and nothing for a customer without a device', async () => {
    const { harness, sent } = await camilleAsleep();
    // 10:00 in Paris: out of quiet hours.
    const day = new Date('2026-11-27T09:00:00Z');
    harness.clock.set(day);
    const louis = {
      ...streamEvent(52, day, 'claimStatus', { claimId: 'c-9', status: 'PAID' }),
      customerId: DEMO.louis.customerId,
    };
    const batch = [
      streamEvent(51, day, 'claimStatus', { claimId: 'c-1', status: 'ACKNOWLEDGED' }),
      louis,
      streamEvent(53, day, 'claimStatus', { claimId: 'c-1', status: 'PAID' }),
      streamEvent(51, day, 'claimStatus', { claimId: 'c-1', status: 'ACKNOWLEDGED' }), // read twice in one batch
    ];
    await dispatchPushes(harness.app, closedApp, batch, stats());
    // The batch again (at least once): nothing more.
    await dispatchPushes(harness.app, closedApp, batch, stats());
    expect(sent.map((n) => n.cursor)).toEqual(['users.51', 'users.53']);
  }, 240_000);
});

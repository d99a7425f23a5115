// A customer keeps at most MAX_DEVICES_PER_CUSTOMER devices registered for push: registering one more lets the least
// recently registered go, so a new device always works and one account cannot make each event cost thousands of
// pushes (each to an address of its choosing, each waited for).
import { DEMO } from '@abri/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { login } from '../src/app/auth.ts';
import { MAX_DEVICES_PER_CUSTOMER, registerPushDevice } from '../src/app/push-devices.ts';
import type { PushProvider } from '../src/push/providers.ts';
import { usersHarness } from './harness.ts';

let h: Awaited<ReturnType<typeof usersHarness>> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('devices registered for push', () => {
  it('keeps the most recent registrations of a customer, up to the cap, and the newest always', async () => {
    const apns: PushProvider = { send: async () => 'delivered' };
    h = await usersHarness({ push: { vapid: null, native: { APNS: apns } } });
    const signedIn = await login(h.app, DEMO.camille.contractNumber, DEMO.customerPassword, {
      ip: '81.2.69.142',
      userAgent: 'test',
    });
    if (signedIn.kind !== 'success') throw new Error(signedIn.kind);
    const who = { sub: DEMO.camille.customerId, sid: signedIn.session.sessionId };
    const registered: string[] = [];
    for (let i = 0; i < MAX_DEVICES_PER_CUSTOMER + 5; i++) {
      h.clock.advance(60_000);
      const outcome = await registerPushDevice(h.app, who, {
        channel: 'APNS',
        token: i.toString(16).padStart(64, '0'),
      });
      if (outcome.kind !== 'registered') throw new Error(outcome.kind);
      registered.push(outcome.deviceId);
    }
    const kept = await h.app.prisma.pushDevice.findMany({ where: { customerId: who.sub }, select: { id: true } });
    expect(kept.map((d) => d.id).sort()).toEqual(registered.slice(-MAX_DEVICES_PER_CUSTOMER).sort());
    // Registering a kept device again keeps them all.
    h.clock.advance(60_000);
    const again = await registerPushDevice(h.app, who, { channel: 'APNS', token: (10).toString(16).padStart(64, '0') });
    expect(again).toMatchObject({ kind: 'registered', deviceId: registered[10] });
    expect(await h.app.prisma.pushDevice.count({ where: { customerId: who.sub } })).toBe(MAX_DEVICES_PER_CUSTOMER);
  });
});

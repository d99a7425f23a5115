// Push notifications when the app is closed (issue 14.2), end to end: devices of one customer, some following their
// events on a socket, some closed with a push registration (Web Push to a local push service that checks VAPID and
// decrypts the RFC 8291 payload with the subscription's keys; APNs through a test double). Each event reaches each
// device once, by the right channel: on the socket when the app is open, by push otherwise; never another
// customer's device; a dead endpoint is removed; a signed-out session's device is forgotten.
import { DEMO } from '@abri/platform';
import type { AbriClient } from '@abri/sdk';
import { adjuster, advance, customer, startTestSystem } from '@abri/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushAddress, PushNotification, PushProvider } from '../../subgraphs/users/src/push/providers.ts';
import { generateVapidKey } from '../../subgraphs/users/src/push/web-push.ts';
import { startPushReceiver } from '../../subgraphs/users/test/push-receiver.ts';

const vapid = generateVapidKey();
const apns: { address: PushAddress; notification: PushNotification }[] = [];
const apnsDouble: PushProvider = {
  async send(address, notification) {
    apns.push({ address, notification });
    return 'delivered';
  },
};

let receiver: Awaited<ReturnType<typeof startPushReceiver>>;
let system: Awaited<ReturnType<typeof startTestSystem>>;
let url: string;
// The adjuster signs in once per file: a TOTP code works once.
let staff: AbriClient;
beforeAll(async () => {
  receiver = await startPushReceiver({ vapidPublicKey: () => vapid.publicKey });
  system = await startTestSystem({ push: { vapid, allowHttpEndpoints: true, native: { APNS: apnsDouble } } });
  url = system.gateway.url;
  staff = await adjuster(url);
});
afterAll(async () => {
  await system?.stop();
  await receiver?.close();
});

const REGISTER = `mutation($i: PushDeviceInput!) { registerPushDevice(input: $i) {
  __typename ... on PushDeviceRegistered { device { id channel current } } ... on Error { message } ... on InvalidPushDevice { field }
} }`;
type Registered = { registerPushDevice: { __typename: string; device?: { id: string }; field?: string } };

async function sessionId(client: AbriClient) {
  const { data } = await client.request<{ me: { sessions: { id: string; current: boolean }[] } }>(
    '{ me { sessions { id current } } }',
  );
  return data!.me.sessions.find((s) => s.current)!.id;
}

/** A device registered for Web Push; signed in already when given (a sign-in is itself pushed to the others). */
async function webPushDevice(who: 'camille' | 'louis', signedIn?: AbriClient) {
  const client = signedIn ?? (await customer(url, who));
  const subscription = receiver.subscribe();
  const { data } = await client.request<Registered>(REGISTER, {
    i: { channel: 'WEB_PUSH', endpoint: subscription.endpoint, p256dh: subscription.p256dh, auth: subscription.auth },
  });
  expect(data?.registerPushDevice.__typename).toBe('PushDeviceRegistered');
  return { client, subscription, deviceId: data!.registerPushDevice.device!.id, sid: await sessionId(client) };
}

const EVENTS = 'subscription($after: String) { customerEvents(after: $after) { __typename cursor } }';
const pushesTo = (subscription: string) => receiver.received.filter((r) => r.subscription === subscription);

describe('push notifications', () => {
  it('notifies each closed device once, and the open ones on their socket only', async () => {
    const users = system.services.users.app;
    // Camille: a phone with the app closed (Web Push), an iPhone closed (APNs), a laptop registered for push but
    // with the app open, a tablet open and not registered. Louis: a phone closed. All signed in first: each sign-in
    // is itself pushed to the devices registered before it.
    const phoneClient = await customer(url, 'camille');
    const iphone = await customer(url, 'camille');
    const laptopClient = await customer(url, 'camille');
    const tabletClient = await customer(url, 'camille');
    const closed = await webPushDevice('camille', phoneClient);
    const token = 'a1'.repeat(32);
    expect((await iphone.request<Registered>(REGISTER, { i: { channel: 'APNS', token } })).data).toMatchObject({
      registerPushDevice: { __typename: 'PushDeviceRegistered' },
    });
    const laptop = await webPushDevice('camille', laptopClient);
    const louis = await webPushDevice('louis');
    const live: Record<string, { cursor: string }[]> = { laptop: [], tablet: [] };
    const follows = {
      laptop: laptop.client.follow<{ customerEvents: { cursor: string } }>(EVENTS, {
        onEvent: (d) => {
          live.laptop!.push(d.customerEvents);
        },
      }),
      tablet: tabletClient.follow<{ customerEvents: { cursor: string } }>(EVENTS, {
        onEvent: (d) => {
          live.tablet!.push(d.customerEvents);
        },
      }),
    };
    await expect.poll(() => system.gateway.live().devices, { timeout: 30_000 }).toBe(2);
    await expect.poll(() => users.push.presence?.isLive(laptop.sid), { timeout: 30_000 }).toBe(true);
    expect(users.push.presence?.isLive(closed.sid)).toBe(false);

    await advance(staff, DEMO.camilleClaimId, 'DOCUMENTS_REQUESTED');
    await expect.poll(() => pushesTo(closed.subscription.id).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => apns.length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => live.tablet!.length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => live.laptop!.length, { timeout: 30_000 }).toBe(1);

    const [push] = pushesTo(closed.subscription.id);
    expect(push!.headers.encoding).toBe('aes128gcm');
    expect(push!.message).toEqual({
      title: 'Votre sinistre avance',
      body: 'Des pièces sont demandées pour votre dossier de sinistre.',
      url: `/sinistres/${DEMO.camilleClaimId}`,
      tag: 'claim',
      cursor: live.laptop![0]!.cursor,
    });
    // Nothing personal on the lock screen: no claim reference, no name.
    expect(JSON.stringify(push!.message)).not.toMatch(/SIN-|Camille|Martin/);
    expect(apns[0]).toEqual({ address: { channel: 'APNS', token }, notification: push!.message });

    // The laptop's app is closed: from now on it is notified by push.
    await follows.laptop.stop();
    await expect.poll(() => users.push.presence?.isLive(laptop.sid), { timeout: 30_000 }).toBe(false);
    const profile = await closed.client.request(
      'mutation { updateProfile(input: { phone: "06 11 22 33 44" }) { __typename } }',
    );
    expect(profile.errors).toBeUndefined();
    await expect.poll(() => pushesTo(laptop.subscription.id).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => pushesTo(closed.subscription.id).length, { timeout: 30_000 }).toBe(2);
    await expect.poll(() => live.tablet!.length, { timeout: 30_000 }).toBe(2);
    expect(pushesTo(laptop.subscription.id)[0]!.message).toMatchObject({ title: 'Votre profil a été modifié' });
    await expect.poll(() => apns.length, { timeout: 30_000 }).toBe(2);

    // The closed phone's subscription expired (410): the device is removed, the others still notified.
    receiver.expire(closed.subscription.id);
    await advance(staff, DEMO.camilleClaimId, 'ACKNOWLEDGED');
    await expect
      .poll(() => users.prisma.pushDevice.count({ where: { id: closed.deviceId } }), { timeout: 30_000 })
      .toBe(0);
    await expect.poll(() => pushesTo(laptop.subscription.id).length, { timeout: 30_000 }).toBe(2);
    await expect.poll(() => apns.length, { timeout: 30_000 }).toBe(3);

    // Signing out removes the iPhone's registration with its session.
    await iphone.request('mutation { logout }');
    expect(
      await users.prisma.pushDevice.count({ where: { customerId: DEMO.camille.customerId, channel: 'APNS' } }),
    ).toBe(0);
    // The other closed devices hear that an access was closed; the signed-out iPhone hears nothing more.
    await expect.poll(() => pushesTo(laptop.subscription.id).length, { timeout: 30_000 }).toBe(3);
    expect(pushesTo(laptop.subscription.id).map((p) => p.message.title)).toEqual([
      'Votre profil a été modifié',
      'Votre sinistre avance',
      'Un accès a été fermé',
    ]);
    expect(apns).toHaveLength(3);

    // Each event once per device and channel; Louis got none of it; no push was refused for its VAPID token.
    expect(pushesTo(louis.subscription.id)).toEqual([]);
    expect(live.tablet!.map((e) => e.cursor)).toEqual([...new Set(live.tablet!.map((e) => e.cursor))]);
    const cursors = (id: string) => pushesTo(id).map((p) => p.message.cursor);
    expect(new Set(cursors(laptop.subscription.id)).size).toBe(3);
    expect(cursors(closed.subscription.id)).toEqual([live.laptop![0]!.cursor, live.tablet![1]!.cursor]);
    expect(receiver.refused).toEqual([]);
    await follows.tablet.stop();
  });

  it('follows the customer’s preferences: a muted category is not pushed, security notifications always are', async () => {
    const phone = await webPushDevice('camille');
    const SET = `mutation($i: NotificationPreferencesInput!) { updateNotificationPreferences(input: $i) {
      __typename ... on NotificationPreferencesUpdated { preferences { muted quietFrom quietUntil } } ... on InvalidNotificationPreferences { field } } }`;
    expect((await phone.client.request(SET, { i: { muted: [], quietFrom: '22:00' } })).data).toEqual({
      updateNotificationPreferences: { __typename: 'InvalidNotificationPreferences', field: 'quietUntil' },
    });
    expect((await phone.client.request(SET, { i: { muted: ['CLAIMS'] } })).data).toEqual({
      updateNotificationPreferences: {
        __typename: 'NotificationPreferencesUpdated',
        preferences: { muted: ['CLAIMS'], quietFrom: null, quietUntil: null },
      },
    });
    await advance(staff, DEMO.camilleClaimId, 'DOCUMENTS_REQUESTED');
    await phone.client.request('mutation { updateProfile(input: { phone: "06 98 76 54 32" }) { __typename } }');
    // The stream is dispatched in order: once the profile's push is in, the claim's was passed over.
    await expect.poll(() => pushesTo(phone.subscription.id).length, { timeout: 30_000 }).toBe(1);
    expect(pushesTo(phone.subscription.id)[0]!.message).toMatchObject({ tag: 'security' });
    await phone.client.request(SET, { i: { muted: [] } });
    await advance(staff, DEMO.camilleClaimId, 'ACKNOWLEDGED');
    await expect.poll(() => pushesTo(phone.subscription.id).length, { timeout: 30_000 }).toBe(2);
    expect(pushesTo(phone.subscription.id)[1]!.message).toMatchObject({ tag: 'claim' });
  });

  it('refuses an invalid registration with the field at fault and stores nothing', async () => {
    const camille = await customer(url, 'camille');
    const users = system.services.users.app;
    const before = await users.prisma.pushDevice.count();
    const subscription = receiver.subscribe();
    const refuse = async (i: Record<string, unknown>) =>
      (await camille.request<Registered>(REGISTER, { i })).data?.registerPushDevice;
    expect(
      await refuse({ channel: 'WEB_PUSH', endpoint: 'ftp://x', p256dh: subscription.p256dh, auth: subscription.auth }),
    ).toMatchObject({ __typename: 'InvalidPushDevice', field: 'endpoint' });
    expect(
      await refuse({
        channel: 'WEB_PUSH',
        endpoint: subscription.endpoint,
        p256dh: `B${'A'.repeat(86)}`,
        auth: subscription.auth,
      }),
    ).toMatchObject({ __typename: 'InvalidPushDevice', field: 'p256dh' });
    expect(
      await refuse({ channel: 'WEB_PUSH', endpoint: subscription.endpoint, p256dh: subscription.p256dh }),
    ).toMatchObject({ __typename: 'InvalidPushDevice', field: 'auth' });
    expect(await refuse({ channel: 'FCM', token: 'x'.repeat(40) })).toMatchObject({
      __typename: 'PushChannelUnavailable',
    });
    expect(await users.prisma.pushDevice.count()).toBe(before);
  });

  it('lets only the owner unregister a device, and refuses anonymous registration', async () => {
    const mine = await webPushDevice('camille');
    const louis = await customer(url, 'louis');
    const UNREGISTER = 'mutation($id: ID!) { unregisterPushDevice(id: $id) { __typename } }';
    expect((await louis.request(UNREGISTER, { id: mine.deviceId })).data).toEqual({
      unregisterPushDevice: { __typename: 'PushDeviceNotFound' },
    });
    const { data } = await louis.request<{ me: { pushDevices: { id: string }[] } }>('{ me { pushDevices { id } } }');
    expect(data!.me.pushDevices.map((d) => d.id)).not.toContain(mine.deviceId);
    expect((await mine.client.request(UNREGISTER, { id: mine.deviceId })).data).toEqual({
      unregisterPushDevice: { __typename: 'PushDeviceUnregistered' },
    });
    expect(await system.services.users.app.prisma.pushDevice.count({ where: { id: mine.deviceId } })).toBe(0);
    const anonymous = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: REGISTER, variables: { i: { channel: 'APNS', token: 'b2'.repeat(32) } } }),
    });
    const body = (await anonymous.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

// « Mon compte » → Notifications (issue 14.2–14.3) in Chromium, on a desktop and on a phone: this browser registered
// for push with the API's VAPID key, listed by the API, a category turned off and quiet hours set (read back from the
// API), then the device unregistered. No push service is reachable from the tests, so the browser's PushManager is
// replaced by a stand-in that makes a genuine subscription's keys (P-256 point, 16-byte secret) for a made-up endpoint.
import { DEMO } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  pageProblems,
  type Size,
  signInAs,
  skipBrowser,
  webDocument,
  webForFile,
} from './browser.ts';

const web = webForFile();

/** The push service's side of PushManager, as a page script: subscriptions with real keys, the key asked recorded. */
function fakePushService() {
  const w = window as unknown as { abriPush: { key: string | null; unsubscribed: number } };
  w.abriPush = { key: null, unsubscribed: 0 };
  const b64 = (bytes: Uint8Array) =>
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  let current: PushSubscription | null = null;
  PushManager.prototype.getSubscription = async () => current;
  PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
    const key = options?.applicationServerKey;
    const keyBytes =
      key instanceof ArrayBuffer ? new Uint8Array(key) : ArrayBuffer.isView(key) ? new Uint8Array(key.buffer) : null;
    w.abriPush.key = keyBytes ? b64(keyBytes) : null;
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const p256dh = b64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
    const auth = b64(crypto.getRandomValues(new Uint8Array(16)));
    const endpoint = `https://push.example.test/abri/${b64(crypto.getRandomValues(new Uint8Array(12)))}`;
    current = {
      endpoint,
      expirationTime: null,
      options: { applicationServerKey: keyBytes?.buffer ?? null, userVisibleOnly: true },
      getKey: () => null,
      toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh, auth } }),
      unsubscribe: async () => {
        current = null;
        w.abriPush.unsubscribed += 1;
        return true;
      },
    } as unknown as PushSubscription;
    return current;
  };
}

interface Settings {
  webPushPublicKey: string | null;
  me: {
    pushDevices: { id: string; channel: string; current: boolean }[];
    notificationPreferences: { muted: string[]; quietFrom: string | null; quietUntil: string | null };
  };
}

describe.skipIf(skipBrowser)('notification settings', () => {
  const hours: Record<Size, [string, string]> = { desktop: ['22:30', '06:45'], mobile: ['21:15', '07:30'] };
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`registers this device for push, sets a category and quiet hours, and unregisters it (${size})`, async () => {
      const context = await web.context(size);
      await context.grantPermissions(['notifications'], { origin: web.origin });
      await context.addInitScript(fakePushService);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      // The API, as another device of the same customer sees it.
      const api = new AbriClient(web.system.gateway.url);
      expect((await api.login(DEMO.camille.contractNumber, DEMO.customerPassword))?.__typename).toBe('LoginSuccess');
      const settings = async () => (await api.request<Settings>(webDocument('NotificationSettings'))).data!;
      expect((await settings()).me.pushDevices).toEqual([]);

      await signInAs(web, page, 'camille');
      await tap(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Compte' }));
      await page.waitForURL(`${web.origin}/compte`);
      const panel = page.getByRole('region', { name: 'Notifications' });
      await expect.poll(() => panel.getByText('Aucun appareil pour le moment.').count(), { timeout: 30_000 }).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      // Registered with the API's key; the API lists it, and the panel marks it as this device.
      await tap(panel.getByRole('button', { name: 'Recevoir les notifications sur cet appareil' }));
      await expect
        .poll(() => panel.getByText('Cet appareil recevra vos notifications').count(), { timeout: 30_000 })
        .toBe(1);
      const key = (await settings()).webPushPublicKey;
      expect(key).toMatch(/^[\w-]{80,}$/);
      expect(await page.evaluate(() => (window as unknown as { abriPush: { key: string } }).abriPush.key)).toBe(key);
      const registered = (await settings()).me.pushDevices;
      expect(registered).toEqual([expect.objectContaining({ channel: 'WEB_PUSH', current: false })]);
      const device = panel
        .getByRole('list', { name: 'Appareils qui reçoivent les notifications' })
        .getByRole('listitem');
      await expect.poll(() => device.count()).toBe(1);
      expect(await device.textContent()).toMatch(/Navigateur ou application web\s*Cet appareil/);
      expect(await panel.getByRole('button', { name: 'Recevoir les notifications sur cet appareil' }).count()).toBe(0);

      // Payments turned off, quiet hours set: read back from the API.
      const [from, until] = hours[size];
      await panel.getByRole('checkbox', { name: 'Mes prélèvements et échéances' }).setChecked(false);
      await panel.getByRole('checkbox', { name: 'Le suivi de mes sinistres' }).setChecked(true);
      await panel.getByRole('checkbox', { name: /^Ne pas me déranger/ }).setChecked(true);
      await panel.getByLabel('De', { exact: true }).fill(from);
      await panel.getByLabel('À', { exact: true }).fill(until);
      await tap(panel.getByRole('button', { name: 'Enregistrer mes préférences' }));
      await expect
        .poll(() => panel.getByText('Vos préférences de notification sont enregistrées.').count(), { timeout: 30_000 })
        .toBe(1);
      expect((await settings()).me.notificationPreferences).toEqual({
        __typename: 'NotificationPreferences',
        muted: ['PAYMENTS'],
        quietFrom: from,
        quietUntil: until,
      });
      // The form shows what is saved.
      expect(await panel.getByRole('checkbox', { name: 'Mes prélèvements et échéances' }).isChecked()).toBe(false);
      expect(await panel.getByLabel('De', { exact: true }).inputValue()).toBe(from);
      expect(await accessibilityViolations(page)).toEqual([]);

      // Unregistered: the API lists nothing, the browser's subscription is dropped, the offer is back.
      await tap(
        panel.getByRole('button', { name: /^Ne plus notifier cet appareil \(Navigateur ou application web, / }),
      );
      await expect
        .poll(() => panel.getByText('Cet appareil ne recevra plus de notifications.').count(), { timeout: 30_000 })
        .toBe(1);
      expect((await settings()).me.pushDevices).toEqual([]);
      expect(
        await page.evaluate(() => (window as unknown as { abriPush: { unsubscribed: number } }).abriPush.unsubscribed),
      ).toBe(1);
      await expect
        .poll(() => panel.getByRole('button', { name: 'Recevoir les notifications sur cet appareil' }).count())
        .toBe(1);
      expect(await panel.getByText('Aucun appareil pour le moment.').count()).toBe(1);
      expect(problems).toEqual([]);
    });
  }
});

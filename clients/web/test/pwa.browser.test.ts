// The installable customer space (issue 14.3) in Chromium: a valid manifest whose icons load, a service worker that
// serves the shell when the network is gone, and a push delivered to it (through the DevTools protocol, as no push
// service is reachable offline) shown as a notification that opens the screen it is about.
import { DEMO } from '@abri/platform';
import { describe, expect, it } from 'vitest';
import { signInAs, skipBrowser, webForFile } from './browser.ts';

const web = webForFile();

/** Width and height of a PNG, read from its IHDR chunk. */
const pngSize = (bytes: Buffer) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

describe.skipIf(skipBrowser)('installable web app', () => {
  it('has a valid French manifest whose PNG icons load at their stated sizes', async () => {
    const context = await web.context('mobile');
    const page = await context.newPage();
    await page.goto(`${web.origin}/connexion`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const response = await page.request.get(`${web.origin}${href}`);
    expect(response.headers()['content-type']).toBe('application/manifest+json');
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      lang: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Abri · Espace client', lang: 'fr', start_url: '/', display: 'standalone' });
    expect(manifest.theme_color).toBe(await page.locator('meta[name="theme-color"]').getAttribute('content'));
    expect(manifest.icons.map((i) => i.purpose).sort()).toEqual(['any', 'any', 'maskable']);
    for (const icon of manifest.icons) {
      const png = await page.request.get(`${web.origin}${icon.src}`);
      expect(png.headers()['content-type']).toBe('image/png');
      expect(pngSize(await png.body()).join('x')).toBe(icon.sizes);
    }
  });

  it('serves the app shell offline, and shows a push that opens the claim when tapped', async () => {
    const context = await web.context('desktop');
    await context.grantPermissions(['notifications'], { origin: web.origin });
    const page = await context.newPage();
    await page.goto(`${web.origin}/connexion`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 30_000 }).toBeTruthy();
    expect(await page.title()).toBe('Abri · Espace client');
    await context.setOffline(false);
    // Signed in, as the customer whose claim the push is about (signed out, the tap would end on the sign-in).
    await signInAs(web, page, 'camille');

    // A push as the push service would hand it over, through the DevTools protocol.
    const cdp = await context.newCDPSession(page);
    // The app's registration as DevTools last described it: an update can add another, and a replaced one is deleted.
    const registrations = new Map<string, { registrationId: string; scopeURL: string; isDeleted: boolean }>();
    cdp.on(
      'ServiceWorker.workerRegistrationUpdated',
      (e: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
        for (const r of e.registrations) registrations.set(r.registrationId, r);
      },
    );
    await cdp.send('ServiceWorker.enable');
    const live = () => [...registrations.values()].filter((r) => !r.isDeleted && r.scopeURL === `${web.origin}/`);
    await expect.poll(() => live().length, { timeout: 30_000 }).toBeGreaterThan(0);
    const message = {
      title: 'Votre sinistre avance',
      body: 'Des pièces sont demandées pour votre dossier de sinistre.',
      url: `/sinistres/${DEMO.camilleClaimId}`,
      tag: 'claim',
      cursor: 'users.1',
    };
    const deliver = () =>
      cdp.send('ServiceWorker.deliverPushMessage', {
        origin: web.origin,
        registrationId: live().at(-1)!.registrationId,
        data: JSON.stringify(message),
      });
    const notifications = () =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          tag: n.tag,
          data: n.data as unknown,
        })),
      );
    // A push handed to a worker that is still starting can be dropped by DevTools: handed again while nothing shows
    // (one tag, so a second delivery replaces the first notification rather than adding one).
    await deliver();
    const shown = async () => {
      const now = await notifications();
      if (now.length === 0) await deliver();
      return now;
    };
    await expect
      .poll(shown, { timeout: 30_000 })
      .toEqual([{ title: message.title, body: message.body, tag: 'claim', data: { url: message.url } }]);

    // The tap: the notification's click event, dispatched in the service worker, takes the open window to the claim.
    const [worker] = context.serviceWorkers();
    await worker!.evaluate(async () => {
      const scope = self as unknown as ServiceWorkerGlobalScope;
      const [notification] = await scope.registration.getNotifications();
      scope.dispatchEvent(new NotificationEvent('notificationclick', { notification: notification! }));
    });
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe(message.url);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 })
      .toMatch(/SIN-\d{4}-\d+/);
  });
});

// « Mon compte et sécurité » in a real browser, on a desktop and on a phone: the profile edited (a refused phone
// number said next to its field, then saved) and seen live by a second tab, the security score and the two-factor
// state, the devices signed in with this one marked, another device signed out from here (its open page goes back to
// the sign-in at once), and the recent sign-ins with their device.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  pageProblems,
  SIZES,
  type Size,
  signInAs,
  skipBrowser,
  startWeb,
  type WebHarness,
} from './browser.ts';

let web: WebHarness;

beforeAll(async () => {
  if (!skipBrowser) web = await startWeb();
});
afterAll(async () => {
  await web?.stop();
});

/** The other device: another browser, so the session list tells it apart. */
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

describe.skipIf(skipBrowser)('account and security', () => {
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`edits the profile (a second tab sees it live), shows the security state and signs another device out (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());

      const other = await web.browser.newContext({
        ...SIZES.desktop,
        userAgent: FIREFOX,
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
      });
      const otherPage = await other.newPage();
      await signInAs(web, otherPage, 'camille');
      await signInAs(web, page, 'camille');

      await tap(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Compte' }));
      await page.waitForURL(`${web.origin}/compte`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mon compte et sécurité');
      const security = page.getByRole('region', { name: 'Sécurité du compte' });
      await expect.poll(() => security.count()).toBe(1);
      expect(await security.textContent()).toMatch(/Niveau de protection : \d{1,3}\u00a0\/\u00a0100/);
      expect(await security.textContent()).toContain('Validation en deux étapes : désactivée');
      expect(await security.getByRole('listitem').count()).toBeGreaterThan(0);
      const history = page.getByRole('region', { name: 'Dernières connexions' });
      expect(await history.getByRole('listitem').first().textContent()).toMatch(/^Connexion réussie/);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The profile: a refused number is said next to its field, and nothing is saved; a valid one is.
      const profile = page.getByRole('form', { name: 'Mes informations' });
      const phone = profile.getByLabel('Téléphone mobile');
      await phone.fill('12');
      await tap(profile.getByRole('button', { name: 'Enregistrer' }));
      await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
      expect(await profile.locator('#phone-error').textContent()).toMatch(/\S/);
      expect(await accessibilityViolations(page)).toEqual([]);
      // A number other than the one on file (each size its own): saving the same number changes nothing, announces
      // nothing and sends no event.
      await phone.fill(size === 'mobile' ? '06 55 66 77 88' : '06 11 22 33 44');
      await tap(profile.getByRole('button', { name: 'Enregistrer' }));
      await expect.poll(() => profile.getByText('Vos informations sont enregistrées.').count()).toBe(1);
      expect(await phone.getAttribute('aria-invalid')).toBeNull();

      // A second tab sees a profile edit live. It resumes from the cursor of the last profile event this browser
      // received (the save above), so an edit made before its socket is up still reaches it.
      await expect
        .poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('abri:profile-cursor:'))))
        .toBe(true);
      const tab = await context.newPage();
      await tab.goto(`${web.origin}/`);
      const greeting = () => tab.getByRole('heading', { level: 1 }).textContent();
      await expect.poll(greeting).toBe('Bonjour Camille');
      for (const name of ['Camille-Marie', 'Camille']) {
        await profile.getByLabel('Prénom').fill(name);
        await tap(profile.getByRole('button', { name: 'Enregistrer' }));
        await expect.poll(greeting, { timeout: 30_000 }).toBe(`Bonjour ${name}`);
      }
      await tab.close();

      // The devices: this one marked, the Firefox one signed out from here.
      const devices = page.getByRole('list', { name: 'Appareils connectés' });
      await expect.poll(() => devices.getByRole('listitem').filter({ hasText: 'Firefox 133' }).count()).toBe(1);
      expect(
        await devices
          .getByRole('listitem')
          .filter({ hasText: /Cet appareil/ })
          .count(),
      ).toBe(1);
      const before = await devices.getByRole('listitem').count();
      const firefox = devices.getByRole('listitem').filter({ hasText: 'Firefox 133' });
      await tap(firefox.getByRole('button', { name: /^Déconnecter cet appareil/ }));
      await expect
        .poll(() => page.getByText(/L’appareil « Firefox 133 sur Linux.* » est déconnecté\./).count())
        .toBe(1);
      await expect.poll(() => devices.getByRole('listitem').count()).toBe(before - 1);
      expect(await devices.getByRole('listitem').filter({ hasText: 'Firefox 133' }).count()).toBe(0);
      // Its open page learns it at once (its socket is closed) and asks to sign in again.
      await otherPage.waitForURL(/\/connexion/, { timeout: 30_000 });
      expect(await accessibilityViolations(page)).toEqual([]);
      await other.close();
      expect(problems).toEqual([]);
    });
  }
});

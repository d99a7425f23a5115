// « Mon compte et sécurité » in a real browser, on a desktop and on a phone: the profile edited (a refused phone
// number said next to its field, then saved) and seen live by a second tab, the security score and the two-factor
// state, the devices signed in with this one marked, another device signed out from here (its open page goes back to
// the sign-in at once), and the recent sign-ins with their device;
// two-step verification turned on from its QR code, a sign-in completed with a recovery code, and turned off again;
// the password changed, other devices signed out.
import { DEMO } from '@abri/platform';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../../subgraphs/users/src/domain/totp.ts';
import {
  accessibilityViolations,
  pageProblems,
  SIZES,
  type Size,
  signInAs,
  skipBrowser,
  webForFile,
} from './browser.ts';

const web = webForFile();

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
      expect(await security.textContent()).toContain('Validation en deux étapes\u00a0: désactivée');
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
      // A number Camille does not have yet (the seed gives her 06 12 34 56 78), so the save is a change (this sign-in
      // is recent: no password asked again, see step-up.browser.test.ts for the other case).
      await phone.fill(size === 'desktop' ? '06 11 22 33 44' : '06 55 66 77 88');
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

  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`turns two-step verification on with the QR code, signs in with a recovery code, and turns it off (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      await signInAs(web, page, 'louis');
      await page.goto(`${web.origin}/compte`);
      const security = page.getByRole('region', { name: 'Sécurité du compte' });
      await expect.poll(() => security.getByText('Validation en deux étapes : désactivée').count()).toBe(1);

      await tap(security.getByRole('button', { name: 'Activer avec une application' }));
      const enrol = security.getByRole('form', { name: 'Activer la validation en deux étapes' });
      await expect
        .poll(() =>
          enrol
            .getByRole('img', { name: /^QR code à scanner/ })
            .evaluate((img) => (img as HTMLImageElement).naturalWidth),
        )
        .toBeGreaterThan(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      const secret = (await enrol.getByTestId('totp-secret').textContent())!;
      await enrol.getByLabel(/Code à 6 chiffres/).fill('000000');
      await tap(enrol.getByRole('button', { name: 'Confirmer' }));
      await expect.poll(() => enrol.getByRole('alert').count()).toBe(1);
      await enrol.getByLabel(/Code à 6 chiffres/).fill(await totpCode(secret, new Date()));
      await tap(enrol.getByRole('button', { name: 'Confirmer' }));
      const codes = security.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem');
      await expect.poll(() => codes.count()).toBe(10);
      const recovery = await codes.allTextContents();
      await expect.poll(() => security.getByText('Validation en deux étapes : activée').count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The next sign-in asks for the second step; without the phone, a recovery code does.
      await tap(page.getByRole('button', { name: 'Se déconnecter' }));
      await page.waitForURL(/\/connexion/);
      await page.getByLabel('Numéro de contrat').fill(DEMO.louis.contractNumber);
      await page.getByLabel('Mot de passe').fill(DEMO.customerPassword);
      await tap(page.getByRole('button', { name: 'Se connecter' }));
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Vérification en deux étapes');
      await tap(page.getByRole('button', { name: /utiliser un code de secours/ }));
      expect(await page.getByLabel('Code de secours').getAttribute('inputmode')).toBe('text');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByLabel('Code de secours').fill(recovery[0]!);
      await tap(page.getByRole('button', { name: 'Valider' }));
      // Back where the customer was when signing out.
      await page.waitForURL(`${web.origin}/compte`);

      // Off again, with the password and another recovery code.
      await expect.poll(() => security.getByText('Validation en deux étapes : activée').count()).toBe(1);
      await tap(security.getByText('Désactiver la validation en deux étapes'));
      const off = security.getByRole('form', { name: 'Désactiver la validation en deux étapes' });
      await off.getByLabel('Mot de passe').fill(DEMO.customerPassword);
      await off.getByLabel('Code de l’application ou code de secours').fill(recovery[0]!);
      await tap(off.getByRole('button', { name: 'Désactiver' }));
      await expect.poll(() => off.getByRole('alert').textContent()).toMatch(/incorrect/);
      await off.getByLabel('Code de l’application ou code de secours').fill(recovery[1]!);
      await tap(off.getByRole('button', { name: 'Désactiver' }));
      await expect.poll(() => security.getByText('Validation en deux étapes : désactivée').count()).toBe(1);
      expect(problems).toEqual([]);
    });
  }

  // Each run starts from the password the previous one set (a password cannot be set back to an earlier one).
  let louisPassword: string = DEMO.customerPassword;
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`changes the password, each refusal said, and every other device is signed out (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      const signIn = async (target: typeof page, password: string) => {
        await target.goto(`${web.origin}/connexion`);
        await target.getByLabel('Numéro de contrat').fill(DEMO.louis.contractNumber);
        await target.getByLabel('Mot de passe').fill(password);
        await target.getByRole('button', { name: 'Se connecter' }).click();
        await expect.poll(() => target.getByRole('heading', { level: 1 }).textContent()).toBe('Bonjour Louis');
      };
      const other = await (await web.context('desktop')).newPage();
      await signIn(other, louisPassword);
      await signIn(page, louisPassword);
      await page.goto(`${web.origin}/compte`);
      const form = page.getByRole('form', { name: 'Changer mon mot de passe' });
      const submit = async (current: string, next: string, again = next) => {
        await form.getByLabel('Mot de passe actuel').fill(current);
        await form.getByLabel('Nouveau mot de passe', { exact: true }).fill(next);
        await form.getByLabel('Nouveau mot de passe, une seconde fois').fill(again);
        await tap(form.getByRole('button', { name: 'Changer le mot de passe' }));
      };
      const said = form.locator('[aria-live] > div');
      const next = `Trois-Chats-Verts-${size}-2027!`;

      // The refusals once (the service allows five attempts per quarter of an hour).
      if (size === 'desktop') {
        await submit(louisPassword, next, `${next}x`);
        await expect.poll(() => said.textContent()).toBe('Les deux saisies du nouveau mot de passe sont différentes.');
        await submit('pas-le-bon-mot-de-passe', next);
        await expect.poll(() => said.getAttribute('class')).toBe('error');
        expect(await said.textContent()).not.toBe('Les deux saisies du nouveau mot de passe sont différentes.');
        await submit(louisPassword, 'abc');
        await expect.poll(() => said.getByRole('listitem').allTextContents()).toContain('Au moins 8 caractères.');
        expect(await accessibilityViolations(page)).toEqual([]);
      }

      await submit(louisPassword, next);
      await expect.poll(() => said.getAttribute('class')).toBe('ok');
      expect(await form.getByLabel('Mot de passe actuel').inputValue()).toBe('');
      louisPassword = next;
      // The other device is signed out at once; this one stays, and the new password opens the space.
      await other.waitForURL(/\/connexion/, { timeout: 30_000 });
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mon compte et sécurité');
      await tap(page.getByRole('button', { name: 'Se déconnecter' }));
      await page.waitForURL(/\/connexion/);
      await signIn(page, next);
      expect(problems).toEqual([]);
    });
  }
});

// The pages reached without being signed in, from the links Abri e-mails, in a real browser on a desktop and on a
// phone: « Créer mon accès » then the activation link (the sign-in says plainly that the account is not activated
// until then); a forgotten password by e-mailed link, then by SMS code; « ce n'était pas moi » from the alert after a
// phone change, which ends the session that made it and blocks the password until a new one is chosen.
import { DEMO } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { customer } from '@abri/testkit';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../../subgraphs/users/src/domain/password.ts';
import {
  accessibilityViolations,
  linkSentTo,
  pageProblems,
  type Size,
  signInAs,
  skipBrowser,
  smsCodeSentTo,
  webDocument,
  webForFile,
} from './browser.ts';

const web = webForFile();

const PEOPLE = {
  desktop: { who: 'camille', email: 'camille.martin@abri.example', phone: '+33612345678' },
  mobile: { who: 'louis', email: 'louis.bernard@abri.example', phone: '+33698765432' },
} as const;

async function signInPage(page: Page, contractNumber: string, password: string) {
  await page.getByLabel('Numéro de contrat').fill(contractNumber);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe.skipIf(skipBrowser)('activation and password recovery', () => {
  for (const size of ['desktop', 'mobile'] as Size[]) {
    const person = PEOPLE[size];
    const contract = DEMO[person.who].contractNumber;
    const customerId = DEMO[person.who].customerId;

    it(`creates one's access, is told it is not activated, follows the e-mailed link and signs in (${size})`, async () => {
      // The customer as an invitation finds them: known to Abri, no password yet.
      const users = web.system.services.users.app;
      await users.prisma.customer.update({ where: { id: customerId }, data: { status: 'PENDING_ACTIVATION' } });
      await users.prisma.credential.deleteMany({ where: { customerId } });

      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      await page.goto(`${web.origin}/connexion`);
      await tap(page.getByRole('link', { name: /créer mon accès/ }));
      await page.waitForURL(`${web.origin}/creer-mon-acces`);
      await expect.poll(() => heading(page)).toBe('Créer mon accès');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByLabel('Numéro de contrat').fill(contract);
      await page.getByLabel('Adresse e-mail').fill(person.email);
      // A weak password is refused on the page, with the reasons.
      await page.getByLabel('Mot de passe', { exact: true }).fill('abc');
      const since = web.system.mailbox.sent.length;
      await tap(page.getByRole('button', { name: 'Créer mon accès' }));
      await expect
        .poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
        .toMatch(/Au moins 8 caractères/);
      const password = 'Ardoise-Velours-93!';
      await page.getByLabel('Mot de passe', { exact: true }).fill(password);
      await tap(page.getByRole('button', { name: 'Créer mon accès' }));
      await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 }).toMatch(/lien/);
      const link = await linkSentTo(web, person.email, /\/activation\?jeton=/, since);

      // Before following it, the sign-in says the account waits for its activation, with a way to a new link.
      await page.goto(`${web.origin}/connexion`);
      await signInPage(page, contract, password);
      const refusal = page.getByRole('alert');
      await expect.poll(() => refusal.textContent(), { timeout: 30_000 }).toMatch(/activ/i);
      expect(await refusal.getByRole('link', { name: 'Recevoir un nouveau lien d’activation' }).count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.goto(`${web.origin}${link}`);
      await expect.poll(() => heading(page)).toBe('Activer mon espace client');
      expect(await accessibilityViolations(page)).toEqual([]);
      await tap(page.getByRole('button', { name: 'Activer mon espace client' }));
      await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 }).toMatch(/activ/i);
      await tap(page.getByRole('link', { name: 'Me connecter' }));
      await page.waitForURL(`${web.origin}/connexion`);
      await signInPage(page, contract, password);
      await page.waitForURL(`${web.origin}/`);
      await expect.poll(() => heading(page), { timeout: 30_000 }).toMatch(/^Bonjour/);

      // The link works once.
      const again = await context.newPage();
      await again.goto(`${web.origin}${link}`);
      await tap(again.getByRole('button', { name: 'Activer mon espace client' }));
      await expect.poll(() => again.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/\S/);
      expect(await again.getByRole('heading', { name: 'Recevoir un nouveau lien' }).count()).toBe(1);
      expect(await accessibilityViolations(again)).toEqual([]);
      expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
      await context.close();
      // Back to the demo password for the other tests of this system.
      await users.prisma.credential.deleteMany({ where: { customerId } });
      await users.prisma.credential.create({
        data: {
          customerId,
          passwordHash: await hashPassword(DEMO.customerPassword),
          strength: 4,
          createdAt: new Date(),
        },
      });
    }, 240_000);

    it(`resets a forgotten password by e-mail, reports a change that was not theirs, then resets by SMS (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());

      // 1. By an e-mailed link.
      await page.goto(`${web.origin}/connexion`);
      await tap(page.getByRole('link', { name: /Mot de passe oublié/ }));
      await page.waitForURL(`${web.origin}/mot-de-passe/oublie`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByLabel('Numéro de contrat').fill(contract);
      let since = web.system.mailbox.sent.length;
      await tap(page.getByRole('button', { name: 'Envoyer' }));
      await expect
        .poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
        .toMatch(/lien pour choisir un nouveau mot de passe/);
      const reset = await linkSentTo(web, person.email, /\/mot-de-passe\/nouveau\?jeton=/, since);
      await page.goto(`${web.origin}${reset}`);
      await expect.poll(() => heading(page)).toBe('Choisir un nouveau mot de passe');
      expect(await accessibilityViolations(page)).toEqual([]);
      const first = 'Girafe-Pommier-2718?';
      await page.getByLabel('Nouveau mot de passe').fill(first);
      await tap(page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }));
      await expect
        .poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
        .toMatch(/nouveau mot de passe est enregistré/);
      await signInAs(web, page, person.who, first);

      // 2. A phone change made from another device is announced; the link ends that device's session.
      const intruder = await customer(web.system.gateway.url, person.who).catch(() => null);
      expect(intruder).toBeNull(); // the demo password no longer works…
      const other = new AbriClient(web.system.gateway.url);
      expect((await other.login(contract, first))?.__typename).toBe('LoginSuccess');
      since = web.system.mailbox.sent.length;
      const changed = await other.request<{ updateProfile: { __typename: string } }>(webDocument('UpdateProfile'), {
        input: { phone: '+33700000009' },
      });
      expect(changed.data?.updateProfile.__typename).toBe('UpdateProfileSuccess');
      const notMe = await linkSentTo(web, person.email, /\/securite\/ce-n-etait-pas-moi\?jeton=/, since);
      await page.goto(`${web.origin}${notMe}`);
      await expect.poll(() => heading(page)).toBe('Ce n’était pas moi');
      expect(await accessibilityViolations(page)).toEqual([]);
      await tap(page.getByRole('button', { name: 'Bloquer l’accès et sécuriser mon compte' }));
      await expect
        .poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
        .toMatch(/session concernée est fermée/);
      expect(await accessibilityViolations(page)).toEqual([]);
      await expect
        .poll(async () => (await other.request(webDocument('Dashboard'))).errors?.[0]?.extensions?.code, {
          timeout: 20_000,
        })
        .toBe('UNAUTHENTICATED');
      // The password is blocked: the sign-in says so and leads to a new one (this browser's own session is left
      // behind first: the « ce n'était pas moi » page is public, without the menu, so its cookie is dropped).
      await context.clearCookies();
      await page.goto(`${web.origin}/connexion`);
      await signInPage(page, contract, first);
      const refusal = page.getByRole('alert');
      await expect.poll(() => refusal.textContent(), { timeout: 30_000 }).toMatch(/\S/);
      await tap(refusal.getByRole('link', { name: 'Choisir un nouveau mot de passe' }));
      await page.waitForURL(`${web.origin}/mot-de-passe/oublie`);

      // 3. By a code texted to the phone on file: the confirmed one, not the number typed on the other device.
      await page.getByLabel('Numéro de contrat').fill(contract);
      await tap(page.getByRole('radio', { name: 'un code par SMS' }));
      since = web.system.mailbox.sent.length;
      await tap(page.getByRole('button', { name: 'Envoyer' }));
      await expect.poll(() => page.getByLabel('Code reçu par SMS').count(), { timeout: 30_000 }).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      const code = await smsCodeSentTo(web, person.phone, since);
      await page.getByLabel('Code reçu par SMS').fill(code);
      const second = 'Luciole-Carillon-4051!';
      await page.getByLabel('Nouveau mot de passe').fill(second);
      await tap(page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }));
      await expect
        .poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
        .toMatch(/nouveau mot de passe est enregistré/);
      await tap(page.getByRole('link', { name: 'Me connecter' }));
      await signInAs(web, page, person.who, second);
      expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
      await context.close();
    }, 240_000);
  }
});

// A new mobile number long after signing in: the space asks for the password first (the number receives the account's
// recovery codes), refuses a wrong one in place, then saves the number as it was typed, without a second try. And a
// section of the page whose service does not answer (as a call signed just before the services' clock jumps, refused
// just after) leaves the number being typed where it is.
import { DEMO, manualClock } from '@abri/platform';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, pageProblems, type Size, signInAs, skipBrowser, webForFile } from './browser.ts';

const clock = manualClock(new Date());
const web = webForFile({ clock });

describe.skipIf(skipBrowser)('changing the mobile number needs the password again', () => {
  for (const [size, number] of [
    ['desktop', '06 21 43 65 87'],
    ['mobile', '07 12 34 56 78'],
  ] as [Size, string][]) {
    it(`asks for the password when the sign-in is older than five minutes, then saves (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      await signInAs(web, page, 'camille');
      await page.goto(`${web.origin}/compte`);
      const profile = page.getByRole('form', { name: 'Mes informations' });
      await expect.poll(() => profile.count()).toBe(1);

      // Six minutes later for the services: the password typed at sign-in is no longer fresh.
      clock.advance(6 * 60_000);
      await profile.getByLabel('Téléphone mobile').fill(number);
      await profile.getByRole('button', { name: 'Enregistrer' }).click();
      const stepUp = page.getByRole('form', { name: 'Confirmez votre mot de passe' });
      await expect.poll(() => stepUp.count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      await stepUp.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
      await stepUp.getByRole('button', { name: 'Confirmer et enregistrer' }).click();
      await expect.poll(() => stepUp.locator('#step-up-error').textContent()).toMatch(/\S/);
      expect(await stepUp.getByLabel('Mot de passe').getAttribute('aria-invalid')).toBe('true');

      await stepUp.getByLabel('Mot de passe').fill(DEMO.customerPassword);
      await stepUp.getByRole('button', { name: 'Confirmer et enregistrer' }).click();
      await expect.poll(() => page.getByText('Vos informations sont enregistrées.').count()).toBe(1);
      // The number on file is the new one (shown as stored, in the international form or not: compare the digits).
      const digits = (text: string) => text.replace(/\D/g, '').replace(/^(33|0)/, '');
      await expect
        .poll(async () => digits(await profile.getByLabel('Téléphone mobile').inputValue()))
        .toBe(digits(number));
      expect(problems).toEqual([]);
    });
  }
});

describe.skipIf(skipBrowser)('a section that fails to load', () => {
  it('leaves the profile being edited as it is, its section saying it could not be loaded', async () => {
    const context = await web.context('desktop');
    const page = await context.newPage();
    await signInAs(web, page, 'camille');
    // The notification settings are held, then answered as the gateway answers when the users service refuses its
    // call: the root fields null beside an error without a path.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let failed = 0;
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('"operationName":"NotificationSettings"')) return route.fallback();
      failed += 1;
      await held;
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [{ message: 'Erreur interne : réessayez plus tard.', extensions: { code: 'INTERNAL' } }],
          data: { me: null, webPushPublicKey: null },
        }),
      });
    });
    await page.goto(`${web.origin}/compte`);
    const profile = page.getByRole('form', { name: 'Mes informations' });
    await profile.getByLabel('Téléphone mobile').fill('06 98 76 54 32');
    await expect.poll(() => failed).toBe(1);
    release();

    await expect
      .poll(() => page.getByText('Vos réglages de notification n’ont pas pu être chargés.', { exact: false }).count())
      .toBe(1);
    expect(await profile.getByLabel('Téléphone mobile').inputValue()).toBe('06 98 76 54 32');
    expect(await page.getByRole('heading', { name: 'Sécurité du compte' }).count()).toBe(1);
    expect(failed).toBe(1);
  });
});

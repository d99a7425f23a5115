// A new mobile number long after signing in: the space asks for the password first (the number receives the account's
// recovery codes), refuses a wrong one in place, then saves the number as it was typed, without a second try.
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

// Contact details that need a code, in a real browser: a new e-mail address confirmed by the code sent to it (the old
// address is told), and a new mobile number confirmed by its SMS code; a wrong code is said in place and changes
// nothing.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  pageProblems,
  type Size,
  signInAs,
  skipBrowser,
  smsCodeSentTo,
  webForFile,
} from './browser.ts';

const web = webForFile();

/** The 6-digit code of the last e-mail sent to `to` since `since`. */
async function emailCodeSentTo(to: string, since: number): Promise<string> {
  const find = () =>
    web.system.mailbox.sent
      .slice(since)
      .filter((m) => m.channel !== 'SMS' && m.to === to)
      .map((m) => /\b(\d{6})\b/.exec(m.text)?.[1])
      .filter(Boolean)
      .at(-1);
  await expect.poll(find, { timeout: 30_000 }).toBeDefined();
  return find()!;
}

describe.skipIf(skipBrowser)('contact details confirmed by a code', () => {
  const cases: [Size, 'camille' | 'louis'][] = [
    ['desktop', 'camille'],
    ['mobile', 'louis'],
  ];
  for (const [size, who] of cases) {
    it(`changes the e-mail address and confirms a new mobile number (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      await signInAs(web, page, who);
      await tap(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Compte' }));
      await page.waitForURL(`${web.origin}/compte`);

      // The e-mail address: a code to the new one, a wrong code refused, the right one applies it.
      const email = page.getByRole('region', { name: 'Adresse e-mail' });
      await expect.poll(() => email.count()).toBe(1);
      const before = (await email.locator('strong').textContent())!;
      const newAddress = `${who}.nouvelle@exemple.fr`;
      await tap(email.getByRole('button', { name: 'Changer d’adresse e-mail' }));
      const since = web.system.mailbox.sent.length;
      await email.getByLabel('Nouvelle adresse e-mail').fill(newAddress);
      await tap(email.getByRole('button', { name: 'Recevoir un code' }));
      await expect.poll(() => email.getByLabel('Code reçu par e-mail').count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      const code = await emailCodeSentTo(newAddress, since);
      await email.getByLabel('Code reçu par e-mail').fill(code === '000000' ? '111111' : '000000');
      await tap(email.getByRole('button', { name: 'Valider le code' }));
      await expect.poll(() => email.locator('.error').count()).toBe(1);
      expect(await email.locator('strong').textContent()).toBe(before);
      await email.getByLabel('Code reçu par e-mail').fill(code);
      await tap(email.getByRole('button', { name: 'Valider le code' }));
      await expect
        .poll(() => email.locator('.ok').textContent())
        .toBe(`Votre adresse e-mail est désormais ${newAddress}.`);
      await expect.poll(() => email.locator('strong').textContent()).toBe(newAddress);
      // The previous address is told.
      await expect.poll(() => web.system.mailbox.sent.slice(since).some((m) => m.to === before)).toBe(true);

      // A new mobile number: saved in the profile, then confirmed by the code texted to it.
      const profile = page.getByRole('form', { name: 'Mes informations' });
      const number = size === 'desktop' ? '06 22 33 44 55' : '07 11 22 33 44';
      const smsSince = web.system.mailbox.sent.length;
      await profile.getByLabel('Téléphone mobile').fill(number);
      await tap(profile.getByRole('button', { name: 'Enregistrer' }));
      const confirm = page.getByRole('region', { name: 'Confirmer mon numéro' });
      await expect.poll(() => confirm.count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      const sms = await smsCodeSentTo(web, `+33${number.replace(/\s/g, '').slice(1)}`, smsSince);
      await confirm.getByLabel('Code reçu par SMS').fill(sms);
      await tap(confirm.getByRole('button', { name: 'Valider le code' }));
      // Confirmed, the request for a code goes away.
      await expect.poll(() => confirm.count()).toBe(0);
      expect(problems).toEqual([]);
    });
  }
});

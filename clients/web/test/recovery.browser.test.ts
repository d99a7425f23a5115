// Account recovery screens in a real browser: « Numéro de contrat oublié ? » from the sign-in page (the numbers
// arrive by e-mail; the page says the same whatever the address), SMS codes chosen as the second factor in « Mon
// compte » and asked at the next sign-in, the protection level's evolution, and the sign-in history where a new
// device is recognised (« C'est moi ») or reported (« Ce n'était pas moi »: that device is signed out).
import { DEMO } from '@abri/platform';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  pageProblems,
  SIZES,
  type Size,
  signInAs,
  skipBrowser,
  smsCodeSentTo,
  webForFile,
} from './browser.ts';

const web = webForFile();

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const EMAIL = { camille: 'camille.martin@abri.example', louis: 'louis.bernard@abri.example' } as const;

/** A browser on another device (its user agent names it), signed in as `who`. */
async function deviceSignedIn(userAgent: string, who: 'camille' | 'louis') {
  const context = await web.browser.newContext({
    ...SIZES.desktop,
    userAgent,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  const page = await context.newPage();
  await signInAs(web, page, who);
  return { context, page };
}

async function openAccount(page: Page) {
  await page.goto(`${web.origin}/compte`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mon compte et sécurité');
}

describe.skipIf(skipBrowser)('account recovery', () => {
  const sizes: [Size, 'camille' | 'louis'][] = [
    ['desktop', 'camille'],
    ['mobile', 'louis'],
  ];
  for (const [size, who] of sizes) {
    it(`sends the forgotten contract number by e-mail from the sign-in page (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      await page.goto(`${web.origin}/connexion`);
      await tap(page.getByRole('link', { name: 'Numéro de contrat oublié\u00a0?' }));
      await page.waitForURL(`${web.origin}/numero-de-contrat-oublie`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Numéro de contrat oublié');
      expect(await accessibilityViolations(page)).toEqual([]);

      const since = web.system.mailbox.sent.length;
      await page.getByLabel('Adresse e-mail').fill(EMAIL[who]);
      await tap(page.getByRole('button', { name: 'Recevoir mon numéro de contrat' }));
      const said = page.getByRole('status');
      await expect.poll(() => said.textContent()).toMatch(/^Si cette adresse est celle d’un espace client Abri/);
      const words = await said.textContent();
      await expect
        .poll(() => web.system.mailbox.sent.slice(since).find((m) => m.to === EMAIL[who])?.text, { timeout: 30_000 })
        .toContain(DEMO[who].contractNumber);
      expect(await accessibilityViolations(page)).toEqual([]);

      // An address that is no customer's: the same words on the page, and no e-mail.
      await page.goto(`${web.origin}/numero-de-contrat-oublie`);
      await page.getByLabel('Adresse e-mail').fill(`inconnu-${size}@exemple.fr`);
      await tap(page.getByRole('button', { name: 'Recevoir mon numéro de contrat' }));
      await expect.poll(() => page.getByRole('status').textContent()).toBe(words);
      expect(web.system.mailbox.sent.some((m) => m.to === `inconnu-${size}@exemple.fr`)).toBe(false);
      expect(problems).toEqual([]);
    });
  }

  it('chooses SMS codes as the second factor, shows the score’s evolution, then asks the texted code at sign-in', async () => {
    const context = await web.context('desktop');
    const page = await context.newPage();
    const problems = pageProblems(page);
    await signInAs(web, page, 'camille');
    await openAccount(page);
    const security = page.getByRole('region', { name: 'Sécurité du compte' });
    await expect.poll(() => security.getByRole('img', { name: /^Niveau de protection/ }).count()).toBe(1);
    const before = Number(/(\d{1,3})\u00a0\/\u00a0100/.exec((await security.textContent()) ?? '')?.[1]);

    // This sign-in is recent: no password asked again (step-up.browser.test.ts shows the other case).
    await security.getByRole('button', { name: 'Recevoir les codes par SMS' }).click();
    await expect
      .poll(() => security.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem').count())
      .toBe(10);
    await expect
      .poll(() => security.getByText('Validation en deux étapes\u00a0: activée (code par SMS)').count())
      .toBe(1);
    await expect
      .poll(async () => Number(/(\d{1,3})\u00a0\/\u00a0100/.exec((await security.textContent()) ?? '')?.[1]))
      .toBe(before + 20);
    await security.getByText('Voir les changements jour par jour').click();
    expect(await security.getByRole('table', { name: 'Niveau de protection jour par jour' }).textContent()).toContain(
      `${before + 20}\u00a0/\u00a0100`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // The next sign-in asks for the code sent by SMS.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion/);
    const since = web.system.mailbox.sent.length;
    await page.getByLabel('Numéro de contrat').fill(DEMO.camille.contractNumber);
    await page.getByLabel('Mot de passe').fill(DEMO.customerPassword);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const code = page.getByLabel('Code à 6 chiffres reçu par SMS');
    await expect.poll(() => code.count()).toBe(1);
    expect(await page.getByText(/Nous venons de l’envoyer à votre numéro de mobile confirmé/).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await code.fill(await smsCodeSentTo(web, '+33612345678', since));
    await page.getByRole('button', { name: 'Valider' }).click();
    // Signed in, back on the page the sign-out left.
    await page.waitForURL(`${web.origin}/compte`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mon compte et sécurité');
    expect(problems).toEqual([]);
  }, 180_000);

  it('recognises a new device’s sign-in, and reports another (that device is signed out)', async () => {
    const context = await web.context('desktop');
    const page = await context.newPage();
    const problems = pageProblems(page);
    await signInAs(web, page, 'louis');
    const firefox = await deviceSignedIn(FIREFOX, 'louis');
    await openAccount(page);
    const history = page.getByRole('region', { name: 'Dernières connexions' });
    const newest = history.getByRole('listitem').first();
    expect(await newest.textContent()).toMatch(/^Connexion réussie Nouvel appareil/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await newest.getByRole('button', { name: /^C’est moi \(Firefox/ }).click();
    await expect.poll(() => history.getByText('C’est noté\u00a0: cette connexion est reconnue.').count()).toBe(1);
    await expect.poll(() => newest.getByText('Reconnue par vous').count()).toBe(1);
    expect(await newest.getByRole('button', { name: /^C’est moi/ }).count()).toBe(0);

    const iphone = await deviceSignedIn(SAFARI_IPHONE, 'louis');
    await openAccount(page);
    const suspicious = history.getByRole('listitem').first();
    await suspicious.getByRole('button', { name: /^Ce n’était pas moi \(Mobile Safari/ }).click();
    const confirm = suspicious.getByRole('group', { name: 'Signaler cette connexion' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Déconnecter cet appareil' }).click();
    await expect.poll(() => suspicious.getByText('Signalée').count()).toBe(1);
    expect(await history.getByText(/cet appareil est déconnecté et votre mot de passe est bloqué/).count()).toBe(1);
    // The reported device is back at the sign-in page; this one and Firefox go on.
    await iphone.page.reload();
    await iphone.page.waitForURL(/\/connexion/, { timeout: 30_000 });
    await firefox.page.reload();
    await expect.poll(() => firefox.page.getByRole('heading', { level: 1, name: /^Bonjour/ }).count()).toBe(1);
    expect(problems).toEqual([]);
    await iphone.context.close();
    await firefox.context.close();
  }, 180_000);
});

// A new postal address in « Mon compte », in a real browser, on a desktop (Louis) and on a phone (Camille): saved, it
// answers the price of moving the contract's home there (new premium against the current one, the difference, the
// pro-rata, when and until when), with the promise that nothing moves without acceptance; accepted, it gives the
// avenant and « Mon contrat » insures the new address. The same address saved again proposes nothing.
import { readFileSync } from 'node:fs';
import { DEMO } from '@abri/platform';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, pageProblems, type Size, signInAs, skipBrowser, webForFile } from './browser.ts';

const web = webForFile();

/** A definition list as { term: value }, whitespace as the reader sees it. */
const figures = (list: Locator) =>
  list.evaluate((dl) =>
    Object.fromEntries(
      [...dl.querySelectorAll('div')].map((row) => [
        row.querySelector('dt')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        row.querySelector('dd')?.textContent ?? '',
      ]),
    ),
  );

const EUROS = /^\d[\d\u202f\u00a0]*,\d{2}\u00a0€$/;

const CASES = [
  {
    size: 'desktop',
    who: 'louis',
    contract: DEMO.louis.contractNumber,
    address: { line: '14 quai de la Fosse', postalCode: '44000', city: 'Nantes' },
  },
  {
    size: 'mobile',
    who: 'camille',
    contract: DEMO.camille.contractNumber,
    address: { line: '8 rue des Lilas', postalCode: '69003', city: 'Lyon' },
  },
] as const;

describe.skipIf(skipBrowser)('a new postal address and the move of the contract', () => {
  for (const { size, who, contract, address } of CASES) {
    it(`prices the move of the home, moves it once accepted, and proposes nothing for the same address (${size})`, async () => {
      const context = await web.context(size as Size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      const nav = (name: string) =>
        page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
      await signInAs(web, page, who);

      await tap(nav('Mon contrat'));
      await page.waitForURL(`${web.origin}/contrat`);
      const contractCard = page.getByRole('region', { name: new RegExp(`^Contrat ${contract}`) });
      await expect.poll(() => contractCard.count()).toBe(1);
      const insuredBefore = (await contractCard.locator('p').first().textContent()) ?? '';
      expect(insuredBefore).not.toContain(address.line);
      const premium = (await contractCard.getByTestId('contract-premium').textContent())!;

      await tap(nav('Compte'));
      await page.waitForURL(`${web.origin}/compte`);
      const section = page.getByRole('region', { name: 'Mon adresse postale' });
      await expect.poll(() => section.getByTestId('postal-current').count()).toBe(1);
      const form = section.getByRole('form', { name: 'Changer mon adresse postale' });

      // A postal code of four digits is refused next to its field.
      await form.getByLabel('Numéro et voie').fill(address.line);
      await form.getByLabel('Code postal').fill('6900');
      await form.getByLabel('Commune').fill(address.city);
      await tap(form.getByRole('button', { name: 'Enregistrer mon adresse' }));
      const postalCode = form.getByLabel('Code postal');
      await expect.poll(() => postalCode.getAttribute('aria-invalid')).toBe('true');
      const help = await postalCode.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${help}"]`).textContent()).toMatch(/5 chiffres/);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The new address: saved, and the move of the contract priced, not made.
      await postalCode.fill(address.postalCode);
      await tap(form.getByRole('button', { name: 'Enregistrer mon adresse' }));
      const outcome = section.getByTestId('postal-outcome');
      await expect
        .poll(() => outcome.textContent(), { timeout: 15_000 })
        .toContain('Votre adresse est enregistrée\u00a0: vos courriers y seront envoyés.');
      expect(await section.getByTestId('postal-current').textContent()).toBe(
        `Vos courriers sont envoyés à\u00a0: ${address.line}, ${address.postalCode} ${address.city}`,
      );
      const offers = section.getByRole('list', { name: 'Déménagements proposés' });
      const offer = offers.getByRole('region', { name: `Contrat ${contract}` });
      await expect.poll(() => offer.count()).toBe(1);
      const quote = await figures(offer.getByTestId('move-quote'));
      expect(quote['Cotisation annuelle actuelle']).toBe(premium);
      expect(quote['Nouvelle cotisation annuelle']).toMatch(EUROS);
      expect(quote['Écart sur un an']).toMatch(/^([+\u2212]\d|0,00)/);
      expect(Object.keys(quote).some((term) => /pour la période en cours \(au prorata\)$/.test(term))).toBe(true);
      expect(await offer.getByTestId('move-change').first().textContent()).toBe(
        `Nouvelle adresse : ${address.line}, ${address.postalCode} ${address.city}`,
      );
      const offerText = (await offer.textContent())!.replace(/\s+/g, ' ');
      expect(offerText).toMatch(/À partir du \d{1,2}(er)? \S+ \d{4}, si vous acceptez avant le /);
      expect(offerText).toContain(
        'Tant que vous n’acceptez pas, votre contrat continue d’assurer votre logement actuel.',
      );
      expect(await accessibilityViolations(page)).toEqual([]);
      // Nothing wider than the screen (390 px on the phone).
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      // Accepted: the avenant to download.
      await tap(offer.getByRole('button', { name: 'Déménager mon contrat à cette adresse' }));
      await expect
        .poll(() => offer.getByText('Votre contrat assure désormais votre nouveau logement.').count(), {
          timeout: 15_000,
        })
        .toBe(1);
      expect(await offer.getByRole('button', { name: 'Déménager mon contrat à cette adresse' }).count()).toBe(0);
      const [avenant] = await Promise.all([
        page.waitForEvent('download'),
        tap(offer.getByRole('link', { name: 'Télécharger l’avenant' })),
      ]);
      expect(
        readFileSync((await avenant.path())!)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(await accessibilityViolations(page)).toEqual([]);

      // The same address again (as typed differently): nothing changes, nothing is proposed.
      await form.getByLabel('Numéro et voie').fill(` ${address.line.toUpperCase()} `);
      await form.getByLabel('Commune').fill(address.city.toLowerCase());
      await tap(form.getByRole('button', { name: 'Enregistrer mon adresse' }));
      await expect
        .poll(() => outcome.textContent(), { timeout: 15_000 })
        .toBe('C’est déjà votre adresse\u00a0: rien n’a changé.');
      expect(await offers.count()).toBe(0);

      // « Mon contrat » insures the new address.
      await tap(nav('Mon contrat'));
      await page.waitForURL(`${web.origin}/contrat`);
      await expect
        .poll(async () => (await contractCard.locator('p').first().textContent())?.replace(/\s+/g, ' '))
        .toContain(`${address.line}, ${address.postalCode} ${address.city}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
});

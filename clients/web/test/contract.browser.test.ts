// « Mon contrat » in a real browser, on a desktop and on a phone: the guarantees with ceilings, deductibles and
// exclusions; a cover change (deductible, valuables, contents capital) priced as the customer makes it, current against new premium
// with the pro-rata; accepted, it gives an avenant to download and the dashboard shows the new premium. An owner gets
// the certificate their bank asks for (lender clause); a tenant is not offered it.
import { readFileSync } from 'node:fs';
import { DEMO } from '@abri/platform';
import type { Locator, Page } from 'playwright-core';
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

describe.skipIf(skipBrowser)('the contract and a cover change', () => {
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`shows the guarantees, prices a cover change live, applies it with an avenant and the dashboard follows (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      const nav = (page: Page, name: string) =>
        page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
      await signInAs(web, page, 'camille');

      await tap(nav(page, 'Mon contrat'));
      await page.waitForURL(`${web.origin}/contrat`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mon contrat');
      const guarantees = page.getByRole('region', { name: 'Vos garanties' });
      await expect.poll(() => guarantees.locator(':scope > ul > li').count()).toBeGreaterThanOrEqual(8);
      const cover = (await guarantees.textContent()) ?? '';
      expect(cover).toContain('Plafond');
      expect(cover).toContain('Franchise');
      await tap(guarantees.getByText('Ce qui n’est pas couvert').first());
      expect(await accessibilityViolations(page)).toEqual([]);

      const premium = page.getByTestId('contract-premium');
      const current = (await premium.textContent())!;
      expect(current).toMatch(EUROS);

      // A higher (or lower) deductible: the price moves before anything is accepted.
      const form = page.getByRole('form', { name: 'Modifier ma couverture' });
      const deductibles = form.getByRole('group', { name: 'Franchise générale' });
      const target = (await deductibles.getByRole('radio', { name: /^500/ }).isChecked()) ? /^150/ : /^500/;
      await tap(deductibles.getByRole('radio', { name: target }));
      const quote = form.getByTestId('quote');
      await expect.poll(() => quote.count(), { timeout: 15_000 }).toBe(1);
      const first = await figures(quote);
      expect(first['Cotisation annuelle actuelle']).toBe(current);
      expect(first['Nouvelle cotisation annuelle']).toMatch(EUROS);
      expect(first['Nouvelle cotisation annuelle']).not.toBe(current);
      expect(first['Écart sur un an']).toMatch(/^[+\u2212]\d/);
      expect(Object.keys(first).some((term) => /pour la période en cours \(au prorata\)$/.test(term))).toBe(true);
      expect(await form.getByRole('listitem').first().textContent()).toMatch(/^Franchise : /);

      // Valuables: the option, then the amount as the customer types it.
      const valuables = form.getByRole('checkbox', { name: 'Objets de valeur' });
      if (!(await valuables.isChecked())) {
        await tap(valuables);
        await expect.poll(() => form.getByText(/Indiquez la valeur de vos objets de valeur/).count()).toBe(1);
        await form.getByLabel('Valeur de vos objets de valeur (en euros)').fill('8000');
      } else await form.getByLabel('Valeur de vos objets de valeur (en euros)').fill('12000');
      await expect
        .poll(async () => ((await quote.isVisible()) ? (await figures(quote))['Nouvelle cotisation annuelle'] : null), {
          timeout: 15_000,
        })
        .not.toBe(first['Nouvelle cotisation annuelle']);
      await expect.poll(() => form.getByText('Calcul du prix…').count()).toBe(0);
      const withValuables = (await figures(quote))['Nouvelle cotisation annuelle'];

      // Ordinary contents (furniture, appliances): 20,000 € more than the capital insured today, typed with a space.
      const contentsNow = Number(
        (await page.getByTestId('contract-contents').textContent())!.replace(/[^\d,]/g, '').replace(/,\d+$/, ''),
      );
      const contentsField = form.getByLabel('Valeur de vos meubles et équipements (en euros)');
      expect(Number((await contentsField.inputValue()).replace(/\D/g, ''))).toBe(contentsNow);
      await contentsField.fill(`${contentsNow + 20_000}`.replace(/\B(?=(\d{3})+$)/g, ' '));
      await expect
        .poll(
          () =>
            form
              .getByRole('listitem')
              .filter({ hasText: /^Capital mobilier : / })
              .count(),
          { timeout: 15_000 },
        )
        .toBe(1);
      await expect.poll(() => form.getByText('Calcul du prix…').count()).toBe(0);
      const priced = await figures(quote);
      expect(priced['Nouvelle cotisation annuelle']).not.toBe(withValuables);
      expect(priced['Nouvelle cotisation annuelle']).toMatch(EUROS);
      expect(await form.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
      expect(await accessibilityViolations(page)).toEqual([]);

      const versionsBefore = await page
        .getByRole('region', { name: 'Historique du contrat' })
        .getByRole('listitem')
        .count();
      await tap(form.getByRole('button', { name: 'Accepter ce changement' }));
      await expect.poll(() => form.getByText('Votre contrat est modifié.').count(), { timeout: 15_000 }).toBe(1);
      expect(await premium.textContent()).toBe(priced['Nouvelle cotisation annuelle']);
      await expect
        .poll(async () => (await page.getByTestId('contract-contents').textContent())!.replace(/[^\d,]/g, ''))
        .toBe(`${contentsNow + 20_000},00`);
      expect(await page.getByRole('region', { name: 'Historique du contrat' }).getByRole('listitem').count()).toBe(
        versionsBefore + 1,
      );
      expect(await form.getByRole('button', { name: 'Accepter ce changement' }).isDisabled()).toBe(true);

      const [avenant] = await Promise.all([
        page.waitForEvent('download'),
        tap(form.getByRole('link', { name: 'Télécharger l’avenant' })),
      ]);
      expect(
        readFileSync((await avenant.path())!)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(await accessibilityViolations(page)).toEqual([]);

      // The dashboard shows the new premium.
      await tap(nav(page, 'Accueil'));
      await page.waitForURL(`${web.origin}/`);
      const policy = page.getByRole('region', { name: new RegExp(`Contrat ${DEMO.camille.contractNumber}`) });
      await expect
        .poll(async () => (await figures(policy.locator('dl.figures')))['Cotisation annuelle'])
        .toBe(priced['Nouvelle cotisation annuelle']);
      expect(problems).toEqual([]);
    });
  }
});

describe.skipIf(skipBrowser)('the certificate for a lender', () => {
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`gives an owner the certificate with the lender clause, and says which field to correct (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      await signInAs(web, page, 'louis');
      await tap(
        page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Mon contrat', exact: true }),
      );
      await page.waitForURL(`${web.origin}/contrat`);
      const form = page.getByRole('form', { name: 'Certificat pour votre banque' });
      await expect.poll(() => form.count()).toBe(1);

      await form.getByLabel('Organisme prêteur').fill('Banque Exemple');
      await form.getByLabel('Adresse du prêteur').fill('1 rue du Prêt, 44000 Nantes');
      await form.getByLabel('Numéro du prêt').fill('PR;2026');
      await tap(form.getByRole('button', { name: 'Obtenir le certificat' }));
      const loan = form.getByLabel('Numéro du prêt');
      await expect.poll(() => loan.getAttribute('aria-invalid')).toBe('true');
      const help = await loan.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${help}"]`).textContent()).toMatch(/^Indiquez le numéro du prêt/);
      expect(await accessibilityViolations(page)).toEqual([]);

      await loan.fill(`PR-2026-${size === 'mobile' ? '0002' : '0001'}`);
      await tap(form.getByRole('button', { name: 'Obtenir le certificat' }));
      await expect.poll(() => form.getByRole('link', { name: 'Télécharger le certificat' }).count()).toBe(1);
      expect(await loan.getAttribute('aria-invalid')).toBeNull();
      const [certificate] = await Promise.all([
        page.waitForEvent('download'),
        tap(form.getByRole('link', { name: 'Télécharger le certificat' })),
      ]);
      expect(
        readFileSync((await certificate.path())!)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  it('is not offered on a tenant’s contract', async () => {
    const context = await web.context('desktop');
    const page = await context.newPage();
    await signInAs(web, page, 'camille');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Mon contrat', exact: true })
      .click();
    await expect.poll(() => page.getByRole('region', { name: 'Vos garanties' }).count()).toBe(1);
    expect(await page.getByRole('form', { name: 'Certificat pour votre banque' }).count()).toBe(0);
  });
});

// The help centre browsed by category down to an article, and the search bar over the whole file opening the
// customer's own claim and refused debit (issue 16, items 8 and 9), in a real browser on a desktop and on a phone,
// against a gateway that runs trusted documents only.
import { DEMO } from '@abri/platform';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, pageProblems, type Size, signInAs, skipBrowser, webForFile } from './browser.ts';

const web = webForFile();

describe.skipIf(skipBrowser)('help centre and search over the file', () => {
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`browses the help by category to an article, and opens a claim and a refused debit found by the search (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      await signInAs(web, page, 'camille');

      // Categories, then one category, then one of its articles with the ones to read next.
      await tap(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Aide' }));
      const browsers = page.getByRole('link', { name: 'Navigateurs', exact: true });
      await expect.poll(() => browsers.count(), { timeout: 30_000 }).toBe(1);
      expect(await page.getByRole('heading', { level: 3 }).count()).toBeGreaterThanOrEqual(12);
      expect(await accessibilityViolations(page)).toEqual([]);
      await tap(browsers);
      await page.waitForURL(`${web.origin}/aide/navigateurs`);
      const safari = page.getByRole('link', { name: 'Safari : vider le cache quand une page s’affiche mal' });
      await expect.poll(() => safari.count(), { timeout: 30_000 }).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      await tap(safari);
      await page.waitForURL(`${web.origin}/aide/article/safari-cache`);
      await expect
        .poll(() => page.getByRole('article').getByRole('heading', { level: 2 }).textContent(), { timeout: 30_000 })
        .toBe('Safari\u00a0: vider le cache quand une page s’affiche mal');
      expect(await page.getByRole('article').locator('p').count()).toBeGreaterThanOrEqual(3);
      expect(await page.getByRole('heading', { name: 'À lire aussi' }).count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.goto(`${web.origin}/aide/article/nexiste-pas`);
      await expect.poll(() => page.getByText('Cet article n’existe pas ou plus.').count(), { timeout: 30_000 }).toBe(1);

      // The search over the file: the customer's claim by its reference…
      const box = page.getByRole('searchbox', { name: 'Rechercher dans mon espace et l’aide' });
      await box.fill('SIN-2026-004217');
      await box.press('Enter');
      const claim = page
        .locator('li.card')
        .filter({ has: page.getByText('Mon sinistre', { exact: true }) })
        .first();
      await expect.poll(() => claim.count(), { timeout: 30_000 }).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      await tap(claim.getByRole('link'));
      await page.waitForURL(`${web.origin}/sinistres/${DEMO.camilleClaimId}`);
      // The header's box is drawn again, empty, for the page without a query: typed into before that (a loaded machine
      // shows the gap), the text would be lost with the old box.
      await expect.poll(() => box.inputValue(), { timeout: 30_000 }).toBe('');

      // …and a refused debit of the payment history.
      await box.fill('prélèvement refusé provision insuffisante');
      await box.press('Enter');
      await page.waitForURL(/\/aide\?q=/);
      const payment = page
        .locator('li.card')
        .filter({ has: page.getByText('Mes paiements', { exact: true }) })
        .first();
      await expect.poll(() => payment.count(), { timeout: 30_000 }).toBe(1);
      expect(await payment.getByRole('link').textContent()).toMatch(/^Prélèvement refusé du /);
      await tap(payment.getByRole('link'));
      await page.waitForURL(`${web.origin}/paiements`);
      expect(problems).toEqual([]);
      await context.close();
    }, 240_000);
  }
});

// « Mes paiements » in a real browser, on a desktop and on a phone: the instalments to come, a past year's payments
// and its payment certificate downloaded from a plain signed link, the payment methods, and the monthly due day moved
// after a preview of the schedule it gives.
import { readFileSync } from 'node:fs';
import { DEMO } from '@abri/platform';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportCollections } from '../../../subgraphs/payments/src/app/sepa.ts';
import { settleCollections } from '../../../subgraphs/payments/src/app/settlement.ts';
import { date, money } from '../src/format.ts';
import { accessibilityViolations, pageProblems, type Size, signInAs, skipBrowser, webForFile } from './browser.ts';

const web = webForFile();

const DAYS: Record<Size, number> = { desktop: 20, mobile: 12 };

describe.skipIf(skipBrowser)('payments', () => {
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`shows the schedule, a year of history with its certificate, the methods, and moves the due day (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      await signInAs(web, page, 'camille');

      await tap(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Paiements' }));
      await page.waitForURL(`${web.origin}/paiements`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mes paiements');
      const schedule = page.getByRole('list', { name: 'Prochaines échéances' }).getByRole('listitem');
      await expect.poll(() => schedule.count()).toBeGreaterThan(1);
      expect(await schedule.first().textContent()).toMatch(/\d{4}.*Prévu.*\d,\d{2}\u00a0€$/);
      const methods = page.getByRole('region', { name: 'Moyens de paiement' });
      expect(await methods.getByText('Par défaut').count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      // Last year: its payments, and its certificate from a plain link.
      const year = new Date().getFullYear() - 1;
      await page.getByLabel('Année').selectOption(String(year));
      const history = page.getByRole('list', { name: `Paiements ${year}` }).getByRole('listitem');
      await expect.poll(() => history.first().textContent()).toMatch(new RegExp(`${year}.*Payé`));
      for (const text of await history.allTextContents()) expect(text).toContain(String(year));
      const [certificate] = await Promise.all([
        page.waitForEvent('download'),
        tap(page.getByRole('link', { name: `Attestation de paiement ${year} (PDF)` })),
      ]);
      expect(new URL(certificate.url()).pathname).toBe(`/payment-certificates/${year}`);
      expect(
        readFileSync((await certificate.path())!)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');

      // The due day: a preview of the schedule first, applied once confirmed.
      const day = DAYS[size];
      await tap(page.getByText('Changer le jour de prélèvement'));
      await page.getByLabel('Nouveau jour de prélèvement').selectOption(String(day));
      const preview = page.getByRole('list', { name: 'Nouvel échéancier' }).getByRole('listitem');
      await expect.poll(() => preview.count()).toBe(3);
      for (const text of await preview.allTextContents()) expect(text).toMatch(new RegExp(`^${day}\u00a0`));
      expect(await accessibilityViolations(page)).toEqual([]);
      await tap(page.getByRole('button', { name: 'Confirmer ce changement' }));
      await expect.poll(() => page.getByText(`vos prélèvements auront lieu le ${day} de chaque mois`).count()).toBe(1);
      await expect
        .poll(async () => (await schedule.allTextContents()).slice(1).every((t) => t.startsWith(`${day}\u00a0`)))
        .toBe(true);
      expect(problems).toEqual([]);
    });
  }

  it('shows a direct debit the bank collected as paid as soon as it is settled, without a reload', async () => {
    const payments = web.system.services.payments.app;
    // Louis's next instalment, due yesterday (its row moved there: the services keep the real date), in that day's
    // direct-debit file.
    const current = await payments.prisma.scheduledPayment.findFirstOrThrow({
      where: { customerId: DEMO.louis.customerId, status: 'PLANNED' },
      orderBy: { dueDate: 'asc' },
    });
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(`${day}T00:00:00Z`);
    await payments.prisma.scheduledPayment.update({ where: { id: current.id }, data: { dueDate: yesterday } });

    const context = await web.context('mobile');
    const page = await context.newPage();
    const problems = pageProblems(page);
    await signInAs(web, page, 'louis');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Paiements' }).tap();
    await page.waitForURL(`${web.origin}/paiements`);
    await page.getByLabel('Année').selectOption(day.slice(0, 4));
    const latest = page
      .getByRole('list', { name: `Paiements ${day.slice(0, 4)}` })
      .getByRole('listitem')
      .first();
    await expect.poll(() => latest.count()).toBe(1);
    expect(await latest.textContent()).not.toMatch(new RegExp(`^${date(day)}\\s`));
    let loads = 0;
    page.on('load', () => loads++);

    // Nothing came back from the bank by this morning: the debit went through, and the open screen shows it. Exported
    // only now: the service settles what was exported every minute, and on a slow machine that tick could fall
    // while the page opens. It may still come just before our call: the instalment is paid either way.
    expect(await exportCollections(payments, yesterday)).toMatchObject({ kind: 'exported' });
    await settleCollections(payments);
    expect((await payments.prisma.scheduledPayment.findUniqueOrThrow({ where: { id: current.id } })).status).toBe(
      'PAID',
    );
    await expect
      .poll(() => latest.textContent(), { timeout: 30_000 })
      .toMatch(
        new RegExp(`^${date(day)}\\sà\\s.*Payé.*${money({ amountCents: current.amountCents, currency: 'EUR' })}$`),
      );
    expect(loads).toBe(0);
    expect(problems).toEqual([]);
  });
});

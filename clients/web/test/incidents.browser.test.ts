// A refused debit and its alternatives, the SEPA mandates, and the search bar with the help centre, in a real
// browser on a desktop and on a phone, against a gateway that runs trusted documents only (as in production): the
// app works from the hashes of its operations alone. The bank's refusal is recorded by the support agent (AGENT,
// with TOTP) through the API, as the back office does.
import { DEMO } from '@abri/platform';
import { addDays, isoDay, parisDay } from '@abri/platform/french';
import type { AbriClient } from '@abri/sdk';
import { staffMember } from '@abri/testkit';
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, pageProblems, type Size, signInAs, skipBrowser, webForFile } from './browser.ts';

const web = webForFile();
// One agent session for the file: a second staff sign-in within the same 30-s TOTP step is refused (replay).
let agent: AbriClient;
beforeAll(async () => {
  if (skipBrowser) return;
  agent = await staffMember(web.system.gateway.url, 'agent');
}, 600_000);

const WHO: Record<Size, 'camille' | 'louis'> = { desktop: 'camille', mobile: 'louis' };

/** The bank refuses the customer's next instalment; the agent records it. Returns the instalments' due days. */
async function refuseNextDebit(who: 'camille' | 'louis') {
  const payments = web.system.services.payments.app;
  const next = await payments.prisma.scheduledPayment.findFirstOrThrow({
    where: { customerId: DEMO[who].customerId, status: 'PLANNED' },
    orderBy: { dueDate: 'asc' },
  });
  const recorded = await agent.request<{ recordDebitRejection: { __typename: string } }>(
    'mutation($id: ID!) { recordDebitRejection(scheduledPaymentId: $id, reasonCode: "AM04") { __typename } }',
    { id: next.id },
  );
  expect(recorded.data?.recordDebitRejection.__typename).toBe('DebitRejectionRecorded');
  const due = await payments.prisma.scheduledPayment.findMany({ where: { policyId: next.policyId } });
  return new Set(due.map((p) => isoDay(p.dueDate)));
}

describe.skipIf(skipBrowser)('payment incidents, mandates, search and help (trusted documents only)', () => {
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`offers a refused debit's alternatives, adds a SEPA mandate, and searches the file and the help (${size})`, async () => {
      const who = WHO[size];
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      await signInAs(web, page, who);

      await tap(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Paiements' }));
      await page.waitForURL(`${web.origin}/paiements`);
      const incident = page.getByRole('region', { name: 'Prélèvement refusé' });
      await page.getByRole('region', { name: 'Moyens de paiement' }).waitFor();
      expect(await incident.count()).toBe(0);
      // The bank refuses a debit while the page is open: the incident appears without a reload.
      const dueDays = await refuseNextDebit(who);
      await expect.poll(() => incident.count(), { timeout: 30_000 }).toBe(1);
      expect(await incident.textContent()).toMatch(/refusé par votre banque \(motif AM04\)/);
      expect(await incident.textContent()).toMatch(/Réglez-le avant le \d{1,2}(er)?\s\S+\s\d{4}/);
      // The three ways out.
      expect(await incident.getByRole('button', { name: /^Payer \d/ }).count()).toBe(1);
      expect(await incident.getByRole('button', { name: 'Programmer ce prélèvement' }).count()).toBe(1);
      expect(await incident.getByRole('link', { name: 'Changer de moyen de paiement' }).count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      if (size === 'desktop') {
        // Presented again on a chosen day (one that is not already a due day), from tomorrow in Paris: tomorrow in
        // UTC is still today there between midnight and 1 or 2 a.m., a day the payments subgraph refuses.
        let day = addDays(parisDay(new Date()), 1);
        while (dueDays.has(isoDay(day))) day = addDays(day, 1);
        await incident.getByLabel('Date du nouveau prélèvement').fill(isoDay(day));
        await tap(incident.getByRole('button', { name: 'Programmer ce prélèvement' }));
        await expect
          .poll(() => incident.getByRole('status').textContent(), { timeout: 30_000 })
          .toMatch(/présenté à nouveau le/);
      } else {
        // Paid with the mandate on file: a debit is planned, and the incident stays until the bank has collected it.
        await tap(incident.getByRole('button', { name: /^Payer \d/ }));
        await expect
          .poll(() => incident.getByRole('status').textContent(), { timeout: 30_000 })
          .toMatch(/seront prélevés le .+ dès l’encaissement/);
        expect(await incident.count()).toBe(1);
      }

      // A new SEPA mandate, made the default.
      const methods = page.getByRole('region', { name: 'Moyens de paiement' });
      const before = await methods.getByRole('listitem').count();
      await tap(methods.getByRole('button', { name: 'Ajouter un mandat SEPA' }));
      // One account per customer: an IBAN already backing a mandate is refused (IBAN_ALREADY_REGISTERED).
      await methods
        .getByLabel('IBAN')
        .fill(who === 'camille' ? 'FR76 3000 6000 0112 3456 7890 189' : 'FR14 2004 1010 0505 0001 3M02 606');
      await methods.getByLabel('Titulaire du compte').fill(who === 'camille' ? 'Camille Martin' : 'Louis Bernard');
      expect(await accessibilityViolations(page)).toEqual([]);
      await tap(methods.getByRole('button', { name: 'Signer le mandat' }));
      await expect
        .poll(() => methods.getByRole('status').textContent(), { timeout: 30_000 })
        .toMatch(/mandat de prélèvement SEPA est enregistré/);
      await expect.poll(() => methods.getByRole('listitem').count(), { timeout: 30_000 }).toBe(before + 1);
      expect(await methods.getByRole('listitem').first().textContent()).toMatch(/Par défaut.*Prélèvement SEPA/);

      // The search bar over the file and the help centre, then a help article read in the app.
      await page.getByRole('searchbox', { name: 'Rechercher dans mon espace et l’aide' }).fill('attestation');
      await page.getByRole('searchbox', { name: 'Rechercher dans mon espace et l’aide' }).press('Enter');
      await page.waitForURL(`${web.origin}/aide?q=attestation`);
      const results = page.getByRole('heading', { level: 2, name: /résultats? pour «\sattestation\s»/ });
      await expect.poll(() => results.count(), { timeout: 30_000 }).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      const article = page
        .locator('li.card')
        .filter({ has: page.getByText('Aide', { exact: true }) })
        .first()
        .getByRole('link');
      const title = await article.textContent();
      await tap(article);
      await page.waitForURL(/\/aide\/article\/[\w-]+$/);
      await expect
        .poll(() => page.getByRole('heading', { level: 2 }).first().textContent(), { timeout: 30_000 })
        .toBe(title);
      expect((await page.getByRole('article').textContent())!.length).toBeGreaterThan(40);
      expect(await accessibilityViolations(page)).toEqual([]);
      // And the help centre's entry without a question.
      await tap(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Aide' }));
      await expect
        .poll(() => page.getByRole('heading', { name: 'Questions fréquentes' }).count(), { timeout: 30_000 })
        .toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }, 240_000);
  }
});

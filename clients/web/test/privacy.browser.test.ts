// « Mes données » and the relevé d'information in a real browser, on a desktop and on a phone, against a gateway
// that runs trusted documents only: the register's real categories with their purpose, basis and retention; a
// consent withdrawn and given again, in its history; a copy of the data asked for, its progress shown, then the ZIP
// downloaded; assistance given, a support agent's read under it shown, then taken back; the erasure preview saying
// why it would be refused today (a running contract), with nothing erased; and a relevé d'information issued and
// downloaded from « Mes documents », where each document's kind reads in French.
import { readFileSync } from 'node:fs';
import { DEMO } from '@abri/platform';
import type { AbriClient } from '@abri/sdk';
import { staffMember } from '@abri/testkit';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { usersRegister } from '../../../prisma/users/personal-data.ts';
import { accessibilityViolations, pageProblems, type Size, signInAs, skipBrowser, webForFile } from './browser.ts';

const web = webForFile();
// One agent session for the file: a second staff sign-in within the same 30-s TOTP step is refused (replay).
let agent: AbriClient;
beforeAll(async () => {
  if (skipBrowser) return;
  agent = await staffMember(web.system.gateway.url, 'agent');
}, 600_000);

/** One customer per size: a copy of one's data may be asked for once a day. */
const WHO: Record<Size, 'camille' | 'louis'> = { desktop: 'camille', mobile: 'louis' };
const NBSP = '\u00a0';
const REASON = 'Aide à la lecture du contrat';

/** The support agent opens the assistance the customer granted and reads their name, giving the reason. */
async function agentReadsUnderGrant(who: 'camille' | 'louis') {
  const opened = await agent.request<{ openAssistance: { __typename: string; accessToken?: string } }>(
    'mutation($c: String!) { openAssistance(contractNumber: $c) { __typename ... on AssistanceOpened { accessToken } } }',
    { c: DEMO[who].contractNumber },
  );
  const token = opened.data?.openAssistance.accessToken;
  expect(token, JSON.stringify(opened)).toBeTruthy();
  const res = await fetch(web.system.gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-abri-reason': encodeURIComponent(REASON),
    },
    body: JSON.stringify({
      query: 'query($id: ID!) { customer(id: $id) { firstName } }',
      variables: { id: DEMO[who].customerId },
    }),
  });
  const body = (await res.json()) as { data?: { customer: { firstName: string } | null } };
  expect(body.data?.customer?.firstName).toBeTruthy();
}

/** Nothing wider than the screen: a phone scrolls down, never sideways. */
const fitsTheScreen = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe.skipIf(skipBrowser)('« Mes données » and the relevé d’information (trusted documents only)', () => {
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`shows the register, keeps consents' history, exports the data, grants and revokes assistance, previews the erasure and issues a relevé (${size})`, async () => {
      const who = WHO[size];
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      await signInAs(web, page, who);

      // From « Mon compte », as a customer looks for it.
      await tap(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Compte' }));
      await page.waitForURL(`${web.origin}/compte`);
      await tap(page.getByRole('link', { name: 'Voir et gérer mes données' }));
      await page.waitForURL(`${web.origin}/compte/donnees`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mes données');

      // The register: each part of Abri with its real categories; one opened shows why, on which basis, how long.
      const register = page.getByRole('region', { name: 'Ce que nous conservons' });
      await expect
        .poll(() => register.getByRole('heading', { level: 3 }).allTextContents())
        .toEqual(['Votre compte', 'Vos contrats', 'Vos sinistres', 'Vos paiements']);
      const registerText = (await register.textContent()) ?? '';
      for (const label of ['Identité', 'Logement assuré', 'Déclarations de sinistre', 'Moyens de paiement'])
        expect(registerText).toContain(label);
      const identity = usersRegister.categories.identity;
      await tap(register.getByText(identity.label, { exact: true }));
      const opened = register.getByRole('group').filter({ hasText: identity.contains });
      await expect
        .poll(() => opened.getByRole('definition').allTextContents())
        .toEqual([
          identity.purpose,
          'Exécution du contrat',
          identity.recipients.join(' ; '),
          identity.retention,
          identity.source,
        ]);
      expect(await fitsTheScreen(page)).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);

      // A consent given, withdrawn and given again: each answer in its history, newest first.
      const consents = page.getByRole('region', { name: 'Vos consentements' });
      const marketing = consents.getByRole('checkbox', { name: 'Offres et actualités d’Abri par e-mail' });
      for (const given of [true, false, true]) {
        await tap(marketing);
        await expect.poll(() => marketing.isChecked()).toBe(given);
        await expect
          .poll(() => consents.getByText(given ? 'Consentement donné' : 'Consentement retiré').count())
          .toBe(1);
      }
      await tap(consents.getByText(/^Historique \(3\)$/));
      const history = consents.getByRole('list', { name: `Historique${NBSP}: Offres et actualités d’Abri par e-mail` });
      const answers = await history.getByRole('listitem').allTextContents();
      expect(answers.map((a) => /^(Donné|Retiré)/.exec(a)?.[1])).toEqual(['Donné', 'Retiré', 'Donné']);
      for (const answer of answers) expect(answer).toMatch(/\d{1,2}(er)?\u00a0\p{L}+\u00a0\d{4} à\u00a0\d{2}:\d{2}/u);
      expect(await accessibilityViolations(page)).toEqual([]);

      // A copy of the data: its progress shown while it is gathered, then the ZIP downloaded.
      const exports = page.getByRole('region', { name: 'Une copie de vos données' });
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { progressSeen: string[] }).progressSeen = seen;
        new MutationObserver(() => {
          for (const bar of document.querySelectorAll('progress'))
            seen.push(String((bar as HTMLProgressElement).value));
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await tap(exports.getByRole('button', { name: 'Demander une copie de mes données' }));
      const zipLink = exports.getByRole('link', { name: /^Télécharger l’archive ZIP \(\d[\d\s]*(Ko|Mo)\)$/ });
      await expect.poll(() => zipLink.count(), { timeout: 60_000 }).toBe(1);
      const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.some((value) => Number(value) < 100)).toBe(true);
      expect(await exports.textContent()).toMatch(/téléchargeable jusqu’au \d{1,2}(er)?\u00a0\p{L}+\u00a0\d{4}/u);
      const [zip] = await Promise.all([page.waitForEvent('download'), tap(zipLink)]);
      expect(new URL(zip.url()).pathname).toMatch(/^\/exports\/[0-9a-f-]{36}\.zip$/);
      expect(
        readFileSync((await zip.path())!)
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK');
      expect(await accessibilityViolations(page)).toEqual([]);

      // Assistance: given for 30 minutes, the agent's read under it shown with its reason, then taken back.
      const assistance = page.getByRole('region', { name: 'Assistance à distance' });
      await tap(assistance.getByRole('radio', { name: `30${NBSP}minutes` }));
      await tap(assistance.getByRole('button', { name: 'Autoriser le service client' }));
      await expect
        .poll(() =>
          assistance.getByText(/Le service client peut voir votre espace, en lecture seule, jusqu’au/).count(),
        )
        .toBe(1);
      // The button pressed is gone: the focus moved to what replaced it.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
        .toMatch(/^Le service client peut voir/);
      await agentReadsUnderGrant(who);
      const since = assistance.getByRole('list', { name: 'Consulté depuis votre accord' });
      await expect.poll(() => since.textContent(), { timeout: 45_000 }).toContain(`Motif${NBSP}: ${REASON}`);
      expect(await since.textContent()).toContain('Conseiller du service client');
      const log = page.getByRole('list', { name: 'Consultations de mon dossier' });
      expect(await log.textContent()).toContain(`Motif${NBSP}: ${REASON}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await tap(assistance.getByRole('button', { name: 'Retirer l’accès maintenant' }));
      await expect.poll(() => assistance.getByText('Le service client ne voit plus votre espace.').count()).toBe(1);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe('Autoriser le service client');
      const after = await agent.request<{ openAssistance: { __typename: string } }>(
        'mutation($c: String!) { openAssistance(contractNumber: $c) { __typename } }',
        { c: DEMO[who].contractNumber },
      );
      expect(after.data?.openAssistance.__typename).toBe('NoSupportGrant');

      // Erasure: what would go, what would stay and until when, and why it cannot be done today.
      const erasure = page.getByRole('region', { name: 'Effacer mes données' });
      const show = erasure.getByRole('button', { name: 'Voir ce que l’effacement supprimerait' });
      await tap(show);
      expect(await show.getAttribute('aria-expanded')).toBe('true');
      const blockers = erasure.getByRole('region', { name: 'Ce qui empêche l’effacement aujourd’hui' });
      await expect
        .poll(() => blockers.textContent(), { timeout: 30_000 })
        .toContain(`Votre contrat ${DEMO[who].contractNumber} est en cours${NBSP}: résiliez-le d’abord`);
      const contracts = erasure.getByRole('region', { name: 'Vos contrats' });
      expect(await contracts.textContent()).toMatch(/Contrat, jusqu’au terme légal/);
      expect(await erasure.getByRole('region', { name: 'Votre compte' }).textContent()).toContain('Identité');
      expect(await erasure.getByRole('button', { name: 'Demander l’effacement de mes données' }).count()).toBe(0);
      expect(await fitsTheScreen(page)).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The relevé d'information, from « Mes documents »: issued, then downloaded as a PDF.
      await tap(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Documents' }));
      await page.waitForURL(`${web.origin}/documents`);
      const statement = page.getByRole('region', { name: 'Relevé d’information' });
      // Each document's kind in French, the conditions particulières included.
      const documents = page.getByRole('list', { name: 'Documents' });
      await expect.poll(() => documents.textContent()).toMatch(/Conditions particulières · contrat/);
      expect(await documents.textContent()).not.toMatch(/[A-Z]{3,}_[A-Z]{3,}/);
      await tap(statement.getByRole('button', { name: 'Obtenir un relevé d’information' }));
      await expect
        .poll(() => statement.getByText(/Votre relevé d’information n°\u00a0RI-\S+ est prêt/).count())
        .toBe(1);
      const statements = statement.getByRole('list', { name: 'Relevés d’information' });
      await expect.poll(() => statements.getByRole('listitem').count()).toBe(1);
      expect(await statements.textContent()).toMatch(
        new RegExp(`Contrat ${DEMO[who].contractNumber} · émis le \\d{1,2}(er)?\\u00a0\\p{L}+\\u00a0\\d{4}`, 'u'),
      );
      const pdfLink = statements.getByRole('link', { name: /^Télécharger le PDF \(\d[\d\s]*Ko\)$/ });
      const [pdf] = await Promise.all([page.waitForEvent('download'), tap(pdfLink)]);
      expect(new URL(pdf.url()).pathname).toMatch(/^\/claims-statements\/[0-9a-f-]{36}$/);
      expect(
        readFileSync((await pdf.path())!)
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
      expect(await fitsTheScreen(page)).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);

      // Nothing was erased.
      const account = await web.system.services.users.app.prisma.customer.findUniqueOrThrow({
        where: { id: DEMO[who].customerId },
      });
      expect(account.erasedAt).toBeNull();
      expect(problems).toEqual([]);
    }, 300_000);
  }
});

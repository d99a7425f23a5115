// The customer space without a network (issue 14.3) in Chromium: after a visit, the last dashboard and the last
// attestation downloaded come back offline under a dated banner; a sign-out or a revoked session leaves nothing of
// the customer on the browser, and the next customer on it only ever sees their own.
import { readFileSync } from 'node:fs';
import { DEMO } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  pageProblems,
  type Size,
  signInAs,
  skipBrowser,
  webDocument,
  webForFile,
} from './browser.ts';

const web = webForFile();

/**
 * What the browser keeps for offline reading: each offline cache holding anything, with the text of every entry.
 * Reading a cache means opening it, and opening creates it: a cache the app deletes between this listing and this
 * opening comes back empty, made by the test, and stays (once, in a whole run, a poll waited 30 s for it to go). An empty
 * cache keeps nothing of anyone, so it is not listed.
 */
const offlineStorage = (page: Page) =>
  page.evaluate(async () => {
    const kept: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      if (!name.startsWith('abri-offline-')) continue;
      const cache = await caches.open(name);
      const entries = await Promise.all(
        (await cache.keys()).map(
          async (request) => `${new URL(request.url).pathname} ${await (await cache.match(request))!.text()}`,
        ),
      );
      if (entries.length) kept[name] = entries;
    }
    return kept;
  });

const BANNER = /^Hors connexion — données du \d{1,2}(er)?\u00a0\p{L}+\u00a0\d{4} à\u00a0\d{2}:\d{2}$/u;

/** The service worker controls the page (it keeps the shell, and the attestation as it is downloaded). */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);
}

/** Issues a fresh attestation on « Mes documents » and downloads it: the PDF's bytes. */
async function downloadAttestation(page: Page, tap: (l: Locator) => Promise<void>): Promise<Buffer> {
  await tap(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Documents' }));
  await page.waitForURL(`${web.origin}/documents`);
  await page.getByRole('button', { name: 'Obtenir une attestation' }).click();
  await expect.poll(() => page.getByText('Votre attestation est prête').count(), { timeout: 30_000 }).toBe(1);
  const newest = page.getByRole('list', { name: 'Documents' }).getByRole('listitem').first();
  await expect.poll(() => newest.textContent()).toContain('Attestation d’assurance');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    tap(newest.getByRole('link', { name: /^Télécharger le PDF/ })),
  ]);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // The page keeps a copy for offline reading.
  await expect
    .poll(
      async () =>
        Object.values(await offlineStorage(page))
          .flat()
          .some((e) => e.startsWith('/hors-connexion/attestation.pdf')),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  return pdf;
}

async function reloadOffline(page: Page) {
  await page.context().setOffline(true);
  await page.goto(`${web.origin}/`);
  await expect.poll(() => page.locator('h1').count(), { timeout: 30_000 }).toBe(1);
}

describe.skipIf(skipBrowser)('offline customer space', () => {
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`shows the last dashboard and opens the last attestation offline, and nothing once signed out (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const tap = (locator: Locator) => (size === 'mobile' ? locator.tap() : locator.click());
      await page.goto(`${web.origin}/connexion`);
      await controlled(page);
      await signInAs(web, page, 'camille');
      const online = await page.locator('main').textContent();
      expect(online).toContain(DEMO.camille.contractNumber);
      const pdf = await downloadAttestation(page, tap);

      // The network goes: the open page says so at once, and a reload shows what was kept, dated, read-only.
      await context.setOffline(true);
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Hors connexion' }).textContent(), { timeout: 30_000 })
        .toMatch(BANNER);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mes documents');
      await reloadOffline(page);
      const banner = page.getByRole('status').filter({ hasText: 'Hors connexion' });
      await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toMatch(BANNER);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bonjour Camille');
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain(`Contrat ${DEMO.camille.contractNumber}`);
      expect(main).toContain('Vos garanties');
      expect(await page.getByRole('link', { name: 'Déclarer un sinistre' }).count()).toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      const [opened] = await Promise.all([
        page.waitForEvent('download'),
        tap(page.getByRole('button', { name: 'Ouvrir l’attestation (PDF)' })),
      ]);
      expect(opened.suggestedFilename()).toBe(`attestation-${DEMO.camille.contractNumber}.pdf`);
      expect(readFileSync((await opened.path())!).equals(pdf)).toBe(true);

      // Back online: the session is renewed from its cookie and the whole space returns.
      await context.setOffline(false);
      await expect.poll(() => page.getByRole('navigation', { name: 'Sections' }).count(), { timeout: 30_000 }).toBe(1);
      expect(await page.getByRole('status').filter({ hasText: 'Hors connexion' }).count()).toBe(0);

      // Signed out: an offline reload shows the sign-in, and nothing of the customer is left.
      await tap(page.getByRole('button', { name: 'Se déconnecter' }));
      await page.waitForURL(/\/connexion/);
      expect(await offlineStorage(page)).toEqual({});
      await reloadOffline(page);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion à votre espace client');
      const body = (await page.locator('body').textContent()) ?? '';
      // (The sign-in's example contract number happens to be hers: her contract as a card, her city, her name.)
      for (const hers of ['Camille', `Contrat ${DEMO.camille.contractNumber}`, 'Lyon', 'Hors connexion'])
        expect(body).not.toContain(hers);
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.setOffline(false);
      expect(
        problems.filter((p) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/.test(p)),
      ).toEqual([]);
    });
  }

  it('forgets a revoked session’s data, and a second customer on the same browser sees only their own', async () => {
    const context = await web.context('mobile');
    const page = await context.newPage();
    const tap = (locator: Locator) => locator.tap();
    await page.goto(`${web.origin}/connexion`);
    await controlled(page);
    await signInAs(web, page, 'camille');
    await downloadAttestation(page, tap);
    expect(JSON.stringify(await offlineStorage(page))).toContain(DEMO.camille.contractNumber);

    // Camille ends this browser's session from another device (her page is closed meanwhile).
    await page.goto('about:blank');
    const other = new AbriClient(web.system.gateway.url);
    expect((await other.login(DEMO.camille.contractNumber, DEMO.customerPassword))?.__typename).toBe('LoginSuccess');
    const account = await other.request<{ me: { sessions: { id: string; current: boolean }[] } }>(
      webDocument('Account'),
    );
    for (const s of account.data!.me.sessions.filter((s) => !s.current))
      expect((await other.request(webDocument('RevokeSession'), { sessionId: s.id })).errors).toBeUndefined();

    // The browser opens online: the session is refused, and what was kept for it goes with it.
    await page.goto(`${web.origin}/`);
    await page.waitForURL(/\/connexion/);
    await expect.poll(() => offlineStorage(page), { timeout: 30_000 }).toEqual({});
    await reloadOffline(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion à votre espace client');
    expect(await page.locator('body').textContent()).not.toContain('Camille');
    await context.setOffline(false);

    // Louis signs in on the same browser: offline, his dashboard alone, and no attestation of anyone.
    await signInAs(web, page, 'louis');
    await expect
      .poll(async () => JSON.stringify(await offlineStorage(page)), { timeout: 30_000 })
      .toContain(DEMO.louis.contractNumber);
    await reloadOffline(page);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Hors connexion' }).textContent(), { timeout: 30_000 })
      .toMatch(BANNER);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bonjour Louis');
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).toContain(DEMO.louis.contractNumber);
    for (const hers of ['Camille', DEMO.camille.contractNumber, 'Lyon']) expect(body).not.toContain(hers);
    expect(body).toContain('Aucune attestation n’est enregistrée sur cet appareil');
    const kept = await offlineStorage(page);
    expect(Object.keys(kept)).toHaveLength(1);
    expect(JSON.stringify(kept)).not.toContain(DEMO.camille.contractNumber);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.setOffline(false);
  });
});

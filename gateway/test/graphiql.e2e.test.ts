// The staff GraphiQL (GraphiQL 5) in a real headless Chromium, every request that leaves localhost aborted: the page
// runs from the gateway's own files; an adjuster signs in from the « Connexion » panel (password, then TOTP), which
// fills the Authorization header; saved operations run the claim queue (with the allowed next statuses) and a
// refused move whose error names the moves allowed; the token is renewed without the password, also after a reload;
// a subscription runs over the gateway's socket (issue 14.5).
import { existsSync } from 'node:fs';
import { DEMO } from '@abri/platform';
import { startTestSystem } from '@abri/testkit';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../subgraphs/users/src/domain/totp.ts';
import { buildGraphiql } from '../src/graphiql/build.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// CI sets this: there a missing browser is a failure, not a reason to skip.
const required = process.env.ABRI_REQUIRE_SERVICES === 'true';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);
const isOutside = (raw: string) => {
  const url = new URL(raw);
  return NETWORK_PROTOCOLS.has(url.protocol) && !LOCAL_HOSTS.has(url.hostname);
};

type Answer = { data?: Record<string, unknown> | null; errors?: unknown[] };

describe('the staff GraphiQL in headless Chromium', () => {
  const disposers: Array<() => Promise<void>> = [];
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  let browser: Browser;
  let context: BrowserContext;
  /** Every request the page tried to send outside localhost, aborted. */
  const blocked: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) return;
    await buildGraphiql();
    system = await startTestSystem();
    disposers.push(() => system.stop());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    disposers.push(() => browser.close());
    context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/*', (route) => {
      const request = route.request();
      if (!isOutside(request.url())) return route.continue();
      blocked.push(`${request.method()} ${request.url()}`);
      return route.abort('blockedbyclient');
    });
  });

  afterAll(async () => {
    for (const dispose of disposers.reverse()) await dispose().catch(() => {});
  });

  /** Runs what the editor holds with the execute button; resolves with the request's header and the answer. */
  async function execute(page: Page, operation: string, name: string) {
    // GraphiQL names the tab after the operation once it has read the editor: run it then, not before.
    await expect.poll(() => page.locator('.graphiql-tab-active').innerText(), { timeout: 15_000 }).toContain(name);
    const response = page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' &&
        r.url() === system.gateway.url &&
        (r.request().postData() ?? '').includes(operation),
      { timeout: 30_000 },
    );
    await page.locator('.graphiql-execute-button').click();
    const answered = await response;
    return {
      authorization: (await answered.request().allHeaders()).authorization ?? null,
      answer: (await answered.json()) as Answer,
    };
  }

  it('answers an operationName the document does not have with a typed error, not INTERNAL', async () => {
    if (!system) return;
    const res = await fetch(system.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
  });

  const panel = async (page: Page, title: string) => {
    const open = page.getByRole('button', { name: `Show ${title}` });
    if (await open.isVisible()) await open.click();
  };

  it.skipIf(!hasChromium && !required)(
    'signs a claims adjuster in, runs the daily tasks, renews the token without the password, and subscribes',
    async () => {
      if (!hasChromium) throw new Error(`${CHROMIUM} is missing, and ABRI_REQUIRE_SERVICES=true forbids skipping`);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      const failedLocal: string[] = [];
      const frames: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      page.on('requestfailed', (request) => {
        // A reload aborts what was still loading (ERR_ABORTED); anything else is a broken asset.
        if (!isOutside(request.url()) && request.failure()?.errorText !== 'net::ERR_ABORTED')
          failedLocal.push(`${request.url()}: ${request.failure()?.errorText}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) failedLocal.push(`${response.url()}: ${response.status()}`);
      });
      page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));

      const origin = new URL(system.gateway.url).origin;
      await page.goto(`${origin}/graphiql`, { waitUntil: 'load', timeout: 30_000 });
      await expect.poll(() => page.locator('.graphiql-container').isVisible(), { timeout: 60_000 }).toBe(true);

      // Password, then the code of the authenticator app: the header is filled.
      await panel(page, 'Connexion');
      await page.getByLabel('Adresse e-mail').fill(DEMO.adjuster.email);
      await page.getByLabel('Mot de passe').fill(DEMO.staffPassword);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      const code = page.getByLabel('Code de l’application d’authentification');
      await code.waitFor({ timeout: 30_000 });
      await code.fill(await totpCode(DEMO.adjuster.totpSecret, new Date()));
      await page.getByRole('button', { name: 'Valider le code' }).click();
      const status = page.getByTestId('session-status');
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain(`Connecté : ${DEMO.adjuster.email}`);

      // The claim queue, with where each claim may go next.
      await panel(page, 'Opérations');
      await page.getByLabel('Sinistre (identifiant)').fill(DEMO.camilleClaimId);
      await page.getByLabel('Statut (file d’attente, ou statut visé)').fill('EXPERT_ASSIGNED');
      await page.getByRole('button', { name: 'File d’attente des sinistres' }).click();
      const queue = await execute(page, 'claimQueue', 'ClaimQueue');
      expect(queue.authorization).toMatch(/^Bearer \S+$/);
      expect(queue.answer.errors).toBeUndefined();
      expect(queue.answer.data?.claimQueue).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: DEMO.camilleClaimId,
            status: 'EXPERT_ASSIGNED',
            allowedMoves: ['EXPERT_REPORT', 'DOCUMENTS_REQUESTED'],
          }),
        ]),
      );

      // A refused move says which moves are allowed.
      await page.getByLabel('Statut (file d’attente, ou statut visé)').fill('CLOSED');
      await page.getByRole('button', { name: 'Faire avancer un sinistre' }).click();
      const refused = await execute(page, 'advanceClaim', 'AdvanceClaim');
      expect(refused.answer.data?.advanceClaim).toMatchObject({
        __typename: 'TransitionNotAllowed',
        reason: 'NOT_ALLOWED',
        allowed: ['EXPERT_REPORT', 'DOCUMENTS_REQUESTED'],
      });
      const { message } = refused.answer.data!.advanceClaim as { message: string };
      expect(message).toContain('changements possibles');
      expect(message).toContain('EXPERT_REPORT');
      await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 15_000 }).toContain('allowed');

      // Renewed without the password: the next request carries the new token.
      await panel(page, 'Connexion');
      const stored = () => page.evaluate(() => sessionStorage.getItem('abri.graphiql.session'));
      const before = await stored();
      const renewed = page.waitForResponse((r) => (r.request().postData() ?? '').includes('refreshSession'));
      await page.getByRole('button', { name: 'Renouveler maintenant' }).click();
      expect((await renewed).status()).toBe(200);
      // The answer is on the wire before the page has taken it in (a loaded machine shows the gap): the session has
      // renewed once it keeps the new refresh token.
      await expect.poll(stored, { timeout: 30_000 }).not.toBe(before);
      await panel(page, 'Opérations');
      await page.getByLabel('Statut (file d’attente, ou statut visé)').fill('EXPERT_ASSIGNED');
      await page.getByRole('button', { name: 'File d’attente des sinistres' }).click();
      const again = await execute(page, 'claimQueue', 'ClaimQueue');
      expect(again.authorization).toMatch(/^Bearer \S+$/);
      expect(again.authorization).not.toBe(queue.authorization);
      expect(again.answer.errors).toBeUndefined();

      // A reload keeps the session: renewed from the refresh token, no password asked.
      const restored = page.waitForResponse((r) => (r.request().postData() ?? '').includes('refreshSession'));
      await page.reload({ waitUntil: 'load' });
      expect((await restored).status()).toBe(200);
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain(`Connecté : ${DEMO.adjuster.email}`);
      await panel(page, 'Opérations');
      await page.getByLabel('Statut (file d’attente, ou statut visé)').fill('EXPERT_ASSIGNED');
      await page.getByRole('button', { name: 'File d’attente des sinistres' }).click();
      const afterReload = await execute(page, 'claimQueue', 'ClaimQueue');
      expect(afterReload.answer.errors).toBeUndefined();
      expect(afterReload.authorization).not.toBe(again.authorization);

      // A subscription runs over the gateway's socket with the header's token (the claim stream is the customer's:
      // staff get its typed refusal over the socket).
      await page.getByRole('button', { name: 'Suivre les statuts (client, par le socket)' }).click();
      await expect
        .poll(() => page.locator('.graphiql-tab-active').innerText(), { timeout: 15_000 })
        .toContain('ClaimStatusChanged');
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => frames.includes('{"type":"connection_ack"}'), { timeout: 30_000 }).toBe(true);
      await expect
        .poll(() => frames.find((f) => f.includes('"type":"next"') && f.includes('UNAUTHENTICATED')), {
          timeout: 30_000,
        })
        .toBeDefined();

      expect(blocked).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(failedLocal).toEqual([]);
      await page.close();
    },
    // Many steps in a real browser on a loaded machine; a timeout only ends a test that hangs.
    300_000,
  );
});

// GraphiQL in a real headless Chromium with every request that leaves localhost aborted: the page must render,
// introspect the gateway and run a query from the gateway's own files alone (no CDN, no font or script from outside).
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Embedded, startEmbedded } from '../src/embedded.ts';

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

type CodeMirrorHost = { CodeMirror: { getValue(): string; setValue(value: string): void } };

describe('GraphiQL in headless Chromium', () => {
  const disposers: Array<() => Promise<void>> = [];
  let system: Embedded;
  let browser: Browser;
  let context: BrowserContext;
  /** Every request the page tried to send outside localhost, aborted. */
  const blocked: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) return;
    system = await startEmbedded({
      dataDir: null,
      ports: { gateway: 0, users: 0, policies: 0, claims: 0, payments: 0 },
      silent: true,
    });
    disposers.push(() => system.stop());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    disposers.push(() => browser.close());
    // Service workers would fetch behind the router's back.
    context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/*', (route) => {
      const request = route.request();
      if (!isOutside(request.url())) return route.continue();
      blocked.push(`${request.method()} ${request.url()}`);
      return route.abort('blockedbyclient');
    });
  });

  afterAll(async () => {
    const failures: unknown[] = [];
    for (const dispose of disposers.reverse()) await dispose().catch((error: unknown) => failures.push(error));
    if (failures.length) throw new AggregateError(failures, 'disposing the GraphiQL end-to-end test failed');
  });

  it.skipIf(!hasChromium && !required)(
    'renders GraphiQL from local assets only, with every outside request blocked',
    async () => {
      if (!hasChromium)
        throw new Error(
          `${CHROMIUM} is missing, and ABRI_REQUIRE_SERVICES=true forbids skipping the GraphiQL end-to-end test`,
        );
      const origin = new URL(system.gateway.url).origin;
      const page = await context.newPage();
      const pageErrors: string[] = [];
      const consoleErrors: string[] = [];
      const failedLocal: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('websocket', (socket) => {
        if (isOutside(socket.url())) blocked.push(`WS ${socket.url()}`);
      });
      page.on('requestfailed', (request) => {
        if (!isOutside(request.url()))
          failedLocal.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400)
          failedLocal.push(`${response.request().method()} ${response.url()}: ${response.status()}`);
      });

      const isGraphQLPost = (method: string, url: string) => method === 'POST' && url === system.gateway.url;
      const introspection = page.waitForResponse(
        (r) => isGraphQLPost(r.request().method(), r.url()) && (r.request().postData() ?? '').includes('__schema'),
        { timeout: 30_000 },
      );
      await page.goto(`${origin}/graphiql`, { waitUntil: 'load', timeout: 30_000 });

      await expect.poll(() => page.locator('.graphiql-container').isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await page.locator('.graphiql-query-editor .CodeMirror').count()).toBe(1);

      // GraphiQL introspects the gateway as soon as it mounts; the schema must come back whole.
      const introspected = await introspection;
      expect(introspected.status()).toBe(200);
      const schema = (await introspected.json()) as {
        data?: { __schema?: { queryType?: { name: string } } };
        errors?: unknown;
      };
      expect(schema.errors).toBeUndefined();
      expect(schema.data?.__schema?.queryType?.name).toBe('Query');

      // The documentation explorer is built from that introspection.
      await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
      const docs = page.locator('.graphiql-doc-explorer');
      await expect.poll(() => docs.isVisible(), { timeout: 15_000 }).toBe(true);
      const queryRoot = docs.locator('.graphiql-doc-explorer-root-type', { hasText: 'query' }).locator('..');
      await expect.poll(() => queryRoot.textContent(), { timeout: 15_000 }).toMatch(/^query:\s*Query$/);
      await queryRoot.locator('.graphiql-doc-explorer-type-name').click();
      await expect
        .poll(() => docs.locator('.graphiql-doc-explorer-field-name').allTextContents(), { timeout: 15_000 })
        .toEqual(expect.arrayContaining(['claimQueue', 'me']));

      // A query typed in the editor and run with the execute button goes through the gateway to the users subgraph.
      await page
        .locator('.graphiql-query-editor .CodeMirror')
        .evaluate((el, query) => (el as unknown as CodeMirrorHost).CodeMirror.setValue(query), '{ me { __typename } }');
      const executed = page.waitForResponse(
        (r) => isGraphQLPost(r.request().method(), r.url()) && (r.request().postData() ?? '').includes('me {'),
        {
          timeout: 30_000,
        },
      );
      await page.locator('.graphiql-execute-button').click();
      const result = await executed;
      expect(result.status()).toBe(200);
      expect(await result.json()).toEqual({ data: { me: null } });
      const shown = () =>
        page
          .locator('.graphiql-response .CodeMirror')
          .evaluate((el) => (el as unknown as CodeMirrorHost).CodeMirror.getValue());
      await expect
        .poll(async () => JSON.parse((await shown()) || 'null'), { timeout: 15_000 })
        .toEqual({ data: { me: null } });

      expect(blocked).toEqual([]);
      expect(pageErrors).toEqual([]);
      // A CSP violation or a missing asset shows up here before it shows up as a broken page.
      expect(consoleErrors).toEqual([]);
      expect(failedLocal).toEqual([]);
      await page.close();
    },
  );
});

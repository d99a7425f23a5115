// What every browser test of the web customer space shares: the whole system serving the built app, Debian's
// Chromium through playwright-core at the two sizes the issue names, and axe-core's verdict on a screen.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { type Embedded, type EmbeddedOptions, startEmbedded } from '@abri/embedded';
import { type Clock, DEMO, FREE_PORTS } from '@abri/platform';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadTrustedDocuments, WEB_MANIFEST } from '../../../gateway/src/trusted-documents.ts';
import { WEB_DIST } from '../../../gateway/src/web/build.ts';

export const CHROMIUM = '/usr/bin/chromium';
/** CI sets ABRI_REQUIRE_SERVICES: there a missing browser fails the run instead of skipping it. */
export const skipBrowser = !existsSync(CHROMIUM) && process.env['ABRI_REQUIRE_SERVICES'] !== 'true';

/** Desktop and phone (touch, mobile viewport), as the customer space promises both. */
export const SIZES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  mobile: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;
export type Size = keyof typeof SIZES;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface WebHarness {
  system: Embedded;
  /** The app's origin, on `localhost` (a secure context, so the Secure refresh cookie is kept over plain HTTP). */
  origin: string;
  browser: Browser;
  context(size: Size): Promise<BrowserContext>;
  stop(): Promise<void>;
}

/**
 * The whole system with the web app; `clock` moves the services' time (the browser keeps its own). The gateway
 * enforces trusted documents as in production, so every screen is proven to work from its operations' hashes alone.
 */
export async function startWeb(
  options: { clock?: Clock; gatewayOptions?: EmbeddedOptions['gatewayOptions'] } = {},
): Promise<WebHarness> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium)`);
  const system = await startEmbedded({
    ...(options.clock ? { clock: options.clock } : {}),
    gatewayOptions: { trustedDocuments: loadTrustedDocuments({ enforce: true }), ...options.gatewayOptions },
    dataDir: null,
    ports: FREE_PORTS,
    silent: true,
    web: { dir: WEB_DIST },
  });
  const browser = await workerBrowser().catch(async (error: unknown) => {
    await system.stop();
    throw error;
  });
  return {
    system,
    origin: `http://localhost:${system.gateway.port}`,
    browser,
    context: (size) => browser.newContext({ ...SIZES[size], locale: 'fr-FR', timezoneId: 'Europe/Paris' }),
    async stop() {
      // Every context open now is this file's (a worker runs its files one after the other): the next file starts
      // with a browser holding nothing of this one (cookies, storage, service workers live in contexts).
      for (const context of browser.contexts()) await context.close().catch(() => {});
      await system.stop();
    },
  };
}

let launched: Promise<Browser> | undefined;
/**
 * One Chromium per vitest worker: the web files of a worker share its modules (isolate: false), and so this browser,
 * instead of launching one each. It is launched again if it died; playwright ends it when the worker exits.
 */
async function workerBrowser(): Promise<Browser> {
  const browser = await launched;
  if (browser?.isConnected()) return browser;
  launched = chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  launched.catch(() => {
    launched = undefined;
  });
  return launched;
}

/**
 * The web harness of this test file in one line, at the file's top level: `const web = webForFile()`. It starts before
 * the file's first test (the whole system and Chromium can take minutes on a loaded machine) and stops after its last;
 * where the browser is skipped it never starts. Reading it before it started is a test bug, said so.
 */
export function webForFile(options: Parameters<typeof startWeb>[0] = {}): WebHarness {
  let harness: WebHarness | undefined;
  beforeAll(async () => {
    if (!skipBrowser) harness = await startWeb(options);
  }, 600_000);
  afterAll(async () => {
    await harness?.stop();
  });
  // The harness's members are plain values and closures (no `this`), so forwarding reads is all a test needs.
  return new Proxy({} as WebHarness, {
    get(_target, key) {
      if (!harness) throw new Error('the web harness is read before the file started it (beforeAll)');
      return Reflect.get(harness, key);
    },
  });
}

/**
 * The text of one of the web app's operations, by name, from its trusted-documents manifest: what another device
 * running the app sends (a free text from a customer would be refused).
 */
export function webDocument(operationName: string): string {
  const manifest = JSON.parse(readFileSync(WEB_MANIFEST, 'utf8')) as Record<string, string>;
  const text = Object.values(manifest).find((t) =>
    new RegExp(`^(query|mutation|subscription) ${operationName}\\b`).test(t),
  );
  if (!text) throw new Error(`${operationName} is not an operation of the web app`);
  return text;
}

/** The page's serious and critical WCAG 2.1 A/AA violations according to axe-core (empty when it passes). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') forbids injecting a script tag. Once
  // per document: the app moves between screens without reloading, and axe's 550 KB need not be compiled again.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Only violations are read: axe then skips the selectors and summaries of every element that passes.
      resultTypes: ['violations'],
    }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Errors the page threw or logged, to assert none happened. */
export function pageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return problems;
}

/** Signs a demo customer in through the sign-in page and waits for the dashboard. */
export async function signInAs(
  web: WebHarness,
  page: Page,
  who: 'camille' | 'louis',
  password = DEMO.customerPassword,
) {
  await page.goto(`${web.origin}/connexion`);
  await page.getByLabel('Numéro de contrat').fill(DEMO[who].contractNumber);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${web.origin}/`);
  await expect.poll(() => page.getByRole('heading', { level: 1, name: /^Bonjour/ }).count()).toBe(1);
}

/**
 * The path and query of the last link in the latest message sent to `to` matching `pattern`, once it is sent (the
 * embedded system's links start with its PUBLIC_URL; the test opens them on its own origin).
 */
export async function linkSentTo(web: WebHarness, to: string, pattern: RegExp, since: number): Promise<string> {
  const find = () =>
    web.system.mailbox.sent
      .slice(since)
      .filter((m) => m.to === to)
      .flatMap((m) => m.text.match(/https?:\/\/\S+/g) ?? [])
      .filter((l) => pattern.test(l))
      .at(-1);
  await expect.poll(find, { timeout: 30_000 }).toBeDefined();
  const url = new URL(find()!);
  return url.pathname + url.search;
}

/** The code of the latest SMS sent to `to`, once it is sent. */
export async function smsCodeSentTo(web: WebHarness, to: string, since: number): Promise<string> {
  const find = () =>
    web.system.mailbox.sent
      .slice(since)
      .filter((m) => m.channel === 'SMS' && m.to === to)
      .map((m) => /\b(\d{6})\b/.exec(m.text)?.[1])
      .filter(Boolean)
      .at(-1);
  await expect.poll(find, { timeout: 30_000 }).toBeDefined();
  return find()!;
}

/** A small real PNG (the claims service reads the bytes, not the name). */
export function photo(): Buffer {
  const crc = (bytes: Buffer) => {
    let c = ~0;
    for (const byte of bytes) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(32, 0);
  header.writeUInt32BE(24, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: 24 }, () => Buffer.from([0, ...Array(32 * 3).fill(120)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

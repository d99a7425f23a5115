// The SDK as apps get it (issue 14.4): built to JavaScript and declarations, installed in a separate package that
// has only the SDK's declared dependencies, then used from plain Node (no TypeScript loader), type-checked by a
// consumer's own tsc, and bundled for a browser page run in Chromium against the real gateway.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO } from '@abri/platform';
import { adjuster, advance, startTestSystem } from '@abri/testkit';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SDK = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(SDK, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const required = process.env.ABRI_REQUIRE_SERVICES === 'true';

let system: Awaited<ReturnType<typeof startTestSystem>>;
let consumer: string;
let status: string;

beforeAll(async () => {
  consumer = await mkdtemp(join(tmpdir(), 'abri-sdk-consumer-'));
  const installed = join(consumer, 'node_modules', '@abri', 'sdk');
  await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(SDK, 'build.ts'), installed]);
  // Only what the built package declares, as npm would install it.
  const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const dependency of Object.keys(manifest.dependencies)) {
    await mkdir(dirname(join(consumer, 'node_modules', dependency)), { recursive: true });
    await symlink(join(ROOT, 'node_modules', dependency), join(consumer, 'node_modules', dependency), 'dir');
  }
  await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await cp(join(SDK, 'test', 'consumer'), consumer, { recursive: true });

  system = await startTestSystem();
  // One event on Camille's claim stream, for the consumers to replay from the stream's start.
  status = 'DOCUMENTS_REQUESTED';
  await advance(await adjuster(system.gateway.url), DEMO.camilleClaimId, status);
});
afterAll(async () => {
  await system?.stop();
  if (consumer) await rm(consumer, { recursive: true, force: true });
});

type Outcome = { login: string; firstName: string; events: { cursor: string; status: string }[]; end: unknown };

describe('the built SDK in a separate package', () => {
  it('runs in plain Node: signs in, queries, follows a subscription from a cursor', async () => {
    const { stdout } = await run(process.execPath, [
      join(consumer, 'node.mjs'),
      system.gateway.url,
      DEMO.camille.contractNumber,
      DEMO.customerPassword,
    ]);
    const outcome = JSON.parse(stdout) as Outcome;
    expect(outcome).toMatchObject({ login: 'LoginSuccess', firstName: 'Camille', end: { kind: 'stopped' } });
    expect(outcome.events.map((e) => e.status)).toEqual([status]);
  });

  it('type-checks a consumer against its declarations, with operations typed from the schema', async () => {
    await writeFile(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2023',
          lib: ['es2023', 'dom'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['typed.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await expect(run(process.execPath, [tsc, '-p', join(consumer, 'tsconfig.json')])).resolves.toBeDefined();
  });

  it.skipIf(!existsSync(CHROMIUM) && !required)('runs bundled for a browser, in Chromium', async () => {
    // A browser bundle: `ws` and Node's modules must not be needed (esbuild fails on them for the browser).
    const bundle = await build({
      absWorkingDir: consumer,
      entryPoints: ['browser.mjs'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]!.text;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      // A page of the gateway's origin, as the web app would be.
      await page.goto(`${new URL(system.gateway.url).origin}/health`);
      await page.addScriptTag({ content: code, type: 'module' });
      await page.waitForFunction(() => 'abriConsumer' in window);
      const outcome = (await page.evaluate(
        ([url, contract, password]) =>
          (window as unknown as { abriConsumer: (u: string, c: string, p: string) => Promise<unknown> }).abriConsumer(
            url!,
            contract!,
            password!,
          ),
        [system.gateway.url, DEMO.camille.contractNumber, DEMO.customerPassword],
      )) as Outcome & { stored: string };
      expect(outcome).toMatchObject({ login: 'LoginSuccess', firstName: 'Camille', end: { kind: 'stopped' } });
      expect(outcome.events.map((e) => e.status)).toEqual([status]);
      expect(outcome.stored).toBe(outcome.events[0]!.cursor);
    } finally {
      await browser.close();
    }
  });
});

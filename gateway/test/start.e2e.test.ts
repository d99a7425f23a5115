// `npm start` as a newcomer runs it (its launcher, ops/build/start.mjs: the compiled services, compiled first when
// stale): a fresh data directory, the whole system, the demo accounts printed; a second start keeps the data and
// seeds nothing.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '@abri/platform';
import { afterAll, describe, expect, it } from 'vitest';
import { freePorts } from '../../dev/testkit/src/ports.ts';
import { ROOT } from '../../prisma/projects.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'abri-start-'));
// The gateway's port and the subgraphs' next four, below the kernel's ephemeral range (a random block up to 40000
// overlapped it: an outgoing connection of another test took a subgraph's port, and `npm start` exited on EADDRINUSE).
const basePort = await freePorts(SUBGRAPH_NAMES.length + 1);
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the supervisor and resolves with what it printed once it is serving. */
function start(): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, ['ops/build/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, ABRI_DATA_DIR: dataDir, ABRI_BASE_PORT: String(basePort), LOG_SILENT: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Demo accounts') && output.includes('TOTP')) resolve({ child, output });
    });
    child.stderr!.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });

describe('npm start', () => {
  it('serves GraphiQL on a fresh data directory and prints the demo accounts, then restarts without seeding again', async () => {
    const first = await start();
    expect(first.output).toContain(`http://localhost:${basePort}/graphiql`);
    expect(first.output).toContain('demo data just seeded');
    for (const account of [
      'HAB0012345',
      'HAB0067890',
      'adjuster@abri.example',
      'Abri-demo-2026!',
      'Abri-staff-2026!',
      'JBSWY3DPEHPK3PXP',
    ]) {
      expect(first.output).toContain(account);
    }
    const page = await fetch(`http://127.0.0.1:${basePort}/graphiql`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/graphiql/app.js');
    expect((await fetch(`http://127.0.0.1:${basePort}/ready`)).status).toBe(200);
    // The web customer space on the same origin, and its deep links (an e-mailed activation link) answered by it.
    expect(first.output).toContain(`http://localhost:${basePort}/\n`);
    for (const path of ['/', '/activation?t=x']) {
      const app = await fetch(`http://127.0.0.1:${basePort}${path}`);
      expect(app.status).toBe(200);
      expect(app.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await app.text()).toContain('<div id="root">');
    }
    expect(await stop(first.child)).toBe(0);

    const second = await start();
    expect(second.output).not.toContain('demo data just seeded');
    const login = await fetch(`http://127.0.0.1:${basePort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation { login(input: { contractNumber: "HAB0012345", password: "Abri-demo-2026!" }) { __typename } }',
      }),
    });
    expect(await login.json()).toEqual({ data: { login: { __typename: 'LoginSuccess' } } });
    expect(await stop(second.child)).toBe(0);
  }, 300_000); // two cold starts of the whole system, each with migrations and seeding, on a loaded machine
});

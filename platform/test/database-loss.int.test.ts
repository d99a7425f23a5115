// A subgraph's database connections cut under load (a failover, a proxy restart, pg_terminate_backend): the process
// must not die, queries in flight fail, and the next ones succeed on new connections. Vitest fails the run on any
// uncaught exception or unhandled 'error' event, which is what used to end the process.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adapterFactory } from '../src/db/adapter.ts';
import { parseEnv } from '../src/env.ts';

const env = parseEnv(
  z.object({ ABRI_TEST_DATABASE_URL: z.string().url().optional(), ABRI_REQUIRE_SERVICES: z.string().default('false') }),
);
if (env.ABRI_REQUIRE_SERVICES === 'true' && !env.ABRI_TEST_DATABASE_URL)
  throw new Error('ABRI_TEST_DATABASE_URL is required');

const name = `abri_dbloss_${randomUUID().slice(0, 8)}`;
let admin: pg.Client | undefined;
let url: string;

beforeAll(async () => {
  if (!env.ABRI_TEST_DATABASE_URL) return;
  admin = new pg.Client({ connectionString: env.ABRI_TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(env.ABRI_TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  url = u.toString();
});
afterAll(async () => {
  await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.end();
});

const cut = () => admin!.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);

describe.runIf(env.ABRI_TEST_DATABASE_URL)('database connections cut under load', () => {
  it('keeps the process alive, fails what was in flight, and serves again on new connections', async () => {
    const adapter = await adapterFactory({ kind: 'postgres', url, schema: 'public', maxConnections: 4 }).connect();
    const query = () => adapter.queryRaw({ sql: 'SELECT 1 AS one FROM pg_sleep(0.02)', args: [], argTypes: [] });
    const transaction = async () => {
      const tx = await adapter.startTransaction();
      try {
        await tx.queryRaw({ sql: 'SELECT 1 AS one FROM pg_sleep(0.02)', args: [], argTypes: [] });
        await tx.commit();
      } catch (error) {
        await tx.rollback().catch(() => undefined);
        throw error;
      }
    };
    let failed = 0;
    for (let round = 0; round < 5; round++) {
      const load = Array.from({ length: 12 }, (_, i) => (i % 2 ? query() : transaction()).catch(() => void failed++));
      await new Promise((r) => setTimeout(r, 10));
      await cut();
      await Promise.all(load);
      // Idle connections are cut too: the pool must drop them quietly.
      await cut();
    }
    expect(failed).toBeGreaterThan(0);
    await expect
      .poll(
        async () =>
          await query()
            .then(() => 'ok')
            .catch(() => 'failing'),
        { timeout: 20_000 },
      )
      .toBe('ok');
    await expect(transaction()).resolves.toBeUndefined();
    await adapter.dispose();
  }, 60_000);

  it('opens no connection once disposed: a late query fails instead of holding a session nobody closes', async () => {
    // A service stops by disposing its adapter (Prisma's $disconnect); work still running then (a consumer's batch)
    // asked Prisma again, which connected anew through a pool nobody owned, left open until the database was
    // dropped under it (the FATAL 57P01 of a test run).
    const sessions = async () =>
      Number((await admin!.query('SELECT count(*) FROM pg_stat_activity WHERE datname = $1', [name])).rows[0].count);
    const factory = adapterFactory({ kind: 'postgres', url, schema: 'public', maxConnections: 2 });
    const adapter = await factory.connect();
    await adapter.queryRaw({ sql: 'SELECT 1 AS one', args: [], argTypes: [] });
    await adapter.dispose();
    await expect(factory.connect()).rejects.toThrow(/closed/);
    // The server ends a backend a moment after its client said goodbye: the count falls to 0, where a pool nobody
    // owns would hold it at 1.
    await expect.poll(sessions, { timeout: 20_000 }).toBe(0);
  }, 60_000);
});

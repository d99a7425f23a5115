// The outbox on PostgreSQL: a customer's events take their ids in commit order, which is what replay (`since`, the
// `after:` cursors) and de-duplication by id rely on. The per-customer locks and the rows are written in one
// statement; the locks must be taken before the rows draw their ids.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createOutbox, type Outbox, type OutboxEntry, outboxEntry, type SqlRunner } from '../src/events/outbox.ts';
import { createLogger, createMemoryBus, defineEvent, parseEnv } from '../src/index.ts';

const env = parseEnv(
  z.object({ ABRI_TEST_DATABASE_URL: z.string().url().optional(), ABRI_REQUIRE_SERVICES: z.string().default('false') }),
);
if (env.ABRI_REQUIRE_SERVICES === 'true' && !env.ABRI_TEST_DATABASE_URL)
  throw new Error('ABRI_TEST_DATABASE_URL is required');

const name = `abri_outbox_${randomUUID().slice(0, 8)}`;
let admin: pg.Client | undefined;
let pool: pg.Pool | undefined;

beforeAll(async () => {
  if (!env.ABRI_TEST_DATABASE_URL) return;
  admin = new pg.Client({ connectionString: env.ABRI_TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(env.ABRI_TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  // The database is dropped at the end with its connections: an idle one told so is no failure.
  pool.on('error', () => undefined);
  // The table as the subgraphs' migrations create it.
  await pool.query(`CREATE SCHEMA claims;
    CREATE TABLE claims."OutboxEvent" (
      id BIGSERIAL PRIMARY KEY, topic TEXT NOT NULL, "customerId" TEXT, payload JSONB NOT NULL,
      "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "publishedAt" TIMESTAMP(3), traceparent TEXT)`);
});
afterAll(async () => {
  await pool?.end();
  await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.end();
});

const runner = (client: pg.PoolClient | pg.Pool): SqlRunner => ({
  async $queryRawUnsafe<T>(query: string, ...values: unknown[]) {
    return (await client.query(query, values)).rows as T;
  },
  async $executeRawUnsafe(query: string, ...values: unknown[]) {
    return (await client.query(query, values)).rowCount ?? 0;
  },
});
/** The pool with the interactive transactions of a Prisma client, each one's start and end told to `watch`. */
const transactional = (watch?: { started(): void; ended(): void }) => ({
  ...runner(pool!),
  async $transaction<T>(fn: (tx: SqlRunner) => Promise<T>) {
    watch?.started();
    const client = await pool!.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(runner(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
      watch?.ended();
    }
  },
});
const noted = defineEvent('claims.t-noted', z.object({ n: z.number() }));

/** Events written by the outbox's CTEs inside a statement of the caller's, after its own CTE `cte`. */
async function inStatement(
  outbox: Outbox,
  values: unknown[],
  cte: string,
  entries: OutboxEntry[],
  gate: Parameters<Outbox['write']>[2],
) {
  const events = outbox.write(values, entries, gate);
  const rows = await runner(pool!).$queryRawUnsafe<unknown[]>(
    `WITH ${cte}, ${events.ctes} SELECT ${events.columns} FROM announced`,
    ...values,
  );
  return events.events(rows);
}
/** The last id the outbox's sequence gave. */
const sequence = async () =>
  (await pool!.query<{ last: string }>(`SELECT last_value::text AS last FROM claims."OutboxEvent_id_seq"`)).rows[0]!
    .last;

const newOutbox = () =>
  createOutbox({
    source: 'claims',
    db: { ...runner(pool!), $transaction: () => Promise.reject(new Error('not used')) },
    bus: createMemoryBus(),
    log: createLogger('claims', { silent: true }),
  });

describe.runIf(env.ABRI_TEST_DATABASE_URL)('outbox on PostgreSQL', () => {
  it('writes several events in one statement, with ids in the order given, for several customers or none', async () => {
    const outbox = newOutbox();
    const client = await pool!.connect();
    try {
      await client.query('BEGIN');
      const at = new Date();
      const added = await outbox.addAll(runner(client), [
        outboxEntry(noted, { customerId: 'zoe', payload: { n: 10 }, at }),
        outboxEntry(noted, { customerId: null, payload: { n: 11 }, at }),
        outboxEntry(noted, { customerId: 'adam', payload: { n: 12 }, at }),
        outboxEntry(noted, { customerId: 'zoe', payload: { n: 13 }, at }),
      ]);
      await client.query('COMMIT');
      expect(added.map((e) => e.payload)).toEqual([{ n: 10 }, { n: 11 }, { n: 12 }, { n: 13 }]);
      expect(added.map((e) => e.customerId)).toEqual(['zoe', null, 'adam', 'zoe']);
      const ids = added.map((e) => BigInt(e.id));
      expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
      expect((await outbox.since(noted, 'zoe', 0n)).map((e) => e.payload.n)).toEqual([10, 13]);
    } finally {
      client.release();
    }
  });

  it('gives an event that waits for another transaction of its customer an id above what commits meanwhile', async () => {
    const outbox = newOutbox();
    const [a, b, c] = await Promise.all([pool!.connect(), pool!.connect(), pool!.connect()]);
    try {
      await a.query('BEGIN');
      const first = await outbox.add(runner(a), noted, { customerId: 'camille', payload: { n: 1 } });
      // Camille's second event waits for the first's transaction.
      await b.query('BEGIN');
      const second = outbox.add(runner(b), noted, { customerId: 'camille', payload: { n: 2 } });
      await expect
        .poll(
          async () =>
            (
              await admin!.query<{ waiting: number }>(
                `SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                 WHERE d.datname = $1 AND l.locktype = 'advisory' AND NOT l.granted`,
                [name],
              )
            ).rows[0]!.waiting,
        )
        .toBe(1);
      // Meanwhile another customer's event commits.
      await c.query('BEGIN');
      const other = await outbox.add(runner(c), noted, { customerId: 'louis', payload: { n: 3 } });
      await c.query('COMMIT');
      await a.query('COMMIT');
      const last = await second;
      await b.query('COMMIT');

      expect(BigInt(first.id)).toBeLessThan(BigInt(other.id));
      // Had it drawn its id before waiting, it would sit below Louis's event, committed before it.
      expect(BigInt(last.id)).toBeGreaterThan(BigInt(other.id));
      expect((await outbox.since(noted, 'camille', 0n)).map((e) => e.payload.n)).toEqual([1, 2]);
    } finally {
      for (const client of [a, b, c]) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
    }
  });

  it("writes events inside the caller's own statement, only when its gate returns a row, and draws no id otherwise", async () => {
    const outbox = newOutbox();
    await pool!.query('CREATE TABLE IF NOT EXISTS claims.gate (id TEXT PRIMARY KEY, n INT NOT NULL)');
    await pool!.query(`INSERT INTO claims.gate VALUES ('g1', 0)`);
    // A change and its event in one statement: the row is updated only where it is still as read (n = seen).
    const change = async (seen: number) => {
      const entries = [
        outboxEntry(noted, { customerId: 'camille', payload: { n: seen + 1 } }),
        outboxEntry(noted, { customerId: null, payload: { n: -(seen + 1) } }),
      ];
      const changed = `changed AS (UPDATE claims.gate SET n = n + 1 WHERE id = 'g1' AND n = $1::int RETURNING id)`;
      return inStatement(outbox, [seen], changed, entries, 'changed');
    };

    const written = await change(0);
    expect(written.map((e) => e.payload)).toEqual([{ n: 1 }, { n: -1 }]);
    expect(BigInt(written[0]!.id)).toBeLessThan(BigInt(written[1]!.id));
    const drawn = await sequence();
    // Stale: the gate returns nothing, so no event is written and no id drawn.
    expect(await change(0)).toEqual([]);
    expect(await sequence()).toBe(drawn);
    expect((await outbox.since(noted, 'camille', 0n)).map((e) => e.payload.n)).toContain(1);
    expect((await outbox.since(noted, 'camille', BigInt(written[0]!.id))).map((e) => e.payload.n)).toEqual([]);
  });

  it('writes only the entries its `keep` CTE lists, with ids in the order given, and draws no id when it lists none', async () => {
    const outbox = newOutbox();
    const customer = `keep-${randomUUID().slice(0, 8)}`;
    const write = async (positions: number[]) => {
      const entries = [1, 2, 3, 4].map((n) => outboxEntry(noted, { customerId: customer, payload: { n } }));
      const chosen = 'chosen AS (SELECT position FROM unnest($1::int[]) AS c(position))';
      return inStatement(outbox, [positions], chosen, entries, { keep: 'chosen' });
    };

    // Listed out of order: the ids still follow the entries' order.
    const written = await write([4, 2]);
    expect(written.map((e) => e.payload)).toEqual([{ n: 2 }, { n: 4 }]);
    expect(BigInt(written[0]!.id)).toBeLessThan(BigInt(written[1]!.id));
    const drawn = await sequence();
    expect(await write([])).toEqual([]);
    expect(await sequence()).toBe(drawn);
    expect((await outbox.since(noted, customer, 0n)).map((e) => e.payload.n)).toEqual([2, 4]);
  });

  it('relays from one instance at a time: while another holds the relay lock nothing leaves, then all, in order', async () => {
    const bus = createMemoryBus();
    const published: string[] = [];
    await bus.subscribe(noted, (event) => {
      published.push(event.id);
    });
    const outbox = createOutbox({
      source: 'claims',
      db: transactional(),
      bus,
      log: createLogger('claims', { silent: true }),
    });
    // Whatever earlier tests left unpublished goes first.
    outbox.start();
    await outbox.stop();
    published.length = 0;

    const other = await pool!.connect();
    try {
      // Another instance's relay, mid-batch.
      await other.query('BEGIN');
      await other.query(`SELECT pg_advisory_xact_lock(hashtext('claims:relay'))`);
      const added = await outbox.addAll(runner(pool!), [
        outboxEntry(noted, { customerId: 'camille', payload: { n: 21 } }),
        outboxEntry(noted, { customerId: 'camille', payload: { n: 22 } }),
      ]);
      outbox.start();
      await outbox.stop();
      expect(published).toEqual([]);
      const [waiting] = (
        await pool!.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM claims."OutboxEvent" WHERE "publishedAt" IS NULL AND id = ANY($1::bigint[])`,
          [added.map((e) => e.id)],
        )
      ).rows;
      expect(waiting!.n).toBe(2);

      await other.query('COMMIT');
      outbox.start();
      await outbox.stop();
      expect(published).toEqual(added.map((e) => e.id));
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      other.release();
    }
  });
  it('takes another batch for a kick that names its events only when the running batch did not publish them', async () => {
    const bus = createMemoryBus();
    const published: string[] = [];
    await bus.subscribe(noted, (event) => {
      published.push(event.id);
    });
    // The bus holds each batch of events until the test lets it go.
    let letGo: (() => void) | null = null;
    const publishAll = bus.publishAll.bind(bus);
    bus.publishAll = async (source, events) => {
      if (events.length)
        await new Promise<void>((resolve) => {
          letGo = resolve;
        });
      return publishAll(source, events);
    };
    let started = 0;
    let ended = 0;
    const db = transactional({ started: () => started++, ended: () => ended++ });
    await pool!.query(`UPDATE claims."OutboxEvent" SET "publishedAt" = now() WHERE "publishedAt" IS NULL`);
    // No poll during the test: only its kicks start batches.
    const log = createLogger('claims', { silent: true });
    const outbox = createOutbox({ source: 'claims', db, bus, log, pollMs: 3_600_000 });
    const write = async (n: number) => {
      const [event] = await outbox.addAll(runner(pool!), [
        outboxEntry(noted, { customerId: 'camille', payload: { n } }),
      ]);
      return event!;
    };
    const settled = async (transactions: number) => {
      await vi.waitFor(() => expect(ended).toBe(transactions), { timeout: 30_000 });
      // Whatever the relay decides after its last batch, it decides before the next turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    };
    outbox.start();
    await settled(1);

    // A kick naming an event the batch running has read: nothing more to do.
    const first = await write(31);
    outbox.kick();
    await vi.waitFor(() => expect(letGo).not.toBeNull(), { timeout: 30_000 });
    outbox.kick([first]);
    letGo!();
    letGo = null;
    await settled(2);
    expect(started).toBe(2);
    expect(published).toEqual([first.id]);

    // One naming an event committed after that batch's read: one more batch, which publishes it.
    const second = await write(32);
    outbox.kick();
    await vi.waitFor(() => expect(letGo).not.toBeNull(), { timeout: 30_000 });
    const third = await write(33);
    outbox.kick([third]);
    letGo!();
    letGo = null;
    await vi.waitFor(() => expect(letGo).not.toBeNull(), { timeout: 30_000 });
    letGo!();
    await settled(4);
    expect(started).toBe(4);
    expect(published).toEqual([first.id, second.id, third.id]);
    await outbox.stop();
  });
});

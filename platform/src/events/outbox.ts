// Transactional outbox: a state change and the event announcing it are written in one transaction; the relay then
// publishes committed rows to the bus, in id order, and marks them published. The outbox is the record, the bus a
// carrier: when the bus says it lost this source's history (Redis restarted empty), the relay queues its recent
// events again, as many per topic as a stream keeps, so durable consumers and live readers catch up (both drop what
// they already had by event id). Raw SQL against the subgraph's own schema keeps this one implementation for the
// four Prisma clients.
import type { Logger } from '../log.ts';
import type { BusEvent, EventBus } from './bus.ts';

/** What the outbox needs of a Prisma client or transaction. */
export interface SqlRunner {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}
export interface TransactionalSql extends SqlRunner {
  $transaction<T>(fn: (tx: SqlRunner) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T>;
}

interface OutboxRow {
  id: bigint;
  topic: string;
  customerId: string | null;
  payload: unknown;
  createdAt: Date;
}

const toBusEvent = (source: string, row: OutboxRow): BusEvent => ({
  id: row.id.toString(),
  source,
  topic: row.topic,
  customerId: row.customerId,
  payload: row.payload,
  at: row.createdAt.toISOString(),
});

export interface Outbox {
  /** The subgraph whose outbox this is: the first part of its topics. */
  readonly source: string;
  /**
   * Records an event inside the caller's transaction `tx`. A per-customer advisory lock held until commit makes ids
   * follow commit order for each customer, which is what replay and de-duplication rely on.
   */
  add(
    tx: SqlRunner,
    event: { topic: string; customerId: string | null; payload: unknown; at?: Date },
  ): Promise<BusEvent>;
  /** Committed events of `topic` for `customerId` with an id above `afterId`, oldest first. */
  since(topic: string, customerId: string, afterId: bigint, limit?: number): Promise<BusEvent[]>;
  /**
   * The id of `customerId`'s last committed event of `topic` (0 when none): a stream position a client can take with
   * the state it reads, then follow from, missing nothing committed after. (The per-customer lock of `add` leaves at
   * most one uncommitted event per customer, and its id is above every committed one.)
   */
  head(topic: string, customerId: string): Promise<bigint>;
  /** Publishes what is pending now (call after a commit for low latency; the relay also polls). */
  kick(): void;
  /** Starts the relay loop. */
  start(): void;
  /** Stops the relay after its current batch. */
  stop(): Promise<void>;
  /** Age in seconds of the oldest event not yet published (0 when none waits): the relay's lag. */
  lagSeconds(): Promise<number>;
}

export interface OutboxOptions {
  /** Subgraph name, also its Postgres schema. */
  source: string;
  db: TransactionalSql;
  bus: EventBus;
  log: Logger;
  /** @default 1000 ms between polls when nothing kicks the relay */
  pollMs?: number;
  /** @default 10_000 events per topic queued again after the bus lost its history (what a Redis stream keeps) */
  replayPerTopic?: number;
}

/** Rows per relay transaction: one bus round trip each. */
const BATCH = 200;

export function createOutbox({ source, db, bus, log, pollMs = 1000, replayPerTopic = 10_000 }: OutboxOptions): Outbox {
  const table = `"${source}"."OutboxEvent"`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = true;

  /** One batch: the number of rows published, or 'requeued' when the bus had lost this source's history. */
  async function relayBatch(): Promise<number | 'requeued'> {
    return db.$transaction(
      async (tx) => {
        // One relay at a time per subgraph (across instances), so events leave in id order.
        const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
          'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
          `${source}:relay`,
        );
        if (!lock?.locked) return 0;
        const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
          `SELECT id, topic, "customerId", payload, "createdAt" FROM ${table} WHERE "publishedAt" IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
        );
        // Asked even with nothing new: a bus that lost what was published must get it again without waiting for
        // the next change.
        if (
          (await bus.publishAll(
            source,
            rows.map((row) => toBusEvent(source, row)),
          )) === 'history-lost'
        ) {
          const requeued = await tx.$executeRawUnsafe(
            `UPDATE ${table} SET "publishedAt" = NULL WHERE id IN (
               SELECT id FROM (
                 SELECT id, row_number() OVER (PARTITION BY topic ORDER BY id DESC) AS n
                 FROM ${table} WHERE "publishedAt" IS NOT NULL
               ) recent WHERE n <= $1)`,
            replayPerTopic,
          );
          log.warn("the event bus lost this source's history; recent events queued again", { source, requeued });
          return 'requeued';
        }
        if (rows.length)
          await tx.$executeRawUnsafe(
            `UPDATE ${table} SET "publishedAt" = now() WHERE id = ANY($1::bigint[])`,
            rows.map((r) => r.id.toString()),
          );
        return rows.length;
      },
      { timeout: 30_000 },
    );
  }

  async function drain() {
    do {
      again = false;
      try {
        for (;;) {
          const published = await relayBatch();
          // Told only once the queued rows are committed: a crash in between asks again, which is harmless.
          if (published === 'requeued') await bus.acknowledgeHistoryLoss(source);
          else if (published < BATCH) break;
        }
      } catch (error) {
        log.error('outbox relay failed; will retry', { source, error: String(error) });
      }
    } while (again && !stopped);
  }

  function kick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain().finally(() => {
      running = undefined;
    });
  }

  return {
    async lagSeconds() {
      const [row] = await db.$queryRawUnsafe<{ lag: number | null }[]>(
        `SELECT EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC') - min("createdAt"))::float8 AS lag FROM ${table} WHERE "publishedAt" IS NULL`,
      );
      return Math.max(0, row?.lag ?? 0);
    },
    async add(tx, event) {
      if (event.customerId)
        await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `${source}:${event.customerId}`);
      const [row] = await tx.$queryRawUnsafe<OutboxRow[]>(
        `INSERT INTO ${table} (topic, "customerId", payload, "createdAt") VALUES ($1, $2, $3::jsonb, $4) RETURNING id, topic, "customerId", payload, "createdAt"`,
        event.topic,
        event.customerId,
        JSON.stringify(event.payload),
        event.at ?? new Date(),
      );
      return toBusEvent(source, row!);
    },
    async since(topic, customerId, afterId, limit = 1000) {
      const rows = await db.$queryRawUnsafe<OutboxRow[]>(
        `SELECT id, topic, "customerId", payload, "createdAt" FROM ${table} WHERE topic = $1 AND "customerId" = $2 AND id > $3::bigint ORDER BY id LIMIT ${Number(limit)}`,
        topic,
        customerId,
        afterId.toString(),
      );
      return rows.map((row) => toBusEvent(source, row));
    },
    async head(topic, customerId) {
      const [row] = await db.$queryRawUnsafe<{ id: bigint | null }[]>(
        `SELECT max(id) AS id FROM ${table} WHERE topic = $1 AND "customerId" = $2`,
        topic,
        customerId,
      );
      return row?.id === null || row?.id === undefined ? 0n : BigInt(row.id);
    },
    source,
    kick,
    start() {
      stopped = false;
      timer = setInterval(kick, pollMs);
      timer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

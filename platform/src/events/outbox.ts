// Transactional outbox: a state change and the event announcing it are written in one transaction; the relay then
// publishes committed rows to the bus, in id order, and marks them published. The outbox is the record, the bus a
// carrier: when the bus says it lost this source's history (Redis restarted empty), the relay queues its recent
// events again, as many per topic as a stream keeps, so durable consumers and live readers catch up (both drop what
// they already had by event id). Raw SQL against the subgraph's own schema keeps this one implementation for the
// four Prisma clients.

import type { Span } from '@opentelemetry/api';
import type { Keyring } from '../crypto.ts';
import type { Logger } from '../log.ts';
import { eventRejected } from '../metrics.ts';
import { openValue, sealValue } from '../sealed/fields.ts';
import { contextFromTraceparent, currentTraceparent, SpanKind, startSpan, traceparentOf } from '../tracing.ts';
import type { BusEvent, EventBus } from './bus.ts';
import { checkPayload, type EventDescriptor, type PayloadOf, type TypedEvent } from './catalog.ts';

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
  traceparent: string | null;
}

const COLUMNS = 'id, topic, "customerId", payload, "createdAt", traceparent';

/** What a sealed outbox payload is bound to: the outbox of its subgraph. */
export const outboxPayloadContext = (source: string) => `${source}.OutboxEvent.payload`;

/** One event for `Outbox.addAll`. */
export interface OutboxEntry {
  // biome-ignore lint/suspicious/noExplicitAny: an entry of any event; `outboxEntry` checks the payload's type.
  event: EventDescriptor<any>;
  customerId: string | null;
  payload: unknown;
  at?: Date;
}
/** An entry for `Outbox.addAll`, its payload checked against the event's type. */
export const outboxEntry = <P>(
  event: EventDescriptor<P>,
  fields: { customerId: string | null; payload: NoInfer<P>; at?: Date },
): OutboxEntry => ({ event, ...fields });

export interface Outbox {
  /** The subgraph whose outbox this is: the first part of its topics. */
  readonly source: string;
  /**
   * Records an event of the catalogue inside the caller's transaction `tx`. The payload is checked against the
   * event's schema first (an `InvalidEventPayload` is thrown, so the transaction fails rather than announce what no
   * consumer can read), and the topic must be this outbox's source's. A per-customer advisory lock held until commit
   * makes ids follow commit order for each customer, which is what replay and de-duplication rely on.
   */
  add<P>(
    tx: SqlRunner,
    event: EventDescriptor<P>,
    fields: { customerId: string | null; payload: NoInfer<P>; at?: Date },
  ): Promise<TypedEvent<P>>;
  /**
   * Records several events (`outboxEntry(...)`) inside `tx` as `add` does, in one statement, with ids in the order
   * given: for a transaction that announces more than one thing.
   */
  addAll(tx: SqlRunner, entries: readonly OutboxEntry[]): Promise<TypedEvent<unknown>[]>;
  /**
   * `addAll` as part of a statement of the caller's, for a change written in one statement (no transaction held
   * across round trips): placeholders are numbered after `values`' current length and their values appended to it.
   * With `gate`, the name of one of the statement's CTEs, the events are recorded only when it returns a row; with
   * `{ keep }`, the name of a CTE with a column `position` (each at most once), only the entries at those positions
   * (1 for the first entry), still with ids in the order given.
   */
  write(values: unknown[], entries: readonly OutboxEntry[], gate?: string | { keep: string }): OutboxWrite;
  /**
   * Committed events of `event` for `customerId` with an id above `afterId`, oldest first. One whose payload the
   * schema refuses is logged, counted and left out.
   */
  since<P>(event: EventDescriptor<P>, customerId: string, afterId: bigint, limit?: number): Promise<TypedEvent<P>[]>;
  /**
   * The id of `customerId`'s last committed event of `topic` (0 when none): a stream position a client can take with
   * the state it reads, then follow from, missing nothing committed after. (The per-customer lock of `add` leaves at
   * most one uncommitted event per customer, and its id is above every committed one.)
   */
  head(event: EventDescriptor, customerId: string): Promise<bigint>;
  /**
   * Publishes what is pending now (call after a commit for low latency; the relay also polls). With `events`, the
   * ones just committed: a relay already running then takes one more batch only if they were not in what it
   * published meanwhile (without them, it always does).
   */
  kick(events?: readonly { id: string }[]): void;
  /** Starts the relay loop. */
  start(): void;
  /** Stops the relay after its current batch. */
  stop(): Promise<void>;
  /** Age in seconds of the oldest event not yet published (0 when none waits): the relay's lag. */
  lagSeconds(): Promise<number>;
}

/** The CTEs of `Outbox.write`: the caller's statement goes `WITH <its CTEs>, ${ctes} SELECT ${columns} FROM announced`. */
export interface OutboxWrite {
  /** Common table expressions, the last one `announced`: the inserted rows. */
  ctes: string;
  /** The columns to select from `announced`. */
  columns: string;
  /**
   * The selected rows as events, in the entries' order (with `keep`, in id order, their payloads as stored: which
   * entries were kept is the statement's to know).
   */
  events(rows: unknown[]): TypedEvent<unknown>[];
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
  /** Seals payloads at rest (they may name people); the bus carries them open. @default payloads stored in clear */
  keyring?: Keyring;
}

/** Rows per relay transaction: one bus round trip each. */
const BATCH = 200;

export function createOutbox({
  source,
  db,
  bus,
  log,
  pollMs = 1000,
  replayPerTopic = 10_000,
  keyring,
}: OutboxOptions): Outbox {
  const table = `"${source}"."OutboxEvent"`;
  /** The sequence behind the table's BIGSERIAL id (migrations name it so). */
  const sequence = `"${source}"."OutboxEvent_id_seq"`;
  const context = outboxPayloadContext(source);
  const toBusEvent = (row: OutboxRow): BusEvent => ({
    id: row.id.toString(),
    source,
    topic: row.topic,
    customerId: row.customerId,
    payload: keyring ? openValue(keyring, 'json', context, row.payload) : row.payload,
    at: row.createdAt.toISOString(),
    ...(row.traceparent ? { trace: row.traceparent } : {}),
  });
  /**
   * The events' rows and their customers' locks as common table expressions ending with `announced` (the inserted
   * rows). The locks are taken in a materialised CTE the ids are drawn after, so before any row gets its id; in key
   * order, so two writers never wait for each other's second lock. The ids are drawn first, then the smallest given
   * to the first entry and so on (`row_number() OVER (ORDER BY id)` joined with each entry's position): the order
   * holds whatever order the database inserts rows in. With a `gate` (a CTE of the caller's statement), nothing is
   * locked, drawn or inserted unless it returns a row; with `keep`, as many ids are drawn as it lists positions, the
   * smallest given to the kept entry that comes first.
   */
  function write(values: unknown[], entries: readonly OutboxEntry[], gate?: string | { keep: string }): OutboxWrite {
    const param = (value: unknown, type: string) => {
      values.push(value);
      return `$${values.length}::${type}`;
    };
    const checked = entries.map(({ event, customerId, payload, at }, index) => {
      if (event.source !== source) throw new Error(`the ${source} outbox cannot announce ${event.topic}`);
      const check = checkPayload(event, payload);
      if (!check.ok) throw check.error;
      const sealed = keyring ? sealValue(keyring, 'json', context, payload) : payload;
      const row = [
        param(event.topic, 'text'),
        param(customerId, 'text'),
        param(JSON.stringify(sealed), 'jsonb'),
        param(at ?? new Date(), 'timestamp(3)'),
        param(currentTraceparent(), 'text'),
      ];
      return { payload: check.payload, row: `(${index + 1}, ${row.join(', ')})` };
    });
    const keys = [...new Set(entries.flatMap((e) => (e.customerId ? [`${source}:${e.customerId}`] : [])))].sort();
    const lockKeys = keys.map((key) => `(${param(key, 'text')})`).join(', ');
    const keep = typeof gate === 'object' ? gate.keep : undefined;
    const gated = gate ? ` WHERE EXISTS (SELECT 1 FROM ${keep ?? gate})` : '';
    const locked = keys.length
      ? `locked AS MATERIALIZED (
           SELECT count(pg_advisory_xact_lock(hashtext(key))) FROM (VALUES ${lockKeys}) AS k(key)${gated}
         ), `
      : '';
    const rows = `(VALUES ${checked.map((c) => c.row).join(', ')})
           AS v(position, topic, "customerId", payload, "createdAt", traceparent)`;
    // Kept entries are renumbered 1, 2, … in their order, to meet the ids drawn for them.
    const written = keep
      ? `(SELECT row_number() OVER (ORDER BY v.position) AS position, v.topic, v."customerId", v.payload, v."createdAt",
             v.traceparent
           FROM ${rows} JOIN ${keep} USING (position)) AS v`
      : rows;
    const count = keep ? `(SELECT count(*) FROM ${keep})` : checked.length;
    const ctes = `${locked}ids AS MATERIALIZED (
         SELECT row_number() OVER (ORDER BY id) AS position, id
         FROM (SELECT nextval('${sequence}') AS id FROM ${keys.length ? 'locked, ' : ''}generate_series(1, ${count})${gated}) AS drawn
       ), announced AS (
         INSERT INTO ${table} (id, topic, "customerId", payload, "createdAt", traceparent)
         SELECT ids.id, v.topic, v."customerId", v.payload, v."createdAt", v.traceparent
         FROM ids JOIN ${written} USING (position)
         RETURNING ${COLUMNS}
       )`;
    return {
      ctes,
      columns: COLUMNS,
      events(rows) {
        // The k-th smallest id is the k-th entry's (drawn so above).
        const sorted = [...(rows as OutboxRow[])].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
        return sorted.map((row, i) => (keep ? toBusEvent(row) : { ...toBusEvent(row), payload: checked[i]!.payload }));
      },
    };
  }

  /** One statement: one round trip of the caller's transaction, which holds a pooled connection meanwhile. */
  async function addAll(tx: SqlRunner, entries: readonly OutboxEntry[]): Promise<TypedEvent<unknown>[]> {
    if (!entries.length) return [];
    const values: unknown[] = [];
    const { ctes, columns, events } = write(values, entries);
    return events(await tx.$queryRawUnsafe<unknown[]>(`WITH ${ctes} SELECT ${columns} FROM announced`, ...values));
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  /** Kicked while a drain ran: by a caller that did not say what it committed (or by the poll)… */
  let againBlind = false;
  /** …or by callers that did, with the ids of their events not published since. */
  let waiting = new Set<string>();
  let stopped = true;

  /** One batch: the ids of the rows published, or 'requeued' when the bus had lost this source's history. */
  async function relayBatch(): Promise<string[] | 'requeued'> {
    return db.$transaction(
      async (tx) => {
        // One relay at a time per subgraph (across instances), so events leave in id order: the rows are read only
        // by the relay that takes the lock (an uncorrelated subquery, evaluated once, before any row), in the same
        // round trip. Another relay holding it reads nothing, as when nothing waits.
        const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
          `SELECT ${COLUMNS} FROM ${table}
           WHERE "publishedAt" IS NULL AND (SELECT pg_try_advisory_xact_lock(hashtext($1)))
           ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
          `${source}:relay`,
        );
        // One span per event, in the trace of the request that wrote it, for the time it takes to reach the bus;
        // the event carries that span, so its consumers' spans follow it.
        const spans: Span[] = [];
        const events = rows.map((row) => {
          const started =
            row.traceparent &&
            startSpan(`publish ${row.topic}`, {
              kind: SpanKind.PRODUCER,
              parent: contextFromTraceparent(row.traceparent),
              attributes: { 'messaging.system': 'abri-bus', 'messaging.destination.name': row.topic },
            });
          if (!started) return toBusEvent(row);
          spans.push(started.span);
          return toBusEvent({ ...row, traceparent: traceparentOf(started.span) ?? row.traceparent });
        });
        const outcome = await bus.publishAll(source, events);
        for (const span of spans) span.end();
        if (outcome === 'history-lost') {
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
        const ids = rows.map((r) => r.id.toString());
        if (ids.length)
          await tx.$executeRawUnsafe(`UPDATE ${table} SET "publishedAt" = now() WHERE id = ANY($1::bigint[])`, ids);
        return ids;
      },
      { timeout: 30_000 },
    );
  }

  // At 100 moves a second, most kicks came while a batch was running, and half the batches taken for them found
  // nothing: the batch running had already published their events. Each such batch cost a transaction (three round
  // trips). A kick that names its events now asks for another batch only when they are still waiting.
  async function drain() {
    do {
      againBlind = false;
      waiting = new Set();
      try {
        for (;;) {
          const published = await relayBatch();
          // Told only once the queued rows are committed: a crash in between asks again, which is harmless.
          if (published === 'requeued') await bus.acknowledgeHistoryLoss(source);
          else {
            for (const id of published) waiting.delete(id);
            if (published.length < BATCH) break;
          }
        }
      } catch (error) {
        log.error('outbox relay failed; will retry', { source, error: String(error) });
      }
    } while ((againBlind || waiting.size > 0) && !stopped);
  }

  function kick(events?: readonly { id: string }[]) {
    if (stopped) return;
    if (running) {
      if (!events) againBlind = true;
      else for (const event of events) waiting.add(event.id);
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
    async add(tx, event, fields) {
      const [added] = await addAll(tx, [{ event, ...fields }]);
      return added as TypedEvent<PayloadOf<typeof event>>;
    },
    addAll,
    write,
    async since(event, customerId, afterId, limit = 1000) {
      const rows = await db.$queryRawUnsafe<OutboxRow[]>(
        `SELECT ${COLUMNS} FROM ${table} WHERE topic = $1 AND "customerId" = $2 AND id > $3::bigint ORDER BY id LIMIT ${Number(limit)}`,
        event.topic,
        customerId,
        afterId.toString(),
      );
      const out: TypedEvent<typeof event extends EventDescriptor<infer P> ? P : never>[] = [];
      for (const row of rows) {
        const raw = toBusEvent(row);
        const checked = checkPayload(event, raw.payload);
        if (checked.ok) out.push({ ...raw, payload: checked.payload });
        else {
          eventRejected(event.topic, 'live');
          log.error('event skipped: its payload does not match the catalogue', {
            topic: event.topic,
            consumer: 'live',
            source,
            eventId: raw.id,
            issues: checked.error.issues,
          });
        }
      }
      return out;
    },
    async head(event, customerId) {
      const [row] = await db.$queryRawUnsafe<{ id: bigint | null }[]>(
        `SELECT max(id) AS id FROM ${table} WHERE topic = $1 AND "customerId" = $2`,
        event.topic,
        customerId,
      );
      return row?.id === null || row?.id === undefined ? 0n : BigInt(row.id);
    },
    source,
    kick,
    start() {
      stopped = false;
      timer = setInterval(() => kick(), pollMs);
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

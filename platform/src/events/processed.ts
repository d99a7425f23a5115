// Idempotent consumers: a subgraph's `ProcessedEvent` table records each event (by its source and id) it acted on,
// in the transaction that acts on it, so an event delivered twice changes things once.
import type { SqlRunner } from './outbox.ts';

/** One event a consumer acted on: `source` (the producer, or a consumer's own key) and the event's id. */
export interface ProcessedEntry {
  source: string;
  eventId: string;
}

/**
 * Records `entries` in `schema`'s ProcessedEvent table inside `tx` and returns those recorded now; the others were
 * already there (acted on before). One SQL statement: Prisma 7.10 keeps no query plan for `createMany`, so the
 * `createMany({ skipDuplicates: true })` this replaces was compiled anew for every event (about 0.8 ms of CPU each).
 */
export async function recordProcessed(
  tx: SqlRunner,
  schema: string,
  entries: readonly ProcessedEntry[],
): Promise<ProcessedEntry[]> {
  if (!entries.length) return [];
  return tx.$queryRawUnsafe<ProcessedEntry[]>(
    `INSERT INTO "${schema}"."ProcessedEvent" (source, "eventId")
     SELECT source, "eventId" FROM unnest($1::text[], $2::text[]) AS e(source, "eventId")
     ON CONFLICT DO NOTHING
     RETURNING source, "eventId"`,
    entries.map((e) => e.source),
    entries.map((e) => e.eventId),
  );
}

/** Whether this is the first time `source`'s event `eventId` is acted on in `schema` (and records it). */
export const firstTime = async (tx: SqlRunner, schema: string, source: string, eventId: string): Promise<boolean> =>
  (await recordProcessed(tx, schema, [{ source, eventId }])).length === 1;

/**
 * `recordProcessed` as common table expressions of a caller's statement (`WITH ${ctes}, …`), ending with `fresh`:
 * the positions (1 for the first entry) of the entries recorded now, the first of each repeated one only. For a
 * consumer that acts in the same statement (`Outbox.write` with `{ keep: 'fresh' }`): no transaction held across
 * round trips. Placeholders are numbered after `values`' current length and their values appended to it.
 */
export function processedWrite(values: unknown[], schema: string, entries: readonly ProcessedEntry[]): string {
  values.push(
    entries.map((e) => e.source),
    entries.map((e) => e.eventId),
  );
  const listed = `unnest($${values.length - 1}::text[], $${values.length}::text[])`;
  return `recorded AS (
      INSERT INTO "${schema}"."ProcessedEvent" (source, "eventId")
      SELECT source, "eventId" FROM ${listed} AS e(source, "eventId")
      ON CONFLICT DO NOTHING
      RETURNING source, "eventId"
    ), fresh AS (
      SELECT min(e.position) AS position
      FROM ${listed} WITH ORDINALITY AS e(source, "eventId", position) JOIN recorded USING (source, "eventId")
      GROUP BY source, "eventId"
    )`;
}

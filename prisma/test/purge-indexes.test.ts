// The hourly purge of each subgraph deletes rows whose `retainUntil` (or, for erasure requests, `requestedAt`) is
// past: on tables that keep years of rows, each of those queries must find its rows through an index, not by reading
// the whole table every hour. Checked on the database the migrations build, so a schema index without its migration
// (or a new dated table without an index) fails here.
import { applyMigrations, memoryPglite } from '@abri/platform/db';
import { describe, expect, it } from 'vitest';
import { migratedImage } from '../image.ts';
import { prismaProject, SUBGRAPHS } from '../projects.ts';

/** Besides every `retainUntil`, what a purge filters on alone (see each `app/erasure.ts`). */
const ALSO_PURGED_BY: Record<string, { table_name: string; column_name: string }[]> = {
  users: [
    { table_name: 'ErasureRequest', column_name: 'requestedAt' },
    // Sent messages, 3 months after sending (and those never sent, by sentAt null then nextAttemptAt).
    { table_name: 'MessageOutbox', column_name: 'sentAt' },
  ],
};

describe.each(SUBGRAPHS)('the purge of %s', (name) => {
  it('finds its rows through an index led by the column it filters on', { timeout: 120_000 }, async () => {
    const pglite = await memoryPglite(await migratedImage([name]));
    try {
      await applyMigrations({ kind: 'pglite', pglite, schema: name }, prismaProject(name));
      const retained = await pglite.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = $1 AND column_name = 'retainUntil' ORDER BY table_name`,
        [name],
      );
      expect(retained.rows.length).toBeGreaterThan(0);
      const dated = [...retained.rows, ...(ALSO_PURGED_BY[name] ?? [])];
      const indexes = await pglite.query<{ tablename: string; indexdef: string }>(
        'SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = $1',
        [name],
      );
      const unindexed = dated
        .filter(
          (c) =>
            !indexes.rows.some(
              (i) => i.tablename === c.table_name && i.indexdef.includes(`USING btree ("${c.column_name}"`),
            ),
        )
        .map((c) => `${c.table_name}.${c.column_name}`);
      expect(unindexed).toEqual([]);
    } finally {
      await pglite.close();
    }
  });
});

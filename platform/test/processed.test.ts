// Idempotent consumers' record of what they acted on: only the entries not recorded before come back, once each,
// whatever the order or the repeats, on the table the migrations build.
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedImage } from '../../prisma/image.ts';
import { prismaProject } from '../../prisma/projects.ts';
import { applyMigrations, memoryPglite } from '../src/db/index.ts';
import type { SqlRunner } from '../src/events/outbox.ts';
import { firstTime, recordProcessed } from '../src/events/processed.ts';

let pglite: PGlite;
const sql: SqlRunner = {
  async $queryRawUnsafe<T>(query: string, ...values: unknown[]) {
    return (await pglite.query(query, values)).rows as T;
  },
  async $executeRawUnsafe(query: string, ...values: unknown[]) {
    return (await pglite.query(query, values)).affectedRows ?? 0;
  },
};

beforeAll(async () => {
  pglite = await memoryPglite(await migratedImage(['users']));
  await applyMigrations({ kind: 'pglite', pglite, schema: 'users' }, prismaProject('users'));
}, 120_000);
afterAll(async () => {
  await pglite?.close();
});

describe('recordProcessed', () => {
  it('returns the entries recorded now, and nothing for those already recorded', async () => {
    const a = { source: 'claims', eventId: '1' };
    const b = { source: 'claims', eventId: '2' };
    const c = { source: 'users-customer-feed:claims', eventId: '1' };
    expect(await recordProcessed(sql, 'users', [a])).toEqual([a]);
    const again = await recordProcessed(sql, 'users', [a, b, c]);
    expect(again.sort((x, y) => `${x.source}${x.eventId}`.localeCompare(`${y.source}${y.eventId}`))).toEqual([b, c]);
    expect(await recordProcessed(sql, 'users', [a, b, c])).toEqual([]);
    expect(await recordProcessed(sql, 'users', [])).toEqual([]);
    const rows = await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM users."ProcessedEvent"');
    expect(rows.rows[0]!.n).toBe(3);
  });

  it('tells a first time from a repeat', async () => {
    expect(await firstTime(sql, 'users', 'payments', '42')).toBe(true);
    expect(await firstTime(sql, 'users', 'payments', '42')).toBe(false);
    expect(await firstTime(sql, 'users', 'payments', '43')).toBe(true);
  });
});

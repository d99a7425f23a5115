// The outbox's SQL interface over a PGlite database, for tests that need a real outbox without a Prisma client.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { SqlRunner, TransactionalSql } from '../src/events/outbox.ts';

const runner = (db: PGlite | Transaction): SqlRunner => ({
  async $queryRawUnsafe<T>(query: string, ...values: unknown[]) {
    return (await db.query(query, values)).rows as T;
  },
  async $executeRawUnsafe(query: string, ...values: unknown[]) {
    return (await db.query(query, values)).affectedRows ?? 0;
  },
});

export function pgliteSql(pglite: PGlite): TransactionalSql {
  return {
    ...runner(pglite),
    $transaction: (fn) => pglite.transaction((tx) => fn(runner(tx))),
  };
}

// `npm run db:migration -- <name>`: writes a migration for every subgraph whose Prisma schema changed.
// `npm run db:migration -- --check`: exits 1 when a schema has changes no migration holds (CI runs it).

import { readdirSync, readFileSync } from 'node:fs';
import { memoryPglite, pendingSchemaChange, writeMigration } from '@abri/platform/db';
import { prismaProject, SUBGRAPHS } from './projects.ts';

/**
 * The PostgreSQL driver adapter runs a migration statement by statement, split at every semicolon: one inside a
 * comment breaks the migration on PostgreSQL while PGlite (which runs the script whole) accepts it.
 */
function semicolonsInComments(name: (typeof SUBGRAPHS)[number]): string[] {
  const { migrationsDir } = prismaProject(name);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readFileSync(`${migrationsDir}/${d.name}/migration.sql`, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /--.*;/.test(line) ? [`prisma/${name}/migrations/${d.name}/migration.sql:${i + 1}`] : [],
        ),
    );
}

const arg = process.argv[2];
if (!arg) {
  console.error('usage: npm run db:migration -- <name> | --check');
  process.exit(2);
}
let stale = 0;
for (const name of SUBGRAPHS) {
  for (const where of semicolonsInComments(name)) {
    stale++;
    console.error(`${where}: a semicolon in a comment splits the statement on PostgreSQL; reword the comment`);
  }
  const pglite = await memoryPglite();
  const sql = await pendingSchemaChange({ kind: 'pglite', pglite, schema: name }, prismaProject(name));
  await pglite.close();
  if (!sql) continue;
  if (arg === '--check') {
    stale++;
    console.error(`prisma/${name}/schema.prisma has changes without a migration:\n${sql}`);
  } else {
    console.log(`prisma/${name}: created ${writeMigration(prismaProject(name), arg, sql)}`);
  }
}
if (stale) process.exit(1);
if (arg === '--check') console.log('every Prisma schema matches its migrations');

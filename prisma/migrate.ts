// `npm run db:migrate`: applies pending migrations of every subgraph. With DATABASE_URL (or <SUBGRAPH>_DATABASE_URL,
// e.g. USERS_DATABASE_URL) on PostgreSQL, each subgraph in its own schema; otherwise on the embedded PGlite data
// directory that `npm start` uses.
import { join } from 'node:path';
import { applyMigrations, closePglite, commonEnv, type Database, openPglite, parseEnv } from '@abri/platform';
import { z } from 'zod';
import { prismaProject, SUBGRAPHS } from './projects.ts';

const url = z.string().url().optional();
const env = parseEnv(
  z.object({
    ABRI_DATA_DIR: commonEnv.ABRI_DATA_DIR,
    DATABASE_URL: url,
    USERS_DATABASE_URL: url,
    POLICIES_DATABASE_URL: url,
    CLAIMS_DATABASE_URL: url,
    PAYMENTS_DATABASE_URL: url,
  }),
);
const pgDir = join(env.ABRI_DATA_DIR, 'pg');
for (const name of SUBGRAPHS) {
  const target = env[`${name.toUpperCase()}_DATABASE_URL` as 'USERS_DATABASE_URL'] ?? env.DATABASE_URL;
  const db: Database = target
    ? { kind: 'postgres', url: target, schema: name }
    : { kind: 'pglite', pglite: await openPglite(pgDir), schema: name };
  const applied = await applyMigrations(db, prismaProject(name));
  console.log(
    `${name}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'} (${target ? new URL(target).host : pgDir})`,
  );
}
await closePglite(pgDir);

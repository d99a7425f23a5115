// The migrated database with the demo data, made once per test run and copied by each file that starts the production
// shape as processes: a copy (CREATE DATABASE … TEMPLATE) takes a fraction of a second, where migrating the four
// schemas and seeding through the services' code took about 15 s of a loaded machine for each file. The first file
// that asks makes it while the others wait; a failed attempt leaves nothing under the template's name.
import type pg from 'pg';

/** The run's template: its name comes from `.config/seeded-template.setup.ts`, which also drops it. */
declare module 'vitest' {
  export interface ProvidedContext {
    seededTemplate: string;
  }
}

/** Creates `name` as a copy of `template`, making the template first when this run has none yet. */
export async function copySeededTemplate(
  admin: pg.Client,
  urlOf: (database: string) => string,
  template: string,
  name: string,
) {
  // One lock per template for the whole exchange: one maker, and no copy while a rename or another copy is under way.
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) await makeTemplate(admin, urlOf, template);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
  }
}

async function makeTemplate(admin: pg.Client, urlOf: (database: string) => string, template: string) {
  const draft = `${template}_draft`;
  await admin.query(`DROP DATABASE IF EXISTS ${draft} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${draft}`);
  try {
    const { seedDatabase } = await import('./processes.ts');
    await seedDatabase(urlOf(draft));
    // A database is copied only when no session is connected to it: none of the seeding's may linger.
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [draft]);
    await admin.query(`ALTER DATABASE ${draft} RENAME TO ${template}`);
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS ${draft} WITH (FORCE)`);
    throw error;
  }
}

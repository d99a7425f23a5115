// The real services integration tests run against. In CI (ABRI_REQUIRE_SERVICES=true) they must be there: a missing
// one fails the run. Elsewhere, without ABRI_TEST_* settings, the same tests run on the embedded defaults.
import { randomUUID } from 'node:crypto';
import { createMemoryBus, createRedisBus, type EventBus, parseEnv } from '@abri/platform';
import pg from 'pg';
import { z } from 'zod';

const env = parseEnv(
  z.object({
    ABRI_TEST_DATABASE_URL: z.string().url().optional(),
    ABRI_TEST_REDIS_URL: z.string().url().optional(),
    ABRI_REQUIRE_SERVICES: z.enum(['true', 'false']).default('false'),
  }),
);

export const requireServices = env.ABRI_REQUIRE_SERVICES === 'true';
if (requireServices && (!env.ABRI_TEST_DATABASE_URL || !env.ABRI_TEST_REDIS_URL)) {
  throw new Error('ABRI_REQUIRE_SERVICES=true needs ABRI_TEST_DATABASE_URL and ABRI_TEST_REDIS_URL');
}

export interface TestServices {
  /** A fresh database for this run, or undefined for PGlite. */
  databaseUrl: string | undefined;
  /** The database is a copy of the run's seeded template: migrated, with the demo data (see `startProcessSystem`). */
  seeded: boolean;
  redisUrl: string | undefined;
  /** Key prefix of this run's Redis streams. */
  busPrefix: string;
  /** A bus per service: Redis with a run-specific prefix, or one shared in-process bus. */
  bus: (service: string) => EventBus;
  describe: string;
  dispose(): Promise<void>;
}

const databaseUrlOf = (database: string) => {
  const url = new URL(env.ABRI_TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
};

/**
 * @param options.seededTemplate The run's seeded template (`inject('seededTemplate')`): the database is a copy of it,
 * migrated with the demo data, instead of an empty one. @default none
 */
export async function testServices(options: { seededTemplate?: string | undefined } = {}): Promise<TestServices> {
  const run = randomUUID().slice(0, 8);
  let databaseUrl: string | undefined;
  let admin: pg.Client | undefined;
  const seeded = Boolean(env.ABRI_TEST_DATABASE_URL && options.seededTemplate);
  if (env.ABRI_TEST_DATABASE_URL) {
    admin = new pg.Client({ connectionString: env.ABRI_TEST_DATABASE_URL });
    await admin.connect();
    if (options.seededTemplate) {
      const { copySeededTemplate } = await import('./template.ts');
      await copySeededTemplate(admin, databaseUrlOf, options.seededTemplate, `abri_it_${run}`);
    } else await admin.query(`CREATE DATABASE abri_it_${run}`);
    databaseUrl = databaseUrlOf(`abri_it_${run}`);
  }
  const redisUrl = env.ABRI_TEST_REDIS_URL;
  const memory = createMemoryBus();
  if (redisUrl) {
    // Fail now, loudly, when Redis is absent.
    const probe = createRedisBus(redisUrl);
    await probe.ping();
    await probe.close();
  }
  return {
    databaseUrl,
    seeded,
    redisUrl,
    busPrefix: `abri:it:${run}:`,
    bus: (_service) => (redisUrl ? createRedisBus(redisUrl, { prefix: `abri:it:${run}:` }) : memory),
    describe: `${databaseUrl ? 'PostgreSQL' : 'PGlite'} + ${redisUrl ? 'Redis' : 'in-process bus'}`,
    async dispose() {
      if (admin) {
        await admin.query(`DROP DATABASE IF EXISTS abri_it_${run} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}

/** Drops the run's seeded template, when there is a PostgreSQL (the global setup's teardown). */
export async function dropSeededTemplate(template: string) {
  if (!env.ABRI_TEST_DATABASE_URL) return;
  const admin = new pg.Client({ connectionString: env.ABRI_TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

// Key rotation without downtime: rows sealed under key A, the service restarted with B current and A kept to
// decrypt, `keys:rotate` re-encrypting in the background while the service reads and writes. Every row stays
// readable throughout and after, and at the end every sealed value of the subgraph is under B, a data export's part
// (a compound primary key) included.
import { randomBytes } from 'node:crypto';
import {
  applyMigrations,
  createLogger,
  createMemoryBus,
  DEMO,
  decryptField,
  encryptField,
  generateHopSecret,
  generateSigningJwk,
  importSigningKey,
  parseHopKeys,
  parseKeyring,
  type ResealProgress,
  storedKeyId,
} from '@abri/platform';
import { seedDemo } from '@abri/testkit/processes';
import { type TestServices, testServices } from '@abri/testkit/services';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaProject, SUBGRAPHS } from '../../prisma/projects.ts';
import { partContext } from '../../subgraphs/users/src/app/data-export.ts';
import { createLocalMailbox } from '../../subgraphs/users/src/messaging/transport.ts';
import { createUsersService } from '../../subgraphs/users/src/server.ts';
import { openResealer } from '../rotation/open.ts';

const A = `kA:${randomBytes(32).toString('base64')}`;
const B = `kB:${randomBytes(32).toString('base64')}`;
const INDEX_KEY = randomBytes(32).toString('base64');
const EXTRA = 1000;
const EXPORT_ID = 'export-under-a';
const PART = '{"service":"claims","claims":[]}';

let services: TestServices;

async function usersWith(keys: string) {
  const unused = await generateSigningJwk();
  return createUsersService({
    db: { kind: 'postgres', url: services.databaseUrl!, schema: 'users', maxConnections: 4 },
    bus: createMemoryBus(),
    hopKeys: parseHopKeys(generateHopSecret()),
    log: createLogger('users', { silent: true }),
    keyring: parseKeyring(keys),
    blindIndexKey: Buffer.from(INDEX_KEY, 'base64'),
    tokenKey: await importSigningKey(unused),
    transport: createLocalMailbox(null),
    push: { vapid: null },
  });
}

beforeAll(async () => {
  services = await testServices();
  if (!services.databaseUrl) return;
  for (const name of SUBGRAPHS)
    await applyMigrations({ kind: 'postgres', url: services.databaseUrl, schema: name }, prismaProject(name));
  await seedDemo(services.databaseUrl, A, INDEX_KEY);
  // More rows under A, so the rotation takes long enough to overlap with the service's own traffic.
  const before = await usersWith(A);
  await before.app.prisma.signInEvent.createMany({
    data: Array.from({ length: EXTRA }, (_, i) => ({
      customerId: DEMO.camille.customerId,
      outcome: 'SUCCESS' as const,
      ip: `198.51.100.${i % 250}`,
      city: `Ville ${i}`,
      device: `Appareil ${i}`,
    })),
  });
  // A data export's part (a compound key: export and service), sealed by the application under A.
  await before.app.prisma.dataExport.create({
    data: {
      id: EXPORT_ID,
      customerId: DEMO.camille.customerId,
      requestedAt: new Date(),
      parts: {
        create: {
          service: 'claims',
          contentEncrypted: encryptField(parseKeyring(A), PART, partContext(EXPORT_ID, 'claims')),
          receivedAt: new Date(),
        },
      },
    },
  });
  await before.stop();
}, 300_000);
afterAll(async () => {
  await services?.dispose();
});

describe.skipIf(!process.env.ABRI_TEST_DATABASE_URL)('npm run keys:rotate (PostgreSQL)', () => {
  it('re-encrypts under the new key in the background while every row stays readable, then leaves none under the old one', async () => {
    const users = await usersWith(`${B},${A}`);
    const rotation = await openResealer('users', {
      db: { kind: 'postgres', url: services.databaseUrl!, schema: 'users', maxConnections: 2 },
      keyring: parseKeyring(`${B},${A}`),
      blindIndexKey: Buffer.from(INDEX_KEY, 'base64'),
    });
    const progress: ResealProgress[] = [];
    const started = performance.now();
    let done = false;
    const running = rotation.reseal({ batch: 100, onProgress: (p) => progress.push(p) }).finally(() => {
      done = true;
    });

    // The service's own traffic meanwhile: every read decrypts, writes go under B, sign-in lookups by e-mail work.
    let rounds = 0;
    while (!done || rounds < 3) {
      rounds++;
      const customers = await users.app.prisma.customer.findMany({ orderBy: { id: 'asc' } });
      expect(customers.map((c) => c.email)).toEqual(['camille.martin@abri.example', 'louis.bernard@abri.example']);
      const events = await users.app.prisma.signInEvent.findMany({
        where: { city: { not: null } },
        orderBy: { id: 'asc' },
        take: 200,
        skip: (rounds * 97) % EXTRA,
      });
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) expect(e.city).toMatch(/^(Ville \d+|Nantes)$/);
      expect(await users.app.prisma.staffMember.findFirst({ where: { email: DEMO.adjuster.email } })).not.toBeNull();
      await users.app.prisma.customer.update({
        where: { id: DEMO.louis.customerId },
        data: { firstName: rounds % 2 ? 'Louis' : 'Louís' },
      });
      await users.app.prisma.signInEvent.create({
        data: { customerId: DEMO.louis.customerId, outcome: 'SUCCESS', ip: '203.0.113.9', city: 'Nantes' },
      });
    }
    const report = await running;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `keys:rotate users: ${report.resealed} values re-encrypted in ${seconds.toFixed(1)} s (${Math.round(report.resealed / seconds)} values/s, batches of 100, with the service's traffic alongside)`,
    );
    expect(rounds).toBeGreaterThan(1);
    expect(report.remaining).toBe(0);
    expect(report.resealed).toBeGreaterThan(EXTRA * 3);
    expect(progress.length).toBeGreaterThan(EXTRA / 100);

    // After: the old rows read the same, and every sealed value in the schema is under B.
    const all = await users.app.prisma.signInEvent
      .findMany({ where: { city: { startsWith: 'Ville' } } })
      .catch((e) => e);
    expect(all).toBeInstanceOf(Error);
    const rows = await users.app.prisma.signInEvent.findMany({ where: { customerId: DEMO.camille.customerId } });
    const cities = new Set(rows.map((r) => r.city));
    for (let i = 0; i < EXTRA; i += 499) expect(cities.has(`Ville ${i}`)).toBe(true);
    const camille = await users.app.prisma.customer.findUniqueOrThrow({ where: { id: DEMO.camille.customerId } });
    expect(camille).toMatchObject({ firstName: 'Camille', lastName: 'Martin' });

    const client = new pg.Client({ connectionString: services.databaseUrl });
    await client.connect();
    try {
      for (const [table, column] of [
        ['Customer', 'firstName'],
        ['Customer', 'email'],
        ['Customer', 'phoneEncrypted'],
        ['StaffMember', 'totpSecretEncrypted'],
        ['SignInEvent', 'ip'],
        ['Session', 'userAgent'],
        ['DataExportPart', 'contentEncrypted'],
      ] as const) {
        const { rows: raw } = await client.query<{ v: string }>(
          `SELECT "${column}" AS v FROM "users"."${table}" WHERE "${column}" IS NOT NULL`,
        );
        expect(new Set(raw.map((r) => storedKeyId(r.v))), `${table}.${column}`).toEqual(
          raw.length ? new Set(['kB']) : new Set(),
        );
      }
      const { rows: payloads } = await client.query<{ v: string }>(
        `SELECT payload #>> '{}' AS v FROM "users"."OutboxEvent"`,
      );
      for (const p of payloads) expect(storedKeyId(p.v)).toBe('kB');
      const { rows: parts } = await client.query<{ v: string }>(
        `SELECT "contentEncrypted" AS v FROM "users"."DataExportPart" WHERE "exportId" = $1`,
        [EXPORT_ID],
      );
      expect(parts).toHaveLength(1);
      expect(decryptField(parseKeyring(B), parts[0]!.v, partContext(EXPORT_ID, 'claims'))).toBe(PART);
    } finally {
      await client.end();
    }
    // Run again: nothing left to do.
    expect(await rotation.reseal()).toMatchObject({ resealed: 0, remaining: 0 });
    await rotation.stop();
    await users.stop();
  }, 600_000);
});

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, decryptField, parseKeyring } from '@abri/platform';
import { requireServices, type TestServices, testServices } from '@abri/testkit/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaProject, ROOT } from '../../prisma/projects.ts';
import { verifyPassword } from '../../subgraphs/users/src/domain/password.ts';
import { totpContext } from '../../subgraphs/users/src/domain/totp.ts';
import { type AdminApps, openApps } from '../admin/apps.ts';

let services: TestServices;
const keys = `k1:${randomBytes(32).toString('base64')}`;
const dir = mkdtempSync(join(tmpdir(), 'abri-admin-'));
let env: Record<string, string>;
let apps: AdminApps;

/** Runs the CLI as an operator would; resolves with its exit status and output. */
function admin(args: string[], stdin?: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'ops/cli/admin.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdin.end(stdin ?? '');
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

const HEADER =
  'contract_number;first_name;last_name;email;phone;address_line;postal_code;city;dwelling_type;surface_m2;rooms;occupancy;residence;options;valuables_eur;deductible_eur;start_date;payment_frequency';
const CSV = [
  HEADER,
  'HAB1000001;Inès;Lefèvre;ines.lefevre@example.fr;+33611223344;"3, place Bellecour";69002;Lyon;APARTMENT;54;2;TENANT;MAIN;ASSISTANCE;;150;2024-04-01;MONTHLY',
  'HAB1000002;Inès;Lefèvre;ines.lefevre@example.fr;;8 allée des Pins;33000;Bordeaux;HOUSE;95;4;OWNER;SECONDARY;GARDEN|ASSISTANCE|VALUABLES;2000;300;2023-07-15;ANNUAL',
  'HAB1000003;Hugo;Petit;hugo.petit@example;;1 rue Haute;7500;Paris;CASTLE;12;2;OWNER;MAIN;;;150;2024-02-30;MONTHLY',
  'HAB1000001;Inès;Lefèvre;ines.lefevre@example.fr;;3 place Bellecour;69002;Lyon;APARTMENT;54;2;TENANT;MAIN;;;150;2024-04-01;MONTHLY',
  'HAB1000004;Noé;Garnier;noe.garnier@example.fr;;5 quai Sud;44000;Nantes;APARTMENT;40;2',
].join('\n');

const available = await (async () => {
  services = await testServices();
  return Boolean(services.databaseUrl);
})();
if (requireServices && !available) throw new Error('PostgreSQL is required for this test');

beforeAll(async () => {
  if (!available) return;
  for (const name of ['users', 'policies'] as const) {
    await applyMigrations({ kind: 'postgres', url: services.databaseUrl!, schema: name }, prismaProject(name));
  }
  env = {
    DATABASE_URL: services.databaseUrl!,
    ENCRYPTION_KEYS: keys,
    BLIND_INDEX_KEY: Buffer.alloc(32, 3).toString('base64'),
    POLICIES_ENCRYPTION_KEYS: keys,
    PUBLIC_URL: 'https://espace-client.abri.example',
  };
  writeFileSync(join(dir, 'contracts.csv'), CSV);
  apps = await openApps({ ...env, DATABASE_URL: services.databaseUrl!, ENCRYPTION_KEYS: keys } as never);
}, 180_000);

afterAll(async () => {
  await apps?.close();
  await services?.dispose();
});

describe.runIf(available)('npm run admin on PostgreSQL', () => {
  it('imports the valid lines, reports each rejected line with its reasons, and changes nothing when run again', async () => {
    const first = await admin(['import-contracts', join(dir, 'contracts.csv')]);
    expect(first.err).toBe('');
    expect(first.code).toBe(3);
    expect(first.out).toContain('2 contract(s) created, 0 already there, 3 line(s) rejected');
    expect(first.out).toMatch(/ligne 4\u00a0: email\u00a0: .*postal_code\u00a0: .*dwelling_type\u00a0: .*start_date/);
    expect(first.out).toContain('ligne 5\u00a0: contrat HAB1000001 déjà présent ligne 2');
    expect(first.out).toContain('ligne 6\u00a0: 11 colonnes au lieu de 18');

    const customers = await apps.users.prisma.customer.findMany({ include: { logins: true } });
    expect(customers).toHaveLength(1);
    expect(customers[0]!.status).toBe('PENDING_ACTIVATION');
    expect(customers[0]!.logins.map((l) => l.contractNumber).sort()).toEqual(['HAB1000001', 'HAB1000002']);
    const policies = await apps.policies.prisma.policy.findMany({
      orderBy: { number: 'asc' },
      include: { dwelling: true },
    });
    expect(policies.map((p) => [p.number, p.customerId, p.paymentFrequency])).toEqual([
      ['HAB1000001', customers[0]!.id, 'MONTHLY'],
      ['HAB1000002', customers[0]!.id, 'ANNUAL'],
    ]);
    expect(policies[0]!.dwelling?.addressLine).toBe('3, place Bellecour');
    expect(policies.every((p) => p.annualPremiumCents > 0)).toBe(true);
    // The other subgraphs learn of the contracts through the outbox, as for any contract change, and the customer's
    // devices of each document issued with them; nothing else is announced.
    const events = (await apps.policies.prisma.outboxEvent.findMany({ select: { topic: true } })).map((e) => e.topic);
    const documents = await apps.policies.prisma.document.count();
    expect(documents).toBeGreaterThan(0);
    expect(events.filter((t) => t === 'policies.policyTermsChanged')).toHaveLength(2);
    expect(events.filter((t) => t === 'policies.documentIssued')).toHaveLength(documents);
    expect(events).toHaveLength(2 + documents);

    const again = await admin(['import-contracts', join(dir, 'contracts.csv')]);
    expect(again.out).toContain('0 contract(s) created, 2 already there, 3 line(s) rejected');
    expect(await apps.policies.prisma.policy.count()).toBe(2);
    expect(await apps.users.prisma.customer.count()).toBe(1);
  }, 180_000);

  it('queues one invitation per pending customer; the users service sends them', async () => {
    const run = await admin(['invite']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('1 invitation(s) queued');
    const queued = await apps.users.prisma.messageOutbox.findMany({ where: { template: 'invitation' } });
    expect(queued).toHaveLength(1);
  }, 120_000);

  it('creates a staff account with a role, the typed password and a TOTP secret shown once', async () => {
    const password = 'Un-mot-de-passe-solide-2026';
    const run = await admin(
      [
        'create-staff',
        '--email',
        'gestion@abri.example',
        '--name',
        'Léa Roux',
        '--role',
        'ADJUSTER',
        '--password-stdin',
      ],
      `${password}\n`,
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const secret = /enter the secret ([A-Z2-7]+)/.exec(run.out)?.[1];
    expect(run.out).toContain('otpauth://totp/');
    expect(run.out).not.toContain(password);
    const staff = await apps.users.prisma.staffMember.findFirstOrThrow({
      where: { email: 'gestion@abri.example' },
      include: { credentials: true },
    });
    expect(staff.role).toBe('ADJUSTER');
    expect(await verifyPassword(staff.credentials[0]!.passwordHash, password)).toBe(true);
    expect(decryptField(parseKeyring(keys), staff.totpSecretEncrypted, totpContext('staff', staff.id))).toBe(secret);

    const twice = await admin(['create-staff', '--email', 'gestion@abri.example', '--name', 'X', '--role', 'ADMIN']);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('already exists');
  }, 120_000);

  it('refuses to run without its configuration, naming what is missing', async () => {
    env = {};
    const run = await admin(['invite']);
    expect(run.code).toBe(1);
    for (const name of ['DATABASE_URL', 'ENCRYPTION_KEYS', 'PUBLIC_URL']) expect(run.err).toContain(`${name}: missing`);
  }, 120_000);
});

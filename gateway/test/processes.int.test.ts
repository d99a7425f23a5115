// Production as deployed: each service its own process started from its main.ts with configuration from the
// environment only, on PostgreSQL and Redis, two gateway replicas. Needs the real services (CI has them).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createClaimsService } from '@abri/claims';
import { seedClaims } from '@abri/claims/seed';
import { createPaymentsService } from '@abri/payments';
import { seedPayments } from '@abri/payments/seed';
import {
  applyMigrations,
  createLogger,
  createMemoryBus,
  type Database,
  DEMO,
  generateSigningJwk,
  importPublicKey,
  importSigningKey,
  parseKeyring,
} from '@abri/platform';
import { createPoliciesService } from '@abri/policies';
import { seedPolicies } from '@abri/policies/seed';
import { createUsersService } from '@abri/users';
import { createLocalMailbox } from '@abri/users/mailbox';
import { seedUsers } from '@abri/users/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaProject, ROOT, SUBGRAPHS } from '../../prisma/projects.ts';
import { adjuster, advance, CLAIM_EVENTS, collect, customer } from './helpers.ts';
import { requireServices, type TestServices, testServices } from './services.ts';

let services: TestServices;
const children: ChildProcess[] = [];
const base = 21_000 + Math.floor(Math.random() * 20_000);
const port = {
  users: base + 1,
  policies: base + 2,
  claims: base + 3,
  payments: base + 4,
  gatewayA: base,
  gatewayB: base + 5,
};
const url = (p: number) => `http://127.0.0.1:${p}/graphql`;

function startProcess(entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_SILENT: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', (d) => process.stderr.write(`[${entry}] ${d}`));
  children.push(child);
  return child;
}

async function waitReady(target: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const res = await fetch(target.replace('/graphql', '/ready')).catch(() => null);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${target} never became ready`);
}

async function seedDatabase(databaseUrl: string, keys: string) {
  const deps = async (name: string) => ({
    db: {
      kind: 'postgres',
      url: databaseUrl,
      schema: name,
      maxConnections: 2,
    } satisfies Database,
    bus: createMemoryBus(),
    gatewayKey: await importPublicKey((await generateSigningJwk()) as never),
    log: createLogger(name, { silent: true }),
  });
  const users = createUsersService({
    ...(await deps('users')),
    tokenKey: await importSigningKey(await generateSigningJwk()),
    keyring: parseKeyring(keys),
    transport: createLocalMailbox(null),
  });
  const policies = createPoliciesService({
    ...(await deps('policies')),
    attestationKey: await importSigningKey(await generateSigningJwk()),
  });
  const claims = createClaimsService(await deps('claims'));
  const payments = createPaymentsService({ ...(await deps('payments')), keyring: parseKeyring(keys) });
  await seedUsers(users.app);
  await seedPolicies(policies.app, new Date());
  await seedClaims(claims.app, new Date());
  await seedPayments(payments.app, new Date());
  for (const s of [users, policies, claims, payments]) await s.stop();
}

const real = async () => {
  services = await testServices();
  return Boolean(services.databaseUrl && services.redisUrl);
};
const available = await real();
if (requireServices && !available) throw new Error('PostgreSQL and Redis are required for this test');

beforeAll(async () => {
  if (!available) return;
  const databaseUrl = services.databaseUrl!;
  for (const name of SUBGRAPHS)
    await applyMigrations({ kind: 'postgres', url: databaseUrl, schema: name }, prismaProject(name));
  const encryptionKeys = `k1:${randomBytes(32).toString('base64')}`;
  await seedDatabase(databaseUrl, encryptionKeys);

  const hop = await generateSigningJwk();
  const { d: _private, ...hopPublic } = hop;
  const common = {
    ABRI_MODE: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: services.redisUrl!,
    ABRI_BUS_PREFIX: services.busPrefix,
  };
  const subgraphEnv = {
    ...common,
    GATEWAY_PUBLIC_KEY: JSON.stringify(hopPublic),
  };
  startProcess('subgraphs/users/src/main.ts', {
    ...subgraphEnv,
    PORT: String(port.users),
    ACCESS_TOKEN_PRIVATE_KEY: JSON.stringify(await generateSigningJwk()),
    ENCRYPTION_KEYS: encryptionKeys,
    SMTP_URL: 'smtp://127.0.0.1:2525',
    PUBLIC_URL: 'https://espace-client.abri.example',
  });
  startProcess('subgraphs/policies/src/main.ts', {
    ...subgraphEnv,
    PORT: String(port.policies),
    ATTESTATION_PRIVATE_KEY: JSON.stringify(await generateSigningJwk()),
    PUBLIC_URL: 'https://espace-client.abri.example',
  });
  startProcess('subgraphs/claims/src/main.ts', {
    ...subgraphEnv,
    PORT: String(port.claims),
    ATTACHMENTS_DIR: `/tmp/abri-it-attachments-${base}`,
  });
  startProcess('subgraphs/payments/src/main.ts', {
    ...subgraphEnv,
    PORT: String(port.payments),
    ENCRYPTION_KEYS: encryptionKeys,
  });
  const gatewayEnv = {
    ...common,
    GATEWAY_PRIVATE_KEY: JSON.stringify(hop),
    USERS_URL: url(port.users),
    POLICIES_URL: url(port.policies),
    CLAIMS_URL: url(port.claims),
    PAYMENTS_URL: url(port.payments),
  };
  startProcess('gateway/src/main.ts', {
    ...gatewayEnv,
    PORT: String(port.gatewayA),
  });
  startProcess('gateway/src/main.ts', {
    ...gatewayEnv,
    PORT: String(port.gatewayB),
  });
  await Promise.all([waitReady(url(port.gatewayA)), waitReady(url(port.gatewayB))]);
}, 180_000);

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  await services?.dispose();
});

describe.skipIf(!available)('services as separate processes (PostgreSQL + Redis, two gateway replicas)', () => {
  it('signs in on replica B and answers one query from the four subgraph processes', async () => {
    const camille = await customer(url(port.gatewayB), 'camille');
    const { data, errors } = await camille.request<{
      me: {
        firstName: string;
        policies: { number: string }[];
        claims: { status: string }[];
        paymentSchedule: unknown[];
      };
    }>('{ me { firstName policies { number } claims { status } paymentSchedule { dueDate } } }');
    expect(errors).toBeUndefined();
    expect(data?.me).toMatchObject({
      firstName: 'Camille',
      policies: [{ number: DEMO.camille.contractNumber }],
      claims: [{ status: 'EXPERT_ASSIGNED' }],
    });
    expect(data?.me.paymentSchedule).toHaveLength(12);
  });

  it('pushes a change made through replica A to a device on replica B', async () => {
    const staff = await adjuster(url(port.gatewayA));
    const camille = await customer(url(port.gatewayB), 'camille');
    const socket = camille.socket();
    const events = collect<{
      claimStatusChanged: {
        status: string;
        claim: { policy: { number: string } };
      };
    }>(socket, CLAIM_EVENTS, { after: 'claims.0' });
    await advance(staff, DEMO.camilleClaimId, 'EXPERT_REPORT');
    const [event] = await events.until(1);
    expect(event?.data?.claimStatusChanged).toMatchObject({
      status: 'EXPERT_REPORT',
      claim: { policy: { number: DEMO.camille.contractNumber } },
    });
    await events.stop();
    await socket.dispose();
  });
});

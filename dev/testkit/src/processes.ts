// Production as deployed, for tests: each service its own process started from its compiled entry (dist/server, built
// when missing or stale, as `npm start` does) with configuration from
// the environment only, on PostgreSQL and Redis, two gateway replicas. A test may kill any process (SIGKILL: no
// goodbye to its peers) and start it again with the same configuration, as an orchestrator would.
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
  DEMO_INSURER_SETTINGS,
  demoSealSettings,
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
import { ensureServerBuild } from '../../../ops/build/entries.mjs';
import { prismaProject, ROOT, SUBGRAPHS } from '../../../prisma/projects.ts';

export type ProcessName = 'users' | 'policies' | 'claims' | 'payments' | 'gatewayA' | 'gatewayB';

export interface ProcessSystem {
  /** GraphQL URL of each gateway replica. */
  gateways: [string, string];
  url(name: ProcessName): string;
  /** SIGKILL, and wait until the process is gone. */
  kill(name: ProcessName): Promise<void>;
  /** Starts the process again with its configuration and waits until it is ready. */
  start(name: ProcessName): Promise<void>;
  stop(): Promise<void>;
}

const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
/** The blind-index key of the process tests and benches (a fixed test value: indexes only need to agree across runs of one system). */
export const DEMO_BLIND_INDEX_KEY = Buffer.alloc(32, 7).toString('base64');

export async function waitReady(target: string, ms = 300_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const res = await fetch(target.replace('/graphql', '/ready')).catch(() => null);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${target} never became ready`);
}

/** Migrates and seeds the demo data through the services' own code, in-process, before the processes start. */
async function seedDatabase(databaseUrl: string, keys: string) {
  for (const name of SUBGRAPHS)
    await applyMigrations({ kind: 'postgres', url: databaseUrl, schema: name }, prismaProject(name));
  await seedDemo(databaseUrl, keys);
}

/** The demo data written through each service's own code into a migrated database (`keys`: its encryption keys). */
export async function seedDemo(databaseUrl: string, keys: string, blindIndexKey = DEMO_BLIND_INDEX_KEY) {
  const deps = async (name: string) => ({
    db: { kind: 'postgres', url: databaseUrl, schema: name, maxConnections: 2 } satisfies Database,
    bus: createMemoryBus(),
    gatewayKey: await importPublicKey((await generateSigningJwk()) as never),
    log: createLogger(name, { silent: true }),
    keyring: parseKeyring(keys),
    blindIndexKey: Buffer.from(blindIndexKey, 'base64'),
  });
  const users = createUsersService({
    ...(await deps('users')),
    tokenKey: await importSigningKey(await generateSigningJwk()),
    transport: createLocalMailbox(null),
  });
  const policies = createPoliciesService({
    ...(await deps('policies')),
    attestationKey: await importSigningKey(await generateSigningJwk()),
  });
  const claims = createClaimsService(await deps('claims'));
  const payments = createPaymentsService(await deps('payments'));
  await seedUsers(users.app);
  await seedPolicies(policies.app, new Date());
  await seedClaims(claims.app, new Date());
  await seedPayments(payments.app, new Date());
  for (const s of [users, policies, claims, payments]) await s.stop();
}

export async function startProcessSystem(options: {
  databaseUrl: string;
  redisUrl: string;
  busPrefix: string;
  /** Settings added to every process's environment (tracing, logs). */
  env?: Record<string, string>;
  /** Settings added to one process's environment (claims' object storage). */
  processEnv?: Partial<Record<ProcessName, Record<string, string>>>;
  /** Receives each process's stderr (its logs); by default only when logs are on, echoed with the name. */
  onLog?: (name: ProcessName, text: string) => void;
}): Promise<ProcessSystem> {
  if (!ensureServerBuild({ quiet: true })) throw new Error('the services could not be compiled (npm run build:server)');
  const base = 21_000 + Math.floor(Math.random() * 20_000);
  const port: Record<ProcessName, number> = {
    gatewayA: base,
    users: base + 1,
    policies: base + 2,
    claims: base + 3,
    payments: base + 4,
    gatewayB: base + 5,
  };
  const encryptionKeys = `k1:${randomBytes(32).toString('base64')}`;
  const seal = demoSealSettings();
  await seedDatabase(options.databaseUrl, encryptionKeys);

  const hop = await generateSigningJwk();
  const { d: _private, ...hopPublic } = hop;
  const common = {
    ABRI_MODE: 'production',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    ABRI_BUS_PREFIX: options.busPrefix,
  };
  const subgraph = (name: ProcessName) => ({
    ...common,
    GATEWAY_PUBLIC_KEY: JSON.stringify(hopPublic),
    PORT: String(port[name]),
  });
  const gateway = (name: ProcessName) => ({
    ...common,
    GATEWAY_PRIVATE_KEY: JSON.stringify(hop),
    // These tests send their own operations as customers: not the web app's trusted documents.
    TRUSTED_DOCUMENTS: 'off',
    USERS_URL: url(port.users),
    POLICIES_URL: url(port.policies),
    CLAIMS_URL: url(port.claims),
    PAYMENTS_URL: url(port.payments),
    PORT: String(port[name]),
  });
  const specs: Record<ProcessName, { entry: string; env: Record<string, string> }> = {
    users: {
      entry: 'dist/server/users.js',
      env: {
        ...subgraph('users'),
        ACCESS_TOKEN_PRIVATE_KEY: JSON.stringify(await generateSigningJwk()),
        ENCRYPTION_KEYS: encryptionKeys,
        BLIND_INDEX_KEY: DEMO_BLIND_INDEX_KEY,
        SMTP_URL: 'smtp://127.0.0.1:2525',
        PUBLIC_URL: 'https://espace-client.abri.example',
      },
    },
    policies: {
      entry: 'dist/server/policies.js',
      env: {
        ...subgraph('policies'),
        ENCRYPTION_KEYS: encryptionKeys,
        ATTESTATION_PRIVATE_KEY: JSON.stringify(await generateSigningJwk()),
        PUBLIC_URL: 'https://espace-client.abri.example',
        ...DEMO_INSURER_SETTINGS,
        ...seal,
      },
    },
    claims: {
      entry: 'dist/server/claims.js',
      env: {
        ...subgraph('claims'),
        ENCRYPTION_KEYS: encryptionKeys,
        ATTACHMENTS_DIR: `/tmp/abri-it-attachments-${base}`,
        ...DEMO_INSURER_SETTINGS,
        ...seal,
      },
    },
    payments: {
      entry: 'dist/server/payments.js',
      env: { ...subgraph('payments'), ENCRYPTION_KEYS: encryptionKeys, ...DEMO_INSURER_SETTINGS, ...seal },
    },
    gatewayA: { entry: 'dist/server/gateway.js', env: gateway('gatewayA') },
    gatewayB: { entry: 'dist/server/gateway.js', env: gateway('gatewayB') },
  };

  const running = new Map<ProcessName, ChildProcess>();
  const launch = (name: ProcessName) => {
    const { entry, env } = specs[name];
    const child = spawn(process.execPath, [entry], {
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_SILENT: 'true', ...options.env, ...options.processEnv?.[name] },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (d) =>
      options.onLog ? options.onLog(name, String(d)) : process.stderr.write(`[${name}] ${d}`),
    );
    running.set(name, child);
  };
  const end = async (name: ProcessName, signal: NodeJS.Signals) => {
    const child = running.get(name);
    running.delete(name);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  const names = Object.keys(specs) as ProcessName[];
  for (const name of names) launch(name);
  try {
    await Promise.all(names.map((name) => waitReady(url(port[name]))));
  } catch (error) {
    // The caller gets no handle to stop them: left running, they would keep the test run alive after its failure.
    await Promise.all(names.map((name) => end(name, 'SIGKILL')));
    throw error;
  }

  return {
    gateways: [url(port.gatewayA), url(port.gatewayB)],
    url: (name) => url(port[name]),
    kill: (name) => end(name, 'SIGKILL'),
    async start(name) {
      launch(name);
      await waitReady(url(port[name]));
    },
    async stop() {
      await Promise.all(names.map((name) => end(name, 'SIGTERM')));
    },
  };
}

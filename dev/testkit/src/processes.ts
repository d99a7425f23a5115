// Production as deployed, for tests: each service its own process started from its compiled entry (dist/server, built
// when missing or stale, as `npm start` does) with configuration from
// the environment only, on PostgreSQL and Redis, two gateway replicas. A test may kill any process (SIGKILL: no
// goodbye to its peers) and start it again with the same configuration, as an orchestrator would.
import { type ChildProcess, spawn } from 'node:child_process';
import { createSubgraphServices, seedWhenEmpty } from '@abri/embedded/subgraphs';
import {
  applyMigrations,
  createLogger,
  createMemoryBus,
  DEMO_INSURER_SETTINGS,
  demoSealSettings,
  GATEWAY_PORT,
  generateHopSecret,
  generateSigningJwk,
  importSigningKey,
  parseHopKeys,
  parseHopSecrets,
  parseKeyring,
  perSubgraph,
  SUBGRAPH_NAMES,
  SUBGRAPHS,
  type SubgraphName,
} from '@abri/platform';
import { createLocalMailbox } from '@abri/users/mailbox';
import type { JWK } from 'jose';
import { ensureServerBuild } from '../../../ops/build/entries.mjs';
import { prismaProject, ROOT } from '../../../prisma/projects.ts';
import { freePorts } from './ports.ts';

export type ProcessName = SubgraphName | 'gatewayA' | 'gatewayB';

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

/**
 * The encryption keys of the process tests' data (a fixed test value: the run's seeded template is encrypted under them
 * and copied by every file).
 */
export const DEMO_ENCRYPTION_KEYS = `k1:${Buffer.alloc(32, 9).toString('base64')}`;

/** Migrates and seeds the demo data through the services' own code, in-process, before the processes start. */
export async function seedDatabase(databaseUrl: string) {
  for (const name of SUBGRAPH_NAMES)
    await applyMigrations({ kind: 'postgres', url: databaseUrl, schema: name }, prismaProject(name));
  await seedDemo(databaseUrl, DEMO_ENCRYPTION_KEYS);
}

/** The demo data written through each service's own code into a migrated database (`keys`: its encryption keys). */
export async function seedDemo(databaseUrl: string, keys: string, blindIndexKey = DEMO_BLIND_INDEX_KEY) {
  // Keys nothing here signs or verifies with: the services need one to be built.
  const unused = await generateSigningJwk();
  const services = createSubgraphServices({
    deps: (name) => ({
      db: { kind: 'postgres', url: databaseUrl, schema: name, maxConnections: 2 },
      bus: createMemoryBus(),
      hopKeys: parseHopKeys(generateHopSecret()),
      log: createLogger(name, { silent: true }),
      keyring: parseKeyring(keys),
      blindIndexKey: Buffer.from(blindIndexKey, 'base64'),
    }),
    tokenKey: await importSigningKey(unused),
    attestationKey: await importSigningKey(unused),
    transport: createLocalMailbox(null),
  });
  await seedWhenEmpty(services, new Date());
  for (const name of SUBGRAPH_NAMES) await services[name].stop();
}

export async function startProcessSystem(options: {
  databaseUrl: string;
  /** The database is already migrated and seeded (a copy of the run's seeded template). @default false */
  seeded?: boolean;
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
  // Gateway A, each subgraph at its distance from it in the registry, gateway B after the last.
  const base = await freePorts(SUBGRAPH_NAMES.length + 2);
  const port: Record<ProcessName, number> = {
    gatewayA: base,
    ...perSubgraph((name) => base + SUBGRAPHS[name].port - GATEWAY_PORT),
    gatewayB: base + SUBGRAPH_NAMES.length + 1,
  };
  const encryptionKeys = DEMO_ENCRYPTION_KEYS;
  const seal = demoSealSettings();
  if (!options.seeded) await seedDatabase(options.databaseUrl);

  const hopSecrets = generateHopSecret();
  const hop = parseHopSecrets(hopSecrets);
  const common = {
    ABRI_MODE: 'production',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    ABRI_BUS_PREFIX: options.busPrefix,
  };
  const subgraph = (name: SubgraphName) => ({
    ...common,
    HOP_KEYS: hop.keysSetting(name),
    PORT: String(port[name]),
  });
  const gateway = (name: ProcessName) => ({
    ...common,
    HOP_SECRETS: hopSecrets,
    // These tests send their own operations as customers: not the web app's trusted documents.
    TRUSTED_DOCUMENTS: 'off',
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [SUBGRAPHS[name].urlSetting, url(port[name])])),
    PORT: String(port[name]),
  });
  const own = await subgraphSettings({ attachmentsDir: `/tmp/abri-it-attachments-${base}`, seal });
  const specs: Record<ProcessName, { entry: string; env: Record<string, string> }> = {
    ...perSubgraph((name) => ({
      entry: `dist/server/${name}.js`,
      env: { ...subgraph(name), ENCRYPTION_KEYS: encryptionKeys, ...own[name] },
    })),
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

/**
 * What each subgraph process needs beyond the settings they all get (its own keys and settings: see its env.ts), on
 * demo values: the process tests and the benches start the production shape with these.
 */
export async function subgraphSettings(options: {
  attachmentsDir: string;
  seal: Record<string, string>;
  /** The users subgraph's token key, when the caller mints tokens itself. @default a new one */
  accessTokenJwk?: JWK;
}): Promise<Record<SubgraphName, Record<string, string>>> {
  const { seal } = options;
  return {
    users: {
      ACCESS_TOKEN_PRIVATE_KEY: JSON.stringify(options.accessTokenJwk ?? (await generateSigningJwk())),
      BLIND_INDEX_KEY: DEMO_BLIND_INDEX_KEY,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      PUBLIC_URL: 'https://espace-client.abri.example',
    },
    policies: {
      ATTESTATION_PRIVATE_KEY: JSON.stringify(await generateSigningJwk()),
      PUBLIC_URL: 'https://espace-client.abri.example',
      ...DEMO_INSURER_SETTINGS,
      ...seal,
    },
    // Claims prints and signs documents too (the claims statement).
    claims: { ATTACHMENTS_DIR: options.attachmentsDir, ...DEMO_INSURER_SETTINGS, ...seal },
    payments: { ...DEMO_INSURER_SETTINGS, ...seal },
  };
}

// The production shape on this machine, for benchmarks: a fresh PostgreSQL database (migrated, demo data seeded), a
// Redis bus under a run-specific prefix, and each service its own process with configuration from the environment
// only. Services run as in production, from their compiled bundles (`node dist/server/<name>.js`, built first when
// stale, as `npm start` does); entries that have no bundle (a benchmark's own gateway) run from TypeScript through
// tsx. Gateways (Abri's, or any other entry) are started on top of it.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  applyMigrations,
  demoSealSettings,
  generateHopSecret,
  generateSigningJwk,
  parseHopSecrets,
  SUBGRAPH_NAMES,
  SUBGRAPHS,
  type SubgraphName,
} from '@abri/platform';
import { seedDemo as seed, subgraphSettings } from '@abri/testkit/processes';
import type { JWK } from 'jose';
import pg from 'pg';
import { prismaProject, ROOT } from '../../prisma/projects.ts';

export interface ShapeOptions {
  /** An administrative connection; the benchmark creates its own database beside it and drops it at the end. */
  databaseUrl: string;
  redisUrl: string;
  /** Extra node flags for every process (e.g. `--cpu-prof`). */
  nodeFlags?: string[];
  /** Where `--cpu-prof` profiles go (one file per process, named by service). */
  profileDir?: string;
  /**
   * The checkout whose services run (entries are relative to it), to compare another version of the code with this
   * one side by side (bench/compare.ts). @default this checkout
   */
  root?: string;
}

export interface Proc {
  name: string;
  url: string;
  child: ChildProcess;
}

export interface Shape {
  subgraphs: Record<string, Proc>;
  /** The gateway's hop secrets, `HOP_SECRETS` (the floor signs with them, as a gateway would). */
  hopSecrets: string;
  /** The users subgraph's access-token key: a benchmark mints its customers' tokens with it instead of signing in. */
  accessTokenJwk: JWK;
  /** Environment every gateway process needs (subgraph URLs, keys, Redis). */
  gatewayEnv: Record<string, string>;
  database: string;
  /**
   * Starts `entry` (a TypeScript file under the repository; its compiled bundle when it has one) as its own process,
   * with `preload` (a module under the repository) imported first when given; waits for its /ready.
   */
  start(name: string, entry: string, env: Record<string, string>, preload?: string): Promise<Proc>;
  /** The pids of PostgreSQL backends serving this run's database. */
  postgresPids(): Promise<number[]>;
  stop(): Promise<void>;
}

/** A port nothing listens on now (the system picks it). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

export async function waitReady(url: string, child: ChildProcess, ms = 300_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    const res = await fetch(url.replace(/\/graphql$/, '/ready')).catch(() => null);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} never became ready`);
}

/**
 * The compiled bundle of each entry that has one (`entry` → `dist/server/<name>.js`), built first when stale; empty
 * for a checkout older than the build (its services then run through tsx).
 */
async function compiledBundles(root: string): Promise<Map<string, string>> {
  const build = join(root, 'ops', 'build', 'entries.mjs');
  const { BUILD_DIR, BUILD_ENTRIES, ensureServerBuild } = (await import(pathToFileURL(build).href).catch(
    () => ({}),
  )) as {
    BUILD_DIR?: string;
    BUILD_ENTRIES?: Record<string, string>;
    ensureServerBuild?: (options?: { quiet?: boolean }) => boolean;
  };
  if (!BUILD_DIR || !BUILD_ENTRIES || !ensureServerBuild) return new Map();
  if (!ensureServerBuild()) throw new Error(`${root}: the services could not be compiled`);
  return new Map(Object.entries(BUILD_ENTRIES).map(([name, entry]) => [entry, join(BUILD_DIR, `${name}.js`)]));
}

export async function startShape(options: ShapeOptions): Promise<Shape> {
  const root = options.root ? `${resolve(options.root)}/` : ROOT;
  const bundles = await compiledBundles(root);
  const run = randomUUID().slice(0, 8);
  const database = `abri_bench_${run}`;
  const admin = new pg.Client({ connectionString: options.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(options.databaseUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
    await admin.end();
  };
  process.once('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });

  try {
    for (const name of SUBGRAPH_NAMES)
      await applyMigrations({ kind: 'postgres', url: databaseUrl, schema: name }, prismaProject(name));
    const encryptionKeys = `k1:${randomBytes(32).toString('base64')}`;
    const seal = demoSealSettings();
    await seed(databaseUrl, encryptionKeys);
    const hopSecrets = generateHopSecret();
    const hop = parseHopSecrets(hopSecrets);
    const accessTokenJwk = await generateSigningJwk();
    const common = {
      ABRI_MODE: 'production',
      LOG_SILENT: 'true',
      DATABASE_URL: databaseUrl,
      REDIS_URL: options.redisUrl,
      ABRI_BUS_PREFIX: `abri:bench:${run}:`,
    };
    const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'abri-bench-'));

    const start = async (name: string, entry: string, env: Record<string, string>, preload?: string): Promise<Proc> => {
      const port = await freePort();
      const flags = (options.nodeFlags ?? []).map((f) =>
        f === '--cpu-prof' ? [f, `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : [f],
      );
      const bundle = bundles.get(entry);
      const imports = preload ? ['--import', `./${preload}`] : [];
      const program = bundle ? [...imports, bundle] : ['--import', 'tsx', ...imports, entry];
      const child = spawn(process.execPath, [...flags.flat(), ...program], {
        cwd: root,
        env: { ...process.env, ...common, ...env, PORT: String(port) },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr!.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
      children.push(child);
      const proc = { name, url: `http://127.0.0.1:${port}/graphql`, child };
      await waitReady(proc.url, child);
      return proc;
    };

    const subgraphEnv = (name: SubgraphName) => ({ HOP_KEYS: hop.keysSetting(name), ENCRYPTION_KEYS: encryptionKeys });
    const own = await subgraphSettings({ attachmentsDir: join(profileDir, 'attachments'), seal, accessTokenJwk });
    const started = await Promise.all(
      SUBGRAPH_NAMES.map((name) =>
        start(name, `${SUBGRAPHS[name].dir}/src/main.ts`, { ...subgraphEnv(name), ...own[name] }),
      ),
    );
    const subgraphs = Object.fromEntries(started.map((proc) => [proc.name, proc])) as Record<SubgraphName, Proc>;
    return {
      subgraphs,
      hopSecrets,
      accessTokenJwk,
      database,
      gatewayEnv: {
        HOP_SECRETS: hopSecrets,
        // The benchmarks send their own operations as customers: not the web app's trusted documents.
        TRUSTED_DOCUMENTS: 'off',
        ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [SUBGRAPHS[name].urlSetting, subgraphs[name].url])),
      },
      start,
      async postgresPids() {
        const { rows } = await admin.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [database],
        );
        return rows.map((r) => r.pid);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

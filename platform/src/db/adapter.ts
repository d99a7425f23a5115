// Driver adapters for the two ways Abri runs: embedded PGlite (one data directory per process, shared by the
// subgraphs it hosts, each in its own Postgres schema) and PostgreSQL through node-postgres.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/** Where a subgraph's data lives. */
export type Database =
  | { kind: 'pglite'; pglite: PGlite; schema: string }
  | {
      kind: 'postgres';
      url: string;
      schema: string;
      maxConnections?: number;
      /** Told of connection errors the pool recovers from (a cut connection is dropped and replaced). */
      onConnectionError?: (error: Error) => void;
    };

const openPglites = new Map<string, Promise<PGlite>>();

/**
 * How a database in memory runs: 16 MB of shared buffers instead of PostgreSQL's 128 MB. Such a database lives for
 * one test file, one check or one shadow database, and holds a few hundred rows; starting PostgreSQL with 128 MB of
 * buffers spent 0.6 s of CPU at each start, on a test run's hundred or so starts (measured: 1.73 s of CPU per start
 * from an image, 1.18 s with 16 MB). A data directory on disk (`npm start`) keeps the defaults.
 */
const IN_MEMORY = { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] };

/**
 * Opens (once per process) the PGlite data directory `dataDir`; `memory://` gives a throw-away database.
 * Several subgraphs in one process share it, as PGlite allows a single owner of a data directory.
 * `image`: a new database starts as a copy of this one (`dumpDataDir`), without initdb.
 */
export function openPglite(dataDir: string, image?: Blob): Promise<PGlite> {
  let pg = openPglites.get(dataDir);
  if (!pg) {
    const inMemory = dataDir.startsWith('memory://');
    if (!inMemory) mkdirSync(dataDir, { recursive: true });
    pg = PGlite.create(dataDir, { ...(inMemory ? IN_MEMORY : {}), ...(image ? { loadDataDir: image } : {}) });
    openPglites.set(dataDir, pg);
  }
  return pg;
}

let emptyImage: Promise<Blob> | undefined;
/**
 * A new database in memory, not shared, to be closed by its user: a copy of `image`, or of an empty database made
 * once per process (initdb takes seconds of CPU; a copy, about one).
 */
export async function memoryPglite(image?: Blob): Promise<PGlite> {
  if (!image) emptyImage ??= makeEmptyImage();
  return PGlite.create('memory://', { ...IN_MEMORY, loadDataDir: image ?? (await emptyImage!) });
}

async function makeEmptyImage(): Promise<Blob> {
  try {
    const pglite = await PGlite.create('memory://', IN_MEMORY);
    try {
      return await pglite.dumpDataDir('none');
    } finally {
      await pglite.close();
    }
  } catch (error) {
    emptyImage = undefined; // the next call tries again
    throw error;
  }
}

export async function closePglite(dataDir: string): Promise<void> {
  const pg = openPglites.get(dataDir);
  openPglites.delete(dataDir);
  await (await pg)?.close();
}

/** The driver-adapter factory Prisma (client and schema engine) uses for `db`. */
export function adapterFactory(db: Database): SqlMigrationAwareDriverAdapterFactory {
  if (db.kind === 'pglite') {
    const factory = new PrismaPGlite(db.pglite);
    return {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: () => factory.connect(),
      // The schema engine's shadow database (a diff from the migrations): the adapter's own runs initdb each time
      // and is never closed. A copy of the empty database instead, closed with its connection.
      connectToShadowDb: async () => {
        const shadow = await memoryPglite();
        const connection = await new PrismaPGlite(shadow).connect();
        const dispose = connection.dispose.bind(connection);
        connection.dispose = async () => {
          await dispose();
          await shadow.close();
        };
        return connection;
      },
    };
  }
  const url = new URL(db.url);
  // Discrete fields rather than a connection string: the shadow-database connection overrides `database`,
  // which a connection string would win over.
  const config = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: url.pathname.slice(1) || 'postgres',
    max: db.maxConnections ?? 10,
    // A query waiting for a connection fails after this rather than hanging while the database is away.
    connectionTimeoutMillis: 10_000,
    // Unqualified names (the migrations table) resolve to the subgraph's own schema.
    options: `-c search_path="${db.schema}"`,
  };
  const pool = new pg.Pool(config);
  // A connection the server cuts (failover, restart, pg_terminate_backend) emits 'error' on its client, idle or in
  // use; node-postgres leaves a client in use without a listener between operations, and an 'error' event nobody
  // listens to ends the process. Every client gets a listener for its whole life; the pool drops broken clients.
  const report = (error: Error) => db.onConnectionError?.(error);
  pool.on('connect', (client) => client.on('error', report));
  pool.on('error', report);
  const factory = new PrismaPg(pool, { schema: db.schema, disposeExternalPool: true });
  // Prisma disposes its adapter at $disconnect (the pool ends) and, asked again, connects anew: PrismaPg would then
  // build a pool of its own, without these listeners and ended by nobody. Work still running when a service stopped
  // held such a connection until its database was dropped under it. Once disposed, this factory connects no more.
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      if (pool.ending) throw new Error(`the connections of ${db.schema} are closed (the service stopped)`);
      return factory.connect();
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

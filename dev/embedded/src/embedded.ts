// The embedded system: gateway and every subgraph of the registry in one process, each on its own port, over one PGlite data
// directory (one Postgres schema per subgraph) and the in-process bus. `npm start` and the end-to-end tests use it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diskStore, memoryStore } from '@abri/claims/attachments';
import { type Gateway, type GatewayDeps, startGateway } from '@abri/gateway';
import { loadTrustedDocuments } from '@abri/gateway/trusted-documents';
import {
  applyMigrations,
  type Clock,
  closePglite,
  createLogger,
  createMemoryBus,
  type Database,
  DEFAULT_PORTS,
  DEMO_INSURER,
  type EventBus,
  embeddedSecrets,
  localKeySource,
  openPglite,
  type Served,
  SUBGRAPH_NAMES,
  type SubgraphName,
  systemClock,
} from '@abri/platform';
import type { UsersDeps } from '@abri/users';
import { createLocalMailbox } from '@abri/users/mailbox';
import { migratedImage } from '../../../prisma/image.ts';
import { prismaProject, ROOT } from '../../../prisma/projects.ts';
import { createSubgraphServices, seedWhenEmpty } from './subgraphs.ts';

export interface EmbeddedOptions {
  /** Data directory; null keeps everything in memory (tests). @default '.data' */
  dataDir: string | null;
  /** 0 for any free port. @default DEFAULT_PORTS */
  ports?: Partial<Record<keyof typeof DEFAULT_PORTS, number>>;
  /** Seed the demo data into an empty database. @default true */
  seed?: boolean;
  clock?: Clock;
  silent?: boolean;
  /**
   * Production shape instead of the embedded defaults: PostgreSQL at this URL (each subgraph in its own schema) and
   * a bus per service (e.g. Redis), as separate processes would have. @default PGlite and one in-process bus
   */
  production?: { databaseUrl?: string; bus: (service: string) => EventBus };
  /** Gateway replicas, all on the same subgraphs. @default 1 */
  gatewayReplicas?: number;
  /** Gateway settings that differ from the embedded defaults (tests of production behaviour). */
  gatewayOptions?: Pick<
    GatewayDeps,
    'introspection' | 'socketLimits' | 'rateLimits' | 'rateLimiter' | 'trustProxy' | 'trustedDocuments'
  >;
  /** Where the gateway reaches each subgraph (tests put a proxy in between to cut a link). @default its URL */
  gatewayRoute?: (subgraph: string, url: string) => Promise<string>;
  /** Push notifications of the users subgraph (tests: a local push service, native test doubles). */
  push?: UsersDeps['push'];
  /**
   * Where customers open the web space: the base of every e-mailed link and of the attestation's QR code (PUBLIC_URL
   * in production). @default the gateway's own origin, `http://localhost:<port>`
   */
  publicUrl?: string;
  /** The web customer space served at / (its build directory). @default none: the API alone */
  web?: GatewayDeps['web'];
}

export async function startEmbedded(options: EmbeddedOptions) {
  const clock = options.clock ?? systemClock;
  const log = (service: string) => createLogger(service, { silent: options.silent ?? false, format: 'lines' });
  const secrets = await embeddedSecrets(options.dataDir);
  const pgDir = options.dataDir ? join(options.dataDir, 'pg') : `memory://${Math.random()}`;
  const { databaseUrl } = options.production ?? {};
  const pglite = databaseUrl
    ? null
    : await openPglite(pgDir, options.dataDir ? undefined : await migratedImage(SUBGRAPH_NAMES));
  const dbOf = (schema: string): Database =>
    pglite ? { kind: 'pglite', pglite, schema } : { kind: 'postgres', url: databaseUrl!, schema, maxConnections: 5 };
  for (const name of SUBGRAPH_NAMES) await applyMigrations(dbOf(name), prismaProject(name));

  const sharedBus = options.production ? null : createMemoryBus();
  const buses: EventBus[] = [];
  const busOf = (service: string) => {
    if (sharedBus) return sharedBus;
    const bus = options.production!.bus(service);
    buses.push(bus);
    return bus;
  };
  const base = (name: SubgraphName) => ({
    db: dbOf(name),
    bus: busOf(name),
    // Each subgraph holds its own key only, as in production.
    hopKeys: secrets.hopSecrets.keysFor(name),
    log: log(name),
    clock,
    keyring: secrets.keyring,
    blindIndexKey: secrets.blindIndexKey,
  });
  const mailbox = createLocalMailbox(options.dataDir ? join(options.dataDir, 'mailbox') : null);
  const port = (name: keyof typeof DEFAULT_PORTS) => options.ports?.[name] ?? DEFAULT_PORTS[name];
  const publicUrl = (options.publicUrl ?? `http://localhost:${port('gateway') || DEFAULT_PORTS.gateway}`).replace(
    /\/+$/,
    '',
  );
  const services = createSubgraphServices({
    deps: base,
    tokenKey: secrets.tokenKey,
    attestationKey: secrets.attestationKey,
    transport: mailbox,
    publicUrl,
    insurer: { ...DEMO_INSURER, seal: secrets.documentSeal },
    attachments: options.dataDir ? diskStore(join(options.dataDir, 'attachments')) : memoryStore(),
    ...(options.push ? { push: options.push } : {}),
  });
  const all = SUBGRAPH_NAMES.map((name) => services[name]);
  // A data directory written before these fields were sealed: seal what is still in clear (and index e-mails)
  // before serving; values already under the current key are skipped, so this costs one query a column.
  if (options.dataDir || databaseUrl) for (const service of all) await service.reseal();

  const seeded = (options.seed ?? true) && (await seedWhenEmpty(services, clock.now()));

  const served: Record<string, Served> = {};
  for (const name of SUBGRAPH_NAMES) served[name] = await services[name].start(port(name));
  const subgraphUrls: Record<string, string> = {};
  for (const [name, s] of Object.entries(served))
    subgraphUrls[name] = options.gatewayRoute ? await options.gatewayRoute(name, s.url) : s.url;
  const gateways: Gateway[] = [];
  // The apps' hashes are understood, and any other text accepted too (GraphiQL, tests, a developer's curl).
  const trustedDocuments = loadTrustedDocuments({ enforce: false });
  const gatewayDeps = (i: number) => ({
    supergraphSdl: readFileSync(`${ROOT}schema/supergraph.graphql`, 'utf8'),
    subgraphUrls,
    hopSecrets: secrets.hopSecrets,
    tokenKeys: localKeySource({ keys: [secrets.tokenKey.publicJwk] }),
    bus: busOf(`gateway-${i}`),
    log: log('gateway'),
    clock,
    ...(options.web ? { web: options.web } : {}),
    trustedDocuments,
    ...options.gatewayOptions,
  });
  for (let i = 0; i < (options.gatewayReplicas ?? 1); i++)
    gateways.push(await startGateway(gatewayDeps(i), i === 0 ? port('gateway') : 0));

  return {
    get gateway() {
      return gateways[0]!;
    },
    gateways,
    /** Stops gateway replica `i` (draining its sockets) and starts a new one on the same port, as a deploy does. */
    async restartGateway(i = 0) {
      const old = gateways[i]!;
      await old.stop();
      gateways[i] = await startGateway(gatewayDeps(i), Number(new URL(old.url).port));
    },
    subgraphs: served,
    services,
    secrets,
    mailbox,
    seeded,
    async stop() {
      for (const gateway of gateways) await gateway.stop();
      for (const service of all) await service.stop();
      for (const bus of sharedBus ? [sharedBus] : buses) await bus.close();
      if (pglite) await closePglite(pgDir);
    },
  };
}
export type Embedded = Awaited<ReturnType<typeof startEmbedded>>;

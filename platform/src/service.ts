// The life cycle every subgraph shares: Prisma client + outbox relay + signed-only server, started and stopped
// together. Each subgraph's server.ts adds its own application services on top.

import type { GraphQLSchema } from 'graphql';
import { type Clock, systemClock } from './clock.ts';
import type { Keyring } from './crypto.ts';
import type { Database } from './db/adapter.ts';
import type { EventBus } from './events/bus.ts';
import { createOutbox, type Outbox, type TransactionalSql } from './events/outbox.ts';
import { withConsumerSpans } from './events/traced-bus.ts';
import type { HopKeys } from './hop.ts';
import type { RouteHandler, Served, StopOptions } from './http/serve.ts';
import type { Logger } from './log.ts';
import { addConsumerLagProbe, addProbe } from './metrics.ts';
import type { Stop } from './schedule.ts';
import { type Datamodel, type Sealer, sealerFor, sealPrisma } from './sealed/fields.ts';
import { type ResealOptions, type ResealReport, resealAll, type SealedSchema } from './sealed/reseal.ts';
import { type SubgraphServerOptions, startSubgraphServer } from './subgraph.ts';

/** What every subgraph is built from. */
export interface ServiceDeps {
  db: Database;
  bus: EventBus;
  /** This subgraph's keys of the gateway's signature (HOP_KEYS): the only caller served. */
  hopKeys: HopKeys;
  log: Logger;
  /** @default the system clock */
  clock?: Clock;
  /** Key of the customer-id hash in log lines. @default a random key for this process */
  logHashKey?: string;
  /** The service's own field keys (`ENCRYPTION_KEYS`): the current one seals, every listed one opens. */
  keyring: Keyring;
  /** HMAC key of the blind indexes (equality lookups on sealed fields); only users has such lookups. */
  blindIndexKey?: Buffer;
}

/** Collaborators every subgraph's application services receive. */
export interface ServiceBase<P> {
  prisma: P;
  outbox: Outbox;
  bus: EventBus;
  clock: Clock;
  log: Logger;
  /**
   * Seals a value of a field sealed at rest (prisma/<name>/personal-data.ts) as the Prisma extension would, for a
   * statement written in SQL: the extension sees no raw statement, so a sealed column written there needs it.
   */
  seal: Sealer;
}

export interface SubgraphService<A> {
  app: A;
  start(port: number, host?: string): Promise<Served>;
  /**
   * Drains the server (see `Served.stop`), then stops background work (waiting for the events and runs in hand), the
   * relay and the database client.
   */
  stop(options?: StopOptions): Promise<void>;
  /**
   * Seals again under the current key every value stored under an older one or in clear (`npm run keys:rotate`);
   * safe while the service serves, resumable, idempotent.
   */
  reseal(options?: Pick<ResealOptions, 'batch' | 'onProgress'>): Promise<ResealReport>;
}

/** 'ok' when `check` resolves within `ms`, 'unreachable' otherwise: a health answer never hangs on a dependency. */
export async function probe(check: Promise<unknown>, ms = 1_000): Promise<'ok' | 'unreachable'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'unreachable'>((resolve) => {
    timer = setTimeout(() => resolve('unreachable'), ms);
  });
  const answer = await Promise.race([
    check.then(
      () => 'ok' as const,
      () => 'unreachable' as const,
    ),
    late,
  ]);
  clearTimeout(timer);
  return answer;
}

export function createSubgraphService<
  P extends TransactionalSql & { $disconnect(): Promise<void> },
  A extends object,
>(options: {
  name: string;
  schema: GraphQLSchema;
  prisma: P;
  deps: ServiceDeps;
  app: (base: ServiceBase<P>) => A;
  /** Fields sealed at rest (see prisma/<name>/personal-data.ts) and the datamodel relations are followed through. */
  sealed: { schema: SealedSchema; datamodel: Datamodel };
  routes?: Record<string, RouteHandler>;
  signedRoutes?: SubgraphServerOptions<{ app: A }>['signedRoutes'];
  signedPostRoutes?: SubgraphServerOptions<{ app: A }>['signedPostRoutes'];
  /** Starts background work (bus listeners); returns what stops it. */
  background?: (app: A) => Promise<Stop>;
}): SubgraphService<A> {
  const { name, deps } = options;
  const prisma = sealPrisma(options.prisma, {
    keyring: deps.keyring,
    blindIndexKey: deps.blindIndexKey,
    datamodel: options.sealed.datamodel,
    fields: options.sealed.schema.fields,
  });
  const bus = withConsumerSpans(deps.bus, name);
  const outbox = createOutbox({ source: name, db: prisma, bus, log: deps.log, keyring: deps.keyring });
  const seal = sealerFor({ keyring: deps.keyring, fields: options.sealed.schema.fields });
  const app = options.app({ prisma, outbox, bus, clock: deps.clock ?? systemClock, log: deps.log, seal });
  let served: Served | undefined;
  let stopBackground: Stop | undefined;
  let removeProbes: (() => void)[] = [];
  return {
    app,
    async start(port, host) {
      outbox.start();
      removeProbes = [
        addProbe('abri_outbox_lag_seconds', name, () => outbox.lagSeconds()),
        addProbe(
          'abri_consumers_failing',
          name,
          () => deps.bus.health().consumers.filter((c) => c.state !== 'ok').length,
        ),
        addConsumerLagProbe(name, async () => (await deps.bus.consumerLag?.()) ?? []),
      ];
      stopBackground = await options.background?.(app);
      served = await startSubgraphServer({
        name,
        schema: options.schema,
        hopKeys: deps.hopKeys,
        log: deps.log,
        ...(deps.logHashKey ? { logHashKey: deps.logHashKey } : {}),
        clock: deps.clock ?? systemClock,
        port,
        ...(host ? { host } : {}),
        services: { app },
        // Ready while the database answers: without the bus, reads and writes still work (events wait in the
        // outbox), so a Redis outage must not take every instance out of the load balancer.
        ready: async () => {
          await prisma.$queryRawUnsafe('SELECT 1');
        },
        health: async () => {
          const [database, bus] = await Promise.all([
            probe(prisma.$queryRawUnsafe('SELECT 1')),
            probe(deps.bus.ping()),
          ]);
          return { database, bus, consumers: deps.bus.health().consumers };
        },
        ...(options.routes ? { routes: options.routes } : {}),
        ...(options.signedRoutes ? { signedRoutes: options.signedRoutes } : {}),
        ...(options.signedPostRoutes ? { signedPostRoutes: options.signedPostRoutes } : {}),
      });
      return served;
    },
    reseal: (resealOptions) =>
      resealAll({
        ...resealOptions,
        db: prisma,
        schema: name,
        keyring: deps.keyring,
        blindIndexKey: deps.blindIndexKey,
        datamodel: options.sealed.datamodel,
        sealed: options.sealed.schema,
      }),
    async stop(options) {
      await served?.stop(options);
      for (const remove of removeProbes) remove();
      // A failing stop must not keep the relay and the database open: it is logged, and the stop goes on.
      await stopBackground?.().catch((error: unknown) =>
        deps.log.error('background work stopped with an error', { error: String(error) }),
      );
      await outbox.stop();
      await prisma.$disconnect();
    },
  };
}

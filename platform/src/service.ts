// The life cycle every subgraph shares: Prisma client + outbox relay + signed-only server, started and stopped
// together. Each subgraph's server.ts adds its own application services on top.

import type { GraphQLSchema } from 'graphql';
import type { CryptoKey } from 'jose';
import { type Clock, systemClock } from './clock.ts';
import type { Database } from './db/adapter.ts';
import type { EventBus } from './events/bus.ts';
import { createOutbox, type Outbox, type TransactionalSql } from './events/outbox.ts';
import type { RouteHandler, Served, StopOptions } from './http/serve.ts';
import type { Logger } from './log.ts';
import { addConsumerLagProbe, addProbe } from './metrics.ts';
import { type SubgraphServerOptions, startSubgraphServer } from './subgraph.ts';

/** What every subgraph is built from. */
export interface ServiceDeps {
  db: Database;
  bus: EventBus;
  /** The gateway's public key: the only caller served. */
  gatewayKey: CryptoKey;
  log: Logger;
  /** @default the system clock */
  clock?: Clock;
}

/** Collaborators every subgraph's application services receive. */
export interface ServiceBase<P> {
  prisma: P;
  outbox: Outbox;
  bus: EventBus;
  clock: Clock;
  log: Logger;
}

export interface SubgraphService<A> {
  app: A;
  start(port: number, host?: string): Promise<Served>;
  /** Drains the server (see `Served.stop`), then stops background work, the relay and the database client. */
  stop(options?: StopOptions): Promise<void>;
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
  routes?: Record<string, RouteHandler>;
  signedRoutes?: SubgraphServerOptions<{ app: A }>['signedRoutes'];
  signedPostRoutes?: SubgraphServerOptions<{ app: A }>['signedPostRoutes'];
  /** Starts background work (bus listeners); returns what stops it. */
  background?: (app: A) => Promise<() => void>;
}): SubgraphService<A> {
  const { name, prisma, deps } = options;
  const outbox = createOutbox({ source: name, db: prisma, bus: deps.bus, log: deps.log });
  const app = options.app({ prisma, outbox, bus: deps.bus, clock: deps.clock ?? systemClock, log: deps.log });
  let served: Served | undefined;
  let stopBackground: (() => void) | undefined;
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
        gatewayKey: deps.gatewayKey,
        log: deps.log,
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
    async stop(options) {
      await served?.stop(options);
      for (const remove of removeProbes) remove();
      stopBackground?.();
      await outbox.stop();
      await prisma.$disconnect();
    },
  };
}

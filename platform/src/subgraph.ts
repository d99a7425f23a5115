// What every subgraph's server.ts shares: Apollo on node:http + graphql-ws, refusing every request that does not
// carry the gateway's signature, masking unexpected errors, and answering health and readiness.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { type Clock, systemClock } from './clock.ts';
import { sha256 } from './crypto.ts';
import { abriError, ErrorCode, maskError } from './errors.ts';
import {
  type ClientInfo,
  HOP_EXTENSION,
  HOP_HEADER,
  type HopKeys,
  HopRejected,
  operationHash,
  verifyHop,
} from './hop.ts';
import { HttpError, type RouteHandler, type Served, serve } from './http/serve.ts';
import type { Identity } from './identity.ts';
import type { Logger } from './log.ts';

/** The context every subgraph resolver receives. */
export interface RequestContext {
  /** The caller as the gateway verified them; null for an anonymous caller (sign-in, public checks). */
  who: Identity | null;
  requestId: string;
  /** Client address and user agent as the gateway saw them. */
  client: ClientInfo;
}

export interface SubgraphServerOptions<S extends object = object> {
  name: string;
  schema: GraphQLSchema;
  /** This subgraph's keys of the gateway's signature: only requests signed with them are served. */
  hopKeys: HopKeys;
  log: Logger;
  /** Resolves when the subgraph can serve (its database answers); rejects otherwise. */
  ready: () => Promise<void>;
  /** Dependencies' state for `/health` (database, bus, durable consumers). */
  health: () => Promise<Record<string, unknown>>;
  /** Merged into every request context (the subgraph's application services). */
  services: S;
  routes?: Record<string, RouteHandler>;
  /**
   * GET routes by path prefix that, like /graphql, serve only requests the gateway signed (the signature binds the
   * path), with the caller's identity.
   */
  signedRoutes?: Record<string, SignedRoute>;
  /** POST routes by path prefix, signed likewise (the signature binds path and query, not the body). */
  signedPostRoutes?: Record<string, SignedRoute>;
  port: number;
  host?: string;
  /** The clock signatures are checked against. @default the system clock */
  clock?: Clock;
  /** Key of the customer-id hash in log lines (LOG_HASH_KEY). @default a random key for this process */
  logHashKey?: string;
}

export type SignedRoute = (req: IncomingMessage, res: ServerResponse, who: Identity | null) => Promise<void>;

const header = (req: IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
};

/** The identity each WebSocket operation was signed for, per connection. */
const identities = new WeakMap<object, Map<string, Identity | null>>();
function operationIdentities(extra: object): Map<string, Identity | null> {
  let map = identities.get(extra);
  if (!map) {
    map = new Map();
    identities.set(extra, map);
  }
  return map;
}

export async function startSubgraphServer<S extends object>(options: SubgraphServerOptions<S>): Promise<Served> {
  const { name, schema, hopKeys, log } = options;
  const now = () => (options.clock ?? systemClock).now();
  /** Each route behind the gateway's signature on its path (and query). */
  const signed = (routes: Record<string, SignedRoute> = {}) =>
    Object.fromEntries(
      Object.entries(routes).map(([prefix, handler]) => [
        prefix,
        async (req: IncomingMessage, res: ServerResponse) => {
          let who: Identity | null;
          try {
            ({ who } = verifyHop(
              hopKeys,
              name,
              header(req, HOP_HEADER) ?? undefined,
              { use: 'http', bodyHash: sha256(req.url ?? '') },
              now(),
            ));
          } catch {
            throw new HttpError(401, 'Seule la passerelle peut appeler ce service.', 'UNAUTHENTICATED');
          }
          await handler(req, res, who);
        },
      ]),
    );
  const apollo = new ApolloServer<RequestContext & S>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // No cache hints: a subgraph answers only the gateway, which sets its own headers. Without the cache-control
    // plugin no plugin listens to each field, so Apollo calls the resolvers as they are (no per-field hook).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    formatError: (formatted, error) => maskError(formatted, error, log.error),
  });

  return serve<RequestContext & S>({
    apollo,
    service: name,
    ready: options.ready,
    health: options.health,
    onError: (error) => log.error('request failed', { error: error instanceof Error ? error.message : String(error) }),
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    log,
    ...(options.logHashKey ? { logHashKey: options.logHashKey } : {}),
    // Only the gateway is served: its request id and trace context are taken (an unsigned request is refused).
    trustsCaller: () => true,
    async context(req, raw, requestId) {
      try {
        const { who, client } = verifyHop(
          hopKeys,
          name,
          header(req, HOP_HEADER) ?? undefined,
          {
            use: 'http',
            bodyHash: sha256(req.method === 'POST' ? raw : (req.url ?? '')),
          },
          now(),
        );
        return {
          ...options.services,
          who,
          requestId,
          client,
        };
      } catch (error) {
        if (error instanceof HopRejected)
          throw new HttpError(401, 'Only the gateway may call this service.', 'UNAUTHENTICATED');
        throw error;
      }
    },
    ws: {
      schema,
      async onConnect(ctx) {
        try {
          verifyHop(
            hopKeys,
            name,
            ctx.connectionParams?.[HOP_EXTENSION] as string | undefined,
            { use: 'ws-connection' },
            now(),
          );
          return true;
        } catch {
          return false;
        }
      },
      async onSubscribe(ctx, id, payload) {
        const signature = payload.extensions?.[HOP_EXTENSION];
        try {
          const { who } = verifyHop(
            hopKeys,
            name,
            typeof signature === 'string' ? signature : undefined,
            {
              use: 'ws-operation',
              bodyHash: operationHash(payload.query, payload.variables),
            },
            now(),
          );
          operationIdentities(ctx.extra).set(id, who);
          return undefined;
        } catch {
          return [abriError(ErrorCode.UNAUTHENTICATED, 'Only the gateway may call this service.')];
        }
      },
      context: (ctx, id) =>
        ({
          ...options.services,
          who: operationIdentities(ctx.extra).get(id) ?? null,
          requestId: randomUUID(),
          client: { ip: null, userAgent: null },
        }) satisfies RequestContext,
      onComplete(ctx, id) {
        operationIdentities(ctx.extra).delete(id);
      },
      // A stream that fails (its database cut under a replay, say) ends with an `error` message: no driver text in it.
      // (Validation errors carry no original error and pass as they are.)
      onError(_ctx, _id, _payload, errors) {
        return errors.map((e) => (e.originalError ? maskError(e.toJSON(), e, log.error) : e.toJSON()));
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return;
        return { ...result, errors: result.errors.map((e) => maskError(e.toJSON(), e, log.error)) };
      },
    },
    prefixRoutes: signed(options.signedRoutes),
    postPrefixRoutes: signed(options.signedPostRoutes),
    routes: {
      ...options.routes,
    },
  });
}

// The public gateway: HTTP and graphql-ws on /graphql, GraphiQL, health and readiness. It verifies access tokens,
// refuses revoked sessions, closes sockets when their token expires or their session is revoked, and signs every hop.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  abriError,
  accessReason,
  addLiveChannelsProbe,
  announcePresence,
  type ClientInfo,
  type Clock,
  createMemoryRateLimiter,
  ErrorCode,
  type EventBus,
  type HopSecrets,
  HttpError,
  type Identity,
  type KeySource,
  type Logger,
  maskError,
  probe,
  type RateLimiter,
  REASON_HEADER,
  type Served,
  serve,
  systemClock,
  verifyAccessToken,
} from '@abri/platform';
import { NBSP } from '@abri/platform/french';
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  print,
  specifiedRules,
  validate,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { clientAddress, securityHeaders, trustedProxies } from './client-address.ts';
import type { GatewayContext } from './context.ts';
import { downloadLinkRoute, fileRoute, publicFileRoute } from './documents.ts';
import { engineGateway } from './engine/apollo.ts';
import { createEngine } from './engine/index.ts';
import { startExportRelay } from './exports.ts';
import { graphiqlRoutes } from './graphiql/routes.ts';
import { checkInputs } from './inputs.ts';
import { checkLimits, LIMITS, SOCKET_LIMITS, TOO_MANY } from './limits.ts';
import type { LiveRelay } from './live/relay.ts';
import { checkRates, ENTRY_LIMITS, type RateRule } from './rate-limits.ts';
import { pullFromUsers, trackRevocations } from './revocations.ts';
import { createFederatedSubscriptions, type FederatedSubscriptions } from './subscriptions.ts';
import { resolveDocument, type TrustedDocuments } from './trusted-documents.ts';
import { webAuthRoutes } from './web/auth.ts';
import { webApp } from './web/static.ts';

export interface GatewayDeps {
  supergraphSdl: string;
  /** GraphQL URL of each subgraph, by name. */
  subgraphUrls: Record<string, string>;
  /** Sign every hop to a subgraph (each subgraph's key is derived from them) and the download links. */
  hopSecrets: HopSecrets;
  /** The users subgraph's published keys, to verify access tokens. */
  tokenKeys: KeySource;
  bus: EventBus;
  log: Logger;
  clock?: Clock;
  /** @default 600: how long a revocation must be remembered (the access tokens' lifetime) */
  accessTokenTtlSeconds?: number;
  /**
   * Who may read the schema by introspection: production describes it to staff only (GraphiQL signs in first).
   * @default 'everyone' (the embedded system and tests)
   */
  introspection?: 'everyone' | 'staff';
  /**
   * Shares live channels between replicas, so one of them runs a customer's upstream subscription and plan per event.
   * @default none (one replica): Redis in production
   */
  liveRelay?: LiveRelay;
  /** Counts calls of the entry points ENTRY_LIMITS lists. @default in memory (one replica): Redis in production */
  rateLimiter?: RateLimiter;
  /** Rules that differ from ENTRY_LIMITS, by root field. @default ENTRY_LIMITS */
  rateLimits?: Record<string, readonly RateRule[]>;
  /**
   * Proxies (addresses or networks) whose X-Forwarded-For and X-Forwarded-Proto are believed: the load balancers in
   * front of the gateway. @default [] (the socket's address is the client's)
   */
  trustProxy?: readonly string[];
  /** @default SOCKET_LIMITS */
  socketLimits?: Partial<Record<keyof typeof SOCKET_LIMITS, number>>;
  /** Key of the customer-id hash in log lines (LOG_HASH_KEY). @default a random key for this process */
  logHashKey?: string;
  /** The web customer space: its build served at / and its cookie sign-in routes under /auth. */
  web?: {
    /** The build to serve (clients/web/dist); null or without index.html: the API alone. */
    dir: string | null;
    /** Other origins allowed to call /auth (a static host in front of the app). @default [] */
    allowedOrigins?: string[];
  };
  /**
   * The known operations of Abri's clients, run by hash; with `enforce`, customers and anonymous callers can run
   * nothing else. @default none: any text (the embedded system and tests), no hash
   */
  trustedDocuments?: TrustedDocuments;
}

/**
 * Trusted documents over HTTP: a hash becomes its known text before Apollo reads the request (Apollo's own automatic
 * persisted queries are off: nobody registers a text); a refusal is raised once the operation is resolved, as the
 * other refusals are.
 */
function trustedDocumentsPlugin(trusted: TrustedDocuments | undefined): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const persisted = request.extensions?.['persistedQuery'];
      if (contextValue.internal || (!trusted && !persisted)) return {};
      if (!trusted) {
        const refused = new GraphQLError('PersistedQueryNotSupported', {
          extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED', http: { status: 400 } },
        });
        request.query = '{ __typename }';
        request.extensions = {};
        return { didResolveOperation: () => Promise.reject(refused) };
      }
      const resolved = resolveDocument(trusted, request, contextValue.who);
      const { persistedQuery: _used, ...extensions } = request.extensions ?? {};
      request.extensions = extensions;
      if (!(resolved instanceof GraphQLError)) {
        request.query = resolved.query;
        return {};
      }
      // Something Apollo can parse, so the refusal below is what the client gets.
      request.query = '{ __typename }';
      request.operationName = undefined;
      return { didResolveOperation: () => Promise.reject(resolved) };
    },
  };
}

/** Subscriptions need a socket: over HTTP they get a clear 400 instead of the gateway's internal failure. */
/**
 * A subscription's document parsed and validated once per text (the last 500 valid ones): every device of every
 * customer subscribes with the same few documents, and parsing and validating each anew was a fifth of the gateway's
 * CPU while 10,000 devices connected. The cached document is also what the limits and input checks keep their
 * findings on. Refused documents are not kept (anyone can send endless new ones).
 */
function validDocuments(schema: GraphQLSchema, size = 500) {
  const valid = new Map<string, DocumentNode>();
  return (text: string): DocumentNode | readonly GraphQLError[] => {
    const hit = valid.get(text);
    if (hit) {
      valid.delete(text);
      valid.set(text, hit);
      return hit;
    }
    let document: DocumentNode;
    try {
      document = parse(text, { maxTokens: LIMITS.maxTokens });
    } catch (error) {
      return [error instanceof GraphQLError ? error : new GraphQLError('Erreur de syntaxe.')];
    }
    const invalid = validate(schema, document, specifiedRules);
    if (invalid.length) return invalid;
    valid.set(text, document);
    if (valid.size > size) valid.delete(valid.keys().next().value!);
    return document;
  };
}

const subscriptionsOverWebSocketOnly: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError('Les abonnements passent par WebSocket (graphql-transport-ws) sur /graphql.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      },
    };
  },
};

/** An assistance token (a customer's grant to support) only reads: its mutations are refused before any hop. */
const assistanceIsReadOnly: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (operation?.operation === 'mutation' && contextValue.who?.assist)
          throw abriError(ErrorCode.FORBIDDEN, 'Une vue d’assistance est en lecture seule.');
      },
    };
  },
};

/** Files served by subgraphs, relayed with the caller's identity. */
const FILE_ROUTES = [
  { prefix: '/documents/', subgraph: 'policies', path: /^\/documents\/[0-9a-f-]{36}$/ },
  { prefix: '/payment-certificates/', subgraph: 'payments', path: /^\/payment-certificates\/\d{4}$/ },
  { prefix: '/attachments/', subgraph: 'claims', path: /^\/attachments\/[0-9a-f-]{36}$/ },
  { prefix: '/claims-statements/', subgraph: 'claims', path: /^\/claims-statements\/[0-9a-f-]{36}$/ },
  { prefix: '/exports/', subgraph: 'users', path: /^\/exports\/[0-9a-f-]{36}\.zip$/ },
];

/**
 * Access tokens already verified, until they expire: a signature check per request is the largest fixed cost of
 * a small query. The token string is the key (identity is part of it); revocation is still checked every time.
 */
function verifiedTokens(limit = 50_000) {
  const tokens = new Map<string, Identity>();
  return {
    get(token: string, now: Date): Identity | null {
      const who = tokens.get(token);
      if (!who) return null;
      if (who.exp * 1000 <= now.getTime()) {
        tokens.delete(token);
        return null;
      }
      return who;
    },
    set(token: string, who: Identity) {
      if (tokens.size >= limit) tokens.delete(tokens.keys().next().value!);
      tokens.set(token, who);
    },
  };
}

/** A running gateway: its server, and what its live subscriptions hold (for tests and metrics). */
export interface Gateway extends Served {
  live(): ReturnType<FederatedSubscriptions['stats']>;
  /** The data export relay (tests wait on `idle`). */
  exports: ReturnType<typeof startExportRelay>;
}

export async function startGateway(deps: GatewayDeps, port: number, host?: string): Promise<Gateway> {
  const clock = deps.clock ?? systemClock;
  const { log } = deps;
  const usersUrl = deps.subgraphUrls.users;
  if (!usersUrl) throw new Error('the gateway needs the users subgraph');
  const introspection = deps.introspection ?? 'everyone';
  const trusted = trustedProxies(deps.trustProxy ?? []);
  const clientOf = (req: IncomingMessage): ClientInfo => ({
    ip: clientAddress(req, trusted),
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'].slice(0, 512) : null,
    reason: accessReason(req.headers[REASON_HEADER]),
  });
  const socketLimits = { ...SOCKET_LIMITS, ...deps.socketLimits };
  /** An anonymous socket running nothing is closed after `anonymousIdleMs`, unless an operation starts first. */
  const armIdle = (extra: WsExtra) => {
    clearTimeout(extra.idle);
    extra.idle = setTimeout(() => extra.socket.close(1000, 'Idle'), socketLimits.anonymousIdleMs).unref();
  };
  const rateLimiter = deps.rateLimiter ?? createMemoryRateLimiter({ now: () => clock.now().getTime() });
  const rateLimits = { ...ENTRY_LIMITS, ...deps.rateLimits };
  const revocations = trackRevocations({
    bus: deps.bus,
    pull: pullFromUsers(usersUrl, deps.hopSecrets, () => clock.now()),
    accessTokenTtlSeconds: deps.accessTokenTtlSeconds ?? 600,
    now: () => clock.now(),
    log,
  });
  const exportRelay = startExportRelay({
    subgraphUrls: deps.subgraphUrls,
    hopSecrets: deps.hopSecrets,
    bus: deps.bus,
    now: () => clock.now(),
    log,
  });
  const engine = createEngine({
    supergraphSdl: deps.supergraphSdl,
    subgraphUrls: deps.subgraphUrls,
    hopSecrets: deps.hopSecrets,
    now: () => clock.now(),
    onHopFailure: (subgraph, error) =>
      log.warn('subgraph gave no answer', { subgraph, error: error instanceof Error ? error.message : String(error) }),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: engineGateway(engine, deps.supergraphSdl),
    introspection: true,
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskError(formatted, error, log.error),
    parseOptions: { maxTokens: LIMITS.maxTokens },
    plugins: [
      trustedDocumentsPlugin(deps.trustedDocuments),
      subscriptionsOverWebSocketOnly,
      assistanceIsReadOnly,
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ document, request, contextValue, schema }) {
              const [broken] = checkLimits({
                schema,
                document,
                variables: request.variables,
                operationName: request.operationName,
                who: contextValue.who,
                introspection,
              });
              if (broken) {
                log.warn('operation refused', { limit: broken.extensions.limit, requestId: contextValue.requestId });
                throw new GraphQLError(broken.message, { extensions: { ...broken.extensions, http: { status: 400 } } });
              }
              const badInput = checkInputs(document, request.variables);
              if (badInput) {
                log.warn('input refused', { requestId: contextValue.requestId });
                throw new GraphQLError(badInput.message, {
                  extensions: { ...badInput.extensions, http: { status: 400 } },
                });
              }
              const limited = await checkRates(
                rateLimiter,
                {
                  document,
                  variables: request.variables,
                  operationName: request.operationName,
                  who: contextValue.who,
                  ip: contextValue.client.ip,
                },
                rateLimits,
              );
              if (limited) {
                log.warn('rate limited', {
                  operation: request.operationName ?? null,
                  requestId: contextValue.requestId,
                });
                const retryAfter = String(limited.extensions.retryAfter);
                throw new GraphQLError(limited.message, {
                  extensions: {
                    ...limited.extensions,
                    // Apollo reads a HeaderMap here (graphql-yoga's typings claim a plain record).
                    http: { status: 429, headers: new HeaderMap([['retry-after', retryAfter]]) as never },
                  },
                });
              }
            },
          };
        },
      },
    ],
  });
  const subscriptions = createFederatedSubscriptions({
    engine,
    subgraphUrls: deps.subgraphUrls,
    hopSecrets: deps.hopSecrets,
    log,
    clock,
    ...(deps.liveRelay ? { relay: deps.liveRelay } : {}),
  });
  const validDocument = validDocuments(subscriptions.apiSchema);

  const verified = verifiedTokens();
  /** The caller of a request: null when anonymous; refuses an invalid, expired or revoked token. */
  async function identify(authorization: unknown): Promise<Identity | null> {
    if (authorization === undefined || authorization === null || authorization === '') return null;
    const token = typeof authorization === 'string' ? /^Bearer (\S+)$/i.exec(authorization)?.[1] : undefined;
    const now = clock.now();
    let who = token ? verified.get(token, now) : null;
    if (token && !who) {
      who = await verifyAccessToken(deps.tokenKeys, token, now);
      if (who) verified.set(token, who);
    }
    if (!who || revocations.isRevoked(who.sid))
      throw new HttpError(401, 'Votre session a expiré ou n’est plus valable : reconnectez-vous.', 'UNAUTHENTICATED');
    return who;
  }

  // Open sockets by session, to close them when the session is revoked.
  const socketsBySession = new Map<string, Set<WebSocket>>();
  // Sessions with the app open get their events on the socket: the push dispatcher leaves them alone.
  const presence = announcePresence({
    bus: deps.bus,
    sessions: () => socketsBySession.keys(),
    now: () => clock.now(),
    onError: (error) => log.warn('presence not announced', { error: String(error) }),
  });
  revocations.onRevoked((sid) => {
    for (const socket of socketsBySession.get(sid) ?? []) socket.close(CloseCode.Forbidden, 'Session revoked');
  });

  // Each dependency's state, for /health. The gateway stays ready whatever they say: with one subgraph or Redis down
  // most requests still succeed (the others get typed errors), so no replica should leave the load balancer for it.
  const health = async () => {
    const subgraphs = await Promise.all(
      Object.entries(deps.subgraphUrls).map(async ([name, url]) => {
        const res = await fetch(url.replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(1000) }).catch(
          () => null,
        );
        return [name, res?.ok ? 'ok' : 'unreachable'] as const;
      }),
    );
    return { bus: await probe(deps.bus.ping()), ...Object.fromEntries(subgraphs) };
  };

  const fileRoutes = FILE_ROUTES.filter((r) => deps.subgraphUrls[r.subgraph]);

  const webFiles = deps.web?.dir ? webApp(deps.web.dir) : null;
  const authRoutes = webAuthRoutes({
    identify,
    allowedOrigins: deps.web?.allowedOrigins ?? [],
    execute: async (req, who, query, variables) => {
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: { who, client: clientOf(req), requestId: randomUUID(), internal: true } },
      );
      if (response.body.kind !== 'single') return {};
      const { data, errors } = response.body.singleResult;
      return { ...(data ? { data } : {}), ...(errors ? { errors } : {}) };
    },
  });

  type WsExtra = {
    socket: WebSocket;
    request: IncomingMessage;
    who?: Identity | null;
    expiry?: NodeJS.Timeout;
    /** Closes an anonymous socket that runs nothing. */
    idle?: NodeJS.Timeout;
    /** Operations accepted on this socket and not ended yet (an anonymous socket without any is idle). */
    running?: Set<string>;
  };
  /** Counts a socket's messages per second; past the limit the socket is closed. */
  const limitMessageRate = (socket: WebSocket) => {
    let windowStart = Date.now();
    let count = 0;
    socket.on('message', () => {
      const now = Date.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        count = 0;
      }
      if (++count > socketLimits.messagesPerSecond) socket.close(TOO_MANY, 'Too many messages');
    });
  };
  const served = await serve<GatewayContext>({
    apollo,
    service: 'gateway',
    onRequest: (req, res) => securityHeaders(req, res, trusted),
    health,
    // Not before it knows which sessions are revoked: it would accept their tokens.
    ready: async () => {
      if (!revocations.loaded()) throw new Error('revoked sessions not read yet');
    },
    onError: (error) => log.error('request failed', { error: error instanceof Error ? error.message : String(error) }),
    port,
    ...(host ? { host } : {}),
    log,
    ...(deps.logHashKey ? { logHashKey: deps.logHashKey } : {}),
    // A request id or trace context from the load balancer is kept; from anyone else it is the caller's own claim.
    trustsCaller: (req) => trusted(req.socket.remoteAddress),
    context: async (req, _raw, requestId) => ({
      who: await identify(req.headers.authorization),
      client: clientOf(req),
      requestId,
    }),
    ws: {
      schema: subscriptions.apiSchema,
      async onConnect(ctx) {
        const extra = ctx.extra as unknown as WsExtra;
        let who: Identity | null;
        try {
          who = await identify(ctx.connectionParams?.authorization);
        } catch {
          // 4401, not graphql-ws's 4403 for a refused connection: a client renews an expired token and comes back,
          // while 4403 means the session is over (revoked, below).
          extra.socket.close(CloseCode.Unauthorized, 'The access token is invalid or expired; refresh the session.');
          return false;
        }
        extra.who = who;
        limitMessageRate(extra.socket);
        if (!who) armIdle(extra);
        if (who) {
          let set = socketsBySession.get(who.sid);
          if (!set) {
            set = new Set();
            socketsBySession.set(who.sid, set);
          }
          if (set.size >= socketLimits.socketsPerSession) {
            extra.socket.close(TOO_MANY, 'Too many sockets for this session');
            return false;
          }
          set.add(extra.socket);
          if (set.size === 1) presence.changed();
          const ms = Math.max(0, who.exp * 1000 - clock.now().getTime());
          extra.expiry = setTimeout(() => extra.socket.close(CloseCode.Unauthorized, 'Access token expired'), ms);
        }
        return true;
      },
      onClose(ctx) {
        const extra = ctx.extra as unknown as WsExtra;
        clearTimeout(extra.expiry);
        clearTimeout(extra.idle);
        if (extra.who) socketsBySession.get(extra.who.sid)?.delete(extra.socket);
        if (extra.who && !socketsBySession.get(extra.who.sid)?.size && socketsBySession.delete(extra.who.sid))
          presence.changed();
      },
      context: (ctx) => {
        const extra = ctx.extra as unknown as WsExtra;
        return {
          who: extra.who ?? null,
          client: clientOf(extra.request),
          requestId: randomUUID(),
        } satisfies GatewayContext;
      },
      // Parsed, validated and held to the limits here, as HTTP operations are (graphql-ws would parse without a
      // token limit).
      onSubscribe(ctx, id, payload) {
        const extra = ctx.extra as unknown as WsExtra;
        // graphql-ws has already reserved this operation's entry: it counts itself.
        if (Object.keys(ctx.subscriptions).length > socketLimits.operationsPerSocket)
          return [
            abriError(ErrorCode.OPERATION_LIMIT, 'Trop d’opérations sur cette connexion : ouvrez-en moins à la fois.', {
              limit: 'operationsPerSocket',
            }),
          ];
        let text = payload.query;
        if (deps.trustedDocuments) {
          const resolved = resolveDocument(
            deps.trustedDocuments,
            { query: payload.query || undefined, extensions: payload.extensions ?? undefined },
            extra.who ?? null,
          );
          if (resolved instanceof GraphQLError) return [resolved];
          text = resolved.query;
        }
        const document = validDocument(text);
        if (!('kind' in document)) return document;
        const broken = checkLimits({
          schema: subscriptions.apiSchema,
          document,
          variables: payload.variables,
          operationName: payload.operationName,
          who: extra.who ?? null,
          introspection,
        });
        if (broken.length) {
          log.warn('operation refused', { limit: broken[0]?.extensions.limit });
          return broken;
        }
        const badInput = checkInputs(document, payload.variables);
        if (badInput) return [badInput];
        // Refused here rather than by graphql-ws after this hook, which would leave the operation counted as running.
        if (!getOperationAST(document, payload.operationName ?? undefined))
          return [
            new GraphQLError(`Opération introuvable dans le document${NBSP}: précisez operationName.`, {
              extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
            }),
          ];
        // Running something now: an anonymous socket is no longer idle (a refused operation leaves it counting).
        extra.running ??= new Set();
        extra.running.add(id);
        clearTimeout(extra.idle);
        return {
          schema: subscriptions.apiSchema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
        };
      },
      // An anonymous socket whose last operation ended runs nothing again: it is closed if it stays so.
      onComplete(ctx, id) {
        const extra = ctx.extra as unknown as WsExtra;
        extra.running?.delete(id);
        if (!extra.who && !extra.running?.size) armIdle(extra);
      },
      subscribe: (args) => subscriptions.subscribe({ ...args, contextValue: args.contextValue as GatewayContext }),
      // Queries and mutations sent over the socket run through the HTTP pipeline.
      execute: async (args) => {
        const response = await apollo.executeOperation(
          {
            query: print(args.document),
            variables: (args.variableValues ?? {}) as Record<string, unknown>,
            operationName: args.operationName ?? undefined,
          },
          { contextValue: { ...(args.contextValue as GatewayContext), internal: true } },
        );
        return response.body.kind === 'single'
          ? (response.body.singleResult as never)
          : ({
              errors: [{ message: 'La livraison incrémentale (@defer, @stream) n’est pas proposée sur WebSocket.' }],
            } as never);
      },
    },
    prefixRoutes: Object.fromEntries(
      fileRoutes.map((r) => [
        r.prefix,
        fileRoute({
          subgraph: r.subgraph,
          subgraphUrl: deps.subgraphUrls[r.subgraph]!,
          path: r.path,
          hopSecrets: deps.hopSecrets,
          now: () => clock.now(),
          identify,
          isRevoked: (sid) => revocations.isRevoked(sid),
          clientOf,
        }),
      ]),
    ),
    routes: {
      ...graphiqlRoutes(),
      // The general conditions anyone may read before subscribing (also in each contract's documents).
      ...(deps.subgraphUrls['policies']
        ? { '/conditions-generales.pdf': publicFileRoute(deps.subgraphUrls['policies'], '/conditions-generales.pdf') }
        : {}),
    },
    postRoutes: {
      ...authRoutes,
      '/download-links': downloadLinkRoute({
        paths: fileRoutes.map((r) => r.path),
        hopSecrets: deps.hopSecrets,
        now: () => clock.now(),
        identify,
      }),
    },
    ...(webFiles ? { fallback: webFiles } : {}),
  });
  const liveRelay = deps.liveRelay;
  const removeLiveProbe = liveRelay ? addLiveChannelsProbe('gateway', () => liveRelay.stats()) : () => {};
  return {
    ...served,
    live: () => subscriptions.stats(),
    exports: exportRelay,
    get draining() {
      return served.draining;
    },
    async stop(options) {
      await served.stop(options);
      await exportRelay.stop();
      revocations.stop();
      presence.stop();
      removeLiveProbe();
      await subscriptions.dispose();
      if (!deps.rateLimiter) await rateLimiter.close();
    },
  };
}

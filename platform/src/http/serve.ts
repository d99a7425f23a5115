// Apollo Server 5 on node:http, with graphql-ws on the same port and path. Shared by the gateway and the subgraphs:
// bounded bodies, clear 4xx answers for malformed requests, extra GET routes (assets), liveness (`/health`, with
// each dependency's state in the body), readiness (`/ready`) and a bounded, graceful stop.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApolloServer, type ApolloServerPlugin, type BaseContext, HeaderMap } from '@apollo/server';
import type { ServerOptions } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../log.ts';
import {
  addProbe,
  graphqlMetrics,
  metricsRoute,
  observeHttp,
  routeOf,
  subscriptionEnded,
  subscriptionStarted,
} from '../metrics.ts';
import { contextFromHeaders, runIn, SpanKind, startSpan, tracingEnabled, withSpan } from '../tracing.ts';
import { type RequestRecord, requestLog } from './request-log.ts';

/**
 * How often the server pings each socket; one that has not answered by the next ping is closed. graphql-ws's 12 s
 * made a gateway holding 10,000 sockets send 830 pings a second (a tenth of its CPU); 30 s still keeps a socket
 * alive through proxies and load balancers that close idle connections after 60 s, and finds a vanished device
 * within a minute. Clients that ping themselves (the SDK's `follow()`, every 15 s) are answered as before.
 */
export const SOCKET_PING_MS = 30_000;

/** An error answered with its HTTP status and a GraphQL-shaped JSON body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface ServeOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  /**
   * Builds the request context from the request, its raw body and its request id (answered in `x-request-id` and
   * written in the request's log line); throw HttpError to refuse it.
   */
  context: (req: IncomingMessage, rawBody: string, requestId: string) => Promise<Ctx>;
  /**
   * Whether this request's own `x-request-id` and `traceparent` are believed (the gateway: from its trusted proxies;
   * a subgraph: from the gateway). Otherwise the request gets a new id and starts a new trace. @default never
   */
  trustsCaller?: (req: IncomingMessage) => boolean;
  /** Writes one line per request answered (id, route, operation, hashed customer, status, duration). */
  log?: Logger;
  /** Key of the hash that stands for the customer's id in log lines. @default a random key for this process */
  logHashKey?: string;
  /** graphql-ws options for WS /graphql; omitted: no WebSocket endpoint. */
  ws?: ServerOptions<Record<string, unknown> | undefined, { request: IncomingMessage }>;
  /** Extra GET routes by path. */
  routes?: Record<string, RouteHandler>;
  /** Told of every unexpected failure answered with 500 (the client only sees « Erreur interne »). */
  onError?: (error: unknown) => void;
  /** Runs first on every HTTP request (the gateway sets its security headers here). */
  onRequest?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Extra GET routes by path prefix (e.g. '/documents/'). */
  prefixRoutes?: Record<string, RouteHandler>;
  /** Extra POST routes by path (the gateway's web sign-in routes). */
  postRoutes?: Record<string, RouteHandler>;
  /** Extra POST routes by path prefix. */
  postPrefixRoutes?: Record<string, RouteHandler>;
  /** GET requests no other route took, /graphql excepted (a single-page app's files and deep links). */
  fallback?: RouteHandler;
  /** @default 8_388_608 bytes (a claim attachment is up to 5 MiB, base64 in JSON): larger bodies get 413 */
  maxBodyBytes?: number;
  /** @default 262_144 bytes: larger WebSocket messages close the socket (1009) */
  maxWsMessageBytes?: number;
  /** Service name in health answers. */
  service: string;
  /**
   * Readiness: resolves when this process can serve its traffic (a subgraph: its database answers); rejects
   * otherwise. `/ready` answers 503 while it rejects and once a stop has begun. @default always ready
   */
  ready?: () => Promise<void>;
  /**
   * Dependencies' state for `/health` (liveness stays 200 whatever they say; `status` turns `degraded` when one of
   * them is not `ok`).
   */
  health?: () => Promise<Record<string, unknown>>;
  port: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface StopOptions {
  /**
   * How long `/ready` answers 503 (draining) before the listener closes, so load balancers stop sending traffic
   * first. @default 0
   */
  delayMs?: number;
  /** After this, requests still running are cut. @default 10_000 */
  timeoutMs?: number;
}

export interface Served {
  url: string;
  port: number;
  server: Server;
  wss?: WebSocketServer;
  /** True once a stop has begun. */
  readonly draining: boolean;
  /**
   * Drains, then stops: `/ready` says draining, the listener closes, requests in flight finish (within
   * `timeoutMs`), WebSockets close with 1001 (clients reconnect elsewhere and resume from their cursor).
   */
  stop(options?: StopOptions): Promise<void>;
}

/** True for a dependency state that is not healthy, nested one level (e.g. a list of consumers). */
const unhealthy = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.some((v) => typeof v === 'object' && v !== null && (v as { state?: string }).state !== 'ok')
    : value !== 'ok';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** A request id a caller may hand over: short, without spaces or anything that could forge a log field. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `Request body larger than ${limit} bytes.`, 'PAYLOAD_TOO_LARGE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `Request body larger than ${limit} bytes.`, 'PAYLOAD_TOO_LARGE');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonBody(req: IncomingMessage, raw: string): unknown {
  if (!raw) return undefined;
  if (!String(req.headers['content-type'] ?? '').includes('json')) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.', 'BAD_REQUEST');
  }
}

export async function serve<Ctx extends BaseContext>(options: ServeOptions<Ctx>): Promise<Served> {
  const { apollo, routes = {}, maxBodyBytes = 8_388_608 } = options;
  const records = new WeakMap<IncomingMessage, RequestRecord>();
  const logging = requestLog(options.log ?? { info() {}, warn() {}, error() {} }, options.logHashKey, options.service);
  apollo.addPlugin(graphqlMetrics(options.service));
  apollo.addPlugin(logging.plugin as ApolloServerPlugin<Ctx>);
  await apollo.start();

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL) {
    const raw = req.method === 'POST' ? await readBody(req, maxBodyBytes) : '';
    const body = parseJsonBody(req, raw);
    const record = records.get(req)!;
    const context = await options.context(req, raw, record.requestId);
    logging.attach(context, record);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await withSpan('graphql', { kind: SpanKind.INTERNAL }, (span) => {
      if (span) record.span = span;
      return apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => context,
      });
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  let draining = false;
  const builtIn: Record<string, RouteHandler> = {
    '/metrics': metricsRoute,
    '/health': async (_req, res) => {
      const checks = (await options.health?.().catch((error: unknown) => ({ health: String(error) }))) ?? {};
      const degraded = Object.values(checks).some(unhealthy);
      sendJson(res, 200, { status: degraded ? 'degraded' : 'ok', service: options.service, checks });
    },
    '/ready': async (_req, res) => {
      if (draining) return sendJson(res, 503, { status: 'draining', service: options.service });
      try {
        await options.ready?.();
        sendJson(res, 200, { status: 'ready', service: options.service });
      } catch {
        // An expected state (starting, a database away): the service logs its own causes.
        sendJson(res, 503, { status: 'unavailable', service: options.service });
      }
    },
  };

  const knownRoutes = [
    '/graphql',
    ...Object.keys(builtIn),
    ...Object.keys(routes),
    ...Object.keys(options.prefixRoutes ?? {}),
    ...Object.keys(options.postPrefixRoutes ?? {}),
  ];
  /** Answers not finished yet: those still to send their headers are told to close their connection on a stop. */
  const pending = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    options.onRequest?.(req, res);
    observeHttp(options.service, req, res, knownRoutes);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const trusted = options.trustsCaller?.(req) ?? false;
    const given = trusted ? req.headers['x-request-id'] : undefined;
    const record: RequestRecord = {
      requestId: typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID(),
      started: process.hrtime.bigint(),
    };
    records.set(req, record);
    res.setHeader('x-request-id', record.requestId);
    const route = routeOf(url.pathname, knownRoutes);
    const traced = tracingEnabled()
      ? startSpan(`${req.method} ${route}`, {
          kind: SpanKind.SERVER,
          parent: trusted ? contextFromHeaders(req.headers) : contextFromHeaders({}),
          attributes: {
            'http.request.method': req.method ?? 'GET',
            'http.route': route,
            'abri.request_id': record.requestId,
          },
        })
      : undefined;
    pending.add(res);
    res.once('close', () => pending.delete(res));
    res.once('finish', () => {
      // A connection whose answer was started before the drain was not told to close: once idle, it is closed
      // now rather than after the keep-alive time (which would hold stop() until its timeout).
      if (draining) setImmediate(() => server.closeIdleConnections());
      traced?.span.setAttribute('http.response.status_code', res.statusCode);
      traced?.span.end();
      if (options.log && url.pathname !== '/metrics' && url.pathname !== '/health' && url.pathname !== '/ready')
        logging.written(req.method ?? 'GET', route, res.statusCode, record);
    });
    runIn(traced?.context, () => handle(req, res, url));
  });

  function handle(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (draining) res.setHeader('connection', 'close');
    const route =
      req.method === 'GET'
        ? (builtIn[url.pathname] ??
          routes[url.pathname] ??
          Object.entries(options.prefixRoutes ?? {}).find(([prefix]) => url.pathname.startsWith(prefix))?.[1] ??
          (url.pathname === '/graphql' ? undefined : options.fallback))
        : req.method === 'POST'
          ? (options.postRoutes?.[url.pathname] ??
            Object.entries(options.postPrefixRoutes ?? {}).find(([prefix]) => url.pathname.startsWith(prefix))?.[1])
          : undefined;
    const work = route
      ? route(req, res)
      : url.pathname === '/graphql'
        ? handleGraphQL(req, res, url)
        : Promise.reject(new HttpError(404, 'Page introuvable.', 'NOT_FOUND'));
    Promise.resolve(work).catch((error: unknown) => {
      if (!(error instanceof HttpError)) options.onError?.(error);
      const known =
        error instanceof HttpError ? error : new HttpError(500, 'Erreur interne : réessayez plus tard.', 'INTERNAL');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A refused upload: answer, then drop the connection rather than read the rest of it.
      const close: Record<string, string> = known.status === 413 ? { connection: 'close' } : {};
      sendJson(res, known.status, errorBody(known.message, known.code), close);
      if (known.status === 413) res.on('finish', () => req.destroy());
    });
  }
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  // Idle kept-alive connections are closed by the client first: the gateway's pools after 30 s, a load balancer in
  // front of the gateway after its idle timeout (commonly 60 s; a server closing first makes it answer 502). With
  // Node's default 5 s the server would close connections a client is about to reuse, and the call sent on one
  // would fail. A stop does not wait for them (see stop()): idle ones are closed as soon as they are idle.
  server.keepAliveTimeout = 65_000;

  let wss: WebSocketServer | undefined;
  let removeSocketProbe: (() => void) | undefined;
  let wsServer: { dispose(): void | Promise<void> } | undefined;
  if (options.ws) {
    wss = new WebSocketServer({ server, path: '/graphql', maxPayload: options.maxWsMessageBytes ?? 262_144 });
    const ws = options.ws;
    const sockets = wss;
    // Streams running, counted from their start (a result that is a stream) to their completion, whichever side
    // ends them (graphql-ws completes each one when its socket closes).
    const streaming = new WeakMap<object, Set<string>>();
    wsServer = useServer(
      {
        ...ws,
        onOperation: async (ctx, id, payload, args, result) => {
          const replaced = await ws.onOperation?.(ctx, id, payload, args, result);
          const outcome = replaced ?? result;
          if (outcome && typeof outcome === 'object' && Symbol.asyncIterator in outcome) {
            const ids = streaming.get(ctx) ?? new Set<string>();
            streaming.set(ctx, ids);
            ids.add(id);
            subscriptionStarted(options.service);
          }
          return replaced;
        },
        onComplete: (ctx, id, payload) => {
          if (streaming.get(ctx)?.delete(id)) subscriptionEnded(options.service);
          return ws.onComplete?.(ctx, id, payload);
        },
      },
      wss,
      SOCKET_PING_MS,
    );
    removeSocketProbe = addProbe('abri_websockets_open', options.service, () => sockets.clients.size);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    server,
    ...(wss ? { wss } : {}),
    get draining() {
      return draining;
    },
    async stop({ delayMs = 0, timeoutMs = 10_000 } = {}) {
      if (draining) return;
      draining = true;
      for (const res of pending) if (!res.headersSent) res.setHeader('connection', 'close');
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // graphql-ws closes every socket with 1001 (going away) and completes their operations.
      await wsServer?.dispose();
      wss?.close();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([closed, late]);
      clearTimeout(timer);
      server.closeAllConnections();
      for (const client of wss?.clients ?? []) client.terminate();
      await closed;
      removeSocketProbe?.();
      await apollo.stop();
    },
  };
}

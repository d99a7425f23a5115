// Apollo Server 5 on node:http, with graphql-ws on the same port and path. Shared by the gateway and the subgraphs:
// bounded bodies, clear 4xx answers for malformed requests, extra GET routes (health, readiness, assets).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import type { ServerOptions } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

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
  /** Builds the request context from the request and its raw body; throw HttpError to refuse it. */
  context: (req: IncomingMessage, rawBody: string) => Promise<Ctx>;
  /** graphql-ws options for WS /graphql; omitted: no WebSocket endpoint. */
  ws?: ServerOptions<Record<string, unknown> | undefined, { request: IncomingMessage }>;
  /** Extra GET routes by path. */
  routes?: Record<string, RouteHandler>;
  /** Told of every unexpected failure answered with 500 (the client only sees "Internal error."). */
  onError?: (error: unknown) => void;
  /** Extra GET routes by path prefix (e.g. '/documents/'). */
  prefixRoutes?: Record<string, RouteHandler>;
  /** @default 8_388_608 bytes (a claim attachment is up to 5 MiB, base64 in JSON): larger bodies get 413 */
  maxBodyBytes?: number;
  /** @default 262_144 bytes: larger WebSocket messages close the socket (1009) */
  maxWsMessageBytes?: number;
  port: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface Served {
  url: string;
  port: number;
  server: Server;
  wss?: WebSocketServer;
  stop(): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

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
  await apollo.start();

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL) {
    const raw = req.method === 'POST' ? await readBody(req, maxBodyBytes) : '';
    const body = parseJsonBody(req, raw);
    const context = await options.context(req, raw);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => context,
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

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route =
      req.method === 'GET'
        ? (routes[url.pathname] ??
          Object.entries(options.prefixRoutes ?? {}).find(([prefix]) => url.pathname.startsWith(prefix))?.[1])
        : undefined;
    const work = route
      ? route(req, res)
      : url.pathname === '/graphql'
        ? handleGraphQL(req, res, url)
        : Promise.reject(new HttpError(404, 'Not found.', 'NOT_FOUND'));
    Promise.resolve(work).catch((error: unknown) => {
      if (!(error instanceof HttpError)) options.onError?.(error);
      const known = error instanceof HttpError ? error : new HttpError(500, 'Internal error.', 'INTERNAL');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A refused upload: answer, then drop the connection rather than read the rest of it.
      const close: Record<string, string> = known.status === 413 ? { connection: 'close' } : {};
      sendJson(res, known.status, errorBody(known.message, known.code), close);
      if (known.status === 413) res.on('finish', () => req.destroy());
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;

  let wss: WebSocketServer | undefined;
  let wsServer: { dispose(): void | Promise<void> } | undefined;
  if (options.ws) {
    wss = new WebSocketServer({ server, path: '/graphql', maxPayload: options.maxWsMessageBytes ?? 262_144 });
    wsServer = useServer(options.ws, wss);
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
    async stop() {
      await wsServer?.dispose();
      for (const client of wss?.clients ?? []) client.terminate();
      wss?.close();
      await apollo.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

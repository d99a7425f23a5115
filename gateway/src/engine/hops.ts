// The gateway's calls to subgraphs: one keep-alive connection pool per subgraph, each request signed for its exact
// body and the caller's identity. Bodies are built by concatenation around the operation text, which is escaped
// once per plan, so nothing is re-printed or re-serialised per hop but the variables.
import type { HopSecrets } from '@abri/platform';
import { HOP_HEADER, injectTraceHeaders, sha256, signHop } from '@abri/platform';
import { type Dispatcher, Pool } from 'undici';
import type { GatewayContext } from '../context.ts';

export interface SubgraphResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Why a call gave no GraphQL answer at all. */
export class HopFailed extends Error {
  constructor(
    readonly subgraph: string,
    readonly reason: 'unreachable' | 'refused' | 'malformed',
    detail: string,
  ) {
    super(`${subgraph}: ${reason} (${detail})`);
  }
}

export interface Hops {
  /**
   * Sends `operationJson` (the operation text already as a JSON string) with `variables` to `subgraph`. A
   * `replayable` call (a query) is sent once more when its connection closed under it; a mutation never is.
   */
  send(
    subgraph: string,
    operationJson: string,
    variables: Record<string, unknown> | undefined,
    context: GatewayContext,
    replayable?: boolean,
  ): Promise<SubgraphResponse>;
  close(): void;
}

const ANONYMOUS = { ip: null, userAgent: null };

/**
 * One call through `pool`, its answer gathered as text. A handler of undici's own collects the chunks: the
 * `request()` API would wrap each answer in a readable stream and parse its headers into an object, which cost
 * about a third of the client's CPU per call here (38 against 53 µs, a client and a server process on this machine).
 */
function exchange(pool: Pool, options: Dispatcher.DispatchOptions): Promise<{ statusCode: number; text: string }> {
  return new Promise((resolve, reject) => {
    let statusCode = 0;
    const chunks: Buffer[] = [];
    pool.dispatch(options, {
      onConnect: () => {},
      onHeaders: (status) => {
        statusCode = status;
        return true;
      },
      onData: (chunk) => {
        chunks.push(chunk);
        return true;
      },
      onComplete: () =>
        resolve({
          statusCode,
          text: (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8'),
        }),
      // Whether the subgraph had begun to answer: a call it answered (even in part) is never sent again.
      onError: (error) => reject(Object.assign(error, { answered: statusCode !== 0 })),
    });
  });
}

export function createHops(options: {
  subgraphUrls: Record<string, string>;
  hopSecrets: HopSecrets;
  /** @default 10_000 ms: a subgraph that has not answered by then is counted as unreachable */
  timeoutMs?: number;
  /** The clock signatures are dated by (the subgraphs check them against theirs). @default the system clock */
  now?: () => Date;
}): Hops {
  const timeoutMs = options.timeoutMs ?? 10_000;
  // One undici pool per subgraph: its HTTP/1.1 client took 47 µs of CPU per call against node:http's 74 µs (a
  // server and a client on this machine, 10 at a time, 20,000 calls): fewer objects and timers per request. Idle
  // connections are closed before the subgraph would close them (platform/http/serve.ts keeps them 65 s), so a call
  // rarely meets a connection closing.
  const targets = new Map(
    Object.entries(options.subgraphUrls).map(([name, url]) => {
      const { origin, pathname, search, protocol } = new URL(url);
      const pool =
        protocol === 'http:'
          ? new Pool(origin, {
              connections: 128,
              keepAliveTimeout: 30_000,
              keepAliveMaxTimeout: 30_000,
              headersTimeout: timeoutMs,
              bodyTimeout: timeoutMs,
            })
          : null;
      return [name, { pool, path: `${pathname}${search}` }];
    }),
  );

  async function post(
    subgraph: string,
    body: string,
    headers: Record<string, string>,
    retry: boolean,
  ): Promise<SubgraphResponse> {
    const target = targets.get(subgraph);
    if (!target) throw new HopFailed(subgraph, 'unreachable', 'no URL configured');
    if (!target.pool) throw new HopFailed(subgraph, 'unreachable', 'not an http URL');
    let statusCode: number;
    let text: string;
    try {
      ({ statusCode, text } = await exchange(target.pool, {
        path: target.path,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      }));
    } catch (error) {
      // A connection that closed before any answer (most often a kept-alive one the subgraph closed as it was
      // reused): the call may never have reached the subgraph. A query is sent once more; a mutation is not (it may
      // have been applied), nor a call the subgraph had begun to answer: their caller gets the failure.
      const { code, answered } = error as { code?: string; answered?: boolean };
      if (retry && !answered && (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE'))
        return post(subgraph, body, headers, false);
      const detail =
        code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT'
          ? `no answer within ${timeoutMs} ms`
          : (error as Error).message;
      throw new HopFailed(subgraph, 'unreachable', detail);
    }
    if (statusCode === 401) throw new HopFailed(subgraph, 'refused', 'signature refused');
    let parsed: SubgraphResponse;
    try {
      parsed = JSON.parse(text) as SubgraphResponse;
    } catch {
      throw new HopFailed(subgraph, 'malformed', `status ${statusCode}, not JSON`);
    }
    if (typeof parsed !== 'object' || parsed === null || (!('data' in parsed) && !('errors' in parsed)))
      throw new HopFailed(subgraph, 'malformed', `status ${statusCode}, not a GraphQL answer`);
    return parsed;
  }

  return {
    async send(subgraph, operationJson, variables, context, replayable = false) {
      const body = variables
        ? `{"query":${operationJson},"variables":${JSON.stringify(variables)}}`
        : `{"query":${operationJson}}`;
      const signature = signHop(
        options.hopSecrets,
        subgraph,
        {
          use: 'http',
          bh: sha256(body),
          who: context.who,
          client: context.client ?? ANONYMOUS,
        },
        options.now?.(),
      );
      // The trace context rides beside the signature, which binds the body and not this header.
      const headers = injectTraceHeaders({ [HOP_HEADER]: signature, 'x-request-id': context.requestId });
      return post(subgraph, body, headers, replayable);
    },
    close() {
      for (const { pool } of targets.values()) void pool?.destroy();
    },
  };
}

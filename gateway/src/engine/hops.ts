// The gateway's calls to subgraphs: one keep-alive connection pool per subgraph, each request signed for its exact
// body and the caller's identity. Bodies are built by concatenation around the operation text, which is escaped
// once per plan, so nothing is re-printed or re-serialised per hop but the variables.
import { Agent, request } from 'node:http';
import type { HopSecrets } from '@abri/platform';
import { HOP_HEADER, injectTraceHeaders, sha256, signHop } from '@abri/platform';
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
  /** Sends `operationJson` (the operation text already as a JSON string) with `variables` to `subgraph`. */
  send(
    subgraph: string,
    operationJson: string,
    variables: Record<string, unknown> | undefined,
    context: GatewayContext,
  ): Promise<SubgraphResponse>;
  close(): void;
}

const ANONYMOUS = { ip: null, userAgent: null };

export function createHops(options: {
  subgraphUrls: Record<string, string>;
  hopSecrets: HopSecrets;
  /** @default 10_000 ms: a subgraph that has not answered by then is counted as unreachable */
  timeoutMs?: number;
  /** The clock signatures are dated by (the subgraphs check them against theirs). @default the system clock */
  now?: () => Date;
}): Hops {
  // Host, port and path read once: node:http would convert the URL again on every request.
  const targets = new Map(
    Object.entries(options.subgraphUrls).map(([name, url]) => {
      const { hostname, port, pathname, search, protocol } = new URL(url);
      return [
        name,
        {
          http: protocol === 'http:',
          hostname: hostname.replace(/^\[(.*)\]$/, '$1'),
          port: port || '80',
          path: `${pathname}${search}`,
          agent: new Agent({ keepAlive: true, maxSockets: 128 }),
        },
      ];
    }),
  );
  const timeoutMs = options.timeoutMs ?? 10_000;

  function post(
    subgraph: string,
    body: string,
    headers: Record<string, string>,
    retry = true,
  ): Promise<SubgraphResponse> {
    const target = targets.get(subgraph);
    if (!target) return Promise.reject(new HopFailed(subgraph, 'unreachable', 'no URL configured'));
    if (!target.http) return Promise.reject(new HopFailed(subgraph, 'unreachable', 'not an http URL'));
    return new Promise((resolve, reject) => {
      const req = request(
        {
          hostname: target.hostname,
          port: target.port,
          path: target.path,
          method: 'POST',
          agent: target.agent,
          timeout: timeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => reject(new HopFailed(subgraph, 'unreachable', error.message)));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode === 401) return reject(new HopFailed(subgraph, 'refused', 'signature refused'));
            let parsed: SubgraphResponse;
            try {
              parsed = JSON.parse(text) as SubgraphResponse;
            } catch {
              return reject(new HopFailed(subgraph, 'malformed', `status ${res.statusCode}, not JSON`));
            }
            if (typeof parsed !== 'object' || parsed === null || (!('data' in parsed) && !('errors' in parsed)))
              return reject(new HopFailed(subgraph, 'malformed', `status ${res.statusCode}, not a GraphQL answer`));
            resolve(parsed);
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the subgraph closed as we reused it: the request never reached it, send it again.
        if (retry && req.reusedSocket && error.code === 'ECONNRESET')
          post(subgraph, body, headers, false).then(resolve, reject);
        else reject(new HopFailed(subgraph, 'unreachable', error.message));
      });
      req.end(body);
    });
  }

  return {
    async send(subgraph, operationJson, variables, context) {
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
      return post(subgraph, body, injectTraceHeaders({ [HOP_HEADER]: signature, 'x-request-id': context.requestId }));
    },
    close() {
      for (const { agent } of targets.values()) agent.destroy();
    },
  };
}

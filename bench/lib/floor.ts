// The no-gateway floor: the subgraph calls a gateway makes for one request, recorded once through a pass-through
// proxy, then replayed by the client itself, each one freshly signed as a gateway would, in the same waves (a call
// waits for the calls that had answered before it started). What remains is the subgraphs' and the network's cost.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { HOP_HEADER, type HopSecrets, sha256, signHop } from '@abri/platform';

export interface Hop {
  subgraph: string;
  url: string;
  body: string;
  /** What the subgraph answered when the gateway made the call. */
  answer: string;
  /** The identity and client the gateway's signature carried. */
  claims: { who: unknown; client: unknown };
  started: number;
  ended: number;
  wave: number;
}

/** Pass-through proxies in front of each subgraph; `hops` lists every call made through them. */
export async function recordingProxies(subgraphUrls: Record<string, string>) {
  const hops: Hop[] = [];
  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  for (const [subgraph, target] of Object.entries(subgraphUrls)) {
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const started = performance.now();
      const headers: Record<string, string> = {};
      for (const name of ['content-type', HOP_HEADER, 'x-request-id']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const upstream = await fetch(new URL(req.url ?? '/', target), {
        method: req.method ?? 'GET',
        headers,
        ...(req.method === 'POST' ? { body } : {}),
      });
      const answer = await upstream.text();
      const ended = performance.now();
      if (req.method === 'POST' && new URL(req.url ?? '/', target).pathname.endsWith('/graphql')) {
        const payload = headers[HOP_HEADER]?.split('.')[1] ?? '';
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8') || '{}');
        hops.push({
          subgraph,
          url: target,
          body,
          answer,
          claims: { who: claims.who ?? null, client: claims.client ?? null },
          started,
          ended,
          wave: 0,
        });
      }
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(answer);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    urls[subgraph] = `http://127.0.0.1:${port}${new URL(target).pathname}`;
  }
  return {
    urls,
    hops,
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

/** Orders recorded hops in waves: a hop belongs after every hop that had answered before it started. */
export function inWaves(hops: Hop[]): Hop[][] {
  const sorted = [...hops].sort((a, b) => a.started - b.started);
  for (const hop of sorted) {
    const before = sorted.filter((other) => other.ended <= hop.started);
    hop.wave = before.length ? Math.max(...before.map((other) => other.wave)) + 1 : 0;
  }
  const waves: Hop[][] = [];
  for (const hop of sorted) {
    waves[hop.wave] ??= [];
    waves[hop.wave]!.push(hop);
  }
  return waves;
}

/** One floor request: every wave's calls at once, each signed afresh; null when every answer is the recorded one. */
export async function replay(
  waves: Hop[][],
  hopSecrets: HopSecrets,
  send: (url: string, body: string, headers: Record<string, string>) => Promise<{ status: number; body: string }>,
): Promise<string | null> {
  for (const wave of waves) {
    const answers = await Promise.all(
      wave.map(async (hop) => {
        const signature = signHop(hopSecrets, hop.subgraph, {
          use: 'http',
          bh: sha256(hop.body),
          who: hop.claims.who as never,
          client: hop.claims.client as never,
        });
        return send(hop.url, hop.body, { [HOP_HEADER]: signature });
      }),
    );
    for (const [i, answer] of answers.entries()) {
      if (answer.status !== 200 || answer.body !== wave[i]!.answer)
        return `${wave[i]!.subgraph} answered ${answer.status}: ${answer.body.slice(0, 200)}`;
    }
  }
  return null;
}

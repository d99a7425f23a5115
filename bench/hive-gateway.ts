// Hive Gateway's runtime doing what Abri's gateway does on a query, for bench/dashboard.ts only (never shipped):
// verifies the access token (same JWKS), then signs every hop with the same HS256 JWS (audience, body hash,
// identity). Outbound in-flight deduplication is off: it is keyed before the identity is attached, so concurrent
// callers would share answers (and the benchmark's identical requests would be served by fewer subgraph calls).
//   node --import tsx bench/hive-gateway.ts   (environment as gateway/src/main.ts)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import {
  commonEnv,
  HOP_HEADER,
  type Identity,
  parseEnv,
  parseHopSecrets,
  perSubgraph,
  remoteKeySource,
  SUBGRAPH_NAMES,
  SUBGRAPHS,
  type SubgraphName,
  sha256,
  signHop,
  verifyAccessToken,
} from '@abri/platform';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { z } from 'zod';
import { ROOT } from '../prisma/projects.ts';

/** `USERS_URL`, `POLICIES_URL`, …: one setting per subgraph of the registry, as Abri's gateway has. */
const subgraphUrlSettings = Object.fromEntries(
  SUBGRAPH_NAMES.map((name) => [SUBGRAPHS[name].urlSetting, z.string().url()]),
) as Record<(typeof SUBGRAPHS)[SubgraphName]['urlSetting'], z.ZodString>;
const env = parseEnv(
  z.object({
    ...commonEnv,
    PORT: z.coerce.number().int().min(0).max(65_535),
    HOP_SECRETS: z.string().min(1),
    ...subgraphUrlSettings,
  }),
);
const urls: Record<string, string> = perSubgraph((name) => env[SUBGRAPHS[name].urlSetting]);
const subgraphOf = new Map(Object.entries(urls).map(([name, url]) => [url, name]));
const supergraph = readFileSync(`${ROOT}schema/supergraph.graphql`, 'utf8').replace(
  /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
  (_all, name: string) => `@join__graph(name: "${name}", url: "${urls[name]}")`,
);
const hopSecrets = parseHopSecrets(env.HOP_SECRETS);
const tokenKeys = remoteKeySource(env.USERS_URL.replace(/\/graphql$/, '/.well-known/jwks.json'));

type Ctx = { who?: Identity | null };
const signing: GatewayPlugin<Ctx> = {
  async onContextBuilding({ context, extendContext }) {
    const header = context.request.headers.get('authorization');
    const token = header ? /^Bearer (\S+)$/i.exec(header)?.[1] : undefined;
    extendContext({ who: token ? await verifyAccessToken(tokenKeys, token) : null });
  },
  async onFetch({ url, options, setOptions, context }) {
    const subgraph = subgraphOf.get(url);
    if (!subgraph) return;
    const body = typeof options.body === 'string' ? options.body : '';
    const signature = signHop(hopSecrets, subgraph, {
      use: 'http',
      bh: sha256(body),
      who: (context as Ctx | undefined)?.who ?? null,
      client: { ip: null, userAgent: null },
    });
    setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), [HOP_HEADER]: signature } });
  },
};

const gateway = createGatewayRuntime<Ctx>({
  supergraph,
  logging: false,
  landingPage: false,
  graphiql: false,
  transportEntries: { '*': { options: { deduplicateInflightRequests: false } } },
  plugins: () => [signing],
});
const server = createServer((req, res) => {
  if (req.url === '/ready') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ready"}');
    return;
  }
  void gateway(req, res);
});
server.listen(env.PORT, '127.0.0.1');
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

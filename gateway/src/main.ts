// Production entry point of the gateway (start as many replicas as needed): configuration from the environment.
import { readFileSync } from 'node:fs';
import {
  createLogger,
  createRedisBus,
  createRedisRateLimiter,
  parseEnv,
  parseHopSecrets,
  perSubgraph,
  remoteKeySource,
  runService,
  SUBGRAPHS,
  startTracing,
} from '@abri/platform';
import { gatewayEnv } from './env.ts';
import { createRedisRelay } from './live/relay.ts';
import { startGateway } from './server.ts';
import { loadTrustedDocuments } from './trusted-documents.ts';

await runService('gateway', async () => {
  const env = parseEnv(gatewayEnv);
  const log = createLogger('gateway', { silent: env.LOG_SILENT });
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) startTracing({ service: 'gateway', endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT });
  const supergraphPath = env.SUPERGRAPH_PATH ?? new URL('../../schema/supergraph.graphql', import.meta.url);
  return startGateway(
    {
      supergraphSdl: readFileSync(supergraphPath, 'utf8'),
      subgraphUrls: perSubgraph((name) => env[SUBGRAPHS[name].urlSetting]),
      hopSecrets: parseHopSecrets(env.HOP_SECRETS),
      tokenKeys: remoteKeySource(env.JWKS_URL ?? env.USERS_URL.replace(/\/graphql$/, '/.well-known/jwks.json')),
      bus: createRedisBus(env.REDIS_URL, {
        prefix: env.ABRI_BUS_PREFIX,
        onError: (error) => log.warn('bus error', { error: String(error) }),
      }),
      liveRelay: createRedisRelay(env.REDIS_URL, { prefix: env.ABRI_BUS_PREFIX, log }),
      log,
      ...(env.LOG_HASH_KEY ? { logHashKey: env.LOG_HASH_KEY } : {}),
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      introspection: 'staff',
      trustProxy: env.TRUST_PROXY,
      rateLimiter: createRedisRateLimiter(env.REDIS_URL, {
        prefix: `${env.ABRI_BUS_PREFIX}rate:`,
        onError: (error) => log.warn('rate limits counted in memory: Redis did not answer', { error: String(error) }),
      }),
      web: { dir: env.WEB_DIR ?? null, allowedOrigins: env.WEB_ORIGINS },
      trustedDocuments: loadTrustedDocuments({
        enforce: env.TRUSTED_DOCUMENTS === 'enforce',
        files: env.TRUSTED_DOCUMENTS_FILES,
      }),
    },
    env.PORT,
    env.HOST,
  );
});

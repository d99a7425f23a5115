// Production entry point of the gateway (start as many replicas as needed): configuration from the environment.
import { readFileSync } from 'node:fs';
import {
  commonEnv,
  createLogger,
  createRedisBus,
  DEFAULT_PORTS,
  importSigningKey,
  parseEnv,
  parseJwkSetting,
  remoteKeySource,
  runService,
} from '@abri/platform';
import { z } from 'zod';
import { startGateway } from './server.ts';

const subgraphUrl = (name: keyof typeof DEFAULT_PORTS) =>
  z.string().url().default(`http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`);

await runService('gateway', async () => {
  const env = parseEnv(
    z.object({
      ...commonEnv,
      PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_PORTS.gateway),
      REDIS_URL: z.string().url(),
      /** Private JWK the gateway signs every hop with; subgraphs hold its public half. */
      GATEWAY_PRIVATE_KEY: z.string().min(1),
      SUPERGRAPH_PATH: z.string().default(new URL('../../schema/supergraph.graphql', import.meta.url).pathname),
      USERS_URL: subgraphUrl('users'),
      POLICIES_URL: subgraphUrl('policies'),
      CLAIMS_URL: subgraphUrl('claims'),
      PAYMENTS_URL: subgraphUrl('payments'),
      /** Where the users subgraph publishes its access-token keys. @default USERS_URL's /.well-known/jwks.json */
      JWKS_URL: z.string().url().optional(),
      ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(600),
    }),
  );
  const log = createLogger('gateway', { silent: env.LOG_SILENT });
  return startGateway(
    {
      supergraphSdl: readFileSync(env.SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: {
        users: env.USERS_URL,
        policies: env.POLICIES_URL,
        claims: env.CLAIMS_URL,
        payments: env.PAYMENTS_URL,
      },
      hopKey: await importSigningKey(parseJwkSetting(env.GATEWAY_PRIVATE_KEY)),
      tokenKeys: remoteKeySource(env.JWKS_URL ?? env.USERS_URL.replace(/\/graphql$/, '/.well-known/jwks.json')),
      bus: createRedisBus(env.REDIS_URL, {
        prefix: env.ABRI_BUS_PREFIX,
        onError: (error) => log.warn('bus error', { error: String(error) }),
      }),
      log,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      introspection: 'staff',
    },
    env.PORT,
    env.HOST,
  );
});

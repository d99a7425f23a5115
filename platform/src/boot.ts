// Production start-up shared by every service's main.ts: configuration from the environment (validated once, every
// problem listed), PostgreSQL, the Redis bus, the gateway's public key. Failing fast beats half-starting.
import { z } from 'zod';
import { commonEnv, parseEnv } from './env.ts';
import { createRedisBus } from './events/redis-bus.ts';
import { importPublicKey, parseJwkSetting } from './keys.ts';
import { createLogger } from './log.ts';
import { DEFAULT_PORTS, type ServiceName } from './ports.ts';
import type { ServiceDeps } from './service.ts';

const jwkSetting = z.string().min(1, 'a JWK as JSON, or file:<path>');

export const serviceEnv = (name: ServiceName) =>
  z.object({
    ...commonEnv,
    PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_PORTS[name]),
    DATABASE_URL: z.string().url(),
    REDIS_URL: z.string().url(),
    /** The gateway's public key (JWK): requests it did not sign are refused. */
    GATEWAY_PUBLIC_KEY: jwkSetting,
  });

/** Parses the environment of subgraph `name` and builds its production dependencies. */
export async function bootSubgraph(name: Exclude<ServiceName, 'gateway'>) {
  const env = parseEnv(serviceEnv(name));
  const log = createLogger(name, { silent: env.LOG_SILENT });
  const deps: ServiceDeps = {
    db: { kind: 'postgres', url: env.DATABASE_URL, schema: name },
    bus: createRedisBus(env.REDIS_URL, {
      prefix: env.ABRI_BUS_PREFIX,
      onError: (error) => log.warn('bus error', { error: String(error) }),
    }),
    gatewayKey: await importPublicKey(parseJwkSetting(env.GATEWAY_PUBLIC_KEY)),
    log,
  };
  return { env, deps };
}

/** Runs `start`, logging where the service listens; exits non-zero when it cannot start. */
export async function runService(
  name: string,
  start: () => Promise<{ url: string; stop(): Promise<void> }>,
): Promise<void> {
  const log = createLogger(name);
  try {
    const served = await start();
    log.info('listening', { url: served.url });
    const stop = async () => {
      await served.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    log.error('could not start', { error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
}

// Production start-up shared by every service's main.ts: configuration from the environment (validated once, every
// problem listed), PostgreSQL, the Redis bus, the gateway's public key. Failing fast beats half-starting.
import { z } from 'zod';
import { commonEnv, parseEnv } from './env.ts';
import { createRedisBus } from './events/redis-bus.ts';
import type { StopOptions } from './http/serve.ts';
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

/**
 * Runs `start`, logging where the service listens; exits non-zero when it cannot start. SIGTERM and SIGINT drain:
 * not ready for SHUTDOWN_DELAY_MS, then in-flight requests finish within SHUTDOWN_TIMEOUT_MS, sockets close with 1001.
 */
export async function runService(
  name: string,
  start: () => Promise<{ url: string; stop(options?: StopOptions): Promise<void> }>,
): Promise<void> {
  const log = createLogger(name);
  const { SHUTDOWN_DELAY_MS: delayMs, SHUTDOWN_TIMEOUT_MS: timeoutMs } = parseEnv(
    z.object({ SHUTDOWN_DELAY_MS: commonEnv.SHUTDOWN_DELAY_MS, SHUTDOWN_TIMEOUT_MS: commonEnv.SHUTDOWN_TIMEOUT_MS }),
  );
  try {
    const served = await start();
    log.info('listening', { url: served.url });
    const stop = async (signal: string) => {
      log.info('draining', { signal, delayMs, timeoutMs });
      // Whatever hangs, the process ends: an orchestrator would kill it anyway.
      setTimeout(() => process.exit(1), delayMs + timeoutMs + 5_000).unref();
      await served.stop({ delayMs, timeoutMs });
      log.info('stopped');
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    log.error('could not start', { error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
}

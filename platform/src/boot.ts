// Production start-up shared by every service's main.ts: configuration from the environment (validated once, every
// problem listed), PostgreSQL, the Redis bus, the keys of the gateway's signature. Failing fast beats half-starting.
import { z } from 'zod';
import { parseKeyring } from './crypto.ts';
import { commonEnv, EnvError, hopKeysSetting, keyringSetting, parseEnv, productionEnv, setting } from './env.ts';
import { createRedisBus } from './events/redis-bus.ts';
import { parseHopKeys } from './hop.ts';
import type { StopOptions } from './http/serve.ts';
import { createLogger } from './log.ts';
import { DEFAULT_PORTS, type ServiceName } from './ports.ts';
import type { ServiceDeps } from './service.ts';
import { startTracing, stopTracing } from './tracing.ts';

/** What every subgraph needs in production; each subgraph's `env.ts` extends it with its own settings. */
export const subgraphEnv = (name: Exclude<ServiceName, 'gateway'>) =>
  z.object({
    ...productionEnv(DEFAULT_PORTS[name]),
    DATABASE_URL: setting(
      z.string().url(),
      'PostgreSQL, `postgresql://user:password@host:5432/db`; each subgraph uses its own schema',
    ),
    HOP_KEYS: hopKeysSetting(
      'HOP_SECRETS',
      "this subgraph's own keys of the gateway's hop signature, `kid:base64,...` (`npm run keys` derives them from the gateway's `HOP_SECRETS`): the only caller served",
    ),
    ENCRYPTION_KEYS: keyringSetting(
      "this service's own AES-256-GCM keys for personal data at rest, `kid:base64,...`, the first current (older ones still decrypt; `npm run keys:rotate` re-encrypts under the first)",
    ),
  });

type SubgraphEnv = z.infer<ReturnType<typeof subgraphEnv>>;

/**
 * Parses the environment of subgraph `name` with its whole schema (every missing or invalid setting listed at once)
 * and builds its production dependencies.
 */
export async function bootSubgraph<S extends z.ZodType<SubgraphEnv>>(
  name: Exclude<ServiceName, 'gateway'>,
  schema: S,
): Promise<{ env: z.infer<S>; deps: ServiceDeps }> {
  const env: SubgraphEnv & z.infer<S> = parseEnv(schema);
  const log = createLogger(name, { silent: env.LOG_SILENT });
  // Before any Prisma client exists, so its queries are traced too.
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) startTracing({ service: name, endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT });
  const deps: ServiceDeps = {
    db: { kind: 'postgres', url: env.DATABASE_URL, schema: name },
    bus: createRedisBus(env.REDIS_URL, {
      prefix: env.ABRI_BUS_PREFIX,
      onError: (error) => log.warn('bus error', { error: String(error) }),
    }),
    hopKeys: parseHopKeys(env.HOP_KEYS),
    log,
    ...(env.LOG_HASH_KEY ? { logHashKey: env.LOG_HASH_KEY } : {}),
    keyring: parseKeyring(env.ENCRYPTION_KEYS),
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
  try {
    const served = await start();
    const { SHUTDOWN_DELAY_MS: delayMs, SHUTDOWN_TIMEOUT_MS: timeoutMs } = parseEnv(
      z.object({ SHUTDOWN_DELAY_MS: commonEnv.SHUTDOWN_DELAY_MS, SHUTDOWN_TIMEOUT_MS: commonEnv.SHUTDOWN_TIMEOUT_MS }),
    );
    log.info('listening', { url: served.url });
    const stop = async (signal: string) => {
      log.info('draining', { signal, delayMs, timeoutMs });
      // Whatever hangs, the process ends: an orchestrator would kill it anyway.
      setTimeout(() => process.exit(1), delayMs + timeoutMs + 5_000).unref();
      await served.stop({ delayMs, timeoutMs });
      await stopTracing();
      log.info('stopped');
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    if (error instanceof EnvError) {
      // Plain lines a person reads in the container's log, then the same as JSON for the log pipeline.
      process.stderr.write(`${name} cannot start, ${error.message}\n`);
      log.error('could not start: invalid environment', { problems: error.problems });
    } else log.error('could not start', { error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
}

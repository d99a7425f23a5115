// Environment parsing: once, at boot, with one schema; every problem listed at once. No other module reads
// process.env.
import { z } from 'zod';

export function parseEnv<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`).join('\n');
  throw new Error(`invalid environment:\n${problems}`);
}

/** Settings every service understands. */
export const commonEnv = {
  /** `embedded`: PGlite, in-process bus, local mailbox, generated keys. `production`: everything from configuration. */
  ABRI_MODE: z.enum(['embedded', 'production']).default('embedded'),
  /** Embedded mode's data directory (PGlite, generated keys, mailbox). */
  ABRI_DATA_DIR: z.string().default('.data'),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  /** Prefix of the event streams in Redis, to share one Redis between deployments. */
  ABRI_BUS_PREFIX: z.string().default('abri:events:'),
  /** On SIGTERM, how long `/ready` answers 503 before the listener closes (match the load balancer's probe period). */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).default(0),
  /** On SIGTERM, how long requests in flight may still run before they are cut. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  LOG_SILENT: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
};

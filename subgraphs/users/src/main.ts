// Production entry point of the users subgraph: configuration from the environment (see README).
import {
  bootSubgraph,
  createRedisRateLimiter,
  importSigningKey,
  parseEnv,
  parseJwkSetting,
  parseKeyring,
  runService,
} from '@abri/platform';
import { z } from 'zod';
import { createSmtpTransport } from './messaging/transport.ts';
import { createUsersService } from './server.ts';

await runService('users', async () => {
  const { env, deps } = await bootSubgraph('users');
  const keys = parseEnv(
    z.object({
      /** Private JWK signing access tokens (EdDSA). */
      ACCESS_TOKEN_PRIVATE_KEY: z.string().min(1),
      /** Public JWKs (JSON array) of retired signing keys, still published until their tokens expire. */
      ACCESS_TOKEN_PREVIOUS_PUBLIC_KEYS: z.string().default('[]'),
      /** Field-encryption keys, `kid:base64,...`, the first one current. */
      ENCRYPTION_KEYS: z.string().min(1),
      /** Outgoing mail server, smtp://user:password@host:587 (smtps:// for implicit TLS). */
      SMTP_URL: z.string().url(),
      MAIL_FROM: z.string().default('Abri <ne-pas-repondre@abri.example>'),
      /** The web portal's address, base of the links in e-mails. */
      PUBLIC_URL: z.string().url(),
    }),
  );
  const service = createUsersService({
    ...deps,
    tokenKey: await importSigningKey(parseJwkSetting(keys.ACCESS_TOKEN_PRIVATE_KEY)),
    previousTokenKeys: JSON.parse(keys.ACCESS_TOKEN_PREVIOUS_PUBLIC_KEYS),
    keyring: parseKeyring(keys.ENCRYPTION_KEYS),
    transport: createSmtpTransport(keys.SMTP_URL, keys.MAIL_FROM),
    limiter: createRedisRateLimiter(env.REDIS_URL, {
      onError: (error) =>
        deps.log.warn('rate limits counted in memory: Redis did not answer', { error: String(error) }),
    }),
    config: { publicUrl: keys.PUBLIC_URL },
  });
  const served = await service.start(env.PORT, env.HOST);
  return { url: served.url, stop: service.stop };
});

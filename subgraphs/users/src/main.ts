// Production entry point of the users subgraph: configuration from the environment (see README).
import { bootSubgraph, createRedisRateLimiter, importSigningKey, parseJwkSetting, runService } from '@abri/platform';
import { usersEnv } from './env.ts';
import { smsProviderNamed } from './messaging/sms.ts';
import { createSmtpTransport } from './messaging/transport.ts';
import { vapidKeyFromJwk } from './push/web-push.ts';
import { createUsersService } from './server.ts';

await runService('users', async () => {
  const { env, deps } = await bootSubgraph('users', usersEnv);
  const service = createUsersService({
    ...deps,
    tokenKey: await importSigningKey(parseJwkSetting(env.ACCESS_TOKEN_PRIVATE_KEY)),
    previousTokenKeys: JSON.parse(env.ACCESS_TOKEN_PREVIOUS_PUBLIC_KEYS),
    blindIndexKey: Buffer.from(env.BLIND_INDEX_KEY, 'base64'),
    transport: createSmtpTransport(env.SMTP_URL, env.MAIL_FROM, smsProviderNamed(env.SMS_PROVIDER, deps.log)),
    // Under the deployment's prefix, as the gateway's (its own name beside it): two deployments on one Redis do not
    // share failed sign-ins per address or texts per customer.
    limiter: createRedisRateLimiter(env.REDIS_URL, {
      prefix: `${env.ABRI_BUS_PREFIX}users-rate:`,
      onError: (error) =>
        deps.log.warn('rate limits counted in memory: Redis did not answer', { error: String(error) }),
    }),
    config: { publicUrl: env.PUBLIC_URL },
    push: {
      vapid: env.VAPID_PRIVATE_KEY ? vapidKeyFromJwk(parseJwkSetting(env.VAPID_PRIVATE_KEY) as JsonWebKey) : null,
      subject: env.VAPID_SUBJECT,
    },
  });
  const served = await service.start(env.PORT, env.HOST);
  return { url: served.url, stop: service.stop };
});

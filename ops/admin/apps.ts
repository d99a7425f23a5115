// The users and policies application services the CLI acts through, on the production databases. Their servers,
// relays and message dispatchers are not started: events and e-mails written here wait in the outboxes, and the
// running services publish and send them, as they would for a change made through the API.
import {
  createLogger,
  createMemoryBus,
  generateHopSecret,
  generateSigningJwk,
  importSigningKey,
  parseHopKeys,
  parseKeyring,
} from '@abri/platform';
import { createPoliciesService } from '../../subgraphs/policies/src/server.ts';
import { createLocalMailbox } from '../../subgraphs/users/src/messaging/transport.ts';
import { createUsersService } from '../../subgraphs/users/src/server.ts';
import type { AdminEnv } from './env.ts';

export async function openApps(env: AdminEnv) {
  // Keys nothing here signs with (no token, no attestation is issued), only there because the services need one.
  const unused = await generateSigningJwk();
  const base = async (name: 'users' | 'policies', url: string) => ({
    db: { kind: 'postgres' as const, url, schema: name, maxConnections: 2 },
    bus: createMemoryBus(),
    hopKeys: parseHopKeys(generateHopSecret()),
    log: createLogger(`admin:${name}`, { silent: true }),
    keyring: parseKeyring(name === 'users' ? env.ENCRYPTION_KEYS : env.POLICIES_ENCRYPTION_KEYS),
    blindIndexKey: Buffer.from(env.BLIND_INDEX_KEY, 'base64'),
  });
  const users = createUsersService({
    ...(await base('users', env.USERS_DATABASE_URL ?? env.DATABASE_URL)),
    tokenKey: await importSigningKey(unused),
    transport: createLocalMailbox(null),
    config: { publicUrl: env.PUBLIC_URL },
  });
  const policies = createPoliciesService({
    ...(await base('policies', env.POLICIES_DATABASE_URL ?? env.DATABASE_URL)),
    attestationKey: await importSigningKey(unused),
    publicUrl: env.PUBLIC_URL,
  });
  return {
    users: users.app,
    policies: policies.app,
    async close() {
      await Promise.all([users.stop(), policies.stop()]);
    },
  };
}

export type AdminApps = Awaited<ReturnType<typeof openApps>>;

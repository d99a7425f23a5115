// What the administration CLI reads: the subgraphs' database, users' and policies' field keys (names, e-mails,
// phones, addresses, TOTP secrets and queued messages are sealed with them) and the portal's address for invitations. Parsed once, every problem listed.
import { keyringSetting, publicUrlSetting, setting } from '@abri/platform';
import { z } from 'zod';

const url = (meaning: string) => setting(z.string().url().optional(), meaning);

export const adminEnv = z.object({
  DATABASE_URL: setting(z.string().url(), 'PostgreSQL of the subgraphs (each its own schema)'),
  USERS_DATABASE_URL: url("users' PostgreSQL when it is not DATABASE_URL"),
  POLICIES_DATABASE_URL: url("policies' PostgreSQL when it is not DATABASE_URL"),
  ENCRYPTION_KEYS: keyringSetting("users' field keys (the users service's ENCRYPTION_KEYS)"),
  BLIND_INDEX_KEY: setting(z.string().min(1), "users' blind-index key (the users service's BLIND_INDEX_KEY)"),
  POLICIES_ENCRYPTION_KEYS: keyringSetting("policies' field keys (the policies service's ENCRYPTION_KEYS)"),
  PUBLIC_URL: publicUrlSetting("the web portal's address, named in invitations"),
});

export type AdminEnv = z.infer<typeof adminEnv>;

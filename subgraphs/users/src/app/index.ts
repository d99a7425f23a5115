// The users subgraph's application services: what resolvers call, holding the Prisma client and collaborators.
import type { Keyring, PresenceTracker, RateLimiter, ServiceBase, SigningKey } from '@abri/platform';
import type { PrismaClient } from '../../../../prisma/users/generated/prisma/client.ts';
import type { MessageTransport } from '../messaging/transport.ts';
import type { PushStats } from '../push/dispatcher.ts';
import type { PushChannelName, PushProvider } from '../push/providers.ts';

export interface UsersConfig {
  /** @default 600 seconds */
  accessTokenTtlSeconds: number;
  /** @default 30 days */
  sessionTtlDays: number;
  /** @default 300 seconds a second-factor challenge stays open */
  challengeTtlSeconds: number;
  /** Base of the links in e-mails (the web portal). @default 'http://localhost:4000' */
  publicUrl: string;
  /** Failed sign-ins from one address in 10 minutes before it is refused (password spraying). @default 30 */
  maxFailedSignInsPerIp: number;
}

export const defaultUsersConfig: UsersConfig = {
  accessTokenTtlSeconds: 600,
  sessionTtlDays: 30,
  challengeTtlSeconds: 300,
  publicUrl: 'http://localhost:4000',
  maxFailedSignInsPerIp: 30,
};

export interface UsersApp extends ServiceBase<PrismaClient> {
  transport: MessageTransport;
  /** Work running after its request was answered (see later.ts). */
  tasks: Set<Promise<void>>;
  /** Counts failed sign-ins per client address. */
  limiter: RateLimiter;
  /** Sends queued messages now rather than at the next tick. */
  kickMessages: () => void;
  tokenKey: SigningKey;
  keyring: Keyring;
  /** HMAC key of the blind indexes, also of the identifiers that match no account (UnknownSignInTarget). */
  blindIndexKey: Buffer;
  config: UsersConfig;
  push: PushSettings;
}

/** Push notifications (issue 14.2): a provider per channel in use. */
export interface PushSettings {
  providers: Partial<Record<PushChannelName, PushProvider>>;
  /** The VAPID public key browsers subscribe with (`applicationServerKey`); null when Web Push is off. */
  vapidPublicKey: string | null;
  /** Plain-HTTP endpoints accepted (tests' local push service only; never in production). */
  allowHttpEndpoints: boolean;
  stats: PushStats;
  /** Which sessions have a socket open on a gateway (set when the service starts). */
  presence: PresenceTracker | null;
}

// Sessions revoked while their access tokens are still valid. The users subgraph's database is the record: a
// replica asks it (signed route) for the sessions revoked within one access-token lifetime when it starts and every
// `pullSeconds` after, so a replica started after Redis lost its streams still refuses them. The bus brings each
// revocation at once in between, to close the session's open sockets without waiting.
import { type EventBus, Events, HOP_HEADER, type HopSecrets, type Logger, sha256, signHop } from '@abri/platform';

export interface Revocations {
  isRevoked(sid: string): boolean;
  /** Called for each newly known revocation. */
  onRevoked(listener: (sid: string) => void): void;
  /** True once the list has been read from the users subgraph at least once: before that, refuse to be ready. */
  loaded(): boolean;
  stop(): void;
}

export interface RevocationOptions {
  bus: EventBus;
  /** Reads the sessions revoked within the last `seconds` from their record. */
  pull: (seconds: number) => Promise<string[]>;
  accessTokenTtlSeconds: number;
  now: () => Date;
  log: Logger;
  /** @default 30 s between reads of the record */
  pullSeconds?: number;
}

/** `pull` over the users subgraph's signed route. */
export function pullFromUsers(
  usersUrl: string,
  hopSecrets: HopSecrets,
  now: () => Date = () => new Date(),
): RevocationOptions['pull'] {
  const base = usersUrl.replace(/\/graphql$/, '');
  return async (seconds) => {
    const path = `/internal/revoked-sessions?within=${seconds}`;
    const hop = signHop(hopSecrets, 'users', { use: 'http', bh: sha256(path) }, now());
    const res = await fetch(`${base}${path}`, { headers: { [HOP_HEADER]: hop }, signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`users answered ${res.status} for revoked sessions`);
    return ((await res.json()) as { revoked: { sid: string }[] }).revoked.map((r) => r.sid);
  };
}

export function trackRevocations(options: RevocationOptions): Revocations {
  const { bus, now, log } = options;
  const revoked = new Map<string, number>();
  const listeners = new Set<(sid: string) => void>();
  const keepMs = options.accessTokenTtlSeconds * 1000;
  let isLoaded = false;
  let stopped = false;
  let unsubscribe: (() => void) | undefined;
  const add = (sid: string) => {
    const known = revoked.has(sid);
    revoked.set(sid, now().getTime() + keepMs);
    if (!known) for (const listener of listeners) listener(sid);
  };

  const pull = async () => {
    try {
      // A little more than a token's lifetime: clocks of users and this replica need not agree to the second.
      for (const sid of await options.pull(options.accessTokenTtlSeconds + 60)) add(sid);
      isLoaded = true;
    } catch (error) {
      log.warn('could not read revoked sessions from users; will retry', { error: String(error) });
    }
  };
  const subscribe = async () => {
    try {
      unsubscribe = await bus.subscribe(Events.sessionRevoked, (event) => add(event.payload.sid));
    } catch (error) {
      log.warn('could not follow revocations on the bus; reading them from users meanwhile', { error: String(error) });
    }
  };
  // Subscribed before the first read, so a revocation between the two is in one or the other.
  void subscribe().then(pull);
  const timer = setInterval(
    () => {
      if (!unsubscribe) void subscribe();
      void pull();
      // Forget revocations once every token of the session has expired anyway.
      const t = now().getTime();
      for (const [sid, until] of revoked) if (until < t) revoked.delete(sid);
    },
    (options.pullSeconds ?? 30) * 1000,
  );
  timer.unref();
  return {
    isRevoked: (sid) => revoked.has(sid),
    onRevoked: (listener) => void listeners.add(listener),
    loaded: () => isLoaded || stopped,
    stop() {
      stopped = true;
      unsubscribe?.();
      clearInterval(timer);
    },
  };
}

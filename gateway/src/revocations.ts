// Sessions revoked while their access tokens are still valid. Fed by the users subgraph's events; a replica that
// starts catches up from the bus history covering one access-token lifetime.
import type { BusEvent, EventBus } from '@abri/platform';

export const SESSION_REVOKED = 'users.sessionRevoked';

export interface Revocations {
  isRevoked(sid: string): boolean;
  /** Called for each revocation as it arrives. */
  onRevoked(listener: (sid: string) => void): void;
  stop(): void;
}

export async function trackRevocations(
  bus: EventBus,
  accessTokenTtlSeconds: number,
  now: () => Date,
): Promise<Revocations> {
  const revoked = new Map<string, number>();
  const listeners = new Set<(sid: string) => void>();
  const keepMs = accessTokenTtlSeconds * 1000;
  const add = (event: BusEvent) => {
    const sid = (event.payload as { sid?: string }).sid;
    if (!sid) return;
    revoked.set(sid, new Date(event.at).getTime() + keepMs);
    for (const listener of listeners) listener(sid);
  };
  const stop = await bus.subscribe(SESSION_REVOKED, add);
  for (const event of await bus.history(SESSION_REVOKED, new Date(now().getTime() - keepMs))) add(event);
  // Forget revocations once every token of the session has expired anyway.
  const sweep = setInterval(() => {
    const t = now().getTime();
    for (const [sid, until] of revoked) if (until < t) revoked.delete(sid);
  }, 60_000);
  sweep.unref();
  return {
    isRevoked: (sid) => revoked.has(sid),
    onRevoked: (listener) => void listeners.add(listener),
    stop() {
      stop();
      clearInterval(sweep);
    },
  };
}

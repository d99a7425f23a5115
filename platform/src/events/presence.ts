// Which sessions have the app open: each gateway replica announces on the bus the sessions holding a socket with it,
// soon after that changes and again every `everyMs`; the push dispatcher (users) keeps the latest announcement of
// each replica until it expires, so a device that follows its events live is not notified a second time by push. A
// replica that dies stops announcing and its sessions count as away once its last announcement expires; a
// dispatcher that just started knows nobody for up to `everyMs`, and may then push to a device that also had the
// event live (a double, never a loss). Changes are announced at most once per `minGapMs`: an announcement names every
// session of the replica, so one per connection would cost the square of the sockets when thousands connect at once
// (a restart, bench/fanout.ts). The cost of the gap: a device that connects within it may get a push for an event it
// also had live, and one that closes the app within it still counts as present until the next announcement, so an
// event in that second is not pushed to it (the event itself is not lost: the app reads it from its cursor when it
// opens again).
import { randomUUID } from 'node:crypto';
import type { EventBus } from './bus.ts';
import { Events, type PayloadOf } from './catalog.ts';

type Announcement = PayloadOf<typeof Events.presence>;

export interface PresenceAnnouncer {
  /** The sessions with a socket changed: announce soon (the changes until then make one announcement). */
  changed(): void;
  stop(): void;
}

export function announcePresence(options: {
  bus: EventBus;
  sessions: () => Iterable<string>;
  now: () => Date;
  /** @default 10_000 ms between announcements when nothing changes; each counts for three periods */
  everyMs?: number;
  /**
   * Least time between two announcements: changes within it wait and go out together. A device that connects in
   * between may get a push for an event it also receives live; one that leaves in between is not pushed what happens
   * before the next announcement (it reads it from its cursor when the app opens again).
   * @default 1_000 ms
   */
  minGapMs?: number;
  onError?: (error: unknown) => void;
}): PresenceAnnouncer {
  const everyMs = options.everyMs ?? 10_000;
  const minGapMs = options.minGapMs ?? 1_000;
  const replica = randomUUID();
  let sequence = 0;
  let queued: NodeJS.Timeout | undefined;
  let lastAt = Number.NEGATIVE_INFINITY;
  let stopped = false;
  const announce = (leaving = false) => {
    clearTimeout(queued);
    queued = undefined;
    if (stopped) return;
    lastAt = Date.now();
    const now = options.now();
    const payload: Announcement = {
      replica,
      sessions: leaving ? [] : [...options.sessions()],
      until: new Date(now.getTime() + 3 * everyMs).toISOString(),
    };
    options.bus
      .publish({
        id: String(++sequence),
        source: 'gateway',
        topic: Events.presence.topic,
        customerId: null,
        payload,
        at: now.toISOString(),
      })
      .catch((error) => options.onError?.(error));
  };
  const timer = setInterval(() => announce(), everyMs);
  timer.unref();
  announce();
  return {
    changed() {
      if (queued || stopped) return;
      queued = setTimeout(() => announce(), Math.max(0, lastAt + minGapMs - Date.now())).unref();
    },
    stop() {
      // Announced empty, so that the dispatcher does not wait for the expiry to push to those devices.
      announce(true);
      stopped = true;
      clearInterval(timer);
    },
  };
}

export interface PresenceTracker {
  /** True while a gateway replica says `sessionId` has a socket open. */
  isLive(sessionId: string): boolean;
  stop(): void;
}

export async function trackPresence(options: { bus: EventBus; now: () => Date }): Promise<PresenceTracker> {
  const replicas = new Map<string, { sessions: Set<string>; until: number }>();
  const stop = await options.bus.subscribe(Events.presence, (event) => {
    const { replica, sessions, until } = event.payload;
    replicas.set(replica, { sessions: new Set(sessions), until: Date.parse(until) });
  });
  return {
    isLive(sessionId) {
      const now = options.now().getTime();
      for (const [replica, known] of replicas) {
        if (known.until <= now) replicas.delete(replica);
        else if (known.sessions.has(sessionId)) return true;
      }
      return false;
    },
    stop,
  };
}

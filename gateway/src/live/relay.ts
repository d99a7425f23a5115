// Live fan-out across gateway replicas. The load balancer spreads a customer's devices over the replicas; without a
// relay, each replica holding one of them runs its own upstream subscription and its own run of the plan per event.
// With the Redis relay, one replica, the leader of the channel's key (a lease in Redis), runs them and publishes each
// result; the other replicas deliver what it publishes. The key holds the identity (customer and roles), so only
// devices of one caller ever share a result.
//
// Nothing is lost, doubled or reordered whatever fails, because each published result names the event before it in
// the stream (`prev`), each message of a leader on a channel is numbered, and a replica passes a result on only when
// it has the one before:
// - a replica that misses a link (its Redis connection dropped, the leader's publication failed, a leader that
//   published before this replica listened) runs the channel itself from its own position, as without a relay
//   ("alone"), and follows again once a published result continues from where it is;
// - a leader that goes (its channel closed, its replica stopped, or its heartbeat key expired) is replaced by a
//   follower, which takes the lease and resumes the upstream subscription from its own position;
// - two leaders at once (after a failover) only cost work: each result is passed on once, by its id.
import { createHash, randomUUID } from 'node:crypto';
import type { LiveChannels, Logger } from '@abri/platform';
import { GraphQLError } from 'graphql';
import { Redis } from 'ioredis';
import { type ChannelSource, cursorId, type Processed } from './channel.ts';
import type { UpstreamEvent, UpstreamSink } from './upstream.ts';

/** How a stream ends: refused by the subgraph (its errors), or completed. */
type End = { errors: Parameters<UpstreamSink['refused']>[0] } | { errors?: undefined };

/**
 * What a shared channel processes, in order: an event of its own upstream subscription, a result another replica ran,
 * or the end of the stream (after the events before it).
 */
export type Shared<E = UpstreamEvent> = { upstream: E } | { relayed: Processed } | { ended: End };

export interface LiveRelay {
  /** The source a channel of `key` runs on: `source` on the replica that leads it, the leader's results elsewhere. */
  share<E>(key: string, source: ChannelSource<E>): ChannelSource<Shared<E>>;
  /** Channels by role in this process, and how many times one had to run alone (for tests and metrics). */
  stats(): LiveChannels;
  dispose(): Promise<void>;
}

/** One replica: every channel runs its own upstream subscription. */
export const noRelay: LiveRelay = {
  share: (_key, source) => ({
    open: (cursor, sink) => source.open(cursor, { ...sink, next: (upstream) => sink.next({ upstream }) }),
    process: (event) =>
      'upstream' in event ? source.process(event.upstream) : Promise.resolve('relayed' in event ? event.relayed : null),
    refusal: (errors) => source.refusal(errors),
  }),
  stats: () => ({ leading: 0, following: 0, alone: 0, gaps: 0 }),
  dispose: async () => {},
};

/**
 * @default 1.5 s between heartbeats; a replica whose heartbeat is 5 s old is gone, and its leases with it (a replica
 * only slow to beat is replaced all the same: two leaders for a while cost work, never an event)
 */
const HEARTBEAT_MS = 1_500;
const ALIVE_MS = 5_000;
/** @default a lease lasts 10 min unless its leader renews it (every minute): a crashed replica's leases expire */
const LEASE_MS = 600_000;
const RENEW_EVERY = 40;
/** @default a channel that has no answer from Redis within 2 s starts on its own */
const START_MS = 2_000;

/**
 * (The scripts are for one Redis, not a cluster: ACQUIRE reads the holder's heartbeat key, which it cannot declare.)
 *
 * Takes the lease unless a live replica holds it, and answers the holder with the position it published last ('' when
 * not known). A replica that takes it records its own position. KEYS: lease, position; ARGV: me, heartbeat prefix,
 * lease ms, my position ('' when none).
 */
const ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] and redis.call('EXISTS', ARGV[2] .. holder) == 1 then
  return {holder, redis.call('GET', KEYS[2]) or ''}
end
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[2], ARGV[3])
elseif ARGV[4] == '' then redis.call('DEL', KEYS[2])
else redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[3]) end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return {ARGV[1], ''}`;
/** Lets the lease go if this replica holds it. KEYS: lease, position; ARGV: me. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1], KEYS[2]) end return 0`;
/** Records the leader's position and publishes, in one command. KEYS: position; ARGV: id, message, ms, channel. */
const ADVANCE = `redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3]) return redis.call('PUBLISH', ARGV[4], ARGV[2])`;

/**
 * A published message, from replica `r`: a result (`i`, its id; `p`, the id before it), a position, an end, or a
 * leader's leaving. `s` numbers a leader's messages on a channel: a follower that misses one (a result without a
 * cursor has no id to chain) sees the gap.
 */
type Message =
  | { r: string; s: number; p: string | null; i: string | null; c: string | null; d: Processed['result'] }
  | { r: string; s: number; at: string }
  | { r: string; s: number; end: End }
  | { r: string; gone: true };

interface Entry {
  /** The channel's name in Redis (its pub/sub topic; its lease and position keys derive from it). */
  name: string;
  mode: 'starting' | 'leader' | 'follower' | 'alone';
  /** The replica this one follows (or would follow again), when known. */
  leader: string | null;
  /** Id and cursor of the last event this channel has (from its start cursor, its upstream or the leader). */
  have: bigint | null;
  haveCursor: string | null;
  /** Stops this replica's own upstream subscription, while it has one. */
  stopUpstream: (() => void) | null;
  /** Messages received while the entry was starting. */
  early: Message[];
  /** Leading: the number of the last message published. Following: that of the last message from the leader. */
  seq: number | null;
  /** Leading: a message could not be published since the position was last told. */
  unsent: boolean;
  receive(message: Message): void;
  /** Ends the channel's devices' streams (once the events before the end are through). */
  end(ended: End): void;
  /** Opens this replica's own upstream subscription from where the channel is (no-op when open). */
  runUpstream(): void;
}

export function createRedisRelay(
  url: string,
  options: {
    prefix: string;
    log: Logger;
    /**
     * Time between this replica's heartbeats, and how long each counts (a replica slower is taken for gone). For
     * tests: leases are renewed every RENEW_EVERY beats, which stays within LEASE_MS only at the default.
     */
    heartbeat?: { everyMs: number; aliveMs: number };
  },
): LiveRelay & { /** This replica's id in Redis (its connections are named after it). */ id: string } {
  const me = randomUUID();
  const heartbeatKey = (replica: string) => `${options.prefix}live:replica:${replica}`;
  // Commands fail fast (a channel then runs alone); the listener waits for Redis to come back.
  const commands = new Redis(url, { maxRetriesPerRequest: 1, connectionName: `abri-live-${me}` });
  const listener = new Redis(url, { maxRetriesPerRequest: null, connectionName: `abri-live-listen-${me}` });
  commands.on('error', () => {});
  listener.on('error', () => {});
  // Scripts run by their hash (EVALSHA), sent whole only once.
  const scripts = commands as unknown as Record<
    'liveAcquire' | 'liveAdvance' | 'liveRelease',
    (...args: string[]) => Promise<unknown>
  >;
  commands.defineCommand('liveAcquire', { numberOfKeys: 2, lua: ACQUIRE });
  commands.defineCommand('liveRelease', { numberOfKeys: 2, lua: RELEASE });
  commands.defineCommand('liveAdvance', { numberOfKeys: 1, lua: ADVANCE });
  const entries = new Map<string, Entry>();
  /** Channels closed here whose lease could not be let go yet. */
  const unreleased = new Set<string>();
  const leaseOf = (name: string) => `${name}:lease`;
  const positionOf = (name: string) => `${name}:at`;
  let gaps = 0;
  let disposed = false;

  listener.on('message', (name: string, text: string) => {
    const entry = entries.get(name);
    if (!entry || entry.mode === 'leader') return;
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return;
    }
    if (message.r !== me) entry.receive(message);
  });
  // What was published while the listener was away is lost to it: followers run alone until the chain continues.
  let listening = false;
  listener.on('ready', () => {
    listening = true;
  });
  listener.on('close', () => {
    if (!listening || disposed) return;
    listening = false;
    let moved = 0;
    for (const entry of entries.values())
      if (entry.mode === 'follower') {
        runAlone(entry);
        moved++;
      }
    if (moved) options.log.warn('live relay: Redis connection lost, channels run on their own', { channels: moved });
  });
  // A leader's publications may have failed while its connection was away: it tells where it is, so a follower that
  // missed one sees the gap now rather than at the next event.
  let commanding = false;
  commands.on('ready', () => {
    if (commanding) for (const entry of entries.values()) if (entry.mode === 'leader') tellPosition(entry);
    commanding = true;
  });
  /** A leader says where it is: a follower that missed one of its messages sees the gap in their numbers. */
  const tellPosition = (entry: Entry) => {
    entry.unsent = false;
    if (entry.have !== null) advance(entry, entry.have, { r: me, s: next(entry), at: String(entry.have) });
  };

  const publish = (entry: Entry, message: Message) => {
    commands.publish(entry.name, JSON.stringify(message)).catch(() => {
      entry.unsent = true;
    });
  };
  /** The next number of a leader's message on a channel. */
  const next = (entry: Entry) => {
    entry.seq = (entry.seq ?? 0) + 1;
    return entry.seq;
  };
  /** Publishes a message that moves the leader's position to `id`, and records that position, in one command. */
  const advance = (entry: Entry, id: bigint, message: Message) => {
    const { name } = entry;
    scripts.liveAdvance(positionOf(name), String(id), JSON.stringify(message), String(LEASE_MS), name).catch(() => {
      entry.unsent = true;
    });
  };
  const runAlone = (entry: Entry) => {
    gaps++;
    entry.runUpstream();
    entry.mode = 'alone';
  };

  /**
   * Acts on who holds the lease: this replica leads; or it follows the holder, from the start when the holder is not
   * ahead of it, else alone until it catches up (a lost lease: alone too).
   */
  const settle = (entry: Entry, holder: string, position: string) => {
    if (holder === me) {
      // A leader does not listen to its channel: Redis would send it back each of its own messages.
      if (entry.mode !== 'leader') listener.unsubscribe(entry.name).catch(() => {});
      entry.leader = me;
      entry.runUpstream();
      entry.mode = 'leader';
      return;
    }
    if (entry.leader !== holder) entry.seq = null;
    entry.leader = holder;
    if (entry.mode === 'leader') {
      entry.mode = 'alone';
      listener.subscribe(entry.name).catch(() => {});
    } else if (entry.mode === 'starting') {
      // Followers start from where the leader is, unless they are behind it or cannot tell. A channel without a
      // position yet (live only) runs alone until its first event: a leader lost before then would leave it none to
      // resume from.
      const behind = entry.have === null || position === '' || BigInt(position) > entry.have;
      if (behind) runAlone(entry);
      else entry.mode = 'follower';
    }
  };
  const acquire = (entry: Entry) =>
    scripts.liveAcquire(
      leaseOf(entry.name),
      positionOf(entry.name),
      me,
      heartbeatKey(''),
      String(LEASE_MS),
      entry.have === null ? '' : String(entry.have),
    ) as Promise<[string, string]>;
  /** Whether `entry` is still its channel in this process; a lease taken for a closed one is let go. */
  const current = (entry: Entry, holder: string | null) => {
    if (entries.get(entry.name) === entry) return true;
    if (holder === me && !entries.has(entry.name)) void release(entry.name);
    return false;
  };
  const takeOver = (entry: Entry) =>
    acquire(entry).then(
      ([holder, position]) => current(entry, holder) && settle(entry, holder, position),
      () => {},
    );

  let ticks = 0;
  const { everyMs, aliveMs } = options.heartbeat ?? { everyMs: HEARTBEAT_MS, aliveMs: ALIVE_MS };
  const beat = () => commands.set(heartbeatKey(me), '1', 'PX', aliveMs).catch(() => {});
  void beat();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  async function tick() {
    await beat();
    ticks++;
    // A channel opened here again since decides about its lease itself.
    for (const name of unreleased) {
      if (entries.has(name)) unreleased.delete(name);
      else void release(name);
    }
    const watched = new Map<string, Entry[]>();
    for (const entry of entries.values()) {
      if (entry.mode === 'leader') {
        if (entry.unsent) tellPosition(entry);
        if (ticks % RENEW_EVERY === 0) void takeOver(entry);
      } else if (entry.mode !== 'starting') {
        // No known leader, or one whose heartbeat may have stopped.
        const leader = entry.leader ?? '';
        const list = watched.get(leader);
        if (list) list.push(entry);
        else watched.set(leader, [entry]);
      }
    }
    if (!watched.size) return;
    const leaders = [...watched.keys()];
    let alive: number[];
    try {
      alive = await Promise.all(leaders.map((l) => (l ? commands.exists(heartbeatKey(l)) : 0)));
    } catch {
      return;
    }
    leaders.forEach((leader, i) => {
      if (alive[i]) return;
      for (const entry of watched.get(leader)!) void takeOver(entry);
    });
  }

  function share<E>(key: string, source: ChannelSource<E>): ChannelSource<Shared<E>> {
    const name = `${options.prefix}live:${createHash('sha256').update(key).digest('base64url')}`;
    let entry: Entry | undefined;
    return {
      refusal: (errors) => source.refusal(errors),
      async process(event) {
        const self = entry!;
        if ('relayed' in event) return event.relayed;
        if ('ended' in event) {
          // After the events before it (this queue is the channel's), so a follower gets them all first.
          if (self.mode === 'leader') publish(self, { r: me, s: next(self), end: event.ended });
          self.end(event.ended);
          return null;
        }
        const done = await source.process(event.upstream);
        if (!done) return null;
        const leading = self.mode === 'leader';
        if (done.id === null) {
          if (leading) publish(self, { r: me, s: next(self), p: null, i: null, c: null, d: done.result });
          return done;
        }
        if (self.have !== null && done.id <= self.have) return done;
        const prev = self.have === null ? null : String(self.have);
        self.have = done.id;
        self.haveCursor = done.cursor;
        if (leading)
          advance(self, done.id, {
            r: me,
            s: next(self),
            p: prev,
            i: String(done.id),
            c: done.cursor,
            d: done.result,
          });
        return done;
      },
      open(cursor, sink) {
        const start = cursor();
        const self: Entry = {
          name,
          mode: 'starting',
          leader: null,
          have: cursorId(start),
          haveCursor: start,
          stopUpstream: null,
          early: [],
          seq: null,
          unsent: false,
          end: (ended) => (ended.errors ? sink.refused(ended.errors) : sink.complete()),
          runUpstream() {
            self.stopUpstream ??= source.open(() => self.haveCursor, {
              next: (upstream) => sink.next({ upstream }),
              refused: (errors) => sink.next({ ended: { errors } }),
              complete: () => sink.next({ ended: {} }),
            });
          },
          receive(message) {
            if (self.mode === 'starting') {
              self.early.push(message);
              return;
            }
            if (self.mode === 'leader') return;
            if ('gone' in message) {
              if (message.r === self.leader) void takeOver(self);
              return;
            }
            if (message.r === self.leader) {
              // A message of the leader missed in between: its results from our own upstream instead.
              const missed = self.seq !== null && message.s !== self.seq + 1;
              self.seq = message.s;
              if (missed && self.mode === 'follower') {
                runAlone(self);
                return;
              }
            }
            if ('end' in message) {
              if (self.mode === 'follower' && message.r === self.leader) sink.next({ ended: message.end });
              return;
            }
            if ('at' in message) {
              if (self.mode === 'follower' && self.have !== null && BigInt(message.at) > self.have) runAlone(self);
              return;
            }
            const id = message.i === null ? null : BigInt(message.i);
            const prev = message.p === null ? null : BigInt(message.p);
            if (self.mode === 'alone' && id !== null && id === self.have) {
              // The leader is where this channel is: its results from the next one on, and no upstream of our own.
              follow(self, message.r, message.s);
              return;
            }
            if (id !== null && self.have !== null && id <= self.have) return;
            // Passed on only when it continues from where this channel is.
            const continues = id === null || self.have === null || (prev !== null && prev <= self.have);
            if (!continues) {
              if (self.mode === 'follower') runAlone(self);
              return;
            }
            // A result without a cursor cannot be told from another leader's copy of it: the leader's only.
            if (id === null && (self.mode !== 'follower' || message.r !== self.leader)) return;
            if (self.mode === 'alone' || self.leader !== message.r) follow(self, message.r, message.s);
            if (id !== null) {
              self.have = id;
              self.haveCursor = message.c;
            }
            sink.next({ relayed: { id, cursor: message.c, result: revive(message.d) } });
          },
        };
        entry = self;
        entries.set(name, self);

        // Listen first, then ask for the lease: what the leader publishes meanwhile waits in `early`. A Redis that
        // does not answer soon leaves the channel on its own meanwhile; its answer, when it comes, still counts.
        const started = () => {
          clearTimeout(late);
          for (const message of self.early.splice(0)) self.receive(message);
        };
        const late = setTimeout(() => {
          if (self.mode !== 'starting' || entries.get(name) !== self) return;
          runAlone(self);
          started();
        }, START_MS);
        listener
          .subscribe(name)
          .then(() => acquire(self))
          .then(
            (answer) => {
              if (!current(self, answer[0])) return;
              settle(self, ...answer);
              started();
            },
            () => {
              if (entries.get(name) !== self || self.mode !== 'starting') return;
              runAlone(self);
              started();
            },
          );

        return () => {
          if (entries.get(name) === self) entries.delete(name);
          self.stopUpstream?.();
          self.stopUpstream = null;
          listener.unsubscribe(name).catch(() => {});
          if (self.mode === 'leader') void release(name);
          self.mode = 'alone';
        };
      },
    };
  }

  const follow = (entry: Entry, leader: string, seq: number) => {
    entry.stopUpstream?.();
    entry.stopUpstream = null;
    entry.mode = 'follower';
    entry.leader = leader;
    entry.seq = seq;
  };

  /**
   * Lets the lease of `name` go and tells its followers, who take over at once. Tried again at each heartbeat until it
   * is done: this replica still beats, so its followers would otherwise wait for a leader that publishes nothing.
   */
  async function release(name: string) {
    try {
      await scripts.liveRelease(leaseOf(name), positionOf(name), me);
      await commands.publish(name, JSON.stringify({ r: me, gone: true } satisfies Message));
      unreleased.delete(name);
    } catch {
      unreleased.add(name);
    }
  }

  return {
    id: me,
    share,
    stats() {
      const count = { leading: 0, following: 0, alone: 0, gaps };
      for (const entry of entries.values()) {
        if (entry.mode === 'leader') count.leading++;
        else if (entry.mode === 'follower') count.following++;
        else if (entry.mode === 'alone') count.alone++;
      }
      return count;
    },
    async dispose() {
      disposed = true;
      clearInterval(timer);
      const led = [...entries.values()].filter((e) => e.mode === 'leader');
      await Promise.all(led.map((e) => release(e.name)));
      await commands.del(heartbeatKey(me)).catch(() => {});
      commands.disconnect();
      listener.disconnect();
    },
  };
}

/** A result as JSON brought back: its errors as GraphQL errors again, as the socket server expects them. */
const revive = (result: Processed['result']): Processed['result'] =>
  result.errors
    ? {
        ...result,
        errors: result.errors.map(
          (e) => new GraphQLError(e.message, { ...(e.path ? { path: e.path } : {}), extensions: e.extensions }),
        ),
      }
    : result;

// A subscription a device can follow for days: it resumes from the last cursor it handled after a network loss, a
// gateway restart, an expired token or the app being sent to the background, and it hands each event over once, in
// order. graphql-ws's own retry cannot do this: it re-sends the subscription with the variables it started with, so
// every reconnect replays from the first cursor (events doubled), and it gives up after a few attempts.
//
// Each connection asks with `after: <last cursor handled>`; events whose cursor is not after that one are dropped
// (a replay overlapping the live stream). Reconnections wait with exponential backoff and full jitter, so thousands
// of phones do not come back in the same second after a gateway restart. Close code 4401 (token expired) renews the
// session and reconnects; 4403 (session revoked) or a refused renewal ends with `signed-out`.
import type { AbriClient, GraphQLError } from './client.ts';
import { type Operation, operationText } from './graphql.ts';
import { type CursorStorage, memoryStorage } from './storage.ts';

export interface FollowOptions<T, V = Record<string, unknown>> {
  /**
   * Receives each event once, in order. The cursor is stored once it returns (or its promise resolves), so an event
   * the app was handling when it was killed comes again at the next launch.
   */
  onEvent: (data: T, meta: { cursor: string | null; errors?: GraphQLError[] }) => void | Promise<void>;
  /** The subscription's variables, without the cursor. */
  variables?: Omit<V, 'after'>;
  /** Where the last cursor is kept between connections and launches. @default memoryStorage() */
  storage?: CursorStorage;
  /**
   * Where to start when `storage` holds no cursor yet (first launch): the stream position read with the screen's
   * state (e.g. `me { eventsCursor }` for `customerEvents`), so nothing that changes between that answer and the
   * subscription is missed. Without it and without a stored cursor, only what happens once subscribed comes.
   */
  from?: string | null;
  /** The cursor's key in `storage`. @default derived from the query and the variables */
  key?: string;
  /** The variable that carries the cursor. @default 'after' */
  afterVariable?: string;
  /** Reconnection delays: a random wait between 0 and min(maxMs, initialMs × 2^attempt). */
  backoff?: {
    /** @default 500 */
    initialMs?: number;
    /** @default 30000 */
    maxMs?: number;
    /** @default Math.random */
    random?: () => number;
  };
  /** Orders two cursors (negative when `a` comes first). @default compareCursors */
  compare?: (a: string, b: string) => number;
  /** Ping period in ms; without a pong before the next ping the connection is taken as lost. @default 15000 */
  keepAliveMs?: number;
  /** Every change of state, with what caused it (a close event, errors) when there is one. */
  onState?: (state: FollowState, cause?: unknown) => void;
  /** An error thrown by `onEvent` (the event counts as handled). */
  onError?: (error: unknown) => void;
}

export type FollowState = 'connecting' | 'live' | 'waiting' | 'paused' | 'ended';

/** Why following ended: `stop()`, a session that is over, or a failure a retry cannot mend. */
export type FollowEnd = { kind: 'stopped' } | { kind: 'signed-out' } | { kind: 'failed'; error: unknown };

export interface Follow {
  readonly state: FollowState;
  /** The cursor of the last event handled. */
  readonly cursor: string | null;
  /** Closes the connection and keeps the cursor (app in the background). */
  pause(): void;
  /** Reconnects at once from the cursor (app in the foreground again, network back). */
  resume(): void;
  /** Ends for good. */
  stop(): Promise<void>;
  readonly ended: Promise<FollowEnd>;
}

/**
 * Cursors are `<stream>.<position>`: two of the same stream compare by position. Cursors of different streams
 * cannot be ordered; they compare as "after" so that nothing is dropped.
 */
export function compareCursors(a: string, b: string): number {
  const ma = /^(.*)\.(\d{1,19})$/.exec(a);
  const mb = /^(.*)\.(\d{1,19})$/.exec(b);
  if (!ma || !mb || ma[1] !== mb[1]) return a === b ? 0 : 1;
  const d = BigInt(ma[2]!) - BigInt(mb[2]!);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

// Close codes after which trying again cannot help: the client and the server do not speak the same protocol.
const FINAL_CLOSE_CODES = new Set([4400, 4004, 4005, 4406, 4409, 4429]);
// Operation errors that another attempt may not meet.
const RETRYABLE_CODES = new Set(['UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL']);

type Outcome =
  | { kind: 'retry'; cause: unknown }
  | { kind: 'unauthorized'; cause: unknown }
  | { kind: 'signed-out' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'interrupted' };

function outcomeOfErrors(errors: readonly GraphQLError[]): Outcome {
  const codes = errors.map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) return { kind: 'unauthorized', cause: errors };
  const retryable = errors.every(
    (e) => e.extensions?.retryable === true || !e.extensions?.code || RETRYABLE_CODES.has(e.extensions.code),
  );
  return retryable ? { kind: 'retry', cause: errors } : { kind: 'failed', error: errors };
}

function outcomeOf(error: unknown): Outcome {
  if (Array.isArray(error)) return outcomeOfErrors(error as GraphQLError[]);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 4401) return { kind: 'unauthorized', cause: error };
  if (code === 4403) return { kind: 'signed-out' };
  if (typeof code === 'number' && FINAL_CLOSE_CODES.has(code)) return { kind: 'failed', error };
  return { kind: 'retry', cause: error };
}

/** Full jitter: a random wait between 0 and the exponential bound, capped. */
export const backoffDelay = (attempt: number, initialMs: number, maxMs: number, random: () => number) =>
  random() * Math.min(maxMs, initialMs * 2 ** attempt);

/** FNV-1a, to name a subscription's cursor by its query and variables. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

export function follow<T = Record<string, unknown>, V = Record<string, unknown>>(
  client: AbriClient,
  operation: Operation<T, V>,
  options: FollowOptions<T, V>,
): Follow {
  const query = operationText(operation);
  const storage = options.storage ?? memoryStorage();
  const key = options.key ?? `follow.${hash(`${query}\n${JSON.stringify(options.variables ?? {})}`)}`;
  const afterVariable = options.afterVariable ?? 'after';
  const compare = options.compare ?? compareCursors;
  const { initialMs = 500, maxMs = 30_000, random = Math.random } = options.backoff ?? {};
  const keepAlive = options.keepAliveMs ?? 15_000;

  let state: FollowState = 'connecting';
  let cursor: string | null = null;
  let attempt = 0;
  let stopped = false;
  let paused = false;
  let wake: (() => void) | null = null;
  let interrupt: (() => void) | null = null;
  // Events are handled one after the other, each after the previous one's cursor is stored.
  let handling: Promise<void> = Promise.resolve();

  const setState = (next: FollowState, cause?: unknown) => {
    state = next;
    options.onState?.(next, cause);
  };

  /** Waits `ms` (forever when null) or until pause, resume or stop. */
  const nap = (ms: number | null) =>
    new Promise<void>((resolve) => {
      const timer = ms === null ? undefined : setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  async function handle(result: { data?: T | null; errors?: GraphQLError[] }) {
    if (stopped || !result.data) return;
    const root = Object.values(result.data as Record<string, unknown>)[0] as { cursor?: unknown } | null | undefined;
    const at = typeof root?.cursor === 'string' ? root.cursor : null;
    if (at && cursor && compare(at, cursor) <= 0) return;
    try {
      await options.onEvent(result.data, { cursor: at, ...(result.errors ? { errors: result.errors } : {}) });
    } catch (error) {
      options.onError?.(error);
    }
    if (!at) return;
    cursor = at;
    await storage.set(key, at);
  }

  /** One connection and subscription, until it ends for any reason. */
  function once(): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      let pongDue: ReturnType<typeof setTimeout> | undefined;
      let pending: Outcome | null = null;
      const socket = client.socket({
        keepAlive,
        on: {
          connected: () => {
            attempt = 0;
            setState('live');
          },
          ping: (received) => {
            if (received || !keepAlive) return;
            clearTimeout(pongDue);
            pongDue = setTimeout(() => socket.terminate(), keepAlive);
          },
          pong: (received) => {
            if (received) clearTimeout(pongDue);
          },
        },
      });
      const variables = { ...options.variables, ...(cursor ? { [afterVariable]: cursor } : {}) };
      let finished = false;
      const finish = (outcome: Outcome) => {
        if (finished) return;
        finished = true;
        interrupt = null;
        clearTimeout(pongDue);
        unsubscribe();
        void socket.dispose();
        resolve(outcome);
      };
      const unsubscribe = socket.subscribe<T>(
        { query, variables },
        {
          next: (result) => {
            // An event without data is an error of the operation, followed by `complete`.
            if (!result.data) {
              pending = outcomeOfErrors((result.errors ?? []) as GraphQLError[]);
              return;
            }
            handling = handling.then(() => handle(result as { data: T; errors?: GraphQLError[] }));
          },
          error: (error) => finish(outcomeOf(error)),
          // A live stream does not end by itself: the server closed it (restart, drain); come back.
          complete: () => finish(pending ?? { kind: 'retry', cause: 'completed by the server' }),
        },
      );
      interrupt = () => finish({ kind: 'interrupted' });
    });
  }

  async function run(): Promise<FollowEnd> {
    cursor = (await storage.get(key)) ?? options.from ?? null;
    let renewed = false;
    while (!stopped) {
      if (paused) {
        setState('paused');
        await nap(null);
        continue;
      }
      setState('connecting');
      const outcome = await once();
      await handling;
      if (stopped) break;
      if (outcome.kind === 'interrupted') continue;
      if (outcome.kind === 'signed-out') return end({ kind: 'signed-out' });
      if (outcome.kind === 'failed') return end(outcome, outcome.error);
      if (outcome.kind === 'unauthorized') {
        // Right after a renewal the new token was refused too: wait before renewing again.
        if (renewed) await backoff(outcome.cause);
        const refreshed = await client.refresh();
        if (refreshed.kind === 'signed-out') return end({ kind: 'signed-out' }, outcome.cause);
        renewed = refreshed.kind === 'refreshed';
        if (!renewed) await backoff(refreshed);
        continue;
      }
      renewed = false;
      await backoff(outcome.cause);
    }
    return end({ kind: 'stopped' });
  }

  async function backoff(cause: unknown) {
    if (stopped || paused) return;
    setState('waiting', cause);
    await nap(backoffDelay(attempt, initialMs, maxMs, random));
    attempt = Math.min(attempt + 1, 30);
  }

  function end(result: FollowEnd, cause?: unknown): FollowEnd {
    setState('ended', cause);
    return result;
  }

  const ended = run().catch((error: unknown) => end({ kind: 'failed', error }, error));
  return {
    get state() {
      return state;
    },
    get cursor() {
      return cursor;
    },
    pause() {
      if (stopped) return;
      paused = true;
      interrupt?.();
      wake?.();
    },
    resume() {
      if (stopped) return;
      paused = false;
      attempt = 0;
      wake?.();
    },
    async stop() {
      stopped = true;
      interrupt?.();
      wake?.();
      await ended;
    },
    ended,
  };
}

// A customer's event stream for a subscription resolver: what they missed since their cursor (from the outbox),
// then live events (from the bus), each exactly once and in order.
import { abriError, ErrorCode, isTransientFailure } from '../errors.ts';
import { eventDelivered } from '../metrics.ts';
import type { EventBus } from './bus.ts';
import type { EventDescriptor, TypedEvent } from './catalog.ts';
import type { Outbox } from './outbox.ts';

/** Cursors are `<source>.<outbox id>`: opaque to clients, checked here. */
export const cursorOf = (event: { source: string; id: string }): string => `${event.source}.${event.id}`;

/** The largest outbox id (a Postgres bigint). */
const MAX_ID = 9_223_372_036_854_775_807n;

export function parseCursor(source: string, cursor: string | null | undefined): bigint {
  if (cursor === null || cursor === undefined) return -1n;
  const match = /^([a-z]+)\.(\d{1,19})$/.exec(cursor);
  const id = match ? BigInt(match[2]!) : -1n;
  // 19 digits can exceed a Postgres bigint, which would fail later as an internal error.
  if (!match || match[1] !== source || id > MAX_ID)
    throw abriError(ErrorCode.INVALID_CURSOR, 'Ce curseur n’appartient pas à ce flux.');
  return id;
}

/** @default 1000 undelivered events before a too-slow subscriber is cut off (it resumes from its cursor). */
const MAX_BUFFER = 1000;

interface CustomerEventsOptions<P> {
  bus: EventBus;
  outbox: Outbox;
  /** The topic followed, from the catalogue; payloads it refuses are left out (and logged). */
  event: EventDescriptor<P>;
  customerId: string;
  /** Outbox id of the last event the client has; -1n for live only. */
  afterId: bigint;
  signal?: AbortSignal;
}

/**
 * The stream, ended at once by `return()`: a generator waiting for its next event would only see `return()` after
 * that event, keeping the bus listener (and the client's resources) of a closed subscription alive until then.
 */
export function customerEvents<P>(options: CustomerEventsOptions<P>): AsyncGenerator<TypedEvent<P>> {
  const controller = new AbortController();
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const inner = eventsUntilAborted({ ...options, signal: controller.signal });
  const stream: AsyncGenerator<TypedEvent<P>> = {
    next: () => inner.next(),
    async return(value) {
      controller.abort();
      return inner.return(value);
    },
    async throw(error) {
      controller.abort();
      return inner.throw(error);
    },
    [Symbol.asyncIterator]: () => stream,
  } as AsyncGenerator<TypedEvent<P>>;
  return stream;
}

async function* eventsUntilAborted<P>(options: CustomerEventsOptions<P>): AsyncGenerator<TypedEvent<P>> {
  const { bus, outbox, event: followed, customerId } = options;
  const topic = followed.topic;
  const buffered: TypedEvent<P>[] = [];
  let wake: (() => void) | undefined;
  let overflow = false;
  // Listen first, then read the outbox: an event committed in between is in one or both, and ids de-duplicate.
  const stop = await bus.subscribe(
    followed,
    (event) => {
      if (event.customerId !== customerId) return;
      if (buffered.length >= MAX_BUFFER) overflow = true;
      else buffered.push(event);
      wake?.();
    },
    { customerId },
  );
  const onAbort = () => wake?.();
  options.signal?.addEventListener('abort', onAbort);
  try {
    let last = options.afterId;
    if (last >= 0n) {
      const read = () => retryTransient(() => outbox.since(followed, customerId, last));
      for (let page = await read(); page.length; page = await read()) {
        for (const event of page) {
          last = BigInt(event.id);
          eventDelivered(topic, 'outbox');
          yield event;
        }
      }
    }
    while (!options.signal?.aborted) {
      if (overflow)
        throw abriError(
          ErrorCode.RATE_LIMITED,
          'Trop d’événements en attente : reprenez depuis votre dernier curseur.',
        );
      const event = buffered.shift();
      if (!event) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
        continue;
      }
      const id = BigInt(event.id);
      if (id <= last) continue;
      last = id;
      eventDelivered(topic, 'bus');
      yield event;
    }
  } finally {
    stop();
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * A replay read that meets a momentary database failure (a connection cut, a failover) is tried again a few times
 * before the stream ends with a retryable error: a device should not have to resubscribe for a blip.
 */
async function retryTransient<T>(read: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= attempts || !isTransientFailure(error)) throw error;
      await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  }
}

import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type BusEvent, createMemoryBus, type EventBus } from '../src/events/bus.ts';
import { defineEvent, type TypedEvent } from '../src/events/catalog.ts';
import { cursorOf, customerEvents, parseCursor } from '../src/events/live.ts';
import type { Outbox } from '../src/events/outbox.ts';

const FOLLOWED = defineEvent('claims.statusChanged', z.object({ id: z.number() }));
const TOPIC = FOLLOWED.topic;

const event = (id: number, customerId: string | null = 'c1', topic = TOPIC): BusEvent => ({
  id: String(id),
  source: 'claims',
  topic,
  customerId,
  payload: { id },
  at: new Date(Date.UTC(2026, 10, 26, 9, 0, id)).toISOString(),
});

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const unused = (): never => {
  throw new Error('not used by customerEvents');
};

/** An outbox over an array; `since` pages by `pageSize` and may run `beforeRead` first (a commit racing the read). */
function fakeOutbox(
  rows: BusEvent[],
  options: { pageSize?: number; beforeRead?: (call: number) => Promise<void> } = {},
) {
  const calls: { topic: string; customerId: string; afterId: bigint }[] = [];
  const outbox: Outbox = {
    source: 'claims',
    add: unused,
    addAll: unused,
    write: unused,
    kick: unused,
    lagSeconds: unused,
    head: unused,
    start: unused,
    stop: unused,
    async since<P>({ topic }: { topic: string }, customerId: string, afterId: bigint, limit = 1000) {
      calls.push({ topic, customerId, afterId });
      await options.beforeRead?.(calls.length);
      return rows
        .filter((row) => row.topic === topic && row.customerId === customerId && BigInt(row.id) > afterId)
        .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)))
        .slice(0, Math.min(limit, options.pageSize ?? limit)) as TypedEvent<P>[];
    },
  };
  return { outbox, calls };
}

/** The memory bus, telling when a subscription is in place and counting the ones stopped. */
function observedBus() {
  const bus = createMemoryBus();
  const subscribed = deferred();
  let stopped = 0;
  const observed: EventBus = {
    ...bus,
    async subscribe(event, handler) {
      const stop = await bus.subscribe(event, handler);
      subscribed.resolve();
      return () => {
        stopped++;
        stop();
      };
    },
  };
  return { bus: observed, subscribed: subscribed.promise, stopped: () => stopped };
}

function stream(bus: EventBus, outbox: Outbox, afterId: bigint, customerId = 'c1') {
  const abort = new AbortController();
  const events = customerEvents({ bus, outbox, event: FOLLOWED, customerId, afterId, signal: abort.signal });
  const ids = async (count: number) => {
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const { value, done } = await events.next();
      if (done) throw new Error(`stream ended after ${out.join(', ')}`);
      out.push(value.id);
    }
    return out;
  };
  const close = async () => {
    abort.abort();
    await events.return(undefined);
  };
  return { events, ids, close, abort };
}

describe('customerEvents', () => {
  it('replays the events missed after the cursor, in order, then delivers live ones', async () => {
    const { bus, subscribed } = observedBus();
    const { outbox, calls } = fakeOutbox([event(1), event(2), event(5), event(3), event(4)], { pageSize: 2 });
    const s = stream(bus, outbox, 2n);

    expect(await s.ids(3)).toEqual(['3', '4', '5']);
    await subscribed;
    const next = s.events.next();
    await bus.publish(event(6));
    expect((await next).value?.id).toBe('6');
    await bus.publish(event(7));
    await bus.publish(event(8));
    expect(await s.ids(2)).toEqual(['7', '8']);

    // Pages continue from the last id delivered, until an empty page.
    expect(calls.map((c) => c.afterId)).toEqual([2n, 4n, 5n]);
    await s.close();
  });

  it('reads the replay again after a momentary database failure instead of ending the stream', async () => {
    const { bus } = observedBus();
    const cut = Object.assign(new Error('Connection terminated unexpectedly'), {});
    const { outbox, calls } = fakeOutbox([event(1), event(2), event(3)], {
      pageSize: 2,
      beforeRead: async (call) => {
        if (call === 2) throw cut;
      },
    });
    const s = stream(bus, outbox, 0n);
    expect(await s.ids(3)).toEqual(['1', '2', '3']);
    // The second page failed once and was read again from the same place.
    expect(calls.map((c) => c.afterId)).toEqual([0n, 2n, 2n]);
    await s.close();
  });

  it('ends the stream on a failure that is not momentary', async () => {
    const { bus } = observedBus();
    const { outbox } = fakeOutbox([event(1)], {
      beforeRead: async () => {
        throw new TypeError('a bug');
      },
    });
    const s = stream(bus, outbox, 0n);
    await expect(s.events.next()).rejects.toThrow('a bug');
  });

  it('delivers only live events when the client has no cursor', async () => {
    const { bus, subscribed } = observedBus();
    const { outbox, calls } = fakeOutbox([event(1), event(2)]);
    const s = stream(bus, outbox, -1n);

    const first = s.events.next();
    await subscribed;
    await bus.publish(event(3));
    expect((await first).value?.id).toBe('3');
    expect(calls).toEqual([]);
    await s.close();
  });

  it('delivers once an event committed while the outbox is read (in both the replay and the bus)', async () => {
    const { bus } = observedBus();
    const rows = [event(1), event(2)];
    const { outbox } = fakeOutbox(rows, {
      // Event 3 commits and is relayed after the subscription, before the outbox is read: it is in both.
      beforeRead: async (call) => {
        if (call === 1) {
          rows.push(event(3));
          await bus.publish(event(3));
        }
      },
    });
    const s = stream(bus, outbox, 1n);

    expect(await s.ids(2)).toEqual(['2', '3']);
    const next = s.events.next();
    await bus.publish(event(4));
    expect((await next).value?.id).toBe('4');
    await s.close();
  });

  it('delivers once an event the relay publishes after the replay already returned it', async () => {
    const { bus } = observedBus();
    const { outbox } = fakeOutbox([event(1), event(2), event(3)]);
    const s = stream(bus, outbox, 0n);

    expect(await s.ids(3)).toEqual(['1', '2', '3']);
    const next = s.events.next();
    await bus.publish(event(2));
    await bus.publish(event(3));
    await bus.publish(event(4));
    expect((await next).value?.id).toBe('4');
    await s.close();
  });

  it("never delivers another customer's events, from the outbox or the bus", async () => {
    const { bus } = observedBus();
    const { outbox, calls } = fakeOutbox([event(1, 'c2'), event(2), event(3, 'c2'), event(4, null)]);
    const s = stream(bus, outbox, 0n);

    expect(await s.ids(1)).toEqual(['2']);
    const next = s.events.next();
    await bus.publish(event(5, 'c2'));
    await bus.publish(event(6, null));
    await bus.publish(event(7, 'c1', 'claims.other'));
    await bus.publish(event(8));
    expect((await next).value?.id).toBe('8');
    expect(calls.every((c) => c.customerId === 'c1' && c.topic === TOPIC)).toBe(true);
    await s.close();
  });

  it('ends when the subscription is aborted, and stops listening to the bus', async () => {
    const { bus, subscribed, stopped } = observedBus();
    const s = stream(bus, fakeOutbox([]).outbox, -1n);

    const next = s.events.next();
    await subscribed;
    s.abort.abort();
    expect(await next).toEqual({ done: true, value: undefined });
    expect(stopped()).toBe(1);
    await bus.publish(event(1)); // nobody listening: no error, nothing buffered
  });

  it('stops listening to the bus when the client goes away between events', async () => {
    const { bus, stopped } = observedBus();
    const s = stream(bus, fakeOutbox([event(1)]).outbox, 0n);

    expect(await s.ids(1)).toEqual(['1']);
    await s.events.return(undefined);
    expect(stopped()).toBe(1);
  });

  it('cuts off a subscriber that leaves more than 1000 events undelivered', async () => {
    const { bus, subscribed } = observedBus();
    const s = stream(bus, fakeOutbox([]).outbox, -1n);

    const first = s.events.next();
    await subscribed;
    await bus.publish(event(1));
    expect((await first).value?.id).toBe('1');
    for (let id = 2; id <= 1002; id++) await bus.publish(event(id));

    const error = await s.events.next().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('RATE_LIMITED');
  });
});

describe('parseCursor', () => {
  const codeOf = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (error) {
      return error instanceof GraphQLError ? error.extensions.code : error;
    }
    return 'no error';
  };

  it('reads the outbox id of a cursor of this stream', () => {
    expect(parseCursor('claims', 'claims.42')).toBe(42n);
    expect(parseCursor('claims', 'claims.0')).toBe(0n);
    expect(parseCursor('claims', 'claims.9223372036854775807')).toBe(9_223_372_036_854_775_807n);
  });

  it('reads back the cursor it gives an event', () => {
    expect(cursorOf(event(17))).toBe('claims.17');
    expect(parseCursor('claims', cursorOf(event(17)))).toBe(17n);
  });

  it.each([null, undefined])('starts live only for a %s cursor', (cursor) => {
    expect(parseCursor('claims', cursor)).toBe(-1n);
  });

  it('rejects a cursor from another stream', () => {
    expect(codeOf(() => parseCursor('claims', 'users.42'))).toBe('INVALID_CURSOR');
  });

  it.each([
    '',
    'claims',
    'claims.',
    '42',
    'claims.-1',
    'claims.1.2',
    'claims.abc',
    'claims.1e3',
    'CLAIMS.1',
    ' claims.1',
    'claims.1 ',
    'claims.12345678901234567890', // 20 digits
    'claims.9223372036854775808', // beyond a Postgres bigint
  ])('rejects the malformed cursor %j', (cursor) => {
    expect(codeOf(() => parseCursor('claims', cursor))).toBe('INVALID_CURSOR');
  });
});

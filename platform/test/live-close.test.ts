import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryBus, customerEvents, defineEvent, type EventBus, type Outbox } from '../src/index.ts';

describe('closing a customer event stream', () => {
  it('stops listening to the bus at once, without waiting for another event', async () => {
    const memory = createMemoryBus();
    let listening = 0;
    const bus: EventBus = {
      ...memory,
      async subscribe(event, handler) {
        listening++;
        const stop = await memory.subscribe(event, handler);
        return () => {
          listening--;
          stop();
        };
      },
    };
    const outbox = { since: async () => [] } as unknown as Outbox;
    const stream = customerEvents({
      bus,
      outbox,
      event: defineEvent('users.t', z.unknown()),
      customerId: 'c1',
      afterId: -1n,
    });
    const pending = stream.next();
    await expect.poll(() => listening).toBe(1);
    await stream.return(undefined);
    expect(listening).toBe(0);
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});

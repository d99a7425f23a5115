import { describe, expect, it } from 'vitest';
import { createMemoryBus, customerEvents, type EventBus, type Outbox } from '../src/index.ts';

describe('closing a customer event stream', () => {
  it('stops listening to the bus at once, without waiting for another event', async () => {
    const memory = createMemoryBus();
    let listening = 0;
    const bus: EventBus = {
      ...memory,
      async subscribe(topic, handler) {
        listening++;
        const stop = await memory.subscribe(topic, handler);
        return () => {
          listening--;
          stop();
        };
      },
    };
    const outbox = { since: async () => [] } as unknown as Outbox;
    const stream = customerEvents({ bus, outbox, topic: 't', customerId: 'c1', afterId: -1n });
    const pending = stream.next();
    await expect.poll(() => listening).toBe(1);
    await stream.return(undefined);
    expect(listening).toBe(0);
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});

// No caller ever gets another caller's upstream answer: whatever the gateway shares (plans, connections, in-flight
// work), answers are keyed by identity. Hundreds of interleaved requests from two customers, each answer checked
// against its caller.
import { DEMO } from '@abri/platform';
import type { AbriClient } from '@abri/sdk';
import { customer, startTestSystem } from '@abri/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: Awaited<ReturnType<typeof startTestSystem>>;
let clients: Record<'camille' | 'louis', AbriClient>;

beforeAll(async () => {
  system = await startTestSystem();
  clients = {
    camille: await customer(system.gateway.url, 'camille'),
    louis: await customer(system.gateway.url, 'louis'),
  };
});
afterAll(async () => {
  await system?.stop();
});

// One query through all four subgraphs (users → policies, claims, payments → payments).
const DASHBOARD = `{ me { id firstName policies { number nextDueDate nextPaymentAmount { amountCents } } claims { reference } paymentSchedule { amount { amountCents } } } }`;
const ME = '{ me { firstName } }';

describe('answers are never shared between callers', () => {
  it('gives each of 400 interleaved Camille/Louis requests its own caller’s answer', async () => {
    const expected: Record<string, Record<string, string>> = { camille: {}, louis: {} };
    for (const who of ['camille', 'louis'] as const)
      for (const query of [DASHBOARD, ME]) {
        const answer = await clients[who].request(query);
        expect(answer.errors).toBeUndefined();
        expected[who]![query] = JSON.stringify(answer.data);
      }
    expect(expected.camille![ME]).toContain('Camille');
    expect(expected.louis![ME]).toContain('Louis');
    expect(expected.camille![DASHBOARD]).toContain(DEMO.camille.contractNumber);
    expect(expected.louis![DASHBOARD]).toContain(DEMO.louis.contractNumber);

    const wrong: string[] = [];
    for (let wave = 0; wave < 10; wave++) {
      await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const who = i % 2 === 0 ? 'camille' : 'louis';
          const query = (i >> 1) % 2 === 0 ? ME : DASHBOARD;
          const answer = await clients[who].request(query);
          const got = JSON.stringify(answer.data);
          if (answer.errors || got !== expected[who]![query])
            wrong.push(`${who}: ${got} ${JSON.stringify(answer.errors)}`);
        }),
      );
    }
    expect(wrong).toEqual([]);
  });
});

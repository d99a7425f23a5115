// What the unpaid-premium tests read through the gateway: a customer's contract status, arrear and payment methods,
// and the steps their phone sees from a refused debit to cover restored.
import { DEMO, type manualClock } from '@abri/platform';
import { collect, customer } from '@abri/testkit';
import { expect } from 'vitest';
import { recordRejection } from '../../subgraphs/payments/src/app/arrears.ts';
import type { PaymentsApp } from '../../subgraphs/payments/src/context.ts';

/** The payment steps a phone follows from a refused debit to suspended cover restored, in order. */
export const STEPS_TO_RESTORATION = [
  'DEBIT_REJECTED',
  'FORMAL_NOTICE_SENT',
  'COVER_SUSPENDED',
  'ARREAR_PAID',
  'COVER_RESTORED',
] as const;

/** Signs the customer in again (moving the clock expires access tokens) and reads their contract and arrear. */
export async function accountView(url: string, who: 'camille' | 'louis') {
  const client = await customer(url, who);
  const { data, errors } = await client.request<{
    me: {
      policies: { status: string }[];
      arrears: { id: string; stage: string; rejectionCode: string; explanation: string; suggestions: string[] }[];
      paymentMethods: { id: string; kind: string; isDefault: boolean }[];
    };
  }>(
    `{ me { policies { status } arrears { id stage rejectionCode explanation suggestions }
      paymentMethods { id kind isDefault } } }`,
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return {
    client,
    policy: data!.me.policies[0]!.status,
    arrear: data!.me.arrears[0],
    methods: data!.me.paymentMethods,
  };
}

/** Waits until the customer's contract (and arrear, when given) show these, once the policies subgraph took the step. */
export const contractBecomes = (url: string, who: 'camille' | 'louis', policy: string, stage?: string) =>
  expect
    .poll(
      async () => {
        const view = await accountView(url, who);
        return stage === undefined ? { policy: view.policy } : { policy: view.policy, stage: view.arrear?.stage };
      },
      { timeout: 30_000, interval: 50 },
    )
    .toEqual(stage === undefined ? { policy } : { policy, stage });

/**
 * Two days after the customer's next planned debit, their phone follows the payment steps (`fields` of each event
 * besides its cursor) and the bank refuses that debit (AM04). Gives the instalment and the phone's events.
 */
export async function refuseNextDebit(options: {
  url: string;
  payments: PaymentsApp;
  clock: ReturnType<typeof manualClock>;
  who: 'camille' | 'louis';
  fields: string;
}) {
  const { payments, clock, who } = options;
  const next = await payments.prisma.scheduledPayment.findFirstOrThrow({
    where: { customerId: DEMO[who].customerId, status: 'PLANNED' },
    orderBy: { dueDate: 'asc' },
  });
  clock.set(new Date(next.dueDate.getTime() + 2 * 86_400_000));
  const phone = (await customer(options.url, who)).socket();
  const live = collect<{ paymentEvents: { kind: string } }>(
    phone,
    `subscription { paymentEvents(after: "payments.0") { cursor ${options.fields} } }`,
  );
  expect(await recordRejection(payments, next.id, 'AM04')).toMatchObject({ kind: 'recorded' });
  return { next, phone, live };
}

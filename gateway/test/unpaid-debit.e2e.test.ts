// Suspended cover brought back by a direct debit: Louis's debit is refused, his cover is suspended, he chooses to pay
// the arrear on his mandate; the bank collects it (nothing but the passing of the collection date says so), and his
// cover comes back at noon the next day, as a card payment would bring it. Each step reaches his phone live.
import { DEMO, Events, manualClock } from '@abri/platform';
import { collect, customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';
import { runUnpaidTimeline } from '../../subgraphs/payments/src/app/arrears.ts';
import { exportCollections } from '../../subgraphs/payments/src/app/sepa.ts';
import { settleCollections } from '../../subgraphs/payments/src/app/settlement.ts';
import { restorationAt } from '../../subgraphs/payments/src/domain/unpaid.ts';
import { accountView, contractBecomes, refuseNextDebit, STEPS_TO_RESTORATION } from './unpaid-view.ts';

const clock = manualClock(new Date());
const system = await systemForFile({ clock });
const url = system.gateway.url;
const payments = system.services.payments.app;
const DAY = 86_400_000;

const louisView = () => accountView(url, 'louis');
const settlesAs = (policy: string, stage: string) => contractBecomes(url, 'louis', policy, stage);

describe('unpaid premium paid by direct debit', () => {
  it('restores suspended cover at noon the day after the bank collected the debit, not on the request nor on the collection day', async () => {
    const { next, phone, live } = await refuseNextDebit({ url, payments, clock, who: 'louis', fields: 'kind' });
    // His phone is connected (its token checked at this time) before the clock moves on by weeks.
    await live.until(1);
    clock.set(new Date(next.dueDate.getTime() + 10 * DAY + 60_000));
    await runUnpaidTimeline(payments);
    clock.advance(30 * DAY);
    await runUnpaidTimeline(payments);
    await settlesAs('SUSPENDED', 'SUSPENDED');

    // He pays the arrear on his mandate: a debit is planned, and asking for it pays nothing yet.
    const { client: louis, arrear, methods } = await louisView();
    const mandate = methods.find((m) => m.kind === 'SEPA_DEBIT' && m.isDefault)!;
    const planned = await louis.request<{ payArrear: { __typename: string; dueDate: string } }>(
      `mutation { payArrear(arrearId: "${arrear!.id}", paymentMethodId: "${mandate.id}") {
        __typename ... on DebitRetryScheduled { dueDate } } }`,
    );
    expect(planned.data?.payArrear.__typename).toBe('DebitRetryScheduled');
    const collectionDate = new Date(`${planned.data!.payArrear.dueDate}T00:00:00Z`);
    expect(collectionDate.getTime()).toBeGreaterThan(clock.now().getTime());
    await runUnpaidTimeline(payments);
    await settlesAs('SUSPENDED', 'SUSPENDED');

    // The agent's file of that day carries it; on the collection day itself nothing is settled yet.
    expect(await exportCollections(payments, collectionDate)).toMatchObject({ kind: 'exported', transactionCount: 1 });
    clock.set(new Date(collectionDate.getTime() + 12 * 3_600_000));
    await settleCollections(payments);
    expect((await payments.prisma.arrear.findUniqueOrThrow({ where: { id: arrear!.id } })).paidAt).toBeNull();

    // The next morning (Paris) the collection is settled: the arrear is paid on the collection date, and cover still
    // waits for noon.
    const restoresAt = restorationAt(collectionDate);
    clock.set(new Date(restoresAt.getTime() - 3 * 3_600_000));
    await settleCollections(payments);
    expect((await payments.prisma.arrear.findUniqueOrThrow({ where: { id: arrear!.id } })).paidAt).toEqual(
      collectionDate,
    );
    await runUnpaidTimeline(payments);
    await settlesAs('SUSPENDED', 'SUSPENDED');

    clock.set(new Date(restoresAt.getTime() + 60_000));
    await runUnpaidTimeline(payments);
    await settlesAs('ACTIVE', 'RESTORED');

    expect((await live.until(5)).map((e) => e.data?.paymentEvents.kind)).toEqual(STEPS_TO_RESTORATION);
    await live.stop();
    await phone.dispose();
  });

  it('tells his devices when a monthly debit went through, on the payment steps and on his one stream', async () => {
    const next = await payments.prisma.scheduledPayment.findFirstOrThrow({
      where: { customerId: DEMO.louis.customerId, status: 'PLANNED', dueDate: { gt: clock.now() } },
      orderBy: { dueDate: 'asc' },
    });
    expect(await exportCollections(payments, next.dueDate)).toMatchObject({ kind: 'exported' });
    // The morning after the debit (Paris); his phone follows from where his file stands, so it misses nothing even
    // if the scheduled settlement runs before the test's own call.
    clock.set(new Date(next.dueDate.getTime() + DAY + 8 * 3_600_000));
    const streamHead = async () =>
      await system.services.users.app.outbox.head(Events.customerEvent, DEMO.louis.customerId);
    const before = await streamHead();
    const louis = await customer(url, 'louis');
    // His sign-in is itself on his stream, copied there a moment later: wait for it, so that the cursor read below
    // comes after it and the first event after that cursor is the debit.
    await expect.poll(streamHead, { timeout: 30_000 }).not.toBe(before);
    const { data } = await louis.request<{ me: { eventsCursor: string } }>('{ me { eventsCursor } }');
    const phone = louis.socket();
    const steps = collect<{ paymentEvents: { kind: string; arrear: unknown } }>(
      phone,
      'subscription { paymentEvents(after: "payments.0") { cursor kind arrear { id } } }',
    );
    const stream = collect<{ customerEvents: { __typename: string; kind?: string; policy?: { number: string } } }>(
      phone,
      'subscription($after: String) { customerEvents(after: $after) { __typename cursor ... on PaymentUpdate { kind policy { number } } } }',
      { after: data!.me.eventsCursor },
    );
    await settleCollections(payments);
    expect((await payments.prisma.scheduledPayment.findUniqueOrThrow({ where: { id: next.id } })).status).toBe('PAID');

    // Replayed from the start: any earlier step of his comes first.
    await expect
      .poll(() => steps.received.map((e) => e.data?.paymentEvents.kind), { timeout: 30_000 })
      .toContain('INSTALMENT_COLLECTED');
    expect(steps.received.at(-1)!.data).toEqual({
      paymentEvents: { cursor: expect.any(String), kind: 'INSTALMENT_COLLECTED', arrear: null },
    });
    expect((await stream.until(1, 30_000))[0]!.data).toEqual({
      customerEvents: {
        __typename: 'PaymentUpdate',
        cursor: expect.any(String),
        kind: 'INSTALMENT_COLLECTED',
        policy: { number: DEMO.louis.contractNumber },
      },
    });
    await steps.stop();
    await stream.stop();
    await phone.dispose();
  });
});

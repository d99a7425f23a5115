// A rejected debit (AM04) through formal notice, suspension and restoration after payment, with an injected clock:
// the policy's status and the events at each step.
import { DEMO, manualClock } from '@abri/platform';
import { customer, staffMember, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';
import { runUnpaidTimeline } from '../../subgraphs/payments/src/app/arrears.ts';
import { accountView, contractBecomes, refuseNextDebit, STEPS_TO_RESTORATION } from './unpaid-view.ts';

const clock = manualClock(new Date());
const system = await systemForFile({ clock });
const url = system.gateway.url;

const DAY = 86_400_000;
const camilleView = () => accountView(url, 'camille');
const policyStatusBecomes = (status: string) => contractBecomes(url, 'camille', status);
const topics = async () =>
  (
    await system.services.payments.app.prisma.$queryRawUnsafe<{ topic: string }[]>(
      `SELECT topic FROM "payments"."OutboxEvent" WHERE topic LIKE 'payments.%' AND topic NOT IN ('payments.payoutRecorded', 'payments.accountEvent') ORDER BY id`,
    )
  ).map((r) => r.topic);

describe('unpaid premium', () => {
  it('runs notice, suspension and restoration after payment, and the contract follows', async () => {
    const payments = system.services.payments.app;
    // Her phone follows the payment steps live.
    const { next, phone, live } = await refuseNextDebit({
      url,
      payments,
      clock,
      who: 'camille',
      fields: 'kind arrear { rejectionCode }',
    });

    let view = await camilleView();
    expect(view.arrear).toMatchObject({
      stage: 'DUE',
      rejectionCode: 'AM04',
      suggestions: expect.arrayContaining(['PAY_BY_CARD', 'RETRY']),
    });
    expect(view.arrear!.explanation.length).toBeGreaterThan(10);
    expect(await runUnpaidTimeline(payments)).toEqual([]);
    // A retry can be planned from tomorrow until before the suspension date, once.
    const retry = (on: string) =>
      view.client.request<{ retryDebit: { __typename: string } }>(
        `mutation { retryDebit(arrearId: "${view.arrear!.id}", on: "${on}") { __typename
          ... on DebitNotRetryable { reason } } }`,
      );
    const outcome = async (on: string) => (await retry(on)).data?.retryDebit;
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    expect(await outcome(day(clock.now().getTime()))).toEqual({ __typename: 'InvalidRetryDate' });
    expect(await outcome(day(next.dueDate.getTime() + 45 * DAY))).toEqual({ __typename: 'InvalidRetryDate' });
    expect(await outcome(day(clock.now().getTime() + 3 * DAY))).toEqual({ __typename: 'DebitRetryScheduled' });
    expect(await outcome(day(clock.now().getTime() + 4 * DAY))).toEqual({
      __typename: 'DebitNotRetryable',
      reason: 'ALREADY_PLANNED',
    });

    clock.set(new Date(next.dueDate.getTime() + 10 * DAY + 60_000));
    expect(await runUnpaidTimeline(payments)).toEqual(['payments.formalNoticeSent']);
    expect((await camilleView()).policy).toBe('ACTIVE');

    clock.advance(30 * DAY);
    expect(await runUnpaidTimeline(payments)).toEqual(['payments.coverSuspended']);
    await policyStatusBecomes('SUSPENDED');

    // She pays by card; cover comes back the next day at noon, not before.
    view = await camilleView();
    const card = await view.client.request<{ addCard: { paymentMethod: { id: string } } }>(
      'mutation { addCard(input: { pspToken: "tok_visa_4242424242", brand: "Visa", last4: "4242", expiry: "12/35" }) { ... on PaymentMethodAdded { paymentMethod { id } } } }',
    );
    const paid = await view.client.request(
      `mutation { payArrear(arrearId: "${view.arrear!.id}", paymentMethodId: "${card.data!.addCard.paymentMethod.id}") {
        __typename ... on ArrearPaid { coverRestoresAt } } }`,
    );
    expect(paid.data).toEqual({ payArrear: { __typename: 'ArrearPaid', coverRestoresAt: expect.any(String) } });
    expect(await runUnpaidTimeline(payments)).toEqual([]);
    expect((await camilleView()).policy).toBe('SUSPENDED');
    clock.advance(DAY + 12 * 3_600_000);
    expect(await runUnpaidTimeline(payments)).toEqual(['payments.coverRestored']);
    await policyStatusBecomes('ACTIVE');
    expect((await camilleView()).arrear!.stage).toBe('RESTORED');

    // The card she added to pay is announced too (her devices list her payment methods), between suspension and payment.
    const steps = [
      'debitRejected',
      'formalNoticeSent',
      'coverSuspended',
      'paymentMethodsChanged',
      'arrearPaid',
      'coverRestored',
    ];
    expect(await topics()).toEqual(steps.map((s) => `payments.${s}`));
    expect((await live.until(5)).map((e) => e.data?.paymentEvents.kind)).toEqual(STEPS_TO_RESTORATION);
    await live.stop();
    await phone.dispose();
  });

  it('lets the demo agent (AGENT, with TOTP) record a debit rejection, export the bank file and import its returns once, and not the claims adjuster', async () => {
    const agent = await staffMember(url, 'agent', clock.now());
    const record = 'mutation { recordDebitRejection(scheduledPaymentId: "none", reasonCode: "AM04") { __typename } }';
    // Past the role check: the unknown instalment is the typed answer.
    expect((await agent.request(record)).data).toEqual({ recordDebitRejection: { __typename: 'InstalmentNotFound' } });
    const adjusterRes = await (await staffMember(url, 'adjuster', clock.now())).request(record);
    expect(adjusterRes.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The same agent exports the bank file of Louis's next debit, and imports the bank's rejection of it: Louis sees
    // the arrear; importing the file again changes nothing.
    const next = await system.services.payments.app.prisma.scheduledPayment.findFirstOrThrow({
      where: { customerId: DEMO.louis.customerId, status: 'PLANNED' },
      orderBy: { dueDate: 'asc' },
    });
    const day = next.dueDate.toISOString().slice(0, 10);
    const exported = await agent.request<{ exportSepaCollections: { __typename: string; xml: string } }>(
      `mutation { exportSepaCollections(collectionDate: "${day}") { __typename ... on SepaCollectionFile { xml } } }`,
    );
    expect(exported.data?.exportSepaCollections.__typename).toBe('SepaCollectionFile');
    const e2e = next.id.replace(/-/g, '').toUpperCase();
    expect(exported.data!.exportSepaCollections.xml).toContain(`<EndToEndId>${e2e}</EndToEndId>`);
    const file = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
      <GrpHdr><MsgId>BANK-1</MsgId></GrpHdr><OrgnlPmtInfAndSts><TxInfAndSts><OrgnlEndToEndId>${e2e}</OrgnlEndToEndId>
      <TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf></TxInfAndSts></OrgnlPmtInfAndSts>
      </CstmrPmtStsRpt></Document>`;
    const IMPORT =
      'mutation($f: String!) { importBankReturns(file: $f) { __typename ... on BankReturnsImported { lines { outcome } } } }';
    expect((await agent.request(IMPORT, { f: file })).data).toEqual({
      importBankReturns: { __typename: 'BankReturnsImported', lines: [{ outcome: 'RECORDED' }] },
    });
    expect((await agent.request(IMPORT, { f: file })).data).toEqual({
      importBankReturns: { __typename: 'BankReturnsImported', lines: [{ outcome: 'ALREADY_RECORDED' }] },
    });
    expect((await agent.request(IMPORT, { f: '<Document>' })).data).toEqual({
      importBankReturns: { __typename: 'UnreadableBankFile' },
    });
    const louis = await customer(url, 'louis');
    const arrears = await louis.request<{ me: { arrears: { dueDate: string; rejectionCode: string }[] } }>(
      '{ me { arrears { dueDate rejectionCode } } }',
    );
    expect(arrears.data!.me.arrears).toContainEqual({ dueDate: day, rejectionCode: 'AM04' });
  });

  it('refuses recording a rejection to a customer', async () => {
    const camille = await customer(url, 'camille');
    const res = await camille.request(
      'mutation { recordDebitRejection(scheduledPaymentId: "x", reasonCode: "AM04") { __typename } }',
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

// Payment methods and the due day through the gateway: IBANs checked, stored encrypted, shown masked; one default;
// the last method kept while premiums are due; nobody touches another customer's methods.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO } from '@abri/platform';
import { customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';

const system = await systemForFile();
const url = system.gateway.url;

const ADD_MANDATE = `mutation($i: SepaMandateInput!) { addSepaMandate(input: $i) { __typename
  ... on PaymentMethodAdded { paymentMethod { id kind label isDefault mandateReference preDebitNoticeDays } }
  ... on InvalidPaymentMethod { field reason message } } }`;
const METHODS = '{ me { paymentMethods { id kind label isDefault } } }';

describe('payment methods', () => {
  it('adds a mandate on a valid IBAN, masked, encrypted at rest, and refuses an invalid one', async () => {
    const camille = await customer(url, 'camille');
    const bad = await camille.request(ADD_MANDATE, {
      i: { iban: 'FR14 2004 1010 0505 0001 3M02 607', holderName: 'Camille Martin' },
    });
    expect(bad.data).toEqual({
      addSepaMandate: {
        __typename: 'InvalidPaymentMethod',
        field: 'iban',
        reason: 'IBAN_INVALID',
        message: expect.stringContaining('IBAN'),
      },
    });
    const good = await camille.request<{
      addSepaMandate: {
        paymentMethod: {
          id: string;
          label: string;
          mandateReference: string;
          isDefault: boolean;
          preDebitNoticeDays: number;
        };
      };
    }>(ADD_MANDATE, {
      i: { iban: 'FR14 2004 1010 0505 0001 3M02 606', holderName: 'Camille Martin', makeDefault: true },
    });
    const method = good.data!.addSepaMandate.paymentMethod;
    expect(method).toMatchObject({ label: 'IBAN •••• 2606', isDefault: true, preDebitNoticeDays: 14 });
    expect(method.mandateReference).toMatch(/^ABRI-[A-Z0-9]+-\d{8}-\d{3}$/);
    const row = await system.services.payments.app.prisma.paymentMethod.findUniqueOrThrow({ where: { id: method.id } });
    expect(row.ibanEncrypted).not.toContain('20041010');
    const list = await camille.request<{ me: { paymentMethods: { id: string; isDefault: boolean }[] } }>(METHODS);
    expect(list.data!.me.paymentMethods.filter((m) => m.isDefault).map((m) => m.id)).toEqual([method.id]);
  });

  it('refuses an account already backing an active mandate, whoever holds it, and names nobody', async () => {
    // Camille registered this account in the test above.
    const louis = await customer(url, 'louis');
    const before = (await louis.request<{ me: { paymentMethods: unknown[] } }>(METHODS)).data!.me.paymentMethods;
    const again = await louis.request(ADD_MANDATE, {
      i: { iban: 'fr1420041010050500013m02606', holderName: 'Louis Bernard' },
    });
    expect(again.data).toEqual({
      addSepaMandate: {
        __typename: 'InvalidPaymentMethod',
        field: 'iban',
        reason: 'IBAN_ALREADY_REGISTERED',
        message: expect.stringContaining('déjà enregistré dans un mandat actif'),
      },
    });
    expect(JSON.stringify(again)).not.toMatch(/Camille|Martin/);
    expect((await louis.request<{ me: { paymentMethods: unknown[] } }>(METHODS)).data!.me.paymentMethods).toHaveLength(
      before.length,
    );
    const camille = await customer(url, 'camille');
    const twice = await camille.request<{ addSepaMandate: { reason: string } }>(ADD_MANDATE, {
      i: { iban: 'FR14 2004 1010 0505 0001 3M02 606', holderName: 'Camille Martin' },
    });
    expect(twice.data!.addSepaMandate.reason).toBe('IBAN_ALREADY_REGISTERED');
  });

  it('keeps the last method while premiums are due, and lets nobody touch another customer’s', async () => {
    const louis = await customer(url, 'louis');
    const camille = await customer(url, 'camille');
    const [only] = (await louis.request<{ me: { paymentMethods: { id: string }[] } }>(METHODS)).data!.me.paymentMethods;
    const remove = (client: typeof louis, id: string) =>
      client.request<{ removePaymentMethod: { __typename: string } }>(
        `mutation { removePaymentMethod(paymentMethodId: "${id}") { __typename ... on Error { message } } }`,
      );
    expect((await remove(camille, only!.id)).data).toEqual({
      removePaymentMethod: { __typename: 'PaymentMethodNotFound', message: expect.any(String) },
    });
    expect(
      (
        await camille.request(
          `mutation { setDefaultPaymentMethod(paymentMethodId: "${only!.id}") { __typename ... on Error { message } } }`,
        )
      ).data,
    ).toEqual({ setDefaultPaymentMethod: { __typename: 'PaymentMethodNotFound', message: expect.any(String) } });
    expect((await remove(louis, only!.id)).data).toEqual({
      removePaymentMethod: { __typename: 'LastPaymentMethodRequired', message: expect.stringContaining('échéances') },
    });
    const card = await louis.request<{ addCard: { paymentMethod: { id: string; label: string } } }>(
      'mutation { addCard(input: { pspToken: "tok_visa_4242424242", brand: "Visa", last4: "4242", expiry: "12/30" }) { ... on PaymentMethodAdded { paymentMethod { id label } } } }',
    );
    expect(card.data!.addCard.paymentMethod.label).toBe('Visa •••• 4242');
    expect((await remove(louis, only!.id)).data).toEqual({
      removePaymentMethod: { __typename: 'PaymentMethodRemoved' },
    });
    const left = (await louis.request<{ me: { paymentMethods: { id: string; isDefault: boolean }[] } }>(METHODS)).data!
      .me.paymentMethods;
    expect(left).toEqual([expect.objectContaining({ id: card.data!.addCard.paymentMethod.id, isDefault: true })]);
  });
});

describe('due day', () => {
  it('shows the next debit date before confirming, then moves every instalment to the new day, one per month', async () => {
    const camille = await customer(url, 'camille');
    const CHANGE =
      'mutation($c: Boolean) { changeDueDay(policyId: "' +
      DEMO.camille.policyId +
      '", day: 20, confirm: $c) { ... on DueDayChange { nextDebitDate applied dueDates } } }';
    const before = (
      await camille.request<{ me: { paymentSchedule: { dueDate: string }[] } }>(
        '{ me { paymentSchedule { dueDate } } }',
      )
    ).data!.me.paymentSchedule;
    const preview = (
      await camille.request<{ changeDueDay: { nextDebitDate: string; applied: boolean; dueDates: string[] } }>(CHANGE, {
        c: false,
      })
    ).data!.changeDueDay;
    expect(preview.applied).toBe(false);
    expect(
      (
        await camille.request<{ me: { paymentSchedule: { dueDate: string }[] } }>(
          '{ me { paymentSchedule { dueDate } } }',
        )
      ).data!.me.paymentSchedule,
    ).toEqual(before);
    const applied = (
      await camille.request<{ changeDueDay: { nextDebitDate: string; dueDates: string[] } }>(CHANGE, { c: true })
    ).data!.changeDueDay;
    expect(applied.nextDebitDate).toBe(preview.nextDebitDate);
    const months = applied.dueDates.map((d) => d.slice(0, 7));
    expect(new Set(months).size).toBe(months.length);
    expect(applied.dueDates.slice(1).every((d) => d.endsWith('-20'))).toBe(true);
  });
});

describe('payment history', () => {
  it('pages ten years of history and filters by year', async () => {
    const camille = await customer(url, 'camille');
    // Five years back: twelve debits whatever today's date. The seed's refused debit and its second presentation (30
    // months back) fall two or three years back depending on the month, which gave that year thirteen rows from
    // January to June.
    const year = new Date().getUTCFullYear() - 5;
    const { data } = await camille.request<{
      me: { paymentHistory: { edges: { node: { paidAt: string } }[]; pageInfo: { hasNextPage: boolean } } };
    }>(`{ me { paymentHistory(first: 20, year: ${year}) { edges { node { paidAt } } pageInfo { hasNextPage } } } }`);
    expect(data!.me.paymentHistory.edges).toHaveLength(12);
    expect(data!.me.paymentHistory.edges.every((e) => e.node.paidAt.startsWith(String(year)))).toBe(true);
    expect(data!.me.paymentHistory.pageInfo.hasNextPage).toBe(false);
  });
});

describe('payment certificate', () => {
  it('gives the customer a PDF of the year’s payments with the total, and nothing to someone not signed in', async () => {
    const camille = await customer(url, 'camille');
    const year = new Date().getUTCFullYear() - 2;
    const origin = url.replace('/graphql', '');
    const res = await fetch(`${origin}/payment-certificates/${year}`, {
      headers: { authorization: `Bearer ${camille.accessToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The insured and the contract come from what policies announced (payments' projection, fed by the bus).
    const text = async () => {
      const again = await fetch(`${origin}/payment-certificates/${year}`, {
        headers: { authorization: `Bearer ${camille.accessToken}` },
      });
      const dir = mkdtempSync(join(tmpdir(), 'abri-certificate-'));
      writeFileSync(join(dir, 'c.pdf'), Buffer.from(await again.arrayBuffer()));
      return execFileSync('pdftotext', [join(dir, 'c.pdf'), '-'])
        .toString()
        .replace(/\s+/g, ' ');
    };
    await expect
      .poll(text, { timeout: 30_000, interval: 250 })
      .toContain('n° HAB0012345, souscrit le 1er mars 2016 : 12 rue des Lilas, 69003 Lyon');
    expect((await fetch(`${origin}/payment-certificates/${year}`)).status).toBe(401);
    expect(
      (
        await fetch(`${origin}/payment-certificates/1990`, {
          headers: { authorization: `Bearer ${camille.accessToken}` },
        })
      ).status,
    ).toBe(404);
  });
});

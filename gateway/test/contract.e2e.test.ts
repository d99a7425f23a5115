// "Mon contrat": the dashboard in one round trip; a change priced, accepted once by its owner only, with a new
// version, an avenant and the payment schedule following.
import { DEMO } from '@abri/platform';
import { customer, systemForFile } from '@abri/testkit';
import { describe, expect, it, vi } from 'vitest';

const system = await systemForFile();
const url = system.gateway.url;

const QUOTE = `mutation($i: PolicyChangeInput!) { quotePolicyChange(input: $i) {
  __typename
  ... on PolicyChangeQuoted { quote { id changes currentAnnualPremium { amountCents } newAnnualPremium { amountCents } annualDifference { amountCents } proRata { amountCents } validUntil newPremiumLines { label amount { amountCents } } } }
  ... on InvalidPolicyChange { field message }
} }`;
const APPLY = `mutation($q: ID!) { applyPolicyChange(quoteId: $q) { __typename ... on PolicyChangeApplied { policy { version annualPremium { amountCents } options versions { version } } avenant { kind downloadUrl } } } }`;
const SCHEDULE = '{ me { paymentSchedule { dueDate amount { amountCents } } } }';

type Quote = {
  id: string;
  changes: string[];
  currentAnnualPremium: { amountCents: number };
  newAnnualPremium: { amountCents: number };
  annualDifference: { amountCents: number };
  proRata: { amountCents: number };
  newPremiumLines: { amount: { amountCents: number } }[];
};

describe('dashboard', () => {
  it('gives next due date and amount, premium, guarantees and recent claims in one query', async () => {
    const camille = await customer(url, 'camille');
    const { data, errors } = await camille.request<{ me: { policies: Record<string, unknown>[]; claims: unknown[] } }>(
      '{ me { policies { number annualPremium { amountCents } nextDueDate nextPaymentAmount { amountCents } premiumLines { label } guarantees { label ceiling { amountCents } deductible { amountCents } } } claims { reference status } } }',
    );
    expect(errors).toBeUndefined();
    const policy = data!.me.policies[0]!;
    expect(policy).toMatchObject({
      number: DEMO.camille.contractNumber,
      annualPremium: { amountCents: 35_288 },
    });
    // A twelfth of the premium to the cent: the year's twelve instalments add up to it exactly (8 × 29,41 + 4 × 29,40).
    expect([2_940, 2_941]).toContain((policy.nextPaymentAmount as { amountCents: number }).amountCents);
    expect(policy.nextDueDate).toMatch(/^\d{4}-\d{2}-05$/);
    expect((policy.guarantees as unknown[]).length).toBeGreaterThanOrEqual(8);
    expect(data!.me.claims).toEqual([{ reference: 'SIN-2026-004217', status: 'EXPERT_ASSIGNED' }]);
  });
});

describe('changing the contract', () => {
  it('refuses an impossible change with the field at fault, and changes nothing', async () => {
    const camille = await customer(url, 'camille');
    const { data } = await camille.request(QUOTE, {
      i: { policyId: DEMO.camille.policyId, addOptions: ['SWIMMING_POOL'] },
    });
    expect(data).toMatchObject({ quotePolicyChange: { __typename: 'InvalidPolicyChange', field: 'coverage.options' } });
    expect(await system.services.policies.app.prisma.quote.count()).toBe(0);
  });

  it('prices a change, applies it once for its owner only, and the schedule follows', async () => {
    const camille = await customer(url, 'camille');
    const before = await camille.request<{
      me: { paymentSchedule: { dueDate: string; amount: { amountCents: number } }[] };
    }>(SCHEDULE);
    const quoted = await camille.request<{ quotePolicyChange: { quote: Quote } }>(QUOTE, {
      i: {
        policyId: DEMO.camille.policyId,
        addOptions: ['VALUABLES'],
        valuablesCents: 800_000,
        deductibleCents: 30_000,
      },
    });
    const quote = quoted.data!.quotePolicyChange.quote;
    expect(quote.changes.length).toBeGreaterThanOrEqual(2);
    expect(quote.currentAnnualPremium.amountCents).toBe(35_288);
    expect(quote.annualDifference.amountCents).toBe(quote.newAnnualPremium.amountCents - 35_288);
    expect(quote.newPremiumLines.reduce((sum, l) => sum + l.amount.amountCents, 0)).toBe(
      quote.newAnnualPremium.amountCents,
    );
    expect(Math.sign(quote.proRata.amountCents)).toBe(Math.sign(quote.annualDifference.amountCents));

    const louis = await customer(url, 'louis');
    expect((await louis.request(APPLY, { q: quote.id })).data).toEqual({
      applyPolicyChange: { __typename: 'QuoteNotFound' },
    });

    const applied = await camille.request<{
      applyPolicyChange: {
        __typename: string;
        policy: { version: number; annualPremium: { amountCents: number }; options: string[]; versions: unknown[] };
        avenant: { kind: string; downloadUrl: string };
      };
    }>(APPLY, { q: quote.id });
    expect(applied.data?.applyPolicyChange).toMatchObject({
      __typename: 'PolicyChangeApplied',
      policy: {
        version: 2,
        annualPremium: { amountCents: quote.newAnnualPremium.amountCents },
        options: expect.arrayContaining(['VALUABLES', 'ASSISTANCE']),
        versions: [{ version: 2 }, { version: 1 }],
      },
      avenant: { kind: 'AVENANT' },
    });
    const pdf = await fetch(`${url.replace('/graphql', '')}${applied.data!.applyPolicyChange.avenant.downloadUrl}`, {
      headers: { authorization: `Bearer ${camille.accessToken}` },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await camille.request(APPLY, { q: quote.id })).data).toEqual({
      applyPolicyChange: { __typename: 'QuoteAlreadyApplied' },
    });

    // The payments subgraph reshapes the schedule from the event: the instalments still due carry the pro-rata.
    let after = before;
    await vi.waitFor(
      async () => {
        after = await camille.request(SCHEDULE);
        expect(after).not.toEqual(before);
      },
      { timeout: 30_000, interval: 50 },
    );
    const total = (s: typeof before) => s.data!.me.paymentSchedule.reduce((sum, p) => sum + p.amount.amountCents, 0);
    expect(total(after)).not.toBe(total(before));
    expect(after.data!.me.paymentSchedule.map((p) => p.dueDate)).toEqual(
      before.data!.me.paymentSchedule.map((p) => p.dueDate),
    );
  });

  it('refuses a quote past its validity', async () => {
    const camille = await customer(url, 'camille');
    const quoted = await camille.request<{ quotePolicyChange: { quote: Quote } }>(QUOTE, {
      i: { policyId: DEMO.camille.policyId, deductibleCents: 50_000 },
    });
    const id = quoted.data!.quotePolicyChange.quote.id;
    await system.services.policies.app.prisma.quote.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await camille.request(APPLY, { q: id })).data).toEqual({
      applyPolicyChange: { __typename: 'QuoteExpired' },
    });
  });

  it('refuses to quote someone else’s contract', async () => {
    const louis = await customer(url, 'louis');
    expect(
      (await louis.request(QUOTE, { i: { policyId: DEMO.camille.policyId, deductibleCents: 50_000 } })).data,
    ).toEqual({ quotePolicyChange: { __typename: 'PolicyNotFound' } });
  });
});

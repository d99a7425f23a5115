// Policy (contrat habitation) with its dwelling and guarantees; Customer.policies.
import { accessCustomer } from '@abri/platform';
import { money } from '@abri/platform/kit';
import { builder, MoneyRef } from '../builder.ts';
import { SearchPageRef } from './search-page.ts';

const PolicyStatus = builder.enumType('PolicyStatus', {
  description: 'Where a contract stands.',
  values: {
    ACTIVE: { description: 'In force.' },
    SUSPENDED: { description: 'Cover suspended for unpaid premium.' },
    TERMINATED: { description: 'Ended.' },
  },
});
const PaymentFrequency = builder.enumType('PaymentFrequency', {
  description: 'How the premium is paid.',
  values: ['ANNUAL', 'MONTHLY'] as const,
});
export const DwellingType = builder.enumType('DwellingType', {
  description: 'Kind of home.',
  values: ['HOUSE', 'APARTMENT'] as const,
});
export const Occupancy = builder.enumType('Occupancy', {
  description: 'Owner or tenant.',
  values: ['OWNER', 'TENANT'] as const,
});
export const ResidenceKind = builder.enumType('ResidenceKind', {
  description: 'Main or second home.',
  values: ['MAIN', 'SECONDARY'] as const,
});

builder.prismaObject('Dwelling', {
  description: 'The insured home.',
  fields: (t) => ({
    addressLine: t.exposeString('addressLine'),
    postalCode: t.exposeString('postalCode'),
    city: t.exposeString('city'),
    country: t.exposeString('country', { description: 'ISO 3166 code.' }),
    type: t.expose('type', { type: DwellingType }),
    surfaceM2: t.exposeInt('surfaceM2', { description: 'Living area in square metres.' }),
    rooms: t.exposeInt('rooms', { description: 'Main rooms.' }),
    occupancy: t.expose('occupancy', { type: Occupancy }),
    residence: t.expose('residence', { type: ResidenceKind }),
  }),
});

builder.prismaObject('Guarantee', {
  description: 'A cover of the contract, with its limits in plain French.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', { description: 'Stable code (WATER_DAMAGE, FIRE, THEFT, ...).' }),
    label: t.exposeString('label'),
    description: t.exposeString('description'),
    ceiling: t.field({
      type: MoneyRef,
      description: 'Most paid per claim.',
      select: { ceilingCents: true },
      resolve: (g) => money(g.ceilingCents),
    }),
    deductible: t.field({
      type: MoneyRef,
      description: 'Left to the policyholder per claim.',
      select: { deductibleCents: true },
      resolve: (g) => money(g.deductibleCents),
    }),
    exclusions: t.exposeStringList('exclusions', { description: 'What is not covered.' }),
    mandatory: t.exposeBoolean('mandatory', { description: 'Legally bundled with fire cover; cannot be removed.' }),
  }),
});

export const PolicyRef = builder.prismaObject('Policy', {
  description: 'A home-insurance contract.',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number', { description: 'Contract number, as printed.' }),
    status: t.expose('status', { type: PolicyStatus }),
    startDate: t.expose('startDate', { type: 'Date' }),
    renewalDate: t.expose('renewalDate', { type: 'Date', description: 'Next anniversary.' }),
    version: t.exposeInt('version', { description: 'Increases with each amendment (avenant).' }),
    paymentFrequency: t.expose('paymentFrequency', { type: PaymentFrequency }),
    annualPremium: t.field({
      type: MoneyRef,
      select: { annualPremiumCents: true, currency: true },
      resolve: (p) => money(p.annualPremiumCents, p.currency),
    }),
    dwelling: t.relation('dwelling', { nullable: true }),
    guarantees: t.relation('guarantees', { query: { orderBy: { code: 'asc' } } }),
  }),
});

builder.asEntity(PolicyRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    const policy = await ctx.app.prisma.policy.findUnique({ where: { id: ref.id } });
    return policy && (await accessCustomer(ctx.app, ctx, policy.customerId, `Contrat ${policy.number}`))
      ? policy
      : null;
  },
});

export const CustomerRef = builder.externalRef('Customer', builder.selection<{ id: string }>('id')).implement({
  // The pages the claims and payments subgraphs build about their data, required by `Customer.search`.
  externalFields: (t) => ({
    id: t.id(),
    claimSearchPages: t.field({ type: [SearchPageRef] }),
    paymentSearchPages: t.field({ type: [SearchPageRef] }),
  }),
  fields: (t) => ({
    policies: t.prismaField({
      authScopes: (customer) => ({ customerFile: { customerId: customer.id, what: 'Contrats' } }),
      type: ['Policy'],
      description: 'The customer’s home contracts, newest first.',
      resolve: async (query, customer, _a, ctx) => {
        return ctx.app.prisma.policy.findMany({
          ...query,
          where: { customerId: customer.id },
          orderBy: { startDate: 'desc' },
        });
      },
    }),
  }),
});

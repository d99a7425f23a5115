// Changing the contract online: price a change, then accept it.
import { money } from '@abri/platform/kit';
import { applyPolicyChange, changesOf, quotePolicyChange } from '../app/quotes.ts';
import { type AddressChange, quoteMoves } from '../app/rectification.ts';
import { builder, MoneyRef } from '../builder.ts';
import { contentsCapitalCents, OPTION_CODES, OPTION_LABELS, type OptionCode } from '../domain/pricing.ts';
import { type NotActive, PolicyNotActive } from './document.ts';
import { byTypename, ErrorInterface, PolicyNotFound, policyNotFound, type Typed } from './error.ts';
import { DwellingType, Occupancy, PolicyRef, ResidenceKind } from './policy.ts';

export const PolicyOption = builder.enumType('PolicyOption', {
  description: 'Options a contract can add.',
  values: Object.fromEntries(OPTION_CODES.map((code) => [code, { description: OPTION_LABELS[code] }])) as Record<
    OptionCode,
    { description: string }
  >,
});

export const PriceLineRef = builder
  .objectRef<{ code: string; label: string; amountCents: number }>('PriceLine')
  .implement({
    description: 'One line of a premium, as the customer reads it; the lines add up to the premium.',
    fields: (t) => ({
      code: t.exposeString('code'),
      label: t.exposeString('label'),
      amount: t.field({ type: MoneyRef, resolve: (l) => money(l.amountCents) }),
    }),
  });

const MoveInput = builder.inputType('MoveInput', {
  description: 'Moving house: the new address and home.',
  fields: (t) => ({
    addressLine: t.string({ required: true }),
    postalCode: t.string({ required: true }),
    city: t.string({ required: true }),
    type: t.field({ type: DwellingType, required: true }),
    surfaceM2: t.int({ required: true }),
    rooms: t.int({ required: true }),
    occupancy: t.field({ type: Occupancy, required: true }),
    residence: t.field({ type: ResidenceKind, required: true }),
  }),
});
const WorksInput = builder.inputType('WorksInput', {
  description: 'Works that change the living area or the number of rooms.',
  fields: (t) => ({ surfaceM2: t.int(), rooms: t.int() }),
});
const PolicyChangeInput = builder.inputType('PolicyChangeInput', {
  description: 'A change to price; combine as many as needed.',
  fields: (t) => ({
    policyId: t.id({ required: true }),
    move: t.field({ type: MoveInput }),
    works: t.field({ type: WorksInput }),
    valuablesCents: t.int({ description: 'Declared valuables after the change (needs the VALUABLES option).' }),
    contentsCents: t.int({
      description:
        'Declared contents capital (furniture, appliances, clothes) after the change, when above the one the rooms ' +
        'include (priced on the excess); 0 returns to that standard capital.',
    }),
    addOptions: t.field({ type: [PolicyOption] }),
    removeOptions: t.field({ type: [PolicyOption] }),
    deductibleCents: t.int({ description: '15000, 30000 or 50000: a higher deductible lowers the premium.' }),
    effectiveDate: t.field({ type: 'Date', description: 'From when; today by default, before the renewal date.' }),
  }),
});

const QuoteRef = builder.prismaObject('Quote', {
  name: 'PolicyChangeQuote',
  description: 'The price of a change, to accept with applyPolicyChange before validUntil.',
  fields: (t) => ({
    id: t.exposeID('id'),
    policy: t.relation('policy'),
    changes: t.stringList({
      description: 'What changes, in plain French.',
      select: { changes: true },
      resolve: changesOf,
    }),
    effectiveDate: t.expose('effectiveFrom', { type: 'Date' }),
    currentAnnualPremium: t.field({
      type: MoneyRef,
      select: { currentPremiumCents: true },
      resolve: (q) => money(q.currentPremiumCents),
    }),
    newAnnualPremium: t.field({
      type: MoneyRef,
      select: { newPremiumCents: true },
      resolve: (q) => money(q.newPremiumCents),
    }),
    annualDifference: t.field({
      type: MoneyRef,
      select: { newPremiumCents: true, currentPremiumCents: true },
      resolve: (q) => money(q.newPremiumCents - q.currentPremiumCents),
    }),
    proRata: t.field({
      type: MoneyRef,
      description: 'Due (positive) or refunded (negative) for the rest of the period.',
      select: { proRataCents: true },
      resolve: (q) => money(q.proRataCents),
    }),
    newPremiumLines: t.field({
      type: [PriceLineRef],
      select: { lines: true },
      resolve: (q) => q.lines as unknown as { code: string; label: string; amountCents: number }[],
    }),
    validUntil: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

type Invalid = Typed<'InvalidPolicyChange', { message: string; field: string }>;
const InvalidPolicyChange = builder.objectRef<Invalid>('InvalidPolicyChange').implement({
  description: 'The change cannot be priced as asked; nothing was stored.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', { description: 'The input at fault.' }) }),
});
type Quoted = Typed<'PolicyChangeQuoted', { quoteId: string }>;
const PolicyChangeQuoted = builder.objectRef<Quoted>('PolicyChangeQuoted').implement({
  description: 'The change is priced.',
  fields: (t) => ({
    quote: t.prismaField({
      type: QuoteRef,
      resolve: (query, r, _a, ctx) => ctx.app.prisma.quote.findUniqueOrThrow({ ...query, where: { id: r.quoteId } }),
    }),
  }),
});
const PolicyChangeQuoteResult = builder.unionType('PolicyChangeQuoteResult', {
  description: 'The outcome of pricing a change.',
  types: [PolicyChangeQuoted, InvalidPolicyChange, PolicyNotFound, PolicyNotActive],
  resolveType: byTypename,
});

builder.mutationField('quotePolicyChange', (t) =>
  t.withAuth({ signedIn: true }).field({
    type: PolicyChangeQuoteResult,
    description: 'Prices a change of the contract: new premium, difference, pro-rata for the rest of the period.',
    args: { input: t.arg({ type: PolicyChangeInput, required: true }) },
    resolve: async (_r, { input }, ctx): Promise<Quoted | Invalid | NotActive | ReturnType<typeof policyNotFound>> => {
      const outcome = await quotePolicyChange(ctx.app, ctx.who, { ...input, policyId: String(input.policyId) });
      if (outcome.kind === 'notFound') return policyNotFound();
      if (outcome.kind === 'notActive')
        return { __typename: 'PolicyNotActive', message: 'Ce contrat n’est pas en vigueur.' };
      if (outcome.kind === 'invalid')
        return { __typename: 'InvalidPolicyChange', field: outcome.field, message: outcome.message };
      return { __typename: 'PolicyChangeQuoted', quoteId: outcome.quoteId };
    },
  }),
);

type Applied = Typed<'PolicyChangeApplied', { policyId: string; avenantId: string }>;
type QuoteProblem = Typed<
  'QuoteNotFound' | 'QuoteExpired' | 'QuoteAlreadyApplied' | 'QuoteOutdated',
  { message: string }
>;
const problem = <N extends QuoteProblem['__typename']>(name: N, description: string) =>
  builder.objectRef<Typed<N, { message: string }>>(name).implement({ description, interfaces: [ErrorInterface] });
const PolicyChangeApplied = builder.objectRef<Applied>('PolicyChangeApplied').implement({
  description: 'The contract changed: a new version and its avenant.',
  fields: (t) => ({
    policy: t.prismaField({
      type: PolicyRef,
      resolve: (query, r, _a, ctx) => ctx.app.prisma.policy.findUniqueOrThrow({ ...query, where: { id: r.policyId } }),
    }),
    avenant: t.prismaField({
      type: 'Document',
      resolve: (query, r, _a, ctx) =>
        ctx.app.prisma.document.findUniqueOrThrow({ ...query, where: { id: r.avenantId } }),
    }),
  }),
});
const ApplyPolicyChangeResult = builder.unionType('ApplyPolicyChangeResult', {
  description: 'The outcome of accepting a quote.',
  types: [
    PolicyChangeApplied,
    problem('QuoteNotFound', 'No such quote among the caller’s.'),
    problem('QuoteExpired', 'The quote is past its validity: price the change again.'),
    problem('QuoteAlreadyApplied', 'This quote was already accepted.'),
    problem('QuoteOutdated', 'The contract changed since the quote: price the change again.'),
  ],
  resolveType: byTypename,
});

const MESSAGES = {
  notFound: ['QuoteNotFound', 'Devis introuvable.'],
  expired: ['QuoteExpired', 'Ce devis a expiré.'],
  alreadyApplied: ['QuoteAlreadyApplied', 'Ce devis a déjà été accepté.'],
  outdated: ['QuoteOutdated', 'Votre contrat a changé depuis ce devis.'],
} as const;

builder.mutationField('applyPolicyChange', (t) =>
  t.withAuth({ signedIn: true }).field({
    type: ApplyPolicyChangeResult,
    description: 'Accepts a quote: the contract gets a new version and an avenant; the payment schedule follows.',
    args: { quoteId: t.arg.id({ required: true }) },
    resolve: async (_r, { quoteId }, ctx): Promise<Applied | QuoteProblem> => {
      const outcome = await applyPolicyChange(ctx.app, ctx.who, String(quoteId), ctx.client);
      if (outcome.kind === 'applied')
        return { __typename: 'PolicyChangeApplied', policyId: outcome.policyId, avenantId: outcome.avenantId };
      const [__typename, message] = MESSAGES[outcome.kind];
      return { __typename, message };
    },
  }),
);

builder.prismaObject('PolicyVersion', {
  description: 'The contract as it stood from a date (each amendment adds one).',
  fields: (t) => ({
    version: t.exposeInt('version'),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    annualPremium: t.field({ type: MoneyRef, resolve: (v) => money(v.annualPremiumCents) }),
    reason: t.exposeString('reason', { description: 'What changed, in plain French.' }),
  }),
});

builder.prismaObjectFields(PolicyRef, (t) => ({
  options: t.field({
    type: [PolicyOption],
    select: { options: true },
    resolve: (p) => p.options.filter((o): o is OptionCode => (OPTION_CODES as readonly string[]).includes(o)),
  }),
  valuables: t.field({
    type: MoneyRef,
    description: 'Declared valuables.',
    select: { valuablesCents: true },
    resolve: (p) => money(p.valuablesCents),
  }),
  contentsCapital: t.field({
    type: MoneyRef,
    description: 'Contents capital insured: the one the rooms include, or the declared one when higher.',
    select: { contentsCents: true, dwelling: { select: { rooms: true } } },
    resolve: (p) => money(contentsCapitalCents({ rooms: p.dwelling?.rooms ?? 1 }, p)),
  }),
  deductible: t.field({
    type: MoneyRef,
    description: 'Chosen general deductible.',
    select: { deductibleCents: true },
    resolve: (p) => money(p.deductibleCents),
  }),
  versions: t.relation('versions', {
    description: 'Version history, newest first.',
    query: { orderBy: { version: 'desc' } },
  }),
  premiumLines: t.field({
    type: [PriceLineRef],
    description: 'How the current premium is made up.',
    select: { versions: { orderBy: { version: 'desc' }, take: 1, select: { snapshot: true } } },
    resolve: (p) =>
      (p.versions[0]?.snapshot as { lines?: { code: string; label: string; amountCents: number }[] } | undefined)
        ?.lines ?? [],
  }),
}));

// A new postal address (users' `updateProfile`): the move of each main home the customer leaves, priced at once so
// the answer shows the price change to accept (app/rectification.ts).
builder
  .externalRef('PostalAddressChange', builder.selection<AddressChange>('id customerId addressLine postalCode city'))
  .implement({
    externalFields: (t) => ({
      id: t.id(),
      customerId: t.id(),
      addressLine: t.string(),
      postalCode: t.string(),
      city: t.string(),
    }),
    fields: (t) => ({
      moveQuotes: t.prismaField({
        authScopes: { signedIn: true },
        type: [QuoteRef],
        description:
          'The move of each active contract insuring a main home at another address, priced with the home as ' +
          'declared (correct its type, surface or rooms with `quotePolicyChange`). Accepting one with ' +
          '`applyPolicyChange` moves the contract; until then it insures the home it insured. Empty when no contract ' +
          'moves.',
        resolve: async (query, change, _a, ctx) => {
          // `signedIn` above: there is a caller (an entity's fields take scopes as an option, without the typing).
          const ids = await quoteMoves(ctx.app, ctx.who!, change);
          return ctx.app.prisma.quote.findMany({ ...query, where: { id: { in: ids } }, orderBy: { policyId: 'asc' } });
        },
      }),
    }),
  });

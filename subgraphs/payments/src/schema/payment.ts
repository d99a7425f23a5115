// Schedule, history and payment methods of a customer; the next due date of a policy.
import { abriError, accessCustomer, ErrorCode, forbidden } from '@abri/platform';
import { money } from '@abri/platform/kit';
import { builder, MoneyRef } from '../builder.ts';
import type { PaymentsContext } from '../context.ts';

const ScheduledPaymentStatus = builder.enumType('ScheduledPaymentStatus', {
  description: 'Where an instalment stands.',
  values: ['PLANNED', 'PAID', 'REJECTED', 'CANCELLED'] as const,
});
const PaymentStatus = builder.enumType('PaymentStatus', {
  description: 'Outcome of a collection.',
  values: ['SUCCEEDED', 'REJECTED', 'REFUNDED'] as const,
});
const PaymentMethodKind = builder.enumType('PaymentMethodKind', {
  description: 'Card or SEPA direct debit.',
  values: ['CARD', 'SEPA_DEBIT'] as const,
});

const PolicyRef = builder.externalRef('Policy', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    nextDueDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'Date of the next planned instalment.',
      resolve: async (policy, _a, ctx) => (await nextInstalment(ctx, policy.id))?.dueDate ?? null,
    }),
    nextPaymentAmount: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'Amount of the next planned instalment.',
      resolve: async (policy, _a, ctx) => {
        const next = await nextInstalment(ctx, policy.id);
        return next ? money(next.amountCents, next.currency) : null;
      },
    }),
  }),
});

type Instalment = Awaited<ReturnType<PaymentsContext['app']['prisma']['scheduledPayment']['findFirst']>>;
/**
 * nextDueDate and nextPaymentAmount of every policy in one entity request: the policies asked before the next turn of
 * the event loop are read with one query, each once per request.
 */
const nextByRequest = new WeakMap<
  PaymentsContext,
  { known: Map<string, Promise<Instalment>>; waiting: Map<string, (row: Instalment | Error) => void> }
>();

function nextInstalment(ctx: PaymentsContext, policyId: string): Promise<Instalment> {
  let batch = nextByRequest.get(ctx);
  if (!batch) {
    batch = { known: new Map(), waiting: new Map() };
    nextByRequest.set(ctx, batch);
  }
  const known = batch.known.get(policyId);
  if (known) return known;
  const { waiting } = batch;
  if (!waiting.size) setImmediate(() => void loadNext(ctx, new Map(waiting)));
  const next = new Promise<Instalment>((resolve, reject) => {
    waiting.set(policyId, (row) => (row instanceof Error ? reject(row) : resolve(row)));
  }).then(async (row) => {
    if (row && !(await accessCustomer(ctx.app, ctx, row.customerId, 'Prochaine échéance'))) throw forbidden();
    return row;
  });
  batch.known.set(policyId, next);
  return next;
}

async function loadNext(ctx: PaymentsContext, waiting: Map<string, (row: Instalment | Error) => void>) {
  nextByRequest.get(ctx)?.waiting.clear();
  try {
    const rows = await ctx.app.prisma.scheduledPayment.findMany({
      where: {
        policyId: { in: [...waiting.keys()] },
        status: 'PLANNED',
        dueDate: { gte: startOfDay(ctx.app.clock.now()) },
      },
      orderBy: [{ policyId: 'asc' }, { dueDate: 'asc' }],
      distinct: ['policyId'],
    });
    const byPolicy = new Map(rows.map((row) => [row.policyId, row]));
    for (const [policyId, settle] of waiting) settle(byPolicy.get(policyId) ?? null);
  } catch (error) {
    for (const settle of waiting.values()) settle(error instanceof Error ? error : new Error(String(error)));
  }
}

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

builder.prismaObject('ScheduledPayment', {
  description: 'An instalment of a policy’s premium.',
  fields: (t) => ({
    id: t.exposeID('id'),
    dueDate: t.expose('dueDate', { type: 'Date' }),
    amount: t.field({
      type: MoneyRef,
      select: { amountCents: true, currency: true },
      resolve: (p) => money(p.amountCents, p.currency),
    }),
    status: t.expose('status', { type: ScheduledPaymentStatus }),
    policy: t.field({ type: PolicyRef, select: { policyId: true }, resolve: (p) => ({ id: p.policyId }) }),
  }),
});

builder.prismaObject('PaymentMethod', {
  description: 'A card (brand and last four digits only) or a SEPA direct-debit mandate (masked IBAN).',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: PaymentMethodKind }),
    isDefault: t.exposeBoolean('isDefault'),
    label: t.string({
      description: 'How to show it: "Visa •••• 4242" or "FR76 •••• 0189".',
      select: { kind: true, cardBrand: true, cardLast4: true, ibanLast4: true },
      resolve: (m) =>
        m.kind === 'CARD' ? `${m.cardBrand ?? 'Carte'} •••• ${m.cardLast4 ?? ''}` : `IBAN •••• ${m.ibanLast4 ?? ''}`,
    }),
    mandateReference: t.exposeString('mandateReference', {
      nullable: true,
      description: 'SEPA mandate reference (RUM).',
    }),
  }),
});

const PaymentRef = builder.prismaObject('Payment', {
  description: 'Money collected, or a collection the bank refused.',
  fields: (t) => ({
    id: t.exposeID('id'),
    paidAt: t.expose('paidAt', { type: 'DateTime' }),
    amount: t.field({
      type: MoneyRef,
      select: { amountCents: true, currency: true },
      resolve: (p) => money(p.amountCents, p.currency),
    }),
    status: t.expose('status', { type: PaymentStatus }),
    reference: t.exposeString('reference'),
    rejectionCode: t.exposeString('rejectionCode', {
      nullable: true,
      description: 'SEPA reason code of a refused debit (AM04, ...).',
    }),
    policy: t.field({ type: PolicyRef, select: { policyId: true }, resolve: (p) => ({ id: p.policyId }) }),
  }),
});

const PageInfo = builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>('PageInfo').implement({
  description: 'Where a page ends.',
  shareable: true,
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'Pass as `after` for the next page.' }),
  }),
});
type PaymentRow = Awaited<ReturnType<PaymentsContext['app']['prisma']['payment']['findFirstOrThrow']>>;
const PaymentEdge = builder.objectRef<PaymentRow>('PaymentEdge').implement({
  description: 'A payment in a page.',
  fields: (t) => ({ cursor: t.exposeID('id'), node: t.field({ type: PaymentRef, resolve: (p) => p }) }),
});
const PaymentConnection = builder
  .objectRef<{ edges: PaymentRow[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>('PaymentConnection')
  .implement({
    description: 'A page of payment history, newest first.',
    fields: (t) => ({
      edges: t.field({ type: [PaymentEdge], resolve: (c) => c.edges }),
      pageInfo: t.field({ type: PageInfo, resolve: (c) => c.pageInfo }),
    }),
  });

export const CustomerRef = builder.externalRef('Customer', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    paymentSchedule: t.prismaField({
      authScopes: (customer) => ({ customerFile: { customerId: customer.id, what: 'Échéancier' } }),
      type: ['ScheduledPayment'],
      description: 'Planned instalments from today on, soonest first.',
      resolve: async (query, customer, _a, ctx) => {
        return ctx.app.prisma.scheduledPayment.findMany({
          ...query,
          where: { customerId: customer.id, status: 'PLANNED', dueDate: { gte: startOfDay(ctx.app.clock.now()) } },
          orderBy: { dueDate: 'asc' },
        });
      },
    }),
    paymentHistory: t.field({
      authScopes: (customer) => ({ customerFile: { customerId: customer.id, what: 'Historique des paiements' } }),
      type: PaymentConnection,
      description: 'Payments of the last ten years, newest first, a page at a time.',
      args: {
        first: t.arg.int({ defaultValue: 20 }),
        after: t.arg.string({ description: 'endCursor of the previous page.' }),
        year: t.arg.int({ description: 'Only the payments of this calendar year.' }),
      },
      resolve: async (customer, { first, after, year }, ctx) => {
        const size = first ?? 20;
        if (size < 1 || size > 100)
          throw abriError(ErrorCode.BAD_USER_INPUT, 'first doit être compris entre 1 et 100.');
        // A year the database cannot hold as a date (300000) once failed as an internal error.
        if (year !== null && year !== undefined && (year < 1900 || year > 2199))
          throw abriError(ErrorCode.BAD_USER_INPUT, 'year doit être compris entre 1900 et 2199.');
        const rows = await ctx.app.prisma.payment.findMany({
          where: {
            customerId: customer.id,
            ...(year
              ? { paidAt: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } }
              : {}),
          },
          orderBy: [{ paidAt: 'desc' }, { id: 'desc' }],
          take: size + 1,
          ...(after ? { cursor: { id: after }, skip: 1 } : {}),
        });
        if (after && !(await ctx.app.prisma.payment.count({ where: { id: after, customerId: customer.id } }))) {
          throw abriError(ErrorCode.INVALID_CURSOR, 'This cursor does not belong to this history.');
        }
        const edges = rows.slice(0, size);
        return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.id ?? null } };
      },
    }),
    paymentMethods: t.prismaField({
      authScopes: (customer) => ({ customerFile: { customerId: customer.id, what: 'Moyens de paiement' } }),
      type: ['PaymentMethod'],
      description: 'Active cards and mandates, default first.',
      resolve: async (query, customer, _a, ctx) => {
        return ctx.app.prisma.paymentMethod.findMany({
          ...query,
          where: { customerId: customer.id, removedAt: null },
          orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }],
        });
      },
    }),
  }),
});

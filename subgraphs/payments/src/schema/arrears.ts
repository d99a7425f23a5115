// Rejected debits as the customer sees them (why, what to do, the legal dates) and the ways out.
import {
  type BusEvent,
  cursorOf,
  customerEvents,
  forbidden,
  hasRole,
  isCustomer,
  parseCursor,
  unauthenticated,
} from '@abri/platform';
import { ACCOUNT_EVENTS, payArrear, recordRejection, retryDebit } from '../app/arrears.ts';
import { builder } from '../builder.ts';
import { explainRejection } from '../domain/rejections.ts';
import { unpaidStage, unpaidTimeline } from '../domain/unpaid.ts';
import { MoneyRef, money } from './money.ts';
import { CustomerRef } from './payment.ts';

const Stage = builder.enumType('UnpaidStage', {
  description: 'Where an unpaid premium stands in the legal timeline.',
  values: ['DUE', 'NOTICE_SENT', 'SUSPENDED', 'TERMINATED', 'RESTORED'] as const,
});
const Suggestion = builder.enumType('RejectionSuggestion', {
  description: 'What the customer can do.',
  values: ['PAY_BY_CARD', 'RETRY', 'SWITCH_METHOD'] as const,
});

const ArrearRef = builder.prismaObject('Arrear', {
  description: 'A premium instalment the bank refused, and what follows.',
  fields: (t) => ({
    id: t.exposeID('id'),
    dueDate: t.expose('dueDate', { type: 'Date' }),
    amount: t.field({ type: MoneyRef, resolve: (a) => money(a.amountCents) }),
    rejectionCode: t.exposeString('rejectionCode', { description: 'SEPA reason code (AM04, AC04, ...).' }),
    explanation: t.string({
      description: 'Why, in plain French.',
      resolve: (a) => explainRejection(a.rejectionCode).customerMessage,
    }),
    suggestions: t.field({ type: [Suggestion], resolve: (a) => explainRejection(a.rejectionCode).suggestions }),
    stage: t.field({
      type: Stage,
      resolve: (a, _x, ctx) =>
        a.restoredAt ? 'RESTORED' : unpaidStage(a.dueDate, ctx.app.clock.now(), a.paidAt, a.noticeSentAt),
    }),
    formalNoticeAt: t.field({ type: 'DateTime', resolve: (a) => unpaidTimeline(a.dueDate, a.noticeSentAt).noticeAt }),
    suspensionAt: t.field({
      type: 'DateTime',
      description: 'Cover is suspended from then if still unpaid.',
      resolve: (a) => unpaidTimeline(a.dueDate, a.noticeSentAt).suspensionAt,
    }),
    terminationAt: t.field({
      type: 'DateTime',
      description: 'The contract ends then if still unpaid.',
      resolve: (a) => unpaidTimeline(a.dueDate, a.noticeSentAt).terminationAt,
    }),
    paidAt: t.expose('paidAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.objectFields(CustomerRef, (t) => ({
  arrears: t.prismaField({
    type: [ArrearRef],
    description: 'Refused debits not yet settled, and the last settled ones.',
    resolve: (query, customer, _a, ctx) => {
      if (!(isCustomer(ctx.who) && ctx.who.sub === customer.id) && !hasRole(ctx.who, 'AGENT', 'ADMIN'))
        throw forbidden();
      return ctx.app.prisma.arrear.findMany({
        ...query,
        where: { customerId: customer.id },
        orderBy: { dueDate: 'desc' },
        take: 24,
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  recordDebitRejection: t.boolean({
    description:
      'Staff (AGENT, ADMIN): records a direct debit the bank refused, with its SEPA reason code. False when no such instalment.',
    args: { scheduledPaymentId: t.arg.id({ required: true }), reasonCode: t.arg.string({ required: true }) },
    resolve: async (_r, { scheduledPaymentId, reasonCode }, ctx) => {
      if (!ctx.who) throw unauthenticated();
      if (!hasRole(ctx.who, 'AGENT', 'ADMIN')) throw forbidden();
      if (!/^[A-Z]{2}\d{2}$/.test(reasonCode)) return false;
      return (await recordRejection(ctx.app, String(scheduledPaymentId), reasonCode)).kind === 'recorded';
    },
  }),
  retryDebit: t.string({
    description:
      'Plans a new debit of a refused instalment on a chosen date: SCHEDULED, NOT_FOUND, NOT_RETRYABLE (the reason rules it out, or already planned) or INVALID_DATE (from tomorrow to before the suspension date).',
    args: { arrearId: t.arg.id({ required: true }), on: t.arg({ type: 'Date', required: true }) },
    resolve: async (_r, { arrearId, on }, ctx) => {
      if (!isCustomer(ctx.who)) throw unauthenticated();
      const outcome = await retryDebit(ctx.app, ctx.who.sub, String(arrearId), on);
      return (
        {
          scheduled: 'SCHEDULED',
          notFound: 'NOT_FOUND',
          notRetryable: 'NOT_RETRYABLE',
          invalidDate: 'INVALID_DATE',
        } as const
      )[outcome];
    },
  }),
  payArrear: t.string({
    description:
      'Pays a refused instalment now with one of the customer’s methods: PAID, NOT_FOUND, TOO_LATE or NO_SUCH_METHOD.',
    args: { arrearId: t.arg.id({ required: true }), paymentMethodId: t.arg.id({ required: true }) },
    resolve: async (_r, { arrearId, paymentMethodId }, ctx) => {
      if (!isCustomer(ctx.who)) throw unauthenticated();
      const outcome = await payArrear(ctx.app, ctx.who.sub, String(arrearId), String(paymentMethodId));
      return ({ paid: 'PAID', notFound: 'NOT_FOUND', tooLate: 'TOO_LATE', noSuchMethod: 'NO_SUCH_METHOD' } as const)[
        outcome
      ];
    },
  }),
}));

const PaymentEvent = builder.objectRef<BusEvent>('PaymentEvent').implement({
  description:
    'A step about the customer’s payments: debitRejected, formalNoticeSent, coverSuspended, contractTerminated, arrearPaid, coverRestored.',
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as `after` to resume from this event.', resolve: cursorOf }),
    kind: t.string({ resolve: (e) => String((e.payload as { kind: string }).kind) }),
    arrear: t.prismaField({
      type: ArrearRef,
      nullable: true,
      resolve: (query, e, _a, ctx) =>
        ctx.app.prisma.arrear.findUnique({
          ...query,
          where: { id: String((e.payload as { arrearId?: string }).arrearId ?? '') },
        }),
    }),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
  }),
});

builder.subscriptionField('paymentEvents', (t) =>
  t.field({
    type: PaymentEvent,
    description:
      'Payment steps of the signed-in customer, on every device; with `after`, first those missed since that cursor.',
    args: { after: t.arg.string() },
    subscribe: (_r, { after }, ctx) => {
      if (!isCustomer(ctx.who)) throw unauthenticated();
      return customerEvents({
        bus: ctx.app.bus,
        outbox: ctx.app.outbox,
        topic: ACCOUNT_EVENTS,
        customerId: ctx.who.sub,
        afterId: parseCursor('payments', after),
      });
    },
    resolve: (event) => event,
  }),
);

// Rejected debits as the customer sees them (why, what to do, the legal dates) and the ways out.
import {
  cursorOf,
  type EventOf,
  Events,
  PAYMENT_EVENT_KIND_VALUES,
  recordStaffAccess,
  StaffAccessKind,
} from '@abri/platform';
import { money } from '@abri/platform/kit';
import { type PayOutcome, payArrear, recordRejection, retryDebit } from '../app/arrears.ts';
import { confirmCardCharge } from '../app/card-payments.ts';
import { builder, customerEventSubscription, MoneyRef } from '../builder.ts';
import { explainRejection } from '../domain/rejections.ts';
import { unpaidStage, unpaidTimeline } from '../domain/unpaid.ts';
import {
  ArrearNotFound,
  arrearNotFound,
  byTypename,
  ErrorInterface,
  PaymentMethodNotFound,
  paymentMethodNotFound,
  type Typed,
} from './error.ts';
import { messages } from './messages.ts';
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
  // Payments staff or the customer; the read is recorded (`$any` is decided before the record is written).
  arrears: t
    .withAuth((customer) => ({
      $all: {
        $any: { self: customer.id, role: ['AGENT', 'ADMIN'] },
        customerFile: { customerId: customer.id, what: 'Impayés' },
      },
    }))
    .prismaField({
      type: [ArrearRef],
      description: 'Refused debits not yet settled, and the last settled ones.',
      resolve: async (query, customer, _a, ctx) => {
        return ctx.app.prisma.arrear.findMany({
          ...query,
          where: { customerId: customer.id },
          orderBy: { dueDate: 'desc' },
          take: 24,
        });
      },
    }),
}));

type Failure<N extends string> = Typed<N, { message: string }>;
const failureType = <N extends string>(name: N, description: string) =>
  builder.objectRef<Failure<N>>(name).implement({ description, interfaces: [ErrorInterface] });
const failure = <N extends string>(name: N, message: string): Failure<N> => ({ __typename: name, message });

type Recorded = Typed<'DebitRejectionRecorded', { arrearId: string }>;
const DebitRejectionRecorded = builder.objectRef<Recorded>('DebitRejectionRecorded').implement({
  description: 'The rejection is recorded: the arrear it opens, and its legal timeline.',
  fields: (t) => ({
    arrear: t.prismaField({
      type: ArrearRef,
      resolve: (query, r, _a, ctx) => ctx.app.prisma.arrear.findUniqueOrThrow({ ...query, where: { id: r.arrearId } }),
    }),
  }),
});
const InvalidReasonCode = failureType('InvalidReasonCode', 'Not a SEPA reason code (two letters, two digits).');
const InstalmentNotFound = failureType('InstalmentNotFound', 'No such instalment.');
const InstalmentNotCollectable = failureType(
  'InstalmentNotCollectable',
  'The instalment is neither planned nor paid (cancelled, or already rejected).',
);
const RecordDebitRejectionResult = builder.unionType('RecordDebitRejectionResult', {
  description: 'The outcome of recording a refused debit.',
  types: [DebitRejectionRecorded, InvalidReasonCode, InstalmentNotFound, InstalmentNotCollectable],
  resolveType: byTypename,
});

const NOT_RETRYABLE = { rejectionReason: 'REJECTION_REASON', alreadyPlanned: 'ALREADY_PLANNED' } as const;
const DebitNotRetryableReason = builder.enumType('DebitNotRetryableReason', {
  description: 'Why a refused debit cannot be tried again.',
  values: Object.values(NOT_RETRYABLE),
});
type Scheduled = Typed<'DebitRetryScheduled', { arrearId: string; dueDate: Date }>;
type NotRetryable = Typed<
  'DebitNotRetryable',
  { message: string; reason: (typeof NOT_RETRYABLE)[keyof typeof NOT_RETRYABLE] }
>;
type InvalidDate = Typed<'InvalidRetryDate', { message: string; earliest: Date; latest: Date }>;
const DebitRetryScheduled = builder.objectRef<Scheduled>('DebitRetryScheduled').implement({
  description: 'A new debit of the refused instalment is planned on the chosen date.',
  fields: (t) => ({
    dueDate: t.field({ type: 'Date', resolve: (r) => r.dueDate }),
    arrear: t.prismaField({
      type: ArrearRef,
      resolve: (query, r, _a, ctx) => ctx.app.prisma.arrear.findUniqueOrThrow({ ...query, where: { id: r.arrearId } }),
    }),
  }),
});
const DebitNotRetryable = builder.objectRef<NotRetryable>('DebitNotRetryable').implement({
  description: 'The debit cannot be tried again: pay now instead.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.expose('reason', { type: DebitNotRetryableReason }) }),
});
const InvalidRetryDate = builder.objectRef<InvalidDate>('InvalidRetryDate').implement({
  description: 'The date is outside the allowed range, or another debit of the policy falls on it.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    earliest: t.field({ type: 'Date', description: 'The first date allowed (tomorrow).', resolve: (r) => r.earliest }),
    latest: t.field({
      type: 'Date',
      description: 'The last date allowed (the day before cover would be suspended).',
      resolve: (r) => r.latest,
    }),
  }),
});
const RetryDebitResult = builder.unionType('RetryDebitResult', {
  description: 'The outcome of planning a new debit of a refused instalment.',
  types: [DebitRetryScheduled, ArrearNotFound, DebitNotRetryable, InvalidRetryDate],
  resolveType: byTypename,
});

type Paid = Typed<'ArrearPaid', { arrearId: string; restoresAt: Date | null }>;
const ArrearPaid = builder.objectRef<Paid>('ArrearPaid').implement({
  description: 'The arrear is paid: the legal timeline stops.',
  fields: (t) => ({
    coverRestoresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When suspended cover comes back (noon the next day); null when it was not suspended.',
      resolve: (r) => r.restoresAt,
    }),
    arrear: t.prismaField({
      type: ArrearRef,
      resolve: (query, r, _a, ctx) => ctx.app.prisma.arrear.findUniqueOrThrow({ ...query, where: { id: r.arrearId } }),
    }),
  }),
});
const ContractTerminated = failureType('ContractTerminated', 'The contract ended for non-payment: too late to pay.');
type Pending = Typed<'ArrearPaymentPending', { chargeId: string; actionUrl: string }>;
const ArrearPaymentPending = builder.objectRef<Pending>('ArrearPaymentPending').implement({
  description:
    'The card’s bank asks the cardholder to authenticate (3-D Secure): open `actionUrl`, then call `confirmArrearPayment`. Nothing is paid yet.',
  fields: (t) => ({
    chargeId: t.id({ resolve: (p) => p.chargeId }),
    actionUrl: t.exposeString('actionUrl', { description: 'The payment provider’s authentication page.' }),
  }),
});
type Refused = Typed<'CardPaymentRefused', { message: string; code: string }>;
const CardPaymentRefused = builder.objectRef<Refused>('CardPaymentRefused').implement({
  description: 'The card was refused: the arrear stays unpaid.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ code: t.exposeString('code', { description: 'The payment provider’s refusal code.' }) }),
});
const PayArrearResult = builder.unionType('PayArrearResult', {
  description: 'The outcome of paying a refused instalment now.',
  types: [
    ArrearPaid,
    ArrearNotFound,
    ContractTerminated,
    PaymentMethodNotFound,
    ArrearPaymentPending,
    CardPaymentRefused,
    DebitRetryScheduled,
  ],
  resolveType: byTypename,
});
const payResult = (outcome: PayOutcome) => {
  switch (outcome.kind) {
    case 'paid':
      return { __typename: 'ArrearPaid' as const, arrearId: outcome.arrearId, restoresAt: outcome.restoresAt };
    case 'arrearNotFound':
      return arrearNotFound();
    case 'contractTerminated':
      return failure('ContractTerminated', messages.contractTerminated);
    case 'methodNotFound':
      return paymentMethodNotFound();
    case 'pending':
      return { __typename: 'ArrearPaymentPending' as const, chargeId: outcome.chargeId, actionUrl: outcome.actionUrl };
    case 'cardRefused':
      return { __typename: 'CardPaymentRefused' as const, message: messages.cardRefused, code: outcome.code };
    case 'debitPlanned':
      return { __typename: 'DebitRetryScheduled' as const, arrearId: outcome.arrearId, dueDate: outcome.dueDate };
  }
};

builder.mutationFields((t) => ({
  recordDebitRejection: t.withAuth({ role: ['AGENT', 'ADMIN'] }).field({
    type: RecordDebitRejectionResult,
    description: 'Staff (AGENT, ADMIN): records a direct debit the bank refused, with its SEPA reason code.',
    args: { scheduledPaymentId: t.arg.id({ required: true }), reasonCode: t.arg.string({ required: true }) },
    resolve: async (_r, { scheduledPaymentId, reasonCode }, ctx) => {
      const outcome = await recordRejection(ctx.app, String(scheduledPaymentId), reasonCode.slice(0, 8));
      switch (outcome.kind) {
        case 'recorded': {
          const { customerId } = await ctx.app.prisma.arrear.findUniqueOrThrow({
            where: { id: outcome.arrearId },
            select: { customerId: true },
          });
          await recordStaffAccess(ctx.app, ctx, customerId, {
            kind: StaffAccessKind.ACTION,
            what: `Rejet de prélèvement enregistré (motif ${reasonCode.slice(0, 8)})`,
          });
          return { __typename: 'DebitRejectionRecorded' as const, arrearId: outcome.arrearId };
        }
        case 'invalidReasonCode':
          return failure('InvalidReasonCode', messages.invalidReasonCode);
        case 'instalmentNotFound':
          return failure('InstalmentNotFound', messages.instalmentNotFound);
        case 'notCollectable':
          return failure('InstalmentNotCollectable', messages.instalmentNotCollectable);
      }
    },
  }),
  retryDebit: t.withAuth({ customer: true }).field({
    type: RetryDebitResult,
    description:
      'Plans a new debit of a refused instalment on a chosen date, from tomorrow to the day before the suspension date.',
    args: { arrearId: t.arg.id({ required: true }), on: t.arg({ type: 'Date', required: true }) },
    resolve: async (
      _r,
      { arrearId, on },
      ctx,
    ): Promise<Scheduled | NotRetryable | InvalidDate | Failure<'ArrearNotFound'>> => {
      const outcome = await retryDebit(ctx.app, ctx.who.sub, String(arrearId), on);
      switch (outcome.kind) {
        case 'scheduled':
          return { __typename: 'DebitRetryScheduled', arrearId: outcome.arrearId, dueDate: outcome.dueDate };
        case 'arrearNotFound':
          return arrearNotFound();
        case 'notRetryable':
          return {
            __typename: 'DebitNotRetryable',
            message: messages.notRetryable[outcome.reason],
            reason: NOT_RETRYABLE[outcome.reason],
          };
        case 'invalidDate':
          return {
            __typename: 'InvalidRetryDate',
            message: messages.invalidRetryDate,
            earliest: outcome.earliest,
            latest: outcome.latest,
          };
      }
    },
  }),
  payArrear: t.withAuth({ customer: true }).field({
    type: PayArrearResult,
    description:
      'Pays a refused instalment now with one of the customer’s methods. By card, the arrear is paid on the provider’s confirmation; by SEPA mandate, a debit is planned on the first free day from tomorrow (`DebitRetryScheduled`) and the arrear is paid once the bank has collected it.',
    args: { arrearId: t.arg.id({ required: true }), paymentMethodId: t.arg.id({ required: true }) },
    resolve: async (_r, { arrearId, paymentMethodId }, ctx) => {
      return payResult(await payArrear(ctx.app, ctx.who.sub, String(arrearId), String(paymentMethodId)));
    },
  }),
  confirmArrearPayment: t.withAuth({ customer: true }).field({
    type: PayArrearResult,
    description:
      'After the card’s authentication: asks the payment provider how the charge ended; the arrear is paid only if the provider confirms.',
    args: { chargeId: t.arg.id({ required: true }) },
    resolve: async (_r, { chargeId }, ctx) => {
      return payResult(await confirmCardCharge(ctx.app, ctx.who.sub, String(chargeId)));
    },
  }),
}));

const PaymentEventKindEnum = builder.enumType('PaymentEventKind', {
  description: 'A step about the customer’s payments.',
  values: Object.values(PAYMENT_EVENT_KIND_VALUES),
});

const PaymentEvent = builder.objectRef<EventOf<typeof Events.accountEvent>>('PaymentEvent').implement({
  description: 'A step about the customer’s payments, live on every device.',
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as `after` to resume from this event.', resolve: cursorOf }),
    kind: t.field({
      type: PaymentEventKindEnum,
      resolve: (e) => PAYMENT_EVENT_KIND_VALUES[e.payload.kind],
    }),
    arrear: t.prismaField({
      type: ArrearRef,
      nullable: true,
      description: 'The arrear this step is about; null for an instalment collected on its due date.',
      resolve: (query, e, _a, ctx) =>
        e.payload.kind === 'instalmentCollected'
          ? null
          : ctx.app.prisma.arrear.findUnique({
              ...query,
              where: { id: e.payload.arrearId },
            }),
    }),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
  }),
});

customerEventSubscription('paymentEvents', {
  type: PaymentEvent,
  description:
    'Payment steps of the signed-in customer, on every device; with `after`, first those missed since that cursor.',
  event: Events.accountEvent,
});

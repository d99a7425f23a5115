// Managing payment methods and the monthly due day.
import { type Clock, type Identity, reauthenticationRequired, recentlyAuthenticated } from '@abri/platform';
import { changeDueDay } from '../app/due-day.ts';
import {
  addCard,
  addSepaMandate,
  type MethodOutcome,
  PRE_NOTIFICATION_DAYS,
  removeMethod,
  setDefault,
} from '../app/methods.ts';
import { builder } from '../builder.ts';
import {
  byTypename,
  ErrorInterface,
  PaymentMethodNotFound,
  paymentMethodNotFound,
  ScheduleNotFound,
  scheduleNotFound,
  type Typed,
} from './error.ts';

type NoSchedule = ReturnType<typeof scheduleNotFound>;

import { messages } from './messages.ts';

/** Where money comes from changes only after a recent proof of the password (users' `confirmIdentity`). */
const customerWithFreshProof = (ctx: { who: Identity; app: { clock: Clock } }) => {
  if (!recentlyAuthenticated(ctx.who, ctx.app.clock.now())) throw reauthenticationRequired();
  return ctx.who.sub;
};

builder.prismaObjectFields('PaymentMethod', (t) => ({
  holderName: t.exposeString('holderName', { nullable: true }),
  mandateSignedOn: t.expose('mandateSignedOn', { type: 'Date', nullable: true }),
  cardExpiry: t.exposeString('cardExpiry', { nullable: true, description: 'MM/YY.' }),
  preDebitNoticeDays: t.int({
    nullable: true,
    description: 'For a mandate: how many days before each debit its date and amount are notified.',
    resolve: (m) => (m.kind === 'SEPA_DEBIT' ? PRE_NOTIFICATION_DAYS : null),
  }),
}));

type Added = Typed<'PaymentMethodAdded', { methodId: string }>;
type Invalid = Typed<'InvalidPaymentMethod', { message: string; field: string; reason: InvalidReasonValue }>;
type MethodFailure = ReturnType<typeof paymentMethodNotFound>;

/** A success that shows the method it saved. */
const withMethod = <N extends string>(name: N, description: string) =>
  builder.objectRef<Typed<N, { methodId: string }>>(name).implement({
    description,
    fields: (t) => ({
      paymentMethod: t.prismaField({
        type: 'PaymentMethod',
        resolve: (query, r, _a, ctx) =>
          ctx.app.prisma.paymentMethod.findUniqueOrThrow({ ...query, where: { id: r.methodId } }),
      }),
    }),
  });
const PaymentMethodAdded = withMethod('PaymentMethodAdded', 'The method is saved.');
const REASONS = {
  ibanInvalid: 'IBAN_INVALID',
  holderNameLength: 'HOLDER_NAME_LENGTH',
  cardTokenInvalid: 'CARD_TOKEN_INVALID',
  cardLast4Invalid: 'CARD_LAST4_INVALID',
  cardExpired: 'CARD_EXPIRED',
  cardBrandUnknown: 'CARD_BRAND_UNKNOWN',
  ibanAlreadyRegistered: 'IBAN_ALREADY_REGISTERED',
} as const;
type InvalidReasonValue = (typeof REASONS)[keyof typeof REASONS];
const InvalidPaymentMethodReason = builder.enumType('InvalidPaymentMethodReason', {
  description: 'Why a payment method was refused.',
  values: Object.values(REASONS),
});
const InvalidPaymentMethod = builder.objectRef<Invalid>('InvalidPaymentMethod').implement({
  description: 'Refused; nothing was saved.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The input field at fault.' }),
    reason: t.expose('reason', { type: InvalidPaymentMethodReason }),
  }),
});
const AddPaymentMethodResult = builder.unionType('AddPaymentMethodResult', {
  description: 'The outcome of adding a payment method.',
  types: [PaymentMethodAdded, InvalidPaymentMethod],
  resolveType: byTypename,
});
const added = (o: MethodOutcome): Added | Invalid =>
  o.kind === 'added'
    ? { __typename: 'PaymentMethodAdded', methodId: o.methodId }
    : {
        __typename: 'InvalidPaymentMethod',
        message: messages.invalidMethod[o.reason],
        field: o.field,
        reason: REASONS[o.reason],
      };

const SepaMandateInput = builder.inputType('SepaMandateInput', {
  description: 'A direct-debit mandate on an IBAN.',
  fields: (t) => ({
    iban: t.string({ required: true }),
    holderName: t.string({ required: true }),
    makeDefault: t.boolean(),
  }),
});
const CardInput = builder.inputType('CardInput', {
  description: 'A card as the payment provider tokenised it in the browser: the number never reaches Abri.',
  fields: (t) => ({
    pspToken: t.string({ required: true }),
    brand: t.string({ required: true }),
    last4: t.string({ required: true }),
    expiry: t.string({ required: true, description: 'MM/YY.' }),
    makeDefault: t.boolean(),
  }),
});

type DefaultSet = Typed<'DefaultPaymentMethodSet', { methodId: string }>;
const DefaultPaymentMethodSet = withMethod('DefaultPaymentMethodSet', 'The method is now the default one.');
const SetDefaultPaymentMethodResult = builder.unionType('SetDefaultPaymentMethodResult', {
  description: 'The outcome of choosing the default payment method.',
  types: [DefaultPaymentMethodSet, PaymentMethodNotFound],
  resolveType: byTypename,
});

type Removed = Typed<'PaymentMethodRemoved', { paymentMethodId: string }>;
type LastMethod = Typed<'LastPaymentMethodRequired', { message: string }>;
const PaymentMethodRemoved = builder.objectRef<Removed>('PaymentMethodRemoved').implement({
  description: 'The method is removed; if it was the default, the oldest remaining one is now.',
  fields: (t) => ({ paymentMethodId: t.exposeID('paymentMethodId') }),
});
const LastPaymentMethodRequired = builder.objectRef<LastMethod>('LastPaymentMethodRequired').implement({
  description: 'The last method cannot go while premiums are due.',
  interfaces: [ErrorInterface],
});
const RemovePaymentMethodResult = builder.unionType('RemovePaymentMethodResult', {
  description: 'The outcome of removing a payment method.',
  types: [PaymentMethodRemoved, PaymentMethodNotFound, LastPaymentMethodRequired],
  resolveType: byTypename,
});

type DueDays = Typed<'DueDayChange', { nextDebitDate: Date | null; applied: boolean; dates: Date[] }>;
type InvalidDay = Typed<'InvalidDueDay', { message: string }>;
const DueDayChange = builder.objectRef<DueDays>('DueDayChange').implement({
  description: 'The schedule with the new due day: shown first (confirm: false), then applied (confirm: true).',
  fields: (t) => ({
    nextDebitDate: t.field({ type: 'Date', nullable: true, resolve: (c) => c.nextDebitDate }),
    applied: t.exposeBoolean('applied'),
    dueDates: t.field({ type: ['Date'], resolve: (c) => c.dates }),
  }),
});
const InvalidDueDay = builder.objectRef<InvalidDay>('InvalidDueDay').implement({
  description: 'The due day is a day from 1 to 28.',
  interfaces: [ErrorInterface],
});
const ChangeDueDayResult = builder.unionType('ChangeDueDayResult', {
  description: 'The outcome of moving the due day.',
  types: [DueDayChange, InvalidDueDay, ScheduleNotFound],
  resolveType: byTypename,
});

builder.mutationFields((t) => ({
  addSepaMandate: t.withAuth({ customer: true }).field({
    type: AddPaymentMethodResult,
    description:
      'Adds a SEPA direct-debit mandate (IBAN checked, stored encrypted, shown masked). Needs a password proven in the last 5 minutes (REAUTHENTICATION_REQUIRED otherwise).',
    args: { input: t.arg({ type: SepaMandateInput, required: true }) },
    resolve: async (_r, { input }, ctx) =>
      added(await addSepaMandate(ctx.app, customerWithFreshProof(ctx), { ...input, iban: input.iban.slice(0, 64) })),
  }),
  addCard: t.withAuth({ customer: true }).field({
    type: AddPaymentMethodResult,
    description:
      'Adds a card by its payment-provider token. Needs a password proven in the last 5 minutes (REAUTHENTICATION_REQUIRED otherwise).',
    args: { input: t.arg({ type: CardInput, required: true }) },
    resolve: async (_r, { input }, ctx) => added(await addCard(ctx.app, customerWithFreshProof(ctx), input)),
  }),
  setDefaultPaymentMethod: t.withAuth({ customer: true }).field({
    type: SetDefaultPaymentMethodResult,
    description:
      'Makes one of the customer’s methods the default. Needs a password proven in the last 5 minutes (REAUTHENTICATION_REQUIRED otherwise).',
    args: { paymentMethodId: t.arg.id({ required: true }) },
    resolve: async (_r, { paymentMethodId }, ctx): Promise<DefaultSet | MethodFailure> => {
      const outcome = await setDefault(ctx.app, customerWithFreshProof(ctx), String(paymentMethodId));
      return outcome.kind === 'set'
        ? { __typename: 'DefaultPaymentMethodSet', methodId: outcome.methodId }
        : paymentMethodNotFound();
    },
  }),
  removePaymentMethod: t.withAuth({ customer: true }).field({
    type: RemovePaymentMethodResult,
    description:
      'Removes a method; the last one cannot go while premiums are due. Needs a password proven in the last 5 minutes.',
    args: { paymentMethodId: t.arg.id({ required: true }) },
    resolve: async (_r, { paymentMethodId }, ctx): Promise<Removed | MethodFailure | LastMethod> => {
      const outcome = await removeMethod(ctx.app, customerWithFreshProof(ctx), String(paymentMethodId));
      if (outcome.kind === 'removed') return { __typename: 'PaymentMethodRemoved', paymentMethodId: outcome.methodId };
      if (outcome.kind === 'methodNotFound') return paymentMethodNotFound();
      return { __typename: 'LastPaymentMethodRequired', message: messages.lastMethodWhilePremiumsDue };
    },
  }),
  changeDueDay: t.withAuth({ customer: true }).field({
    type: ChangeDueDayResult,
    description:
      'Moves the monthly due day (1 to 28) of a policy’s schedule without a double debit or a skipped month.',
    args: {
      policyId: t.arg.id({ required: true }),
      day: t.arg.int({ required: true }),
      confirm: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (_r, { policyId, day, confirm }, ctx): Promise<DueDays | InvalidDay | NoSchedule> => {
      const outcome = await changeDueDay(ctx.app, ctx.who.sub, String(policyId), day, confirm ?? false);
      if (outcome.kind === 'invalidDay') return { __typename: 'InvalidDueDay', message: messages.invalidDueDay };
      if (outcome.kind === 'scheduleNotFound') return scheduleNotFound();
      return {
        __typename: 'DueDayChange',
        nextDebitDate: outcome.nextDebitDate,
        applied: outcome.kind === 'applied',
        dates: outcome.dueDates,
      };
    },
  }),
}));

// Managing payment methods and the monthly due day.
import { abriError, ErrorCode, isCustomer, unauthenticated } from '@abri/platform';
import { addCard, addSepaMandate, PRE_NOTIFICATION_DAYS, removeMethod, setDefault } from '../app/methods.ts';
import { builder } from '../builder.ts';
import { isDueDay, rescheduleDueDay } from '../domain/due-day.ts';

const customerOnly = (ctx: { who: import('@abri/platform').Identity | null }) => {
  if (!isCustomer(ctx.who)) throw unauthenticated();
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

type Added = { __typename: 'PaymentMethodAdded'; methodId: string };
type Invalid = { __typename: 'InvalidPaymentMethod'; message: string; field: string };
const PaymentMethodAdded = builder.objectRef<Added>('PaymentMethodAdded').implement({
  description: 'The method is saved.',
  fields: (t) => ({
    paymentMethod: t.prismaField({
      type: 'PaymentMethod',
      resolve: (query, r, _a, ctx) =>
        ctx.app.prisma.paymentMethod.findUniqueOrThrow({ ...query, where: { id: r.methodId } }),
    }),
  }),
});
const InvalidPaymentMethod = builder.objectRef<Invalid>('InvalidPaymentMethod').implement({
  description: 'Refused; nothing was saved.',
  fields: (t) => ({ message: t.exposeString('message'), field: t.exposeString('field') }),
});
const AddPaymentMethodResult = builder.unionType('AddPaymentMethodResult', {
  description: 'The outcome of adding a payment method.',
  types: [PaymentMethodAdded, InvalidPaymentMethod],
  resolveType: (v) => v.__typename,
});
const toResult = (o: Awaited<ReturnType<typeof addCard>>): Added | Invalid =>
  o.kind === 'added'
    ? { __typename: 'PaymentMethodAdded', methodId: o.methodId }
    : { __typename: 'InvalidPaymentMethod', message: o.message, field: o.field };

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

const RemoveOutcome = builder.enumType('RemovePaymentMethodOutcome', {
  description: 'What removing a method did.',
  values: ['REMOVED', 'NOT_FOUND', 'LAST_METHOD_WHILE_PREMIUMS_DUE'] as const,
});

const DueDayChange = builder
  .objectRef<{ nextDebitDate: Date | null; applied: boolean; dates: Date[] }>('DueDayChange')
  .implement({
    description: 'The schedule with the new due day: shown first (confirm: false), then applied (confirm: true).',
    fields: (t) => ({
      nextDebitDate: t.field({ type: 'Date', nullable: true, resolve: (c) => c.nextDebitDate }),
      applied: t.exposeBoolean('applied'),
      dueDates: t.field({ type: ['Date'], resolve: (c) => c.dates }),
    }),
  });

builder.mutationFields((t) => ({
  addSepaMandate: t.field({
    type: AddPaymentMethodResult,
    description: 'Adds a SEPA direct-debit mandate (IBAN checked, stored encrypted, shown masked).',
    args: { input: t.arg({ type: SepaMandateInput, required: true }) },
    resolve: async (_r, { input }, ctx) =>
      toResult(await addSepaMandate(ctx.app, customerOnly(ctx), { ...input, iban: input.iban.slice(0, 64) })),
  }),
  addCard: t.field({
    type: AddPaymentMethodResult,
    description: 'Adds a card by its payment-provider token.',
    args: { input: t.arg({ type: CardInput, required: true }) },
    resolve: async (_r, { input }, ctx) => toResult(await addCard(ctx.app, customerOnly(ctx), input)),
  }),
  setDefaultPaymentMethod: t.boolean({
    description: 'Makes one of the customer’s methods the default; false when it is not theirs.',
    args: { paymentMethodId: t.arg.id({ required: true }) },
    resolve: (_r, { paymentMethodId }, ctx) => setDefault(ctx.app, customerOnly(ctx), String(paymentMethodId)),
  }),
  removePaymentMethod: t.field({
    type: RemoveOutcome,
    description: 'Removes a method; the last one cannot go while premiums are due.',
    args: { paymentMethodId: t.arg.id({ required: true }) },
    resolve: async (_r, { paymentMethodId }, ctx) => {
      const outcome = await removeMethod(ctx.app, customerOnly(ctx), String(paymentMethodId));
      return (
        {
          removed: 'REMOVED',
          notFound: 'NOT_FOUND',
          lastMethodWhilePremiumsDue: 'LAST_METHOD_WHILE_PREMIUMS_DUE',
        } as const
      )[outcome];
    },
  }),
  changeDueDay: t.field({
    type: DueDayChange,
    description:
      'Moves the monthly due day (1 to 28) of a policy’s schedule without a double debit or a skipped month.',
    args: {
      policyId: t.arg.id({ required: true }),
      day: t.arg.int({ required: true }),
      confirm: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (_r, { policyId, day, confirm }, ctx) => {
      const customerId = customerOnly(ctx);
      if (!isDueDay(day)) throw abriError(ErrorCode.BAD_USER_INPUT, 'The due day is a day from 1 to 28.');
      const rows = await ctx.app.prisma.scheduledPayment.findMany({
        where: { customerId, policyId: String(policyId), status: { in: ['PLANNED', 'PAID'] } },
      });
      const instalments = rows.map((r) => ({
        id: r.id,
        dueDate: r.dueDate,
        amountCents: r.amountCents,
        status: r.status as 'PLANNED' | 'PAID',
      }));
      const now = ctx.app.clock.now();
      const next = rescheduleDueDay(instalments, day, now);
      if (confirm) {
        await ctx.app.prisma.$transaction(async (tx) => {
          // Two passes: move every date out of the way first, so the unique (policy, date) index never collides.
          for (const [i, r] of next.entries())
            await tx.scheduledPayment.update({
              where: { id: r.id },
              data: { dueDate: new Date(Date.UTC(1900, 0, 1 + i)) },
            });
          for (const r of next) await tx.scheduledPayment.update({ where: { id: r.id }, data: { dueDate: r.dueDate } });
        });
      }
      return {
        nextDebitDate: next[0]?.dueDate ?? null,
        applied: confirm ?? false,
        dates: next.map((r) => r.dueDate),
      };
    },
  }),
}));

// The customer's notification preferences: categories turned off and quiet hours (push/dispatcher.ts follows them).
import { builder } from '../builder.ts';
import { CATEGORIES, checkPreferences, type Preferences, timeOf } from '../domain/notification-preferences.ts';
import { CustomerRef } from './customer.ts';
import { byTypename, ErrorInterface, type Typed } from './error.ts';

const NotificationCategory = builder.enumType('NotificationCategory', {
  description: 'Notifications a customer may turn off (security notifications are always sent).',
  values: {
    CLAIMS: { description: 'The progress of a claim.' },
    CONTRACT: { description: 'Changes to a contract.' },
    PAYMENTS: { description: 'Debits, schedule and unpaid premiums.' },
  } as const,
});

const NotificationPreferences = builder.objectRef<Preferences>('NotificationPreferences').implement({
  description: 'What is pushed to the customer’s devices, and when.',
  fields: (t) => ({
    muted: t.field({
      type: [NotificationCategory],
      description: 'Categories not pushed.',
      resolve: (p) =>
        p.muted.filter((m): m is (typeof CATEGORIES)[number] => (CATEGORIES as readonly string[]).includes(m)),
    }),
    quietFrom: t.string({
      nullable: true,
      description: 'Start of quiet hours (HH:MM, Paris time): only security notifications until `quietUntil`.',
      resolve: (p) => (p.quietFrom === null ? null : timeOf(p.quietFrom)),
    }),
    quietUntil: t.string({
      nullable: true,
      description: 'End of quiet hours (HH:MM, Paris time).',
      resolve: (p) => (p.quietUntil === null ? null : timeOf(p.quietUntil)),
    }),
  }),
});

const NotificationPreferencesInput = builder.inputType('NotificationPreferencesInput', {
  description: 'The whole set of preferences (replaces the previous one).',
  fields: (t) => ({
    muted: t.field({ type: [NotificationCategory], required: true }),
    quietFrom: t.string({ description: 'HH:MM, Paris time; with `quietUntil`, or neither.' }),
    quietUntil: t.string({ description: 'HH:MM, Paris time.' }),
  }),
});

type Updated = Typed<'NotificationPreferencesUpdated', { preferences: Preferences }>;
type Invalid = Typed<'InvalidNotificationPreferences', { message: string; field: string }>;
const NotificationPreferencesUpdated = builder.objectRef<Updated>('NotificationPreferencesUpdated').implement({
  description: 'The preferences apply from the next notification.',
  fields: (t) => ({
    preferences: t.field({ type: NotificationPreferences, resolve: (u) => u.preferences }),
  }),
});
const InvalidNotificationPreferences = builder.objectRef<Invalid>('InvalidNotificationPreferences').implement({
  description: 'A field was refused; nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', { description: 'The input field at fault.' }) }),
});
const UpdateNotificationPreferencesResult = builder.unionType('UpdateNotificationPreferencesResult', {
  description: 'The outcome of a change of notification preferences.',
  types: [NotificationPreferencesUpdated, InvalidNotificationPreferences],
  resolveType: byTypename,
});

builder.mutationField('updateNotificationPreferences', (t) =>
  t.withAuth({ customer: true }).field({
    type: UpdateNotificationPreferencesResult,
    description: 'Chooses which notifications are pushed to the signed-in customer’s devices, and quiet hours.',
    args: { input: t.arg({ type: NotificationPreferencesInput, required: true }) },
    resolve: async (_r, { input }, ctx): Promise<Updated | Invalid> => {
      const checked = checkPreferences(input);
      if (checked.kind === 'invalid')
        return { __typename: 'InvalidNotificationPreferences', field: checked.field, message: checked.message };
      const data = { ...checked.preferences, muted: [...checked.preferences.muted], updatedAt: ctx.app.clock.now() };
      await ctx.app.prisma.notificationPreference.upsert({
        where: { customerId: ctx.who.sub },
        create: { customerId: ctx.who.sub, ...data },
        update: data,
      });
      return { __typename: 'NotificationPreferencesUpdated', preferences: checked.preferences };
    },
  }),
);

builder.objectFields(CustomerRef, (t) => ({
  notificationPreferences: t
    .withAuth((c) => ({ customerFile: { customerId: c.id, what: 'Préférences de notification' } }))
    .field({
      type: NotificationPreferences,
      resolve: async (c, _a, ctx) => {
        const row = await ctx.app.prisma.notificationPreference.findUnique({ where: { customerId: c.id } });
        return row ?? { muted: [], quietFrom: null, quietUntil: null };
      },
    }),
}));

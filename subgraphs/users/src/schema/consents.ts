// Consents (`me.consents`, `setConsent`): what the customer accepted or refused, when and from which device, with the
// whole history. The message queue reads them before sending anything that needs one (messaging/dispatcher.ts).
import { describeDevice } from '@abri/platform';
import { consentsOf, setConsent } from '../app/consents.ts';
import { builder } from '../builder.ts';
import { type ConsentChangeRow, ConsentPurposes, type ConsentState } from '../domain/consents.ts';

import { CustomerRef } from './customer.ts';
import { byTypename, ErrorInterface, type Typed } from './error.ts';

const ConsentPurpose = builder.enumType('ConsentPurpose', {
  description: 'What the customer may accept or refuse; nothing else Abri sends needs their consent.',
  values: Object.fromEntries(
    Object.entries(ConsentPurposes).map(([key, { label }]) => [key, { value: key, description: label }]),
  ) as { [K in keyof typeof ConsentPurposes]: { value: K; description: string } },
});

const ConsentChange = builder.objectRef<ConsentChangeRow>('ConsentChange').implement({
  description: 'One answer of the customer: given or withdrawn, when, from which device.',
  fields: (t) => ({
    given: t.exposeBoolean('given', { description: 'True: given; false: withdrawn.' }),
    at: t.field({ type: 'DateTime', resolve: (c) => c.at }),
    device: t.exposeString('device', {
      nullable: true,
      description: 'The device it came from, e.g. "Firefox 133 sur Android 14".',
    }),
  }),
});

const Consent = builder.objectRef<ConsentState>('Consent').implement({
  description: 'The customer’s current answer for one purpose, and its history.',
  fields: (t) => ({
    purpose: t.field({ type: ConsentPurpose, resolve: (c) => c.purpose }),
    label: t.string({ description: 'The purpose in French.', resolve: (c) => ConsentPurposes[c.purpose].label }),
    description: t.string({
      description: 'What saying yes means, in French.',
      resolve: (c) => ConsentPurposes[c.purpose].description,
    }),
    given: t.exposeBoolean('given', { description: 'The current answer; false when the customer never answered.' }),
    changedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the current answer was given (null: never answered).',
      resolve: (c) => c.changedAt,
    }),
    device: t.exposeString('device', { nullable: true, description: 'The device the current answer came from.' }),
    history: t.field({ type: [ConsentChange], description: 'Every change, newest first.', resolve: (c) => c.history }),
  }),
});

builder.prismaObjectField(CustomerRef, 'consents', (t) =>
  t
    .withAuth((c) => ({ customerFile: { customerId: c.id, what: 'Consentements' } }))
    .field({
      type: [Consent],
      description: 'Every purpose the customer may consent to, with their current answer and its history.',
      select: { id: true },
      resolve: async (c, _a, ctx) => {
        return consentsOf(ctx.app, c.id);
      },
    }),
);

type Set = Typed<'SetConsentSuccess', { consent: ConsentState }>;
type PhoneRequired = Typed<'PhoneRequired', { message: string }>;

const SetConsentSuccess = builder.objectRef<Set>('SetConsentSuccess').implement({
  description: 'The answer is recorded (an answer equal to the current one changes nothing).',
  fields: (t) => ({ consent: t.field({ type: Consent, resolve: (r) => r.consent }) }),
});
const PhoneRequiredRef = builder.objectRef<PhoneRequired>('PhoneRequired').implement({
  description: 'SMS alerts need a mobile number in the profile first; nothing was changed.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});
const SetConsentResult = builder.unionType('SetConsentResult', {
  description: 'The outcome of giving or withdrawing a consent.',
  types: [SetConsentSuccess, PhoneRequiredRef],
  resolveType: byTypename,
});

builder.mutationField('setConsent', (t) =>
  t.withAuth({ customer: true }).field({
    type: SetConsentResult,
    description:
      'Gives or withdraws the signed-in customer’s consent for a purpose, recorded with the time and device.',
    args: {
      purpose: t.arg({ type: ConsentPurpose, required: true }),
      given: t.arg.boolean({ required: true }),
    },
    resolve: async (_r, { purpose, given }, ctx): Promise<Set | PhoneRequired> => {
      const outcome = await setConsent(ctx.app, ctx.who.sub, purpose, given, {
        device: describeDevice(ctx.client.userAgent).label,
        sessionId: ctx.who.sid,
      });
      return outcome.kind === 'phoneRequired'
        ? {
            __typename: 'PhoneRequired',
            message: 'Ajoutez d’abord votre numéro de mobile à votre profil pour recevoir les alertes par SMS.',
          }
        : { __typename: 'SetConsentSuccess', consent: outcome.consent };
    },
  }),
);

// Customer: owned by users, extended by the other subgraphs. Profile reads, edits and live profile events.
import {
  accessCustomer,
  canAccessCustomer,
  cursorOf,
  decryptField,
  type EventOf,
  Events,
  isCustomer,
  reauthenticationRequired,
  recentlyAuthenticated,
} from '@abri/platform';
import { type AddressChange, phoneContext, updateProfile } from '../app/profile.ts';
import { builder, customerEventSubscription } from '../builder.ts';
import type { PostalAddress } from '../domain/profile.ts';
import { byTypename, ErrorInterface, type Typed } from './error.ts';

/** What a staff member reads when they open a customer's file, as the customer's access log says it. */
export const IDENTITY = 'Identité et coordonnées';

const PostalAddressRef = builder.objectRef<PostalAddress>('PostalAddress').implement({
  description: 'A postal address in France.',
  fields: (t) => ({
    addressLine: t.exposeString('addressLine', { description: 'Number and street.' }),
    postalCode: t.exposeString('postalCode'),
    city: t.exposeString('city'),
  }),
});

const PostalAddressInput = builder.inputType('PostalAddressInput', {
  description: 'A postal address in France.',
  fields: (t) => ({
    addressLine: t.string({ required: true, description: 'Number and street.' }),
    postalCode: t.string({ required: true, description: 'Five digits.' }),
    city: t.string({ required: true }),
  }),
});

/**
 * A new postal address, as the profile edit that made it answers it. Policies adds the move quotes of the contracts
 * whose home the customer leaves: the new premium to accept with `applyPolicyChange`. Until one is accepted the
 * contract insures the home it insured; the quotes lapse after their validity.
 */
const PostalAddressChange = builder.objectRef<AddressChange>('PostalAddressChange').implement({
  description:
    'A new postal address: letters go there from now on. The insured home moves only when the customer accepts a ' +
    'move quote (`moveQuotes`, from the contracts subgraph); declined or left to expire, the contract keeps ' +
    'insuring the home it insured, and the customer can declare the move later from the contract.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'This change.' }),
    customerId: t.exposeID('customerId'),
    addressLine: t.exposeString('addressLine'),
    postalCode: t.exposeString('postalCode'),
    city: t.exposeString('city'),
  }),
});

builder.asEntity(PostalAddressChange, {
  key: builder.selection<AddressChange>('id customerId addressLine postalCode city'),
  resolveReference: (ref, ctx) => (canAccessCustomer(ctx.who, ref.customerId) ? ref : null),
});

export const CustomerRef = builder.prismaObject('Customer', {
  description: 'A policyholder.',
  fields: (t) => ({
    id: t.exposeID('id'),
    firstName: t.exposeString('firstName'),
    lastName: t.exposeString('lastName'),
    email: t.exposeString('email', { description: 'Where messages about the account are sent.' }),
    phone: t.string({
      nullable: true,
      description: 'Mobile number in E.164 form, for recovery codes.',
      select: { phoneEncrypted: true },
      resolve: (c, _a, ctx) =>
        c.phoneEncrypted ? decryptField(ctx.app.keyring, c.phoneEncrypted, phoneContext(c.id)) : null,
    }),
    postalAddress: t.field({
      type: PostalAddressRef,
      nullable: true,
      description: 'Where letters go (not necessarily the insured home: see each contract’s dwelling).',
      select: { postalAddress: true },
      resolve: (c) => (c.postalAddress as PostalAddress | null) ?? null,
    }),
  }),
});

builder.asEntity(CustomerRef, {
  key: builder.selection<{ id: string }>('id'),
  // Entities are served only to their owner or staff (whose read is recorded): another customer's id resolves to
  // nothing.
  resolveReference: async (ref, ctx) =>
    (await accessCustomer(ctx.app, ctx, ref.id, IDENTITY))
      ? ctx.app.prisma.customer.findUnique({ where: { id: ref.id } })
      : null,
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'Customer',
    nullable: true,
    description: 'The signed-in customer; null when not signed in as a customer.',
    resolve: (query, _r, _a, ctx) =>
      isCustomer(ctx.who) ? ctx.app.prisma.customer.findUnique({ ...query, where: { id: ctx.who.sub } }) : null,
  }),
);

const ProfileInput = builder.inputType('ProfileInput', {
  description: 'Fields to change; omitted fields stay as they are.',
  fields: (t) => ({
    firstName: t.string(),
    lastName: t.string(),
    phone: t.string({ description: 'Mobile number (06 12 34 56 78 or +33612345678); empty to remove it.' }),
    postalAddress: t.field({
      type: PostalAddressInput,
      description:
        'A new postal address. The answer’s `addressChange.moveQuotes` prices moving the insured home there; the ' +
        'contract changes only once a quote is accepted.',
    }),
  }),
});

type Updated = Typed<
  'UpdateProfileSuccess',
  { customerId: string; changedFields: string[]; addressChange: AddressChange | null }
>;
type Invalid = Typed<'InvalidProfile', { message: string; field: string }>;

const UpdateProfileSuccess = builder.objectRef<Updated>('UpdateProfileSuccess').implement({
  description: 'The profile was saved; every connected device of the customer receives a profileChanged event.',
  fields: (t) => ({
    changedFields: t.exposeStringList('changedFields', { description: 'Names of the fields whose value changed.' }),
    addressChange: t.field({
      type: PostalAddressChange,
      nullable: true,
      description: 'When the postal address changed: the change, with the move quotes of the contracts concerned.',
      resolve: (r) => r.addressChange,
    }),
    customer: t.prismaField({
      type: 'Customer',
      resolve: (query, r, _a, ctx) =>
        ctx.app.prisma.customer.findUniqueOrThrow({ ...query, where: { id: r.customerId } }),
    }),
  }),
});
const InvalidProfile = builder.objectRef<Invalid>('InvalidProfile').implement({
  description: 'A field was refused; nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', { description: 'The input field at fault.' }) }),
});
const UpdateProfileResult = builder.unionType('UpdateProfileResult', {
  description: 'The outcome of a profile edit.',
  types: [UpdateProfileSuccess, InvalidProfile],
  resolveType: byTypename,
});

builder.mutationField('updateProfile', (t) =>
  t.withAuth({ customer: true }).field({
    type: UpdateProfileResult,
    description:
      'Edits the signed-in customer’s profile. A new phone (where recovery codes go) needs a password proven in the last 5 minutes (REAUTHENTICATION_REQUIRED otherwise) and is announced by e-mail and to the previous number.',
    args: { input: t.arg({ type: ProfileInput, required: true }) },
    resolve: async (_r, { input }, ctx): Promise<Updated | Invalid> => {
      const outcome = await updateProfile(ctx.app, ctx.who.sub, input, {
        sessionId: ctx.who.sid,
        recentlyAuthenticated: recentlyAuthenticated(ctx.who, ctx.app.clock.now()),
      });
      if (outcome.kind === 'reauthenticationRequired') throw reauthenticationRequired();
      return outcome.kind === 'invalid'
        ? { __typename: 'InvalidProfile', field: outcome.field, message: outcome.message }
        : {
            __typename: 'UpdateProfileSuccess',
            customerId: ctx.who.sub,
            changedFields: outcome.changedFields,
            addressChange: outcome.addressChange,
          };
    },
  }),
);

const ProfileEvent = builder.objectRef<EventOf<typeof Events.profileChanged>>('ProfileEvent').implement({
  description: 'A change to the customer’s profile, made from any device.',
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as `after` to resume from this event.', resolve: cursorOf }),
    customer: t.prismaField({
      type: 'Customer',
      resolve: (query, e, _a, ctx) =>
        ctx.app.prisma.customer.findUniqueOrThrow({ ...query, where: { id: e.customerId! } }),
    }),
    changedFields: t.stringList({ resolve: (e) => e.payload.changedFields }),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
  }),
});

customerEventSubscription('profileChanged', {
  type: ProfileEvent,
  description: 'Profile changes of the signed-in customer; with `after`, first the ones missed since that cursor.',
  event: Events.profileChanged,
});

// Assistance with consent (`grantSupportAccess`, `revokeSupportAccess`, `me.supportAccess`; for support agents,
// `openAssistance`): see app/assistance.ts.
import { describeDevice } from '@abri/platform';
import {
  GRANT_MINUTES,
  grantSupportAccess,
  openAssistance,
  revokeSupportAccess,
  runningGrant,
} from '../app/assistance.ts';
import { builder } from '../builder.ts';
import { CustomerRef } from './customer.ts';
import { byTypename, ErrorInterface, type Typed } from './error.ts';

interface GrantView {
  grantedAt: Date;
  expiresAt: Date;
  device: string | null;
}

const SupportGrant = builder.objectRef<GrantView>('SupportGrant').implement({
  description: 'A read-only view of the customer’s space granted to support, until it ends or is revoked.',
  fields: (t) => ({
    grantedAt: t.field({ type: 'DateTime', resolve: (g) => g.grantedAt }),
    expiresAt: t.field({ type: 'DateTime', description: 'When support loses the view.', resolve: (g) => g.expiresAt }),
    device: t.exposeString('device', { nullable: true, description: 'The device it was granted from.' }),
  }),
});

builder.prismaObjectField(CustomerRef, 'supportAccess', (t) =>
  t.field({
    authScopes: (c) => ({ self: c.id }),
    type: SupportGrant,
    nullable: true,
    description:
      'The view granted to support now (null: none; support then sees nothing of this customer). Every read under it is in staffAccess.',
    select: { id: true },
    resolve: (c, _a, ctx) => {
      return runningGrant(ctx.app, c.id);
    },
  }),
);

type Granted = Typed<'SupportAccessGranted', { grant: GrantView }>;
type InvalidDuration = Typed<'InvalidGrantDuration', { message: string }>;
const SupportAccessGranted = builder.objectRef<Granted>('SupportAccessGranted').implement({
  description: 'Support may now view the customer’s space, read-only, until `grant.expiresAt`.',
  fields: (t) => ({ grant: t.field({ type: SupportGrant, resolve: (r) => r.grant }) }),
});
const InvalidGrantDuration = builder.objectRef<InvalidDuration>('InvalidGrantDuration').implement({
  description: `The duration is outside ${GRANT_MINUTES.min} to ${GRANT_MINUTES.max} minutes; nothing was granted.`,
  interfaces: [ErrorInterface],
});
const GrantSupportAccessResult = builder.unionType('GrantSupportAccessResult', {
  description: 'The outcome of granting support a view.',
  types: [SupportAccessGranted, InvalidGrantDuration],
  resolveType: byTypename,
});

type Revoked = Typed<'SupportAccessRevoked', { revoked: true }>;
type NoGrant = Typed<'NoSupportGrant', { message: string }>;
const SupportAccessRevoked = builder.objectRef<Revoked>('SupportAccessRevoked').implement({
  description: 'Support lost the view at once, including any assistance already open.',
  fields: (t) => ({ revoked: t.exposeBoolean('revoked') }),
});
const NoSupportGrant = builder.objectRef<NoGrant>('NoSupportGrant').implement({
  description: 'No view is granted to support now.',
  interfaces: [ErrorInterface],
});
const RevokeSupportAccessResult = builder.unionType('RevokeSupportAccessResult', {
  description: 'The outcome of revoking support’s view.',
  types: [SupportAccessRevoked, NoSupportGrant],
  resolveType: byTypename,
});

type Opened = Typed<'AssistanceOpened', { accessToken: string; expiresAt: Date; customerId: string }>;
const AssistanceOpened = builder.objectRef<Opened>('AssistanceOpened').implement({
  description:
    'A read-only access token bound to the customer, valid until the grant ends (or is revoked); it cannot be renewed.',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken'),
    expiresAt: t.field({ type: 'DateTime', resolve: (r) => r.expiresAt }),
    customer: t.field({ type: CustomerRef, resolve: (r) => ({ id: r.customerId }) as never }),
  }),
});
const OpenAssistanceResult = builder.unionType('OpenAssistanceResult', {
  description: 'The outcome of a support agent opening a customer’s assistance.',
  types: [AssistanceOpened, NoSupportGrant],
  resolveType: byTypename,
});

const NO_GRANT = 'Aucun accès n’est accordé au service client en ce moment.';

builder.mutationFields((t) => ({
  grantSupportAccess: t.withAuth({ customer: true }).field({
    type: GrantSupportAccessResult,
    description: `Grants support a read-only view of the signed-in customer’s space for ${GRANT_MINUTES.min} to ${GRANT_MINUTES.max} minutes (replacing a running one).`,
    args: { minutes: t.arg.int({ required: true }) },
    resolve: async (_r, { minutes }, ctx): Promise<Granted | InvalidDuration> => {
      const outcome = await grantSupportAccess(
        ctx.app,
        ctx.who.sub,
        minutes,
        describeDevice(ctx.client.userAgent).label,
      );
      return outcome.kind === 'invalidDuration'
        ? {
            __typename: 'InvalidGrantDuration',
            message: `Choisissez une durée de ${GRANT_MINUTES.min} à ${GRANT_MINUTES.max} minutes.`,
          }
        : { __typename: 'SupportAccessGranted', grant: outcome.grant };
    },
  }),
  revokeSupportAccess: t.withAuth({ customer: true }).field({
    type: RevokeSupportAccessResult,
    description: 'Ends support’s view of the signed-in customer’s space now.',
    resolve: async (_r, _a, ctx): Promise<Revoked | NoGrant> => {
      return (await revokeSupportAccess(ctx.app, ctx.who.sub))
        ? { __typename: 'SupportAccessRevoked', revoked: true }
        : { __typename: 'NoSupportGrant', message: NO_GRANT };
    },
  }),
  openAssistance: t.withAuth({ role: 'AGENT' }).field({
    type: OpenAssistanceResult,
    description:
      'Support (AGENT): opens the view a customer granted, by the contract number they read out; without a running grant, nothing.',
    args: { contractNumber: t.arg.string({ required: true }) },
    resolve: async (_r, { contractNumber }, ctx): Promise<Opened | NoGrant> => {
      const outcome = await openAssistance(ctx.app, ctx.who.sub, contractNumber.trim().slice(0, 20), {
        device: describeDevice(ctx.client.userAgent).label,
        ip: ctx.client.ip,
      });
      return outcome.kind === 'noGrant'
        ? { __typename: 'NoSupportGrant', message: NO_GRANT }
        : { __typename: 'AssistanceOpened', ...outcome };
    },
  }),
}));

// Erasure (`me.erasurePreview`, `requestErasure`, `me.erasureRequest`): see app/erasure.ts. Users owns the
// `ErasurePreview` entity and its account section; policies, claims and payments each add theirs
// (platform/src/kit/erasure-types.ts).
import { canAccessCustomer, reauthenticationRequired, recentlyAuthenticated } from '@abri/platform';
import { type ErasurePreviewShape, erasureTypes } from '@abri/platform/kit';
import { type ErasureRequestView, latestErasureRequest, requestErasure, usersErasureSection } from '../app/erasure.ts';
import { builder } from '../builder.ts';
import { CustomerRef } from './customer.ts';
import { byTypename, type Typed } from './error.ts';

const { Section, Blocker } = erasureTypes(builder);

const ErasurePreview = builder.objectRef<ErasurePreviewShape>('ErasurePreview').implement({
  description:
    'What an erasure of the customer’s data would do, part by part: deleted at once, kept (until when and why), ' +
    'and what prevents it. Every part must have no blockers for `requestErasure` to be carried out.',
  fields: (t) => ({
    customerId: t.exposeID('customerId', { description: 'The customer the preview is about.' }),
    account: t.field({
      type: Section,
      description: 'Votre compte: the users service’s part.',
      resolve: (p, _a, ctx) => usersErasureSection(ctx.app, p.customerId),
    }),
  }),
});

builder.asEntity(ErasurePreview, {
  key: builder.selection<ErasurePreviewShape>('customerId'),
  resolveReference: (ref, ctx) => (canAccessCustomer(ctx.who, ref.customerId) ? ref : null),
});

builder.prismaObjectField(CustomerRef, 'erasurePreview', (t) =>
  t.field({
    type: ErasurePreview,
    description: 'What `requestErasure` would delete, keep (until when, why) and what prevents it, before asking.',
    select: { id: true },
    resolve: (c) => ({ customerId: c.id }),
  }),
);

export const ErasureStatus = builder.enumType('ErasureStatus', {
  description: 'Where an erasure request stands.',
  values: {
    CHECKING: { description: 'Every part of Abri is checking what, if anything, prevents it.' },
    REFUSED: { description: 'Something prevents it (see `blockers`): nothing was erased.' },
    DONE: { description: 'Carried out: the account is closed and the data erased, except what the law keeps.' },
  } as const,
});

const ErasureRequest = builder.objectRef<ErasureRequestView>('ErasureRequest').implement({
  description: 'The customer’s request to erase their data (RGPD article 17).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The request.' }),
    status: t.field({ type: ErasureStatus, description: 'Where it stands.', resolve: (r) => r.status }),
    requestedAt: t.field({ type: 'DateTime', description: 'When it was made.', resolve: (r) => r.requestedAt }),
    decidedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was refused or carried out (null while checking).',
      resolve: (r) => r.decidedAt,
    }),
    blockers: t.field({
      type: [Blocker],
      description: 'What prevented it (REFUSED), as each part of Abri answered.',
      resolve: (r) => r.blockers,
    }),
  }),
});

builder.prismaObjectField(CustomerRef, 'erasureRequest', (t) =>
  t.field({
    authScopes: (c) => ({ self: c.id }),
    type: ErasureRequest,
    nullable: true,
    description: 'The customer’s latest erasure request, if any.',
    select: { id: true },
    resolve: (c, _a, ctx) => {
      return latestErasureRequest(ctx.app, c.id);
    },
  }),
);

type Requested = Typed<'ErasureRequested', { request: ErasureRequestView }>;
const ErasureRequested = builder.objectRef<Requested>('ErasureRequested').implement({
  description:
    'The request is recorded and being checked; the customer is told the outcome by e-mail. When nothing prevents ' +
    'it, the account is closed, its sessions ended and its data erased except what `erasurePreview` says is kept.',
  fields: (t) => ({
    request: t.field({ type: ErasureRequest, description: 'The request as recorded.', resolve: (r) => r.request }),
  }),
});

builder.mutationField('requestErasure', (t) =>
  t.withAuth({ customer: true }).field({
    type: builder.unionType('RequestErasureResult', {
      description: 'The outcome of asking for one’s data to be erased.',
      types: [ErasureRequested],
      resolveType: byTypename,
    }),
    description:
      'Asks for the signed-in customer’s data to be erased (read `me.erasurePreview` first). Needs a password proven ' +
      'in the last 5 minutes (REAUTHENTICATION_REQUIRED otherwise, see `confirmIdentity`). A request already being ' +
      'checked is returned as it is.',
    resolve: async (_r, _a, ctx): Promise<Requested> => {
      const outcome = await requestErasure(ctx.app, ctx.who.sub, {
        recentlyAuthenticated: recentlyAuthenticated(ctx.who, ctx.app.clock.now()),
      });
      if (outcome.kind === 'reauthenticationRequired') throw reauthenticationRequired();
      return { __typename: 'ErasureRequested', request: outcome.request };
    },
  }),
);

// Claim with its timeline; Customer.claims; the adjuster's queue and moves; live status events.
import {
  abriError,
  accessCustomer,
  cursorOf,
  ErrorCode,
  type EventOf,
  Events,
  forbidden,
  hasRole,
  isSupportOnly,
  recordStaffReads,
} from '@abri/platform';
import { advanceClaim } from '../app/advance.ts';
import { builder, customerEventSubscription } from '../builder.ts';
import { movesFor, ClaimStatus as Statuses, type TransitionRefusal } from '../domain/lifecycle.ts';
import { ErrorInterface } from './error.ts';

export const ClaimType = builder.enumType('ClaimType', {
  description: 'What happened.',
  values: {
    WATER_DAMAGE: { description: 'Dégât des eaux.' },
    FIRE: { description: 'Incendie.' },
    THEFT: { description: 'Vol ou cambriolage.' },
    GLASS_BREAKAGE: { description: 'Bris de glace.' },
    STORM: { description: 'Tempête, grêle, neige.' },
    NATURAL_DISASTER: { description: 'Catastrophe naturelle (arrêté publié).' },
  },
});
export const ClaimStatus = builder.enumType('ClaimStatus', {
  description: 'Where a claim stands in its lifecycle.',
  values: Object.keys(Statuses) as (keyof typeof Statuses)[],
});

/** Each status as claims staff name it, for messages. */
const STATUS_LABELS: Record<keyof typeof Statuses, string> = {
  DECLARED: 'déclaré',
  ACKNOWLEDGED: 'pris en charge',
  DOCUMENTS_REQUESTED: 'pièces demandées',
  EXPERT_ASSIGNED: 'expert missionné',
  EXPERT_REPORT: 'rapport d’expertise reçu',
  INDEMNITY_COMPUTED: 'indemnité calculée',
  PAID: 'payé',
  CLOSED: 'clos',
  REFUSED: 'refusé',
  REOPENED: 'rouvert',
};
const NBSP = ' ';
const label = (status: keyof typeof Statuses) => `«${NBSP}${STATUS_LABELS[status]}${NBSP}» (${status})`;

/** Why a move was refused, and where the claim may go instead. */
function refusalMessage(from: keyof typeof Statuses, to: keyof typeof Statuses, reason: string): string {
  if (reason === 'NOTE_REQUIRED') return `Un refus doit être motivé${NBSP}: ajoutez une note.`;
  const allowed = movesFor(from, 'ADJUSTER');
  const moves = allowed.length
    ? `Depuis ${label(from)}, changements possibles${NBSP}: ${allowed.map(label).join(', ')}.`
    : `Aucun changement n’est possible depuis ${label(from)}.`;
  const why =
    reason === 'WRONG_ACTOR'
      ? `Le passage à ${label(to)} est fait par le système, pas par un gestionnaire.`
      : `Le passage de ${label(from)} à ${label(to)} n’est pas permis.`;
  return `${why} ${moves}`;
}
const ActorKind = builder.enumType('ActorKind', {
  description: 'Who made a change.',
  values: ['CUSTOMER', 'STAFF', 'SYSTEM'] as const,
});

const PolicyRef = builder
  .externalRef('Policy', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({
    externalFields: (t) => ({ id: t.id() }),
  });

builder.prismaObject('ClaimStatusChange', {
  description: 'One step of a claim’s timeline.',
  fields: (t) => ({
    from: t.expose('from', { type: ClaimStatus, nullable: true }),
    to: t.expose('to', { type: ClaimStatus }),
    at: t.expose('at', { type: 'DateTime' }),
    actorKind: t.expose('actorKind', { type: ActorKind }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

export const ClaimRef = builder.prismaObject('Claim', {
  description: 'A claim (sinistre) on one of the customer’s policies.',
  fields: (t) => ({
    id: t.exposeID('id'),
    reference: t.exposeString('reference', { description: 'The reference to quote to the insurer.' }),
    type: t.expose('type', { type: ClaimType }),
    status: t.expose('status', { type: ClaimStatus }),
    occurredOn: t.expose('occurredOn', { type: 'Date' }),
    declaredAt: t.expose('declaredAt', { type: 'DateTime' }),
    description: t.exposeString('description'),
    policy: t.field({ type: PolicyRef, select: { policyId: true }, resolve: (c) => ({ id: c.policyId }) }),
    history: t.relation('history', { description: 'The timeline, oldest first.', query: { orderBy: { at: 'asc' } } }),
    allowedMoves: t.field({
      type: [ClaimStatus],
      description: 'Staff: the statuses a claims adjuster may move this claim to now (empty for customers).',
      select: { status: true },
      resolve: (c, _a, ctx) =>
        hasRole(ctx.who, 'ADJUSTER') ? movesFor(c.status as keyof typeof Statuses, 'ADJUSTER') : [],
    }),
  }),
});

builder.asEntity(ClaimRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    const claim = await ctx.app.prisma.claim.findUnique({ where: { id: ref.id } });
    return claim && (await accessCustomer(ctx.app, ctx, claim.customerId, `Sinistre ${claim.reference}`))
      ? claim
      : null;
  },
});

export const CustomerRef = builder.externalRef('Customer', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    claims: t.prismaField({
      authScopes: (customer) => ({ customerFile: { customerId: customer.id, what: 'Liste des sinistres' } }),
      type: ['Claim'],
      description: 'The customer’s claims, newest first.',
      resolve: async (query, customer, _a, ctx) => {
        return ctx.app.prisma.claim.findMany({
          ...query,
          where: { customerId: customer.id },
          orderBy: { declaredAt: 'desc' },
        });
      },
    }),
  }),
});

builder.queryField('claimQueue', (t) =>
  t.withAuth({ staff: true }).prismaField({
    type: ['Claim'],
    description: 'Staff: claims in a status, oldest first (the work queue).',
    // The queue has always answered FORBIDDEN to every non-staff caller, signed in or not (clients rely on it).
    unauthorizedError: () => forbidden(),
    args: {
      status: t.arg({ type: ClaimStatus, required: true }),
      first: t.arg.int({ required: true, defaultValue: 50 }),
    },
    resolve: async (query, _r, { status, first }, ctx) => {
      if (first < 1 || first > 200)
        throw abriError(ErrorCode.BAD_USER_INPUT, 'first doit être compris entre 1 et 200.');
      // Support sees only the claims of the customer whose assistance it opened.
      const only = isSupportOnly(ctx.who) ? { customerId: ctx.who.assist ?? '' } : {};
      const listed = { where: { status, ...only }, orderBy: { declaredAt: 'asc' as const }, take: first };
      // Each customer whose claim is listed sees that it was read, before anything is shown.
      const claims = await ctx.app.prisma.claim.findMany({ ...listed, select: { customerId: true, reference: true } });
      await recordStaffReads(
        ctx.app,
        ctx,
        claims.map((c) => ({ customerId: c.customerId, what: `Sinistre ${c.reference} (file d’attente)` })),
      );
      return ctx.app.prisma.claim.findMany({ ...query, ...listed });
    },
  }),
);

const AdvanceClaimInput = builder.inputType('AdvanceClaimInput', {
  description: 'Moves a claim to its next status.',
  fields: (t) => ({
    claimId: t.id({ required: true }),
    to: t.field({ type: ClaimStatus, required: true }),
    note: t.string({ description: 'Why; required for a refusal, shown in the timeline.' }),
    assessedDamageCents: t.int({ description: 'The expert’s assessed damage; needed for INDEMNITY_COMPUTED.' }),
  }),
});

type Advanced = { __typename: 'AdvanceClaimSuccess'; claimId: string };
type NotFound = { __typename: 'ClaimNotFound'; message: string };
type Refused = {
  __typename: 'TransitionNotAllowed';
  message: string;
  from: keyof typeof Statuses;
  to: keyof typeof Statuses;
  reason: TransitionRefusal;
};

const AdvanceClaimSuccess = builder.objectRef<Advanced>('AdvanceClaimSuccess').implement({
  description: 'The claim moved; the customer’s devices receive a claimStatusChanged event.',
  fields: (t) => ({
    claim: t.prismaField({
      type: 'Claim',
      resolve: (query, r, _a, ctx) => ctx.app.prisma.claim.findUniqueOrThrow({ ...query, where: { id: r.claimId } }),
    }),
  }),
});
const ClaimNotFound = builder
  .objectRef<NotFound>('ClaimNotFound')
  .implement({ description: 'No such claim.', interfaces: [ErrorInterface] });
const TransitionRefusalReason = builder.enumType('TransitionRefusalReason', {
  description: 'Why a claim cannot make a move.',
  values: {
    NOT_ALLOWED: { description: 'The lifecycle has no such move from the current status.' },
    WRONG_ACTOR: { description: 'The move is the system’s to make (e.g. PAID when the payout is recorded).' },
    NOTE_REQUIRED: { description: 'A refusal needs its reason, told to the customer, in `note`.' },
  } satisfies Record<TransitionRefusal, unknown>,
});
const TransitionNotAllowed = builder.objectRef<Refused>('TransitionNotAllowed').implement({
  description: 'This move is not allowed from the claim’s current status, for this actor, or without a note.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    from: t.field({ type: ClaimStatus, resolve: (r) => r.from }),
    to: t.field({ type: ClaimStatus, resolve: (r) => r.to }),
    reason: t.field({ type: TransitionRefusalReason, resolve: (r) => r.reason }),
    allowed: t.field({
      type: [ClaimStatus],
      description: 'The moves a claims adjuster may make from `from` instead.',
      resolve: (r) => movesFor(r.from, 'ADJUSTER'),
    }),
  }),
});
type Pending = { __typename: 'PayoutRequested'; claimId: string };
type Needs = { __typename: 'AssessmentRequired'; message: string };
const PayoutRequested = builder.objectRef<Pending>('PayoutRequested').implement({
  description: 'Payments was asked to pay the indemnity; the claim becomes PAID when the payout is recorded.',
  fields: (t) => ({
    claim: t.prismaField({
      type: 'Claim',
      resolve: (query, r, _a, ctx) => ctx.app.prisma.claim.findUniqueOrThrow({ ...query, where: { id: r.claimId } }),
    }),
  }),
});
const AssessmentRequired = builder.objectRef<Needs>('AssessmentRequired').implement({
  description: 'The indemnity needs the expert’s assessed damage.',
  interfaces: [ErrorInterface],
});
const AdvanceClaimResult = builder.unionType('AdvanceClaimResult', {
  description: 'The outcome of a claim move.',
  types: [AdvanceClaimSuccess, ClaimNotFound, TransitionNotAllowed, PayoutRequested, AssessmentRequired],
  resolveType: (v) => v.__typename,
});

builder.mutationField('advanceClaim', (t) =>
  t.withAuth({ role: 'ADJUSTER' }).field({
    type: AdvanceClaimResult,
    description: 'Claims adjusters (ADJUSTER) move a claim along its lifecycle.',
    args: { input: t.arg({ type: AdvanceClaimInput, required: true }) },
    resolve: async (_r, { input }, ctx): Promise<Advanced | NotFound | Refused | Pending | Needs> => {
      const note = input.note?.trim() || null;
      const damage = input.assessedDamageCents;
      if (damage != null && (!Number.isInteger(damage) || damage < 0))
        throw abriError(ErrorCode.BAD_USER_INPUT, 'assessedDamageCents est un nombre entier de centimes, 0 ou plus.');
      if (note && note.length > 2000) throw abriError(ErrorCode.BAD_USER_INPUT, 'note is limited to 2000 characters.');
      const outcome = await advanceClaim(
        ctx.app,
        { claimId: String(input.claimId), to: input.to, note, assessedDamageCents: input.assessedDamageCents ?? null },
        {
          mover: 'ADJUSTER',
          id: ctx.who.sub,
          trail: { ctx, what: (reference) => `Sinistre ${reference} : passage au statut ${label(input.to)}` },
        },
      );
      if (outcome.kind === 'notFound') return { __typename: 'ClaimNotFound', message: 'Sinistre introuvable.' };
      if (outcome.kind === 'payoutRequested') return { __typename: 'PayoutRequested', claimId: outcome.claimId };
      if (outcome.kind === 'assessmentRequired')
        return { __typename: 'AssessmentRequired', message: 'Indiquez le montant des dommages retenu par l’expert.' };
      if (outcome.kind === 'refused')
        return {
          __typename: 'TransitionNotAllowed',
          message: refusalMessage(outcome.from, outcome.to, outcome.reason),
          from: outcome.from,
          to: outcome.to,
          reason: outcome.reason,
        };
      return { __typename: 'AdvanceClaimSuccess', claimId: outcome.claimId };
    },
  }),
);

const ClaimStatusEvent = builder.objectRef<EventOf<typeof Events.claimStatusChanged>>('ClaimStatusEvent').implement({
  description: 'A claim of the customer changed status.',
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as `after` to resume from this event.', resolve: cursorOf }),
    claim: t.prismaField({
      type: 'Claim',
      resolve: (query, e, _a, ctx) =>
        ctx.app.prisma.claim.findUniqueOrThrow({ ...query, where: { id: e.payload.claimId } }),
    }),
    status: t.field({
      type: ClaimStatus,
      description: 'The status reached by this change.',
      resolve: (e) => e.payload.status,
    }),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
  }),
});

customerEventSubscription('claimStatusChanged', {
  type: ClaimStatusEvent,
  description:
    'Status changes of every claim of the signed-in customer; with `after`, first those missed since that cursor.',
  event: Events.claimStatusChanged,
});

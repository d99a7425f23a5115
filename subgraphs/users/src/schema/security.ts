import { currentSecurityScore, type ScorePoint, securityScoreHistory } from '../app/security-score.ts';
import { revokeSessions } from '../app/sessions.ts';
import { acknowledgeSignIn, type ReviewOutcome, reportSignIn } from '../app/sign-in-review.ts';
import { builder } from '../builder.ts';
import type { securityScore } from '../domain/security-score.ts';
import { SecondFactorMethodEnum } from './auth.ts';
import { CustomerRef } from './customer.ts';
import { byTypename, ErrorInterface, type Typed } from './error.ts';

const SecurityFactor = builder
  .objectRef<ReturnType<typeof securityScore>['factors'][number]>('SecurityFactor')
  .implement({
    description: 'One part of the security score.',
    fields: (t) => ({
      key: t.exposeString('key', {
        description: 'Stable identifier (TWO_FACTOR, PASSWORD_STRENGTH, ...).',
      }),
      label: t.exposeString('label'),
      points: t.exposeInt('points'),
      maxPoints: t.exposeInt('maxPoints'),
      ok: t.exposeBoolean('ok', { description: 'At its maximum.' }),
    }),
  });
const SecurityScore = builder.objectRef<ReturnType<typeof securityScore>>('SecurityScore').implement({
  description: 'How well the account is protected, 0 to 100, with what to do next.',
  fields: (t) => ({
    score: t.exposeInt('score'),
    factors: t.field({ type: [SecurityFactor], resolve: (s) => s.factors }),
    recommendations: t.exposeStringList('recommendations', {
      description: 'In French, most valuable first.',
    }),
  }),
});

const FactorPoints = builder.objectRef<{ key: string; points: number }>('SecurityFactorPoints').implement({
  description: 'The points one factor earned on a day of the history.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'As `SecurityFactor.key`.' }),
    points: t.exposeInt('points'),
  }),
});
const SecurityScorePoint = builder.objectRef<ScorePoint>('SecurityScorePoint').implement({
  description: 'The security score as it stood at the end of a day (UTC): the last value computed that day.',
  fields: (t) => ({
    day: t.string({ description: 'The day, `YYYY-MM-DD` (UTC).', resolve: (p) => p.day.toISOString().slice(0, 10) }),
    score: t.exposeInt('score'),
    factors: t.field({
      type: [FactorPoints],
      resolve: (p) => Object.entries(p.factors).map(([key, points]) => ({ key, points })),
    }),
  }),
});

const Session = builder.prismaObject('Session', {
  description: 'A signed-in device.',
  fields: (t) => ({
    id: t.exposeID('id'),
    device: t.exposeString('device', {
      nullable: true,
      description: 'Browser and system, e.g. "Firefox 133 sur Android 14".',
    }),
    city: t.exposeString('city', { nullable: true }),
    country: t.exposeString('country', {
      nullable: true,
      description: 'ISO 3166 code.',
    }),
    signedInAt: t.expose('createdAt', { type: 'DateTime' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime' }),
    current: t.boolean({
      description: 'The session making this request.',
      resolve: (s, _a, ctx) => s.id === ctx.who?.sid,
    }),
  }),
});

const SignInOutcome = builder.enumType('SignInOutcome', {
  description: 'How a sign-in attempt ended.',
  values: [
    'SUCCESS',
    'WRONG_PASSWORD',
    'UNKNOWN_ACCOUNT',
    'LOCKED',
    'NOT_ACTIVATED',
    'TWO_FACTOR_REQUIRED',
    'WRONG_SECOND_FACTOR',
    'RATE_LIMITED',
  ] as const,
});
const SignInReview = builder.enumType('SignInReview', {
  description: 'What the customer said of a sign-in in their history.',
  values: {
    ACKNOWLEDGED: { description: '« C’est moi »: it no longer counts against the security score.' },
    REPORTED: {
      description:
        '« Ce n’était pas moi »: its session (or every session) was ended and the password blocked until a reset.',
    },
  } as const,
});
const LoginEvent = builder.prismaObject('SignInEvent', {
  name: 'LoginEvent',
  description: 'A sign-in attempt on the account.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'What `acknowledgeSignIn` and `reportSignIn` take.' }),
    review: t.expose('review', {
      type: SignInReview,
      nullable: true,
      description: 'Null until the customer says whether it was them (successful sign-ins only).',
    }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
    outcome: t.expose('outcome', { type: SignInOutcome }),
    ip: t.exposeString('ip', { nullable: true }),
    city: t.exposeString('city', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
    device: t.exposeString('device', { nullable: true }),
    unrecognised: t.exposeBoolean('unrecognised', {
      description: 'A new device or an unusual country: an alert was e-mailed.',
    }),
  }),
});

/**
 * The customer themself, or staff (support agents look at an account's security with the customer), as elsewhere;
 * a staff read is recorded for the customer to see.
 */
const securityOf = (c: { id: string }) => ({
  customerFile: { customerId: c.id, what: 'Sécurité du compte : sessions et connexions' },
});

builder.objectFields(CustomerRef, (t) => ({
  twoFactorEnabled: t.boolean({
    description: 'A second factor is asked at sign-in (an authenticator app or SMS codes).',
    resolve: (c) => c.totpEnabledAt !== null || c.smsTwoFactorEnabledAt !== null,
  }),
  twoFactorMethod: t.field({
    type: SecondFactorMethodEnum,
    nullable: true,
    description: 'The second factor asked at sign-in; null when there is none.',
    resolve: (c) => (c.totpEnabledAt ? 'TOTP' : c.smsTwoFactorEnabledAt ? 'SMS' : null),
  }),
  securityScore: t.withAuth(securityOf).field({
    type: SecurityScore,
    description: 'The score now, computed from what the account holds (reading it writes nothing).',
    resolve: async (c, _a, ctx) => {
      return currentSecurityScore(ctx.app, c.id);
    },
  }),
  securityScoreHistory: t.withAuth(securityOf).field({
    type: [SecurityScorePoint],
    description:
      'The score day by day, oldest first: a point for each day with a sign-in or a security change, then today’s, the score now. Up to 365 days back.',
    args: { days: t.arg.int({ defaultValue: 90, description: 'How many days back, 1 to 365.' }) },
    resolve: async (c, { days }, ctx) => {
      return securityScoreHistory(ctx.app, c.id, Math.min(Math.max(days ?? 90, 1), 365));
    },
  }),
  sessions: t.withAuth(securityOf).prismaField({
    type: [Session],
    description: 'Devices signed in now, most recent first.',
    resolve: async (query, c, _a, ctx) => {
      return ctx.app.prisma.session.findMany({
        ...query,
        where: {
          customerId: c.id,
          revokedAt: null,
          expiresAt: { gt: ctx.app.clock.now() },
        },
        orderBy: { lastSeenAt: 'desc' },
      });
    },
  }),
  loginHistory: t.withAuth(securityOf).prismaField({
    type: ['SignInEvent'],
    description: 'Sign-in attempts, newest first.',
    args: { first: t.arg.int({ defaultValue: 20 }) },
    resolve: async (query, c, { first }, ctx) => {
      return ctx.app.prisma.signInEvent.findMany({
        ...query,
        where: { customerId: c.id },
        orderBy: { at: 'desc' },
        take: Math.min(Math.max(first ?? 20, 1), 100),
      });
    },
  }),
}));

type Reviewed = Typed<'SignInReviewed', { signInId: string; endedSessions: number }>;
type NotFound = Typed<'SignInNotFound', { message: string }>;
const SignInReviewed = builder.objectRef<Reviewed>('SignInReviewed').implement({
  description: 'The customer’s answer is recorded on the sign-in.',
  fields: (t) => ({
    signIn: t.prismaField({
      type: LoginEvent,
      resolve: (query, r, _a, ctx) =>
        ctx.app.prisma.signInEvent.findUniqueOrThrow({ ...query, where: { id: r.signInId } }),
    }),
    endedSessions: t.exposeInt('endedSessions', { description: 'Sessions ended by a report (0 for « c’est moi »).' }),
  }),
});
const SignInNotFound = builder.objectRef<NotFound>('SignInNotFound').implement({
  description: 'No successful sign-in of this account has that id.',
  interfaces: [ErrorInterface],
});
const ReviewSignInResult = builder.unionType('ReviewSignInResult', {
  description: 'The outcome of « c’est moi » or « ce n’était pas moi » on a sign-in.',
  types: [SignInReviewed, SignInNotFound],
  resolveType: byTypename,
});
const reviewResult = (outcome: ReviewOutcome): Reviewed | NotFound =>
  outcome.kind === 'notFound'
    ? { __typename: 'SignInNotFound', message: 'Cette connexion est introuvable dans votre historique.' }
    : { __typename: 'SignInReviewed', signInId: outcome.signInId, endedSessions: outcome.endedSessions };

builder.mutationFields((t) => ({
  acknowledgeSignIn: t.withAuth({ customer: true }).field({
    type: ReviewSignInResult,
    description: '« C’est moi »: the customer recognises a sign-in of their history; it no longer lowers the score.',
    args: { signInId: t.arg.id({ required: true }) },
    resolve: async (_r, { signInId }, ctx) => {
      return reviewResult(await acknowledgeSignIn(ctx.app, ctx.who.sub, String(signInId).slice(0, 64)));
    },
  }),
  reportSignIn: t.withAuth({ customer: true }).field({
    type: ReviewSignInResult,
    description:
      '« Ce n’était pas moi »: ends the session of that sign-in (every session with `everywhere`, this one included) and blocks the password until it is reset, as the alert e-mail’s link does.',
    args: {
      signInId: t.arg.id({ required: true }),
      everywhere: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (_r, { signInId, everywhere }, ctx) => {
      return reviewResult(await reportSignIn(ctx.app, ctx.who.sub, String(signInId).slice(0, 64), everywhere ?? false));
    },
  }),
  revokeSession: t.withAuth({ customer: true }).boolean({
    description:
      'Signs one of the customer’s devices out (its open subscriptions close at once). False if it was not open.',
    args: { sessionId: t.arg.id({ required: true }) },
    resolve: async (_r, { sessionId }, ctx) => {
      const session = await ctx.app.prisma.session.findFirst({
        where: { id: String(sessionId), customerId: ctx.who.sub },
      });
      if (!session) return false;
      return (await revokeSessions(ctx.app, { ids: [session.id] }, 'revoked by the customer')) > 0;
    },
  }),
}));

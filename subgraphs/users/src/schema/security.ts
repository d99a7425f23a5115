// What a customer sees of their account's security: score, sessions (and revoking them), sign-in history.
import { accessCustomer, forbidden, isCustomer, unauthenticated } from '@abri/platform';
import { revokeSessions } from '../app/sessions.ts';
import { builder } from '../builder.ts';
import type { UsersContext } from '../context.ts';
import { securityScore } from '../domain/security-score.ts';
import { CustomerRef } from './customer.ts';

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
builder.prismaObject('SignInEvent', {
  name: 'LoginEvent',
  description: 'A sign-in attempt on the account.',
  fields: (t) => ({
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
const ownCustomer = async (ctx: UsersContext, customerId: string) => {
  if (!ctx.who) throw unauthenticated();
  if (!(await accessCustomer(ctx.app, ctx, customerId, 'Sécurité du compte : sessions et connexions')))
    throw forbidden();
};

builder.objectFields(CustomerRef, (t) => ({
  twoFactorEnabled: t.boolean({ resolve: (c) => c.totpEnabledAt !== null }),
  securityScore: t.field({
    type: SecurityScore,
    resolve: async (c, _a, ctx) => {
      await ownCustomer(ctx, c.id);
      const now = ctx.app.clock.now();
      const customer = c;
      const [credential, unrecognised] = await Promise.all([
        ctx.app.prisma.credential.findFirst({
          where: { customerId: c.id },
          orderBy: { seq: 'desc' },
        }),
        ctx.app.prisma.signInEvent.count({
          where: {
            customerId: c.id,
            unrecognised: true,
            at: { gte: new Date(now.getTime() - 90 * 86_400_000) },
          },
        }),
      ]);
      return securityScore({
        passwordStrength: (credential?.strength ?? null) as 0 | 1 | 2 | 3 | 4 | null,
        twoFactorEnabled: customer.totpEnabledAt !== null,
        passwordChangedAt: credential?.createdAt ?? null,
        emailVerified: customer.emailVerifiedAt !== null,
        phoneVerified: customer.phoneVerifiedAt !== null,
        unrecognisedSignIns: unrecognised,
        now,
      });
    },
  }),
  sessions: t.prismaField({
    type: [Session],
    description: 'Devices signed in now, most recent first.',
    resolve: async (query, c, _a, ctx) => {
      await ownCustomer(ctx, c.id);
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
  loginHistory: t.prismaField({
    type: ['SignInEvent'],
    description: 'Sign-in attempts, newest first.',
    args: { first: t.arg.int({ defaultValue: 20 }) },
    resolve: async (query, c, { first }, ctx) => {
      await ownCustomer(ctx, c.id);
      return ctx.app.prisma.signInEvent.findMany({
        ...query,
        where: { customerId: c.id },
        orderBy: { at: 'desc' },
        take: Math.min(Math.max(first ?? 20, 1), 100),
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  revokeSession: t.boolean({
    description:
      'Signs one of the customer’s devices out (its open subscriptions close at once). False if it was not open.',
    args: { sessionId: t.arg.id({ required: true }) },
    resolve: async (_r, { sessionId }, ctx) => {
      if (!isCustomer(ctx.who)) throw unauthenticated();
      const session = await ctx.app.prisma.session.findFirst({
        where: { id: String(sessionId), customerId: ctx.who.sub },
      });
      if (!session) return false;
      return (await revokeSessions(ctx.app, { ids: [session.id] }, 'revoked by the customer')) > 0;
    },
  }),
}));

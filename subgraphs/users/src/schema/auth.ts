// Sign-in entry points and their result types.
import { abriError, ErrorCode } from '@abri/platform';
import { type LoginOutcome, login, type SecondFactorMethod, staffLogin, verifyTwoFactor } from '../app/auth.ts';
import { refreshSession, revokeSessions } from '../app/sessions.ts';
import { builder } from '../builder.ts';
import { CustomerRef } from './customer.ts';
import { bounded, byTypename, ErrorInterface, type Typed } from './error.ts';

type Success = Typed<
  'LoginSuccess',
  {
    accessToken: string;
    refreshToken: string;
    expiresAt: Date;
    customerId: string | null;
  }
>;
type Result =
  | Success
  | Typed<'TwoFactorRequired', { challengeToken: string; method: SecondFactorMethod }>
  | Typed<'InvalidCredentials', { message: string }>
  | Typed<'AccountLocked', { message: string; lockedUntil: Date }>
  | Typed<'AccountNotActivated', { message: string }>
  | Typed<'PasswordChangeRequired', { message: string }>;

const LoginSuccess = builder.objectRef<Success>('LoginSuccess').implement({
  description: 'Signed in: an access token for the Authorization header and a refresh token to renew it.',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken', {
      description: 'Short-lived JWT: send as `Authorization: Bearer <accessToken>`.',
    }),
    refreshToken: t.exposeString('refreshToken', {
      description: 'Single-use token for `refreshSession`; each use returns a new one.',
    }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description: 'When the access token expires.',
    }),
    customer: t.field({
      type: CustomerRef,
      nullable: true,
      description: 'The signed-in customer (null for staff).',
      resolve: (s, _a, ctx) =>
        s.customerId ? ctx.app.prisma.customer.findUnique({ where: { id: s.customerId } }) : null,
    }),
  }),
});
export const SecondFactorMethodEnum = builder.enumType('SecondFactorMethod', {
  description: 'Where a customer’s second-factor code comes from.',
  values: {
    TOTP: { description: 'An authenticator app (TOTP, 6 digits, 30 s).' },
    SMS: { description: 'A 6-digit code texted to the confirmed phone at each sign-in, valid 5 minutes.' },
  } as const,
});
const TwoFactorRequired = builder
  .objectRef<Typed<'TwoFactorRequired', { challengeToken: string; method: SecondFactorMethod }>>('TwoFactorRequired')
  .implement({
    description:
      'The password was right; send the second factor’s code (from the authenticator app, or the SMS just sent) with `verifyTwoFactor`. A recovery code works too.',
    fields: (t) => ({
      challengeToken: t.exposeString('challengeToken', {
        description: 'Identifies this sign-in attempt for `verifyTwoFactor`.',
      }),
      method: t.expose('method', {
        type: SecondFactorMethodEnum,
        description: 'Which code to ask for: TOTP (app; staff always) or SMS (texted now to the confirmed phone).',
      }),
    }),
  });
const InvalidCredentials = builder
  .objectRef<Typed<'InvalidCredentials', { message: string }>>('InvalidCredentials')
  .implement({
    description: 'Wrong identifier, password or code (which one is never said).',
    interfaces: [ErrorInterface],
  });
const AccountLocked = builder
  .objectRef<Typed<'AccountLocked', { message: string; lockedUntil: Date }>>('AccountLocked')
  .implement({
    description: 'Too many failed attempts: sign-in is refused until `lockedUntil`, even with the right password.',
    interfaces: [ErrorInterface],
    fields: (t) => ({
      lockedUntil: t.expose('lockedUntil', {
        type: 'DateTime',
        description: 'When sign-in opens again.',
      }),
    }),
  });
const AccountNotActivated = builder
  .objectRef<Typed<'AccountNotActivated', { message: string }>>('AccountNotActivated')
  .implement({
    description: 'The account exists but its activation link has not been followed yet.',
    interfaces: [ErrorInterface],
  });

const PasswordChangeRequired = builder
  .objectRef<Typed<'PasswordChangeRequired', { message: string }>>('PasswordChangeRequired')
  .implement({
    description:
      'The password is blocked (a sign-in was reported as not the customer’s): choose a new one with a reset.',
    interfaces: [ErrorInterface],
  });

const LoginResult = builder.unionType('LoginResult', {
  description: 'The outcome of a sign-in step.',
  types: [
    LoginSuccess,
    TwoFactorRequired,
    InvalidCredentials,
    AccountLocked,
    AccountNotActivated,
    PasswordChangeRequired,
  ],
  resolveType: byTypename,
});

function toResult(outcome: LoginOutcome): Result {
  switch (outcome.kind) {
    case 'success':
      return { __typename: 'LoginSuccess', ...outcome.session };
    case 'twoFactorRequired':
      return {
        __typename: 'TwoFactorRequired',
        challengeToken: outcome.challengeToken,
        method: outcome.method,
      };
    case 'invalidCredentials':
      return {
        __typename: 'InvalidCredentials',
        message: 'Identifiant ou mot de passe incorrect.',
      };
    case 'locked':
      return {
        __typename: 'AccountLocked',
        message: 'Trop de tentatives : votre compte est verrouillé temporairement.',
        lockedUntil: outcome.lockedUntil,
      };
    case 'notActivated':
      return {
        __typename: 'AccountNotActivated',
        message: 'Votre compte n’est pas encore activé : suivez le lien reçu par e-mail.',
      };
    case 'passwordChangeRequired':
      return {
        __typename: 'PasswordChangeRequired',
        message: 'Par sécurité, choisissez un nouveau mot de passe avec « Mot de passe oublié ».',
      };
    case 'rateLimited':
      throw abriError(
        ErrorCode.RATE_LIMITED,
        'Trop de tentatives depuis cette adresse : réessayez dans quelques minutes.',
      );
  }
}

const LoginInput = builder.inputType('LoginInput', {
  description: 'A policyholder signs in with a contract number (as printed) and their password.',
  fields: (t) => ({
    contractNumber: t.string({
      required: true,
      description: '8 to 10 letters and digits, as printed on the contract.',
    }),
    password: t.string({ required: true }),
  }),
});
const StaffLoginInput = builder.inputType('StaffLoginInput', {
  description: 'Staff sign in with their work e-mail and password; a TOTP code is always asked next.',
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});
const VerifyTwoFactorInput = builder.inputType('VerifyTwoFactorInput', {
  description: 'The second step of a sign-in.',
  fields: (t) => ({
    challengeToken: t.string({
      required: true,
      description: 'From `TwoFactorRequired`.',
    }),
    code: t.string({
      required: true,
      description: 'The 6-digit code of the authenticator app or of the SMS, or a recovery code.',
    }),
  }),
});

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginResult,
    description: 'Signs a policyholder in with a contract number and password.',
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: async (_r, { input }, ctx) =>
      toResult(
        await login(
          ctx.app,
          bounded(input.contractNumber, 'contractNumber'),
          bounded(input.password, 'password'),
          ctx.client,
        ),
      ),
  }),
  staffLogin: t.field({
    type: LoginResult,
    description: 'First step of a staff sign-in; answers TwoFactorRequired when the password is right.',
    args: { input: t.arg({ type: StaffLoginInput, required: true }) },
    resolve: async (_r, { input }, ctx) =>
      toResult(
        await staffLogin(ctx.app, bounded(input.email, 'email'), bounded(input.password, 'password'), ctx.client),
      ),
  }),
  verifyTwoFactor: t.field({
    type: LoginResult,
    description: 'Completes a sign-in that answered TwoFactorRequired.',
    args: { input: t.arg({ type: VerifyTwoFactorInput, required: true }) },
    resolve: async (_r, { input }, ctx) =>
      toResult(
        await verifyTwoFactor(
          ctx.app,
          bounded(input.challengeToken, 'challengeToken'),
          bounded(input.code, 'code'),
          ctx.client,
        ),
      ),
  }),
  refreshSession: t.field({
    type: LoginResult,
    description:
      'Exchanges a refresh token for new tokens. A refresh token works once; replaying one ends its session.',
    args: { refreshToken: t.arg.string({ required: true }) },
    resolve: async (_r, { refreshToken }, ctx) => {
      const session = await refreshSession(ctx.app, bounded(refreshToken, 'refreshToken'));
      return toResult(session ? { kind: 'success', session } : { kind: 'invalidCredentials' });
    },
  }),
  logout: t.withAuth({ signedIn: true }).boolean({
    description: 'Ends this session, or every session of the account with `everywhere: true`.',
    args: { everywhere: t.arg.boolean({ defaultValue: false }) },
    resolve: async (_r, { everywhere }, ctx) => {
      const { who } = ctx;
      const ids = everywhere
        ? (
            await ctx.app.prisma.session.findMany({
              where: {
                OR: [{ customerId: who.sub }, { staffMemberId: who.sub }],
                revokedAt: null,
              },
              select: { id: true },
            })
          ).map((s) => s.id)
        : [who.sid];
      await revokeSessions(ctx.app, { ids }, everywhere ? 'logout everywhere' : 'logout');
      return true;
    },
  }),
}));

// Customer two-factor authentication: enrolment, confirmation with recovery codes, disabling.
import { abriError, ErrorCode, reauthenticationRequired, recentlyAuthenticated } from '@abri/platform';
import { chooseSmsSecondFactor } from '../app/sms-second-factor.ts';
import { confirmEnrolment, disableTwoFactor, startEnrolment } from '../app/two-factor.ts';
import { builder } from '../builder.ts';
import { byTypename, ErrorInterface, type Typed } from './error.ts';

const TwoFactorEnrolment = builder
  .objectRef<{ secret: string; uri: string; qrCodeDataUrl: string }>('TwoFactorEnrolment')
  .implement({
    description: 'Scan the QR code (or type the secret) in an authenticator app, then confirm with its first code.',
    fields: (t) => ({
      otpauthUri: t.exposeString('uri', {
        description: 'otpauth:// URI, TOTP SHA-1, 6 digits, 30 s.',
      }),
      qrCode: t.exposeString('qrCodeDataUrl', {
        description: 'The URI as a QR code, a PNG data URL.',
      }),
      secret: t.exposeString('secret', {
        description: 'The secret in base32, for manual entry.',
      }),
    }),
  });

type Enabled = Typed<'TwoFactorEnabled', { recoveryCodes: string[] }>;
type Invalid = Typed<'InvalidCode', { message: string }>;
const TwoFactorEnabled = builder.objectRef<Enabled>('TwoFactorEnabled').implement({
  description: 'Two-factor is on. The recovery codes are shown this once: each replaces a code once.',
  fields: (t) => ({ recoveryCodes: t.exposeStringList('recoveryCodes') }),
});
const InvalidCode = builder.objectRef<Invalid>('InvalidCode').implement({
  description: 'The code is wrong or expired.',
  interfaces: [ErrorInterface],
});
const ConfirmTwoFactorResult = builder.unionType('ConfirmTwoFactorResult', {
  description: 'The outcome of confirming two-factor enrolment.',
  types: [TwoFactorEnabled, InvalidCode],
  resolveType: byTypename,
});

type SmsChosen = Typed<'SmsSecondFactorChosen', { recoveryCodes: string[] }>;
type NoPhone = Typed<'PhoneNotConfirmed', { message: string }>;
type AlreadySms = Typed<'SmsSecondFactorAlreadyChosen', { message: string }>;
const SmsSecondFactorChosen = builder.objectRef<SmsChosen>('SmsSecondFactorChosen').implement({
  description:
    'From the next sign-in, a code is texted to the confirmed phone. New recovery codes, shown this once, replace any earlier ones.',
  fields: (t) => ({ recoveryCodes: t.exposeStringList('recoveryCodes') }),
});
const PhoneNotConfirmed = builder.objectRef<NoPhone>('PhoneNotConfirmed').implement({
  description: 'No confirmed mobile number: add one in the profile and confirm it with its code first.',
  interfaces: [ErrorInterface],
});
const SmsSecondFactorAlreadyChosen = builder.objectRef<AlreadySms>('SmsSecondFactorAlreadyChosen').implement({
  description: 'SMS codes are already the second factor.',
  interfaces: [ErrorInterface],
});
const ChooseSmsSecondFactorResult = builder.unionType('ChooseSmsSecondFactorResult', {
  description: 'The outcome of choosing SMS codes as the second factor.',
  types: [SmsSecondFactorChosen, PhoneNotConfirmed, InvalidCode, SmsSecondFactorAlreadyChosen],
  resolveType: byTypename,
});

const invalidCode = (): Invalid => ({
  __typename: 'InvalidCode',
  message: 'Code incorrect.',
});

builder.mutationFields((t) => ({
  startTwoFactorEnrolment: t.withAuth({ customer: true }).field({
    type: TwoFactorEnrolment,
    description:
      'Begins enrolling an authenticator app (replaces an unfinished enrolment). Needs a password proven in the last 5 minutes (REAUTHENTICATION_REQUIRED otherwise, see `confirmIdentity`); refused (FORBIDDEN) while a second factor is on: turn it off first with `disableTwoFactor`.',
    resolve: async (_r, _a, ctx) => {
      const { who } = ctx;
      const outcome = await startEnrolment(ctx.app, who.sub, recentlyAuthenticated(who, ctx.app.clock.now()));
      if (outcome.kind === 'reauthenticationRequired') throw reauthenticationRequired();
      if (outcome.kind === 'alreadyEnabled')
        throw abriError(
          ErrorCode.FORBIDDEN,
          'La double authentification est déjà active : désactivez-la d’abord avec votre mot de passe et un code.',
        );
      return outcome;
    },
  }),
  confirmTwoFactorEnrolment: t.withAuth({ customer: true }).field({
    type: ConfirmTwoFactorResult,
    description: 'Turns two-factor on with the app’s first code; returns 10 single-use recovery codes.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_r, { code }, ctx): Promise<Enabled | Invalid> => {
      const { who } = ctx;
      const codes = await confirmEnrolment(ctx.app, who.sub, who.sid, code.slice(0, 20));
      return codes ? { __typename: 'TwoFactorEnabled', recoveryCodes: codes } : invalidCode();
    },
  }),
  chooseSmsSecondFactor: t.withAuth({ customer: true }).field({
    type: ChooseSmsSecondFactorResult,
    description:
      'Makes a code texted to the confirmed phone the second factor (instead of, or replacing, an authenticator app). Needs a password proven in the last 5 minutes (REAUTHENTICATION_REQUIRED otherwise); when an app is the second factor, `code` is its current code (or a recovery code). Announced by e-mail and SMS.',
    args: { code: t.arg.string({ description: 'The authenticator app’s current code, when one is active.' }) },
    resolve: async (_r, { code }, ctx): Promise<SmsChosen | NoPhone | Invalid | AlreadySms> => {
      const { who } = ctx;
      const outcome = await chooseSmsSecondFactor(
        ctx.app,
        who.sub,
        who.sid,
        recentlyAuthenticated(who, ctx.app.clock.now()),
        code ? code.slice(0, 40) : null,
      );
      switch (outcome.kind) {
        case 'reauthenticationRequired':
          throw reauthenticationRequired();
        case 'chosen':
          return { __typename: 'SmsSecondFactorChosen', recoveryCodes: outcome.recoveryCodes };
        case 'phoneNotConfirmed':
          return {
            __typename: 'PhoneNotConfirmed',
            message: 'Ajoutez votre numéro de mobile et confirmez-le avec le code reçu avant de choisir le SMS.',
          };
        case 'alreadyChosen':
          return {
            __typename: 'SmsSecondFactorAlreadyChosen',
            message: 'La double authentification se fait déjà par SMS.',
          };
        case 'invalidCode':
          return {
            __typename: 'InvalidCode',
            message: 'Saisissez le code actuel de votre application d’authentification (ou un code de secours).',
          };
      }
    },
  }),
  disableTwoFactor: t.withAuth({ customer: true }).boolean({
    description:
      'Turns two-factor off; needs the password and a code of the app (or a recovery code; with SMS codes, a recovery code). False when either is wrong.',
    args: {
      password: t.arg.string({ required: true }),
      code: t.arg.string({ required: true }),
    },
    resolve: (_r, { password, code }, ctx) => {
      const { who } = ctx;
      return disableTwoFactor(ctx.app, who.sub, who.sid, password.slice(0, 1024), code.slice(0, 40));
    },
  }),
}));

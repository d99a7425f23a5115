// Creating one's access, activation, forgotten password (e-mail link or SMS code), password change, and the
// "this was not me" link of a sign-in alert.
import { activateAccount, registerAccount, requestActivationLink } from '../app/activation.ts';
import { recoverContractNumber } from '../app/contract-number-reminder.ts';
import { changePassword } from '../app/passwords.ts';
import { requestPasswordReset, requestSmsCode, resetPassword, resetPasswordWithSmsCode } from '../app/recovery.ts';
import { reportUnrecognisedSignIn } from '../app/sign-in-alerts.ts';
import { confirmIdentity } from '../app/step-up.ts';
import { builder } from '../builder.ts';
import { bounded, byTypename, ErrorInterface, type Typed } from './error.ts';
import { InvalidToken, invalidToken, PasswordRejected, rejected } from './password.ts';

const message = <N extends string>(name: N, description: string) =>
  builder.objectRef<Typed<N, { message: string }>>(name).implement({
    description,
    fields: (t) => ({
      message: t.exposeString('message', {
        description: 'What to tell the customer, in French.',
      }),
    }),
  });

const RegistrationReceived = message(
  'RegistrationReceived',
  'If the contract and e-mail match an account, an activation link was sent.',
);
const AccountActivated = message(
  'AccountActivated',
  'The account is active: sign in with the contract number and password.',
);
const PasswordResetDone = message('PasswordResetDone', 'The new password is set; every session was ended.');
const PasswordChanged = message('PasswordChanged', 'The new password is set; every other session was ended.');

const RegisterAccountResult = builder.unionType('RegisterAccountResult', {
  description: 'The outcome of a request to create one’s access.',
  types: [RegistrationReceived, PasswordRejected],
  resolveType: byTypename,
});
const ActivateAccountResult = builder.unionType('ActivateAccountResult', {
  description: 'The outcome of an activation link.',
  types: [AccountActivated, InvalidToken],
  resolveType: byTypename,
});
const ResetPasswordResult = builder.unionType('ResetPasswordResult', {
  description: 'The outcome of a password reset.',
  types: [PasswordResetDone, InvalidToken, PasswordRejected],
  resolveType: byTypename,
});

const WrongPassword = builder
  .objectRef<Typed<'WrongCurrentPassword', { message: string }>>('WrongCurrentPassword')
  .implement({
    description: 'The current password given is not the right one.',
    interfaces: [ErrorInterface],
  });
type Confirmed = Typed<'IdentityConfirmed', { accessToken: string; expiresAt: Date }>;
const IdentityConfirmed = builder.objectRef<Confirmed>('IdentityConfirmed').implement({
  description: 'The password is proven again: the access token below may make sensitive changes for 5 minutes.',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken', {
      description: 'Replaces the current access token (same session); renewing it keeps this proof.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When this access token expires.' }),
  }),
});
const ConfirmIdentityResult = builder.unionType('ConfirmIdentityResult', {
  description: 'The outcome of proving the password again before a sensitive change.',
  types: [IdentityConfirmed, WrongPassword],
  resolveType: byTypename,
});

const ChangePasswordResult = builder.unionType('ChangePasswordResult', {
  description: 'The outcome of a password change.',
  types: [PasswordChanged, WrongPassword, PasswordRejected],
  resolveType: byTypename,
});

const RegisterAccountInput = builder.inputType('RegisterAccountInput', {
  description:
    'Creating one’s access: the contract number and the e-mail address the insurer has on file, and a password.',
  fields: (t) => ({
    contractNumber: t.string({ required: true }),
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  registerAccount: t.field({
    type: RegisterAccountResult,
    description: 'Creates one’s access: answers the same whether or not the contract and e-mail match (the link says).',
    args: { input: t.arg({ type: RegisterAccountInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      const outcome = registerAccount(ctx.app, {
        contractNumber: bounded(input.contractNumber, 'contractNumber'),
        email: bounded(input.email, 'email'),
        password: bounded(input.password, 'password'),
      });
      return outcome.kind === 'rejected'
        ? rejected(outcome.failures)
        : {
            __typename: 'RegistrationReceived' as const,
            message: 'Si ces informations correspondent à un contrat, un lien d’activation vient d’être envoyé.',
          };
    },
  }),
  activateAccount: t.field({
    type: ActivateAccountResult,
    description: 'Follows an activation link (valid 72 hours, once).',
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_r, { token }, ctx) =>
      (await activateAccount(ctx.app, bounded(token, 'token'))).kind === 'activated'
        ? {
            __typename: 'AccountActivated' as const,
            message: 'Votre espace client est activé : vous pouvez vous connecter.',
          }
        : invalidToken(),
  }),
  requestActivationLink: t.boolean({
    description: 'Sends a new activation link (earlier ones stop working). Always true.',
    args: { contractNumber: t.arg.string({ required: true }) },
    resolve: (_r, { contractNumber }, ctx) => {
      requestActivationLink(ctx.app, bounded(contractNumber, 'contractNumber'));
      return true;
    },
  }),
  requestPasswordReset: t.boolean({
    description:
      'E-mails a reset link valid 24 hours. Same answer, in body and time, whether or not the account exists.',
    args: { contractNumber: t.arg.string({ required: true }) },
    resolve: (_r, { contractNumber }, ctx) => {
      requestPasswordReset(ctx.app, bounded(contractNumber, 'contractNumber'));
      return true;
    },
  }),
  requestSmsCode: t.boolean({
    description:
      'Texts a 6-digit code valid 10 minutes to the phone on file. Same answer whether or not the account exists.',
    args: { contractNumber: t.arg.string({ required: true }) },
    resolve: (_r, { contractNumber }, ctx) => {
      requestSmsCode(ctx.app, bounded(contractNumber, 'contractNumber'));
      return true;
    },
  }),
  recoverContractNumber: t.boolean({
    description:
      '« Numéro de contrat oublié ? »: e-mails the contract numbers of the account at this address, if there is one. Always true, with the same answer in body and time whether or not the address is a customer’s.',
    args: { email: t.arg.string({ required: true }) },
    resolve: (_r, { email }, ctx) => {
      recoverContractNumber(ctx.app, bounded(email, 'email'));
      return true;
    },
  }),
  resetPassword: t.field({
    type: ResetPasswordResult,
    description: 'Sets a new password with a reset link’s token; every session ends.',
    args: {
      token: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (_r, { token, newPassword }, ctx) =>
      resetResult(await resetPassword(ctx.app, bounded(token, 'token'), bounded(newPassword, 'newPassword'))),
  }),
  resetPasswordWithSmsCode: t.field({
    type: ResetPasswordResult,
    description: 'Sets a new password with an SMS code (5 tries); every session ends.',
    args: {
      contractNumber: t.arg.string({ required: true }),
      code: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (_r, args, ctx) =>
      resetResult(
        await resetPasswordWithSmsCode(
          ctx.app,
          bounded(args.contractNumber, 'contractNumber'),
          bounded(args.code, 'code'),
          bounded(args.newPassword, 'newPassword'),
        ),
      ),
  }),
  changePassword: t.withAuth({ customer: true }).field({
    type: ChangePasswordResult,
    description: 'Changes the signed-in customer’s password; every other session ends at once.',
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (_r, { currentPassword, newPassword }, ctx) => {
      const outcome = await changePassword(
        ctx.app,
        ctx.who.sub,
        ctx.who.sid,
        bounded(currentPassword, 'currentPassword'),
        bounded(newPassword, 'newPassword'),
      );
      if (outcome.kind === 'rejected') return rejected(outcome.failures);
      if (outcome.kind === 'wrongPassword')
        return {
          __typename: 'WrongCurrentPassword' as const,
          message: 'Le mot de passe actuel est incorrect.',
        };
      return {
        __typename: 'PasswordChanged' as const,
        message: 'Votre mot de passe est modifié ; vos autres appareils sont déconnectés.',
      };
    },
  }),
  confirmIdentity: t.withAuth({ customer: true }).field({
    type: ConfirmIdentityResult,
    description:
      'Proves the current password again (step-up): changing the phone, the second factor or bank details needs it within 5 minutes of sign-in or of this call; they answer REAUTHENTICATION_REQUIRED otherwise.',
    args: { password: t.arg.string({ required: true }) },
    resolve: async (_r, { password }, ctx): Promise<Confirmed | Typed<'WrongCurrentPassword', { message: string }>> => {
      const outcome = await confirmIdentity(ctx.app, ctx.who.sub, ctx.who.sid, bounded(password, 'password'));
      if (outcome.kind === 'wrongPassword')
        return { __typename: 'WrongCurrentPassword', message: 'Le mot de passe actuel est incorrect.' };
      return { __typename: 'IdentityConfirmed', accessToken: outcome.accessToken, expiresAt: outcome.expiresAt };
    },
  }),
  reportUnrecognisedSignIn: t.boolean({
    description: 'The link of a new-sign-in alert: ends that session and blocks the password until it is reset.',
    args: { token: t.arg.string({ required: true }) },
    resolve: (_r, { token }, ctx) => reportUnrecognisedSignIn(ctx.app, bounded(token, 'token')),
  }),
}));

function resetResult(outcome: Awaited<ReturnType<typeof resetPassword>>) {
  if (outcome.kind === 'rejected') return rejected(outcome.failures);
  if (outcome.kind === 'invalidToken') return invalidToken();
  return {
    __typename: 'PasswordResetDone' as const,
    message: 'Votre nouveau mot de passe est enregistré.',
  };
}

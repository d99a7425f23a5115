// Result types shared by the entry points that set a password.
import type { PasswordFailure } from '../app/passwords.ts';
import { builder } from '../builder.ts';
import { describeFailure, PasswordRule } from '../domain/password-policy.ts';
import { ErrorInterface, type Typed } from './error.ts';

export const PasswordFailureEnum = builder.enumType('PasswordFailure', {
  description: 'A password rule that was not met.',
  values: [...(Object.keys(PasswordRule) as PasswordRule[]), 'REUSED'] as const,
});

export type Rejected = Typed<'PasswordRejected', { message: string; failures: PasswordFailure[] }>;

export const PasswordRejected = builder.objectRef<Rejected>('PasswordRejected').implement({
  description: 'The new password breaks a rule; nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    failures: t.field({
      type: [PasswordFailureEnum],
      resolve: (r) => r.failures,
    }),
    reasons: t.stringList({
      description: 'Each failure in plain French, in the same order.',
      resolve: (r) =>
        r.failures.map((f) => (f === 'REUSED' ? 'Ce mot de passe fait partie de vos 5 derniers.' : describeFailure(f))),
    }),
  }),
});

export const rejected = (failures: PasswordFailure[]): Rejected => ({
  __typename: 'PasswordRejected',
  message: 'Ce mot de passe ne respecte pas les règles de sécurité.',
  failures,
});

export const InvalidToken = builder.objectRef<Typed<'InvalidToken', { message: string }>>('InvalidToken').implement({
  description: 'The link or code is unknown, expired or already used.',
  interfaces: [ErrorInterface],
});
export const invalidToken = (): Typed<'InvalidToken', { message: string }> => ({
  __typename: 'InvalidToken',
  message: 'Ce lien ou ce code n’est plus valable : demandez-en un nouveau.',
});

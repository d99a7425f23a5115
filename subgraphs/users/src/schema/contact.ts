// Changing the e-mail address (step-up, then a code sent to the new address) and confirming a new phone number (a
// code by SMS) before either is used for recovery. The rules are in app/contact-change.ts.
import { reauthenticationRequired, recentlyAuthenticated } from '@abri/platform';
import { NBSP } from '@abri/platform/french';
import { confirmEmailChange, confirmPhone, requestEmailChange } from '../app/contact-change.ts';
import { builder } from '../builder.ts';
import { bounded, byTypename, ErrorInterface, type Typed } from './error.ts';

builder.prismaObjectField('Customer', 'phoneConfirmed', (t) =>
  t.boolean({
    description:
      'False while a new number waits for the code sent to it by SMS (`confirmPhone`): until then recovery codes and SMS alerts go to the previous confirmed number, or nowhere.',
    select: { phoneEncrypted: true, phoneVerifiedAt: true },
    resolve: (c) => !!c.phoneEncrypted && c.phoneVerifiedAt !== null,
  }),
);

type Requested = Typed<'EmailChangeRequested', { expiresAt: Date }>;
type InvalidEmail = Typed<'InvalidEmail', { message: string }>;
type Confirmed = Typed<'ContactConfirmed', { customerId: string }>;
type CodeInvalid = Typed<'ContactCodeInvalid', { message: string }>;

const EmailChangeRequested = builder.objectRef<Requested>('EmailChangeRequested').implement({
  description:
    'A code was sent to the new address, valid 15 minutes (the same answer whatever the address: nobody learns whether it is another customer’s).',
  fields: (t) => ({ expiresAt: t.expose('expiresAt', { type: 'DateTime' }) }),
});
const InvalidEmailRef = builder.objectRef<InvalidEmail>('InvalidEmail').implement({
  description: 'Not an e-mail address, or already the account’s; nothing was sent.',
  interfaces: [ErrorInterface],
});
const ContactConfirmed = builder.objectRef<Confirmed>('ContactConfirmed').implement({
  description: 'The new address or number is the account’s; every device receives a profileChanged event.',
  fields: (t) => ({
    customer: t.prismaField({
      type: 'Customer',
      resolve: (query, r, _a, ctx) =>
        ctx.app.prisma.customer.findUniqueOrThrow({ ...query, where: { id: r.customerId } }),
    }),
  }),
});
const ContactCodeInvalid = builder.objectRef<CodeInvalid>('ContactCodeInvalid').implement({
  description: 'Wrong, expired or used-up code (5 tries a code); nothing was changed.',
  interfaces: [ErrorInterface],
});

const codeInvalid = (): CodeInvalid => ({
  __typename: 'ContactCodeInvalid',
  message: `Ce code n’est pas valable${NBSP}: il est erroné, a expiré ou a déjà servi. Demandez-en un nouveau.`,
});

builder.mutationField('requestEmailChange', (t) =>
  t.withAuth({ customer: true }).field({
    type: builder.unionType('RequestEmailChangeResult', {
      description: 'The outcome of asking for a new e-mail address.',
      types: [EmailChangeRequested, InvalidEmailRef],
      resolveType: byTypename,
    }),
    description:
      'Sends a 6-digit code to a new e-mail address; `confirmEmailChange` makes it the account’s. Needs a password proven in the last 5 minutes (REAUTHENTICATION_REQUIRED otherwise, see `confirmIdentity`).',
    args: { newEmail: t.arg.string({ required: true }) },
    resolve: async (_r, { newEmail }, ctx): Promise<Requested | InvalidEmail> => {
      const outcome = await requestEmailChange(ctx.app, ctx.who.sub, bounded(newEmail, 'newEmail'), {
        sessionId: ctx.who.sid,
        recentlyAuthenticated: recentlyAuthenticated(ctx.who, ctx.app.clock.now()),
      });
      if (outcome.kind === 'reauthenticationRequired') throw reauthenticationRequired();
      if (outcome.kind === 'invalid')
        return {
          __typename: 'InvalidEmail',
          message:
            outcome.reason === 'same'
              ? 'C’est déjà l’adresse de votre espace client.'
              : `Cette adresse e-mail n’est pas valable${NBSP}: vérifiez-la (exemple${NBSP}: prenom.nom@exemple.fr).`,
        };
      return { __typename: 'EmailChangeRequested', expiresAt: outcome.expiresAt };
    },
  }),
);

const ConfirmContactResult = builder.unionType('ConfirmContactResult', {
  description: 'The outcome of a confirmation code.',
  types: [ContactConfirmed, ContactCodeInvalid],
  resolveType: byTypename,
});

builder.mutationField('confirmEmailChange', (t) =>
  t.withAuth({ customer: true }).field({
    type: ConfirmContactResult,
    description:
      'The code sent to the new address: the address becomes the account’s, the previous one is told (with a « ce n’était pas moi » link).',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_r, { code }, ctx): Promise<Confirmed | CodeInvalid> => {
      const outcome = await confirmEmailChange(ctx.app, ctx.who.sub, bounded(code, 'code'), { sessionId: ctx.who.sid });
      return outcome.kind === 'confirmed' ? { __typename: 'ContactConfirmed', customerId: ctx.who.sub } : codeInvalid();
    },
  }),
);

builder.mutationField('confirmPhone', (t) =>
  t.withAuth({ customer: true }).field({
    type: ConfirmContactResult,
    description:
      'The code sent by SMS to the profile’s new number: from then on recovery codes and SMS alerts go to it.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_r, { code }, ctx): Promise<Confirmed | CodeInvalid> => {
      const outcome = await confirmPhone(ctx.app, ctx.who.sub, bounded(code, 'code'));
      return outcome.kind === 'confirmed' ? { __typename: 'ContactConfirmed', customerId: ctx.who.sub } : codeInvalid();
    },
  }),
);

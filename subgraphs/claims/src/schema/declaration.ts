// The customer's side of a claim: the form of each type as data, the declaration checked against it.
import { accessCustomer } from '@abri/platform';
import { NBSP } from '@abri/platform/french';
import { attachFile } from '../app/attachments.ts';
import { declareClaim } from '../app/declare.ts';
import { builder } from '../builder.ts';
import { claimForm, type FormError, type Question } from '../domain/forms/index.ts';
import { ClaimType } from './claim.ts';
import { ErrorInterface } from './error.ts';

const QuestionKind = builder.enumType('QuestionKind', {
  description: 'How a question is answered.',
  values: ['TEXT', 'LONG_TEXT', 'BOOLEAN', 'CHOICE', 'MULTI_CHOICE', 'DATE', 'AMOUNT', 'ITEMS'] as const,
});
const FormOption = builder.objectRef<{ value: string; label: string }>('FormOption').implement({
  description: 'A choice offered by a question.',
  fields: (t) => ({ value: t.exposeString('value'), label: t.exposeString('label') }),
});
const ShowWhen = builder.objectRef<{ questionId: string; equals: string | boolean }>('ShowWhen').implement({
  description:
    'The question is shown only when an earlier answer equals this value (or, for several choices, includes it).',
  fields: (t) => ({
    questionId: t.exposeString('questionId'),
    equals: t.string({ description: 'The value, as text (true/false for yes/no).', resolve: (s) => String(s.equals) }),
  }),
});
const FormQuestion = builder.objectRef<Question>('FormQuestion').implement({
  description:
    'A question of a claim form. AMOUNT answers are integer cents; ITEMS are [{ description, valueCents, proof }].',
  fields: (t) => ({
    id: t.exposeString('id'),
    label: t.exposeString('label'),
    help: t.string({ nullable: true, resolve: (q) => q.help ?? null }),
    kind: t.field({ type: QuestionKind, resolve: (q) => q.kind }),
    required: t.exposeBoolean('required', { description: 'Required whenever it is shown.' }),
    options: t.field({ type: [FormOption], resolve: (q) => q.options ?? [] }),
    showWhen: t.field({ type: ShowWhen, nullable: true, resolve: (q) => q.showWhen ?? null }),
    maxLength: t.int({ nullable: true, resolve: (q) => q.maxLength ?? null }),
  }),
});
const ClaimFormRef = builder.objectRef<ReturnType<typeof claimForm>>('ClaimForm').implement({
  description: 'The questions for a type of claim, in order.',
  fields: (t) => ({
    type: t.field({ type: ClaimType, resolve: (f) => f.type }),
    title: t.exposeString('title'),
    declarationDeadlineWorkingDays: t.exposeInt('declarationDeadlineWorkingDays', {
      description: 'Working days to declare after the event (theft 2, others 5).',
    }),
    questions: t.field({ type: [FormQuestion], resolve: (f) => f.questions }),
  }),
});

builder.queryField('claimForm', (t) =>
  t.field({
    type: ClaimFormRef,
    description: 'The questions to answer to declare a claim of this type.',
    args: { type: t.arg({ type: ClaimType, required: true }) },
    resolve: (_r, { type }) => claimForm(type),
  }),
);

const DeclareClaimInput = builder.inputType('DeclareClaimInput', {
  description: 'A new claim on one of the customer’s contracts.',
  fields: (t) => ({
    policyId: t.id({ required: true }),
    type: t.field({ type: ClaimType, required: true }),
    occurredOn: t.field({ type: 'Date', required: true, description: 'When it happened (or was discovered).' }),
    description: t.string({ required: true, description: 'What happened, 10 to 4 000 characters.' }),
    answers: t.field({
      type: 'JSONObject',
      required: true,
      description: 'Answers to claimForm(type), by question id.',
    }),
  }),
});

type Declared = { __typename: 'ClaimDeclared'; claimId: string };
type Invalid = { __typename: 'InvalidDeclaration'; message: string; errors: FormError[] };
type Simple = { __typename: 'ClaimPolicyNotFound' | 'ClaimPolicyNotActive' | 'NotCovered'; message: string };
const FormFieldError = builder.objectRef<FormError>('FormFieldError').implement({
  description: 'An answer refused, and why.',
  fields: (t) => ({
    questionId: t.exposeString('questionId'),
    code: t.exposeString('code'),
    message: t.exposeString('message'),
  }),
});
const ClaimDeclared = builder.objectRef<Declared>('ClaimDeclared').implement({
  description: 'The claim is declared; its reference is the one to quote.',
  fields: (t) => ({
    claim: t.prismaField({
      type: 'Claim',
      resolve: (query, r, _a, ctx) => ctx.app.prisma.claim.findUniqueOrThrow({ ...query, where: { id: r.claimId } }),
    }),
  }),
});
const InvalidDeclaration = builder.objectRef<Invalid>('InvalidDeclaration').implement({
  description: 'Some answers were refused; nothing was stored.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ errors: t.field({ type: [FormFieldError], resolve: (r) => r.errors }) }),
});
const simple = <N extends Simple['__typename']>(name: N, description: string) =>
  builder.objectRef<Simple & { __typename: N }>(name).implement({ description, interfaces: [ErrorInterface] });
const DeclareClaimResult = builder.unionType('DeclareClaimResult', {
  description: 'The outcome of a declaration.',
  types: [
    ClaimDeclared,
    InvalidDeclaration,
    simple('ClaimPolicyNotFound', 'No such contract among the customer’s.'),
    simple('ClaimPolicyNotActive', 'The contract is not in force.'),
    simple('NotCovered', 'The contract has no guarantee for this type of claim.'),
  ],
  resolveType: (v) => v.__typename,
});

builder.mutationField('declareClaim', (t) =>
  t.withAuth({ customer: true }).field({
    type: DeclareClaimResult,
    description: 'Declares a claim; a late declaration is accepted and flagged with its delay.',
    args: { input: t.arg({ type: DeclareClaimInput, required: true }) },
    resolve: async (_r, { input }, ctx): Promise<Declared | Invalid | Simple> => {
      const outcome = await declareClaim(ctx.app, ctx.who, {
        ...input,
        policyId: String(input.policyId),
        answers: input.answers as Record<string, unknown>,
      });
      switch (outcome.kind) {
        case 'declared':
          return { __typename: 'ClaimDeclared', claimId: outcome.claimId };
        case 'invalid':
          return {
            __typename: 'InvalidDeclaration',
            message: 'Certaines réponses sont à corriger.',
            errors: outcome.errors,
          };
        case 'policyNotFound':
          return { __typename: 'ClaimPolicyNotFound', message: 'Contrat introuvable.' };
        case 'policyNotActive':
          return { __typename: 'ClaimPolicyNotActive', message: 'Ce contrat n’est pas en vigueur.' };
        case 'notCovered':
          return { __typename: 'NotCovered', message: 'Votre contrat ne couvre pas ce type de sinistre.' };
      }
    },
  }),
);

const AttachmentRef = builder.prismaObject('Attachment', {
  description: 'A file attached to a claim (photo, police report, invoice).',
  fields: (t) => ({
    id: t.exposeID('id'),
    filename: t.exposeString('filename'),
    contentType: t.exposeString('contentType', { description: 'As read from the file: JPEG, PNG, WebP, HEIC or PDF.' }),
    sizeBytes: t.exposeInt('sizeBytes'),
    addedAt: t.expose('createdAt', { type: 'DateTime' }),
    downloadPath: t.string({
      description:
        'Where the gateway serves the file, always as a download: GET with the access token, or a signed link from POST /download-links.',
      select: { id: true },
      resolve: (a) => `/attachments/${a.id}`,
    }),
  }),
});
// An entity so the customer's stream (users) can point at it; only the claim's owner (or staff for them) resolves it.
builder.asEntity(AttachmentRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    const attachment = await ctx.app.prisma.attachment.findUnique({ where: { id: ref.id }, include: { claim: true } });
    return attachment &&
      (await accessCustomer(ctx.app, ctx, attachment.claim.customerId, `Sinistre ${attachment.claim.reference}`))
      ? attachment
      : null;
  },
});
builder.prismaObjectField('Claim', 'attachments', (t) =>
  t.relation('attachments', { query: { orderBy: { createdAt: 'asc' } } }),
);

/** Why a file was refused, as the customer reads it. */
const REJECTIONS = {
  TOO_LARGE: `Ce fichier est trop lourd${NBSP}: 5${NBSP}Mo au plus.`,
  UNSUPPORTED_TYPE: `Ce type de fichier n’est pas accepté${NBSP}: joignez une photo (JPEG, PNG, WebP, HEIC) ou un PDF.`,
  INVALID_FILE: `Ce fichier n’est pas une image ou un PDF valide${NBSP}: il est abîmé ou contient autre chose qu’une image ou un document. Enregistrez-le de nouveau puis réessayez.`,
  TOO_MANY: `Ce sinistre a déjà 20${NBSP}pièces jointes, le maximum.`,
  EMPTY: 'Ce fichier est vide.',
  CLAIM_CLOSED: `Ce sinistre est clos${NBSP}: il n’accepte plus de pièces jointes.`,
} as const;

const AttachmentRejected = builder
  .objectRef<{ __typename: 'AttachmentRejected'; message: string; reason: string }>('AttachmentRejected')
  .implement({
    description:
      'The file was refused: TOO_LARGE (over 5 MiB), UNSUPPORTED_TYPE (not JPEG, PNG, WebP, HEIC or PDF), INVALID_FILE (starts like one but is not a well-formed one, or carries markup, scripts or data after its end), TOO_MANY (20 per claim), EMPTY, or CLAIM_CLOSED.',
    interfaces: [ErrorInterface],
    fields: (t) => ({ reason: t.exposeString('reason') }),
  });
const AttachmentAdded = builder
  .objectRef<{ __typename: 'AttachmentAdded'; attachmentId: string }>('AttachmentAdded')
  .implement({
    description: 'The file is attached.',
    fields: (t) => ({
      attachment: t.prismaField({
        type: 'Attachment',
        resolve: (query, r, _a, ctx) =>
          ctx.app.prisma.attachment.findUniqueOrThrow({ ...query, where: { id: r.attachmentId } }),
      }),
    }),
  });
const ClaimNotFoundForAttachment = builder
  .objectRef<{ __typename: 'AttachmentClaimNotFound'; message: string }>('AttachmentClaimNotFound')
  .implement({
    description: 'No such claim among the customer’s.',
    interfaces: [ErrorInterface],
  });
const AddAttachmentResult = builder.unionType('AddAttachmentResult', {
  description: 'The outcome of attaching a file.',
  types: [AttachmentAdded, AttachmentRejected, ClaimNotFoundForAttachment],
  resolveType: (v) => v.__typename,
});

builder.mutationField('addClaimAttachment', (t) =>
  t.withAuth({ customer: true }).field({
    type: AddAttachmentResult,
    description: 'Attaches a photo, police report or invoice to one of the customer’s claims (base64, 5 MiB at most).',
    args: {
      claimId: t.arg.id({ required: true }),
      filename: t.arg.string({ required: true }),
      contentBase64: t.arg.string({ required: true }),
    },
    resolve: async (_r, { claimId, filename, contentBase64 }, ctx) => {
      const outcome = await attachFile(ctx.app, ctx.who, { claimId: String(claimId), filename, base64: contentBase64 });
      if (outcome.kind === 'attached')
        return { __typename: 'AttachmentAdded' as const, attachmentId: outcome.attachmentId };
      if (outcome.kind === 'notFound')
        return { __typename: 'AttachmentClaimNotFound' as const, message: 'Sinistre introuvable.' };
      const reason = outcome.kind === 'closed' ? 'CLAIM_CLOSED' : outcome.reason;
      return { __typename: 'AttachmentRejected' as const, message: REJECTIONS[reason], reason };
    },
  }),
);

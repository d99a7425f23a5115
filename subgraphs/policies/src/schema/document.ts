// Documents of a contract (attestation, certificate, avenants, general conditions), issuing an attestation, and the
// public check of an attestation's QR code.
import { accessCustomer, issuerSeal, sealSigner } from '@abri/platform';
import { checkAttestation, issueAttestation, issueLenderCertificate } from '../app/documents.ts';
import { builder } from '../builder.ts';
import { byTypename, ErrorInterface, PolicyNotFound, policyNotFound, type Typed } from './error.ts';
import { CustomerRef, PolicyRef } from './policy.ts';

const DocumentKind = builder.enumType('DocumentKind', {
  description: 'What a document is.',
  values: {
    ATTESTATION: { description: 'Attestation d’assurance habitation (with a verifiable QR code).' },
    CERTIFICATE: { description: 'Certificate of guarantees: amounts, deductibles, exclusions.' },
    AVENANT: { description: 'Amendment after a change of the contract.' },
    GENERAL_CONDITIONS: { description: 'General conditions of the contract.' },
    PARTICULAR_CONDITIONS: {
      description:
        'Conditions particulières of one version of the contract (issued with the contract and each avenant).',
    },
  },
});

export const DocumentRef = builder.prismaObject('Document', {
  description: 'A PDF issued for a contract.',
  select: { id: true, kind: true, title: true, createdAt: true, sizeBytes: true, policyId: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: DocumentKind }),
    title: t.exposeString('title'),
    issuedAt: t.expose('createdAt', { type: 'DateTime' }),
    sizeBytes: t.exposeInt('sizeBytes'),
    downloadUrl: t.string({
      description:
        'GET it from the gateway with the Authorization header, or from a plain link signed for a minute by POST /download-links { path } (browsers): the PDF, for its owner only.',
      resolve: (d) => `/documents/${d.id}`,
    }),
    policy: t.relation('policy'),
  }),
});

// An entity so the customer's stream (users) can point at a document just issued; its owner (or staff for them) only.
builder.asEntity(DocumentRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    const doc = await ctx.app.prisma.document.findUnique({ where: { id: ref.id }, omit: { content: true } });
    return doc && (await accessCustomer(ctx.app, ctx, doc.customerId, `Document ${doc.number}`)) ? doc : null;
  },
});

builder.prismaObjectField(PolicyRef, 'documents', (t) =>
  t.relation('documents', {
    description: 'Documents of this contract, newest first.',
    query: { orderBy: { createdAt: 'desc' } },
  }),
);

builder.objectField(CustomerRef, 'documents', (t) =>
  t
    .withAuth((customer) => ({ customerFile: { customerId: customer.id, what: 'Documents' } }))
    .prismaField({
      type: ['Document'],
      description: 'Every document of the customer’s contracts, newest first.',
      resolve: async (query, customer, _a, ctx) => {
        return ctx.app.prisma.document.findMany({
          ...query,
          where: { customerId: customer.id },
          orderBy: { createdAt: 'desc' },
        });
      },
    }),
);

type Generated = Typed<'DocumentGenerated', { documentId: string }>;
export type NotActive = Typed<'PolicyNotActive', { message: string }>;
const DocumentGenerated = builder.objectRef<Generated>('DocumentGenerated').implement({
  description: 'The document is ready to download.',
  fields: (t) => ({
    document: t.prismaField({
      type: 'Document',
      resolve: (query, r, _a, ctx) =>
        ctx.app.prisma.document.findUniqueOrThrow({ ...query, where: { id: r.documentId } }),
    }),
  }),
});
export const PolicyNotActive = builder.objectRef<NotActive>('PolicyNotActive').implement({
  description: 'The contract is suspended or ended: nothing can be issued or changed on it.',
  interfaces: [ErrorInterface],
});
const GenerateDocumentResult = builder.unionType('GenerateDocumentResult', {
  description: 'The outcome of asking for a document.',
  types: [DocumentGenerated, PolicyNotFound, PolicyNotActive],
  resolveType: byTypename,
});

builder.mutationField('generateAttestation', (t) =>
  t.withAuth({ signedIn: true }).field({
    type: GenerateDocumentResult,
    description:
      'Issues an attestation d’assurance habitation for the current period, with a QR code anyone can check.',
    args: { policyId: t.arg.id({ required: true }) },
    resolve: async (_r, { policyId }, ctx): Promise<Generated | NotActive | ReturnType<typeof policyNotFound>> => {
      const outcome = await issueAttestation(ctx.app, String(policyId), ctx.who);
      if (outcome.kind === 'notFound') return policyNotFound();
      if (outcome.kind === 'notActive')
        return {
          __typename: 'PolicyNotActive',
          message: 'Ce contrat n’est pas en vigueur : aucune attestation ne peut être émise.',
        };
      return { __typename: 'DocumentGenerated', documentId: outcome.documentId };
    },
  }),
);

const LenderCertificateInput = builder.inputType('LenderCertificateInput', {
  description: 'The lender financing the home, as its loan offer names it.',
  fields: (t) => ({
    policyId: t.id({ required: true }),
    lenderName: t.string({ required: true, description: 'The lending institution (2 to 120 characters).' }),
    lenderAddress: t.string({ required: true, description: 'Its postal address on one line (5 to 200 characters).' }),
    loanReference: t.string({
      required: true,
      description: 'The loan number of the offer: letters, digits, spaces, « - », « / » or « . » (up to 40).',
    }),
  }),
});
type InvalidLender = Typed<'InvalidLenderDetails', { message: string; field: string }>;
const InvalidLenderDetails = builder.objectRef<InvalidLender>('InvalidLenderDetails').implement({
  description: 'The lender’s details cannot be printed as given; nothing was issued.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    field: t.exposeString('field', { description: 'lenderName, lenderAddress or loanReference.' }),
  }),
});
type NoBuilding = Typed<'LenderClauseNotApplicable', { message: string }>;
const LenderClauseNotApplicable = builder.objectRef<NoBuilding>('LenderClauseNotApplicable').implement({
  description:
    'The contract insures no building (a tenant’s contract): there is nothing a lender could be paid from; the ordinary certificate of guarantees stays available.',
  interfaces: [ErrorInterface],
});
const LenderCertificateResult = builder.unionType('LenderCertificateResult', {
  description: 'The outcome of asking for a certificate with a lender clause.',
  types: [DocumentGenerated, InvalidLenderDetails, LenderClauseNotApplicable, PolicyNotFound, PolicyNotActive],
  resolveType: byTypename,
});
const LENDER_FIELD = { name: 'lenderName', address: 'lenderAddress', loanReference: 'loanReference' } as const;

builder.mutationField('issueLenderCertificate', (t) =>
  t.withAuth({ signedIn: true }).field({
    type: LenderCertificateResult,
    description:
      'Issues the certificate of guarantees a bank asks for when it finances the home: the contract as it stands, with a clause delegating the building indemnities to the lender and promising it notice before the cover lapses. Owners only.',
    args: { input: t.arg({ type: LenderCertificateInput, required: true }) },
    resolve: async (
      _r,
      { input },
      ctx,
    ): Promise<Generated | InvalidLender | NoBuilding | NotActive | ReturnType<typeof policyNotFound>> => {
      const outcome = await issueLenderCertificate(ctx.app, String(input.policyId), ctx.who, {
        name: input.lenderName,
        address: input.lenderAddress,
        loanReference: input.loanReference,
      });
      switch (outcome.kind) {
        case 'notFound':
          return policyNotFound();
        case 'invalid': {
          const [first] = outcome.problems;
          return { __typename: 'InvalidLenderDetails', message: first!.message, field: LENDER_FIELD[first!.field] };
        }
        case 'notActive':
          return {
            __typename: 'PolicyNotActive',
            message: 'Ce contrat n’est pas en vigueur : aucun certificat ne peut être émis.',
          };
        case 'noBuilding':
          return {
            __typename: 'LenderClauseNotApplicable',
            message:
              'Vous êtes locataire : ce contrat n’assure pas le bâtiment, une clause en faveur d’un prêteur ne peut pas y figurer. Le certificat de garanties reste disponible dans vos documents.',
          };
        case 'issued':
          return { __typename: 'DocumentGenerated', documentId: outcome.documentId };
      }
    },
  }),
);

const AttestationStatus = builder.enumType('AttestationStatus', {
  description: 'What the check of an attestation found.',
  values: {
    VALID: { description: 'Authentic, and the contract covers today.' },
    EXPIRED: { description: 'Authentic, but its period is over.' },
    NOT_YET_VALID: { description: 'Authentic, for a period that has not started.' },
    CONTRACT_ENDED: { description: 'Authentic, but the contract has ended.' },
    COVER_SUSPENDED: { description: 'Authentic, but cover is suspended (unpaid premium).' },
    SUPERSEDED: {
      description:
        'Authentic, but the insured moved: since supersededOn, the attestation of the new address replaces it.',
    },
    TAMPERED: { description: 'Not issued by Abri, or altered: do not rely on it.' },
  },
});

type Check = Awaited<ReturnType<typeof checkAttestation>>;
const AttestationCheck = builder.objectRef<Check>('AttestationCheck').implement({
  description: 'The public check of an attestation’s QR code: authentic or not, for whom, which period, valid today.',
  fields: (t) => ({
    status: t.field({ type: AttestationStatus, resolve: (c) => c.status }),
    authentic: t.boolean({ resolve: (c) => c.status !== 'TAMPERED' }),
    validToday: t.boolean({ resolve: (c) => c.status === 'VALID' }),
    contractNumber: t.string({ nullable: true, resolve: (c) => ('facts' in c ? c.facts.contractNumber : null) }),
    holder: t.string({
      nullable: true,
      description: 'The insured named on the attestation.',
      resolve: (c) => ('facts' in c ? c.facts.holder : null),
    }),
    address: t.string({ nullable: true, resolve: (c) => ('facts' in c ? c.facts.address : null) }),
    periodStart: t.field({ type: 'Date', nullable: true, resolve: (c) => ('facts' in c ? c.facts.periodStart : null) }),
    periodEnd: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day covered.',
      resolve: (c) => ('facts' in c ? c.facts.periodEnd : null),
    }),
    issuedAt: t.field({ type: 'Date', nullable: true, resolve: (c) => ('facts' in c ? c.facts.issuedAt : null) }),
    supersededOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'When SUPERSEDED: the effective date of the move from which this attestation no longer holds.',
      resolve: (c) => ('supersededOn' in c ? c.supersededOn : null),
    }),
    documentSignedBy: t.string({
      nullable: true,
      description:
        'When authentic: the signer of the PDF’s electronic signature (PAdES), as a PDF reader names it. The ' +
        'attestation PDF is signed by the insurer; another signer, or a reader reporting a modification, means the ' +
        'file is not the one issued.',
      resolve: (c, _a, ctx) =>
        c.status === 'TAMPERED' ? null : sealSigner(issuerSeal(ctx.app.insurer, ctx.app.clock.now())).name,
    }),
    documentSignatureFingerprint: t.string({
      nullable: true,
      description: 'When authentic: SHA-256 fingerprint of the signing certificate, as readers display it (AA:BB:…).',
      resolve: (c, _a, ctx) =>
        c.status === 'TAMPERED' ? null : sealSigner(issuerSeal(ctx.app.insurer, ctx.app.clock.now())).fingerprint,
    }),
  }),
});

builder.queryField('verifyAttestation', (t) =>
  t.field({
    type: AttestationCheck,
    description: 'Public (no sign-in): checks the token of an attestation’s QR code.',
    args: { token: t.arg.string({ required: true }) },
    resolve: (_r, { token }, ctx) => checkAttestation(ctx.app, token),
  }),
);

// Personal-data register of the claims subgraph (see platform/src/privacy/register.ts): every field of
// schema.prisma, classified. A field added to the schema without a line here fails privacy-register.test.ts.
import { definePersonalDataRegister, LegalBasis, NOT_PERSONAL as no, type SealedFields } from '@abri/platform';

const CLAIM_RETENTION =
  'Jusqu’à la clôture du sinistre, puis 5 ans (prescription, articles L114-1 du Code des assurances et 2224 du Code civil)';
/**
 * Our choice: a claim's data is kept 5 years after the claim is closed. The customer's action against the insurer is
 * time-barred after 2 years (article L114-1 of the Code des assurances), but a third party's recourse (IRSI
 * convention, liability) has 5 years (article 2224 of the Code civil), and a fraud uncovered later must still be
 * provable. The claim types Abri handles are damage to property; were bodily injury ever recorded, its 10-year term
 * (article 2226 of the Code civil) would need its own rule.
 */
const CLAIM_ERASURE = {
  keep: true,
  years: 5,
  after: 'claimClosed',
  reason:
    'prescription des actions nées du sinistre (article L114-1 du Code des assurances, article 2224 du Code civil) et lutte contre la fraude à l’assurance.',
} as const;

export const claimsRegister = definePersonalDataRegister({
  service: 'claims',
  title: 'Vos sinistres',
  categories: {
    claims: {
      label: 'Déclarations de sinistre',
      contains:
        'Type, date et description des dommages, vos réponses au questionnaire, montants évalués et indemnité, étapes du dossier.',
      purpose: 'Instruire et indemniser vos sinistres.',
      legalBasis: LegalBasis.CONTRACT,
      recipients: [
        'Experts et prestataires mandatés sur le sinistre',
        'L’assureur d’un tiers en cause (convention IRSI)',
        'Notre réassureur',
      ],
      retention: CLAIM_RETENTION,
      erasure: CLAIM_ERASURE,
      source: 'Vous, en déclarant le sinistre ; l’expert, pour l’évaluation',
    },
    attachments: {
      label: 'Pièces jointes',
      contains: 'Photos, dépôts de plainte et factures que vous joignez à un sinistre.',
      purpose: 'Justifier les dommages et leur montant.',
      legalBasis: LegalBasis.CONTRACT,
      recipients: ['Experts mandatés sur le sinistre'],
      retention: CLAIM_RETENTION,
      erasure: CLAIM_ERASURE,
      source: 'Vous',
    },
    claimHandling: {
      label: 'Traitement de votre dossier',
      contains: 'Qui, chez Abri, a pris en charge votre sinistre et chacune de ses actions sur le dossier.',
      purpose: 'Tracer le traitement des sinistres et lutter contre la fraude.',
      legalBasis: LegalBasis.LEGAL_OBLIGATION,
      recipients: ['Les autorités de contrôle (ACPR) sur demande'],
      retention: CLAIM_RETENTION,
      erasure: CLAIM_ERASURE,
      source: 'Abri',
    },
    statements: {
      label: 'Relevés d’information',
      contains:
        'Les relevés d’information que vous avez demandés : contrat, titulaire, période et sinistres des cinq dernières années.',
      purpose: 'Vous permettre de justifier de vos antécédents auprès d’un autre assureur.',
      legalBasis: LegalBasis.CONTRACT,
      recipients: ['Les assureurs à qui vous choisissez de le transmettre'],
      // A copy of what the claims category keeps: nothing requires keeping the copy once erasure is asked.
      retention: CLAIM_RETENTION,
      source: 'Abri, à votre demande',
    },
  },
  models: {
    OutboxEvent: {
      id: no,
      topic: no,
      customerId: no,
      payload: 'claims',
      createdAt: no,
      publishedAt: no,
      traceparent: no,
    },
    Claim: {
      id: no,
      reference: 'claims',
      customerId: no,
      policyId: no,
      type: 'claims',
      status: 'claims',
      occurredOn: 'claims',
      declaredAt: 'claims',
      description: 'claims',
      assignedTo: 'claimHandling',
      updatedAt: no,
      answers: 'claims',
      deadline: 'claims',
      lateByWorkingDays: 'claims',
      guaranteeCode: 'claims',
      ceilingCents: 'claims',
      deductibleCents: 'claims',
      assessedDamageCents: 'claims',
      indemnityCents: 'claims',
      retainUntil: no,
    },
    ClaimStatusChange: {
      id: no,
      claimId: no,
      from: 'claims',
      to: 'claims',
      at: 'claims',
      actorKind: 'claimHandling',
      actorId: 'claimHandling',
      note: 'claims',
    },
    Attachment: {
      id: no,
      claimId: no,
      filename: 'attachments',
      contentType: 'attachments',
      sizeBytes: no,
      storageKey: no,
      createdAt: 'attachments',
    },
    // A copy of the contract's terms kept by claims (the policies register describes the contract itself).
    PolicyTerms: {
      policyId: no,
      customerId: no,
      number: 'claims',
      status: no,
      guarantees: no,
      version: no,
      holderName: 'claims',
      address: 'claims',
      startDate: 'claims',
      endDate: 'claims',
      updatedAt: no,
      retainUntil: no,
    },
    ClaimsStatement: {
      id: no,
      policyId: no,
      customerId: no,
      number: 'statements',
      basis: no,
      issuedAt: 'statements',
      sizeBytes: no,
      content: 'statements',
    },
    StaffAction: {
      id: no,
      staffId: 'claimHandling',
      action: 'claimHandling',
      claimId: no,
      at: 'claimHandling',
      details: 'claimHandling',
    },
    ProcessedEvent: { source: no, eventId: no, processedAt: no },
  },
});

/**
 * Fields sealed at rest by the subgraph's Prisma extension (AES-256-GCM, platform/src/sealed/fields.ts); the
 * attachments' bytes are sealed by their store (subgraphs/claims/src/app/sealed-store.ts).
 */
export const claimsSealedFields = {
  Claim: { description: 'text', answers: 'json' },
  ClaimStatusChange: { note: 'text' },
  Attachment: { filename: 'text' },
  StaffAction: { details: 'json' },
  PolicyTerms: { holderName: 'text', address: 'text' },
  ClaimsStatement: { content: 'bytes' },
} satisfies SealedFields;

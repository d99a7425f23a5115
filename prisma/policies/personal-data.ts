// Personal-data register of the policies subgraph (see platform/src/privacy/register.ts): every field of
// schema.prisma, classified. A field added to the schema without a line here fails privacy-register.test.ts.
import { definePersonalDataRegister, LegalBasis, NOT_PERSONAL as no, type SealedFields } from '@abri/platform';

const CONTRACT_RETENTION =
  'Durée du contrat, puis 5 ans (prescription de l’article L114-1 du Code des assurances et recours des tiers)';
/**
 * Our choice: contract data is kept 5 years after the contract ends. Actions arising from the contract are time-barred
 * after 2 years (article L114-1 of the Code des assurances), but that term runs from the event, not from the end of
 * the contract, it is interrupted by a claim or an expert's appointment (L114-2), and, for the liability cover a home
 * contract includes, it only starts when a third party sues the insured (L114-1, 3rd paragraph): a third party has
 * 5 years to act (article 2224 of the Code civil) for damage caused while the contract ran. Bodily injury (10 years,
 * article 2226) is handled as a claim, whose data the claims register keeps.
 */
const CONTRACT_ERASURE = {
  keep: true,
  years: 5,
  after: 'contractEnd',
  reason:
    'prescription des actions nées du contrat (article L114-1 du Code des assurances) et recours des tiers contre vous (article 2224 du Code civil) ; nous en avons besoin pour répondre à une réclamation ou à un litige.',
} as const;

export const policiesRegister = definePersonalDataRegister({
  service: 'policies',
  title: 'Vos contrats',
  categories: {
    contract: {
      label: 'Contrat',
      contains:
        'Numéro de contrat, titulaire, garanties et options choisies, franchise, objets de valeur déclarés, cotisation et ses versions successives.',
      purpose: 'Établir et gérer votre contrat d’assurance habitation.',
      legalBasis: LegalBasis.CONTRACT,
      recipients: ['Notre réassureur', 'Les autorités de contrôle (ACPR) sur demande'],
      retention: CONTRACT_RETENTION,
      erasure: CONTRACT_ERASURE,
      source: 'Vous, à la souscription et à chaque modification',
    },
    dwelling: {
      label: 'Logement assuré',
      contains: 'Adresse, type de logement, surface, nombre de pièces, statut d’occupation.',
      purpose: 'Tarifer le risque et établir vos attestations.',
      legalBasis: LegalBasis.CONTRACT,
      recipients: ['Notre réassureur', 'Experts mandatés sur un sinistre'],
      retention: CONTRACT_RETENTION,
      erasure: CONTRACT_ERASURE,
      source: 'Vous, à la souscription et lors d’un déménagement',
    },
    quotes: {
      label: 'Devis de modification',
      contains: 'Les changements que vous avez demandé à chiffrer, et leur prix.',
      purpose: 'Vous proposer un avenant avant que vous ne l’acceptiez.',
      legalBasis: LegalBasis.CONTRACT,
      recipients: [],
      retention: '3 ans après le devis',
      source: 'Vous, depuis votre espace',
    },
    documents: {
      label: 'Documents émis',
      contains: 'Attestations, certificats, avenants et conditions générales tels qu’ils ont été émis (PDF).',
      purpose: 'Vous remettre les preuves de votre assurance et en garder la trace.',
      legalBasis: LegalBasis.LEGAL_OBLIGATION,
      recipients: ['Les tiers à qui vous présentez une attestation'],
      retention: CONTRACT_RETENTION,
      erasure: CONTRACT_ERASURE,
      source: 'Abri, à partir de votre contrat',
    },
  },
  models: {
    OutboxEvent: {
      id: no,
      topic: no,
      customerId: no,
      payload: 'contract',
      createdAt: no,
      publishedAt: no,
      traceparent: no,
    },
    Policy: {
      id: no,
      number: 'contract',
      customerId: no,
      holderName: 'contract',
      status: 'contract',
      startDate: 'contract',
      renewalDate: 'contract',
      annualPremiumCents: 'contract',
      currency: no,
      paymentFrequency: 'contract',
      version: no,
      deductibleCents: 'contract',
      options: 'contract',
      valuablesCents: 'contract',
      contentsCents: 'contract',
      endedAt: 'contract',
      createdAt: 'contract',
      updatedAt: no,
      retainUntil: no,
    },
    Dwelling: {
      id: no,
      policyId: no,
      addressLine: 'dwelling',
      postalCode: 'dwelling',
      city: 'dwelling',
      country: 'dwelling',
      type: 'dwelling',
      surfaceM2: 'dwelling',
      rooms: 'dwelling',
      occupancy: 'dwelling',
      residence: 'dwelling',
    },
    // The terms of the guarantees as sold: the same for everyone who chose them.
    Guarantee: {
      id: no,
      policyId: no,
      code: no,
      label: no,
      description: no,
      ceilingCents: no,
      deductibleCents: no,
      exclusions: no,
      mandatory: no,
    },
    PolicyVersion: {
      id: no,
      policyId: no,
      version: no,
      effectiveFrom: 'contract',
      annualPremiumCents: 'contract',
      snapshot: 'contract',
      reason: 'contract',
      createdAt: 'contract',
    },
    Quote: {
      id: no,
      policyId: no,
      customerId: no,
      proposal: 'quotes',
      changes: 'quotes',
      effectiveFrom: 'quotes',
      basedOnVersion: no,
      currentPremiumCents: 'quotes',
      newPremiumCents: 'quotes',
      proRataCents: 'quotes',
      lines: 'quotes',
      createdAt: 'quotes',
      expiresAt: 'quotes',
      appliedAt: 'quotes',
    },
    Document: {
      id: no,
      policyId: no,
      customerId: no,
      kind: 'documents',
      number: 'documents',
      title: 'documents',
      createdAt: 'documents',
      sizeBytes: no,
      content: 'documents',
    },
  },
});

/** Fields sealed at rest by the subgraph's Prisma extension (AES-256-GCM, platform/src/sealed/fields.ts). */
export const policiesSealedFields = {
  Policy: { holderName: 'text' },
  Dwelling: { addressLine: 'text', postalCode: 'text', city: 'text' },
  PolicyVersion: { snapshot: 'json', reason: 'text' },
  Quote: { proposal: 'json', changes: 'json' },
  Document: { content: 'bytes' },
} satisfies SealedFields;

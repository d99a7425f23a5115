// Personal-data register of the payments subgraph (see platform/src/privacy/register.ts): every field of
// schema.prisma, classified. A field added to the schema without a line here fails privacy-register.test.ts.
import { definePersonalDataRegister, LegalBasis, NOT_PERSONAL as no, type SealedFields } from '@abri/platform';

const ACCOUNTING_RETENTION = '10 ans (pièces comptables, Code de commerce)';
/** Accounting records: 10 years (article L123-22 of the Code de commerce). */
const ACCOUNTING_ERASURE = {
  keep: true,
  years: 10,
  after: 'recorded',
  reason: 'pièces comptables à conserver 10 ans (article L123-22 du Code de commerce).',
} as const;

export const paymentsRegister = definePersonalDataRegister({
  service: 'payments',
  title: 'Vos paiements',
  categories: {
    schedule: {
      label: 'Échéancier',
      contains: 'Les échéances de votre cotisation, leur montant et leur état.',
      purpose: 'Encaisser votre cotisation.',
      legalBasis: LegalBasis.CONTRACT,
      recipients: ['Votre banque et la nôtre'],
      retention: ACCOUNTING_RETENTION,
      erasure: ACCOUNTING_ERASURE,
      source: 'Abri, à partir de votre contrat',
    },
    payments: {
      label: 'Paiements et remboursements',
      contains: 'Les sommes payées ou refusées par la banque, avec le motif du refus, et les indemnités versées.',
      purpose: 'Tenir la comptabilité et suivre les impayés.',
      legalBasis: LegalBasis.LEGAL_OBLIGATION,
      recipients: ['Votre banque et la nôtre', 'Nos commissaires aux comptes'],
      retention: ACCOUNTING_RETENTION,
      erasure: ACCOUNTING_ERASURE,
      source: 'Les banques',
    },
    paymentMethods: {
      label: 'Moyens de paiement',
      contains:
        'IBAN (chiffré) et référence du mandat SEPA ; pour une carte, ses 4 derniers chiffres, sa marque et le jeton du prestataire de paiement (jamais le numéro).',
      purpose: 'Prélever votre cotisation et vous verser vos indemnités.',
      legalBasis: LegalBasis.CONTRACT,
      recipients: ['Votre banque et la nôtre', 'Notre prestataire de paiement par carte'],
      retention: '13 mois après le dernier paiement, puis le mandat 10 ans (preuve)',
      erasure: {
        keep: true,
        years: 10,
        after: 'recorded',
        reason: 'preuve des mandats de prélèvement SEPA et des paiements reçus (pièces comptables).',
      },
      source: 'Vous, depuis votre espace',
    },
    arrears: {
      label: 'Impayés',
      contains:
        'Les échéances rejetées et les étapes légales qui ont suivi (mise en demeure, suspension, résiliation).',
      purpose: 'Recouvrer les cotisations impayées comme le prévoit le Code des assurances.',
      legalBasis: LegalBasis.LEGAL_OBLIGATION,
      recipients: ['Votre banque et la nôtre'],
      retention: ACCOUNTING_RETENTION,
      erasure: ACCOUNTING_ERASURE,
      source: 'Les banques ; Abri',
    },
  },
  models: {
    OutboxEvent: {
      id: no,
      topic: no,
      customerId: no,
      payload: 'payments',
      createdAt: no,
      publishedAt: no,
      traceparent: no,
    },
    ScheduledPayment: {
      id: no,
      customerId: no,
      policyId: no,
      dueDate: 'schedule',
      amountCents: 'schedule',
      currency: no,
      status: 'schedule',
    },
    Payment: {
      id: no,
      customerId: no,
      policyId: no,
      amountCents: 'payments',
      currency: no,
      paidAt: 'payments',
      status: 'payments',
      reference: 'payments',
      rejectionCode: 'payments',
      paymentMethodId: no,
    },
    PaymentMethod: {
      id: no,
      customerId: no,
      kind: 'paymentMethods',
      isDefault: 'paymentMethods',
      cardBrand: 'paymentMethods',
      cardLast4: 'paymentMethods',
      cardExpiry: 'paymentMethods',
      pspToken: 'paymentMethods',
      ibanEncrypted: 'paymentMethods',
      ibanLast4: 'paymentMethods',
      holderName: 'paymentMethods',
      mandateReference: 'paymentMethods',
      mandateSignedOn: 'paymentMethods',
      createdAt: 'paymentMethods',
      removedAt: 'paymentMethods',
    },
    ProcessedEvent: { source: no, eventId: no, processedAt: no },
    // A copy of the contract's parties kept for the payment certificate (the policies register describes the contract).
    ContractParty: {
      policyId: no,
      customerId: no,
      number: 'schedule',
      holderName: 'schedule',
      address: 'schedule',
      startDate: 'schedule',
      annualPremiumCents: 'schedule',
      version: no,
      updatedAt: no,
    },
    Payout: {
      id: no,
      claimId: no,
      claimReference: 'payments',
      customerId: no,
      amountCents: 'payments',
      currency: no,
      paymentMethodId: no,
      recordedAt: 'payments',
    },
    Arrear: {
      id: no,
      scheduledPaymentId: no,
      customerId: no,
      policyId: no,
      dueDate: 'arrears',
      amountCents: 'arrears',
      rejectionCode: 'arrears',
      rejectedAt: 'arrears',
      noticeSentAt: 'arrears',
      suspendedAt: 'arrears',
      terminatedAt: 'arrears',
      paidAt: 'arrears',
      restoredAt: 'arrears',
      retryScheduledPaymentId: no,
    },
  },
});

/**
 * Fields sealed at rest by the subgraph's Prisma extension (AES-256-GCM, platform/src/sealed/fields.ts); IBANs are
 * sealed by the application itself (subgraphs/payments/src/sealed.ts).
 */
export const paymentsSealedFields = {
  PaymentMethod: { holderName: 'text' },
  ContractParty: { holderName: 'text', address: 'text' },
} satisfies SealedFields;

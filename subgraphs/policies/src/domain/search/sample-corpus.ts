// A standard contract's guarantees and documents, as the customer space would show them: the customer half of the
// evaluation corpus and of the tests. Labels and descriptions follow the policies seed.
import type { SearchPage } from '@abri/platform/kit';
import {
  type ContractFacts,
  contractDoc,
  type DocumentFacts,
  documentDoc,
  type GuaranteeFacts,
  guaranteeDoc,
  ownedPageDoc,
} from './customer-docs.ts';
import type { SearchDoc } from './index.ts';

const EUR = (euros: number) => euros * 100;

export const STANDARD_GUARANTEES: readonly GuaranteeFacts[] = [
  {
    code: 'FIRE',
    label: 'Incendie et explosion',
    description: 'Dommages causés par un incendie, une explosion ou la foudre.',
    ceilingCents: EUR(300_000),
    deductibleCents: EUR(150),
    exclusions: ['Dommages causés intentionnellement', 'Brûlures de fumeurs sans incendie'],
  },
  {
    code: 'WATER_DAMAGE',
    label: 'Dommages causés par l’eau',
    description: 'Fuites, ruptures de canalisations, débordements, infiltrations par la toiture.',
    ceilingCents: EUR(50_000),
    deductibleCents: EUR(150),
    exclusions: ['Défaut d’entretien connu et non réparé', 'Remontées par capillarité'],
  },
  {
    code: 'THEFT',
    label: 'Vol et vandalisme',
    description: 'Vol avec effraction ou violence, et détériorations commises à cette occasion.',
    ceilingCents: EUR(20_000),
    deductibleCents: EUR(200),
    exclusions: ['Vol sans effraction ni violence', 'Vol dans les parties communes'],
  },
  {
    code: 'GLASS_BREAKAGE',
    label: 'Bris de glace',
    description: 'Vitres, baies vitrées, vérandas et plaques vitrocéramiques.',
    ceilingCents: EUR(3_000),
    deductibleCents: 0,
    exclusions: ['Rayures et écaillures'],
  },
  {
    code: 'STORM',
    label: 'Tempête, grêle et poids de la neige',
    description: 'Garantie légale liée à l’incendie.',
    ceilingCents: EUR(300_000),
    deductibleCents: EUR(150),
    exclusions: ['Clôtures et portails non fixés'],
  },
  {
    code: 'NATURAL_DISASTER',
    label: 'Catastrophes naturelles',
    description:
      'Garantie légale, après publication d’un arrêté interministériel. Franchise légale : 380 €, 1 520 € pour la sécheresse.',
    ceilingCents: EUR(300_000),
    deductibleCents: EUR(380),
    exclusions: ['Événements sans arrêté de catastrophe naturelle'],
  },
  {
    code: 'TERRORISM',
    label: 'Attentats et actes de terrorisme',
    description: 'Garantie légale liée à l’incendie.',
    ceilingCents: EUR(300_000),
    deductibleCents: 0,
    exclusions: [],
  },
  {
    code: 'LIABILITY',
    label: 'Responsabilité civile vie privée',
    description: 'Dommages que vous causez à autrui et, locataire, au logement loué.',
    ceilingCents: EUR(4_500_000),
    deductibleCents: 0,
    exclusions: ['Dommages causés intentionnellement'],
  },
];

export const STANDARD_DOCUMENTS: readonly DocumentFacts[] = [
  {
    key: 'attestation',
    title: 'Attestation d’assurance habitation',
    description:
      'Attestation nominative pour votre logement, valable pour l’année en cours. Son QR code permet à votre bailleur ou à votre agence de vérifier qu’elle est authentique. Document n° ATT-2026-7K3Q9M2D du 5 janvier 2026, contrat n° HAB-48213.',
    target: '/documents/attestation',
  },
  {
    key: 'attestation-paiement-2025',
    title: 'Attestation de paiement 2025',
    description:
      'Attestation des cotisations payées en 2025, à remettre à un employeur ou à l’administration. Document n° PAY-2025-4XQ2.',
    target: '/payment-certificates/2025',
  },
  {
    key: 'certificat-garanties',
    title: 'Certificat de garanties',
    description: 'Liste des garanties souscrites avec leurs plafonds et leurs franchises, à la date du jour.',
    target: '/documents/certificat-garanties',
  },
  {
    key: 'avenant-1',
    title: 'Avenant n°1',
    description: 'Modification du contrat : ajout de la garantie Bris de glace et nouvelle cotisation annuelle.',
    target: '/documents/avenant-1',
  },
  {
    key: 'conditions-generales',
    title: 'Conditions générales',
    description:
      'Fonctionnement des garanties, exclusions communes, démarches en cas de sinistre et règles de résiliation du contrat habitation.',
    target: '/documents/conditions-generales',
  },
];

export const STANDARD_CONTRACT: ContractFacts = {
  id: 'contract-1',
  number: 'HAB-48213',
  status: 'ACTIVE',
  startDate: new Date('2022-03-01'),
  renewalDate: new Date('2027-03-01'),
  annualPremiumCents: EUR(312),
  paymentFrequency: 'MONTHLY',
  deductibleCents: EUR(150),
  options: ['VALUABLES', 'ASSISTANCE'],
  valuablesCents: EUR(8_000),
  dwelling: {
    addressLine: '14 rue des Tanneurs',
    postalCode: '69004',
    city: 'Lyon',
    type: 'APARTMENT',
    surfaceM2: 62,
    rooms: 3,
    occupancy: 'TENANT',
    residence: 'MAIN',
  },
};

// The claims and payments subgraphs' pages for the same customer, written as their builders write them
// (claims: domain/search-page.ts; payments: domain/search-pages.ts).
export const STANDARD_CLAIM_PAGES: readonly SearchPage[] = [
  {
    id: 'claim:water',
    title: 'Sinistre SIN-2026-004217 · Dégât des eaux',
    body: 'Sinistre SIN-2026-004217 : dégât des eaux survenu le 3 février 2026, déclaré le 4 février 2026. Statut : expert désigné, dossier en cours. Franchise appliquée : 150 €. Votre déclaration : Fuite du lave-linge, le parquet du salon a gonflé et le plafond du voisin du dessous est taché.',
    target: '/sinistres/water',
  },
  {
    id: 'claim:glass',
    title: 'Sinistre SIN-2025-001883 · Bris de glace',
    body: 'Sinistre SIN-2025-001883 : bris de glace survenu le 12 juin 2025, déclaré le 12 juin 2025. Statut : indemnité versée. Dommages évalués par l’expert : 640 €. Indemnité : 490 €. Franchise appliquée : 150 €. Votre déclaration : Baie vitrée du séjour fêlée par un ballon.',
    target: '/sinistres/glass',
  },
];

export const STANDARD_PAYMENT_PAGES: readonly SearchPage[] = [
  {
    id: 'payments:schedule',
    title: 'Prochaines échéances',
    body: 'Votre échéancier : 3 prélèvements à venir, le prochain le 5 mars 2026. 5 mars 2026 : 26 €. 5 avril 2026 : 26 €. 5 mai 2026 : 26 €.',
    target: '/paiements',
  },
  {
    id: 'arrear:1',
    title: 'Prélèvement refusé du 5 février 2026',
    body: 'L’échéance du 5 février 2026 de 26 € a été rejetée par votre banque le 9 février 2026. Motif AM04 : provision insuffisante. Impayé à régulariser : payer maintenant par carte, représenter le prélèvement ou changer de moyen de paiement.',
    target: '/paiements',
  },
  {
    id: 'payments:2026',
    title: 'Historique des paiements 2026',
    body: 'En 2026, 1 paiement de cotisation pour un total de 26 €. 5 février 2026 : 26 € refusé par la banque (référence PAY-2026-000212). 5 janvier 2026 : 26 € payé (référence PAY-2026-000101).',
    target: '/paiements',
  },
  {
    id: 'payments:2025',
    title: 'Historique des paiements 2025',
    body: 'En 2025, 12 paiements de cotisation pour un total de 300 €. 5 décembre 2025 : 25 € payé (référence PAY-2025-001212). 5 juin 2025 : 25 € payé (référence PAY-2025-000606). 5 janvier 2025 : 25 € payé (référence PAY-2025-000101).',
    target: '/paiements',
  },
];

/** The customer half of the evaluation corpus: a standard contract, its guarantees, documents, claims and payments. */
export function sampleCustomerDocs(): SearchDoc[] {
  return [
    contractDoc(STANDARD_CONTRACT, '/contrat'),
    ...STANDARD_GUARANTEES.map((g) => guaranteeDoc(g, `/contrat/garanties/${g.code}`)),
    ...STANDARD_DOCUMENTS.map(documentDoc),
    ...STANDARD_CLAIM_PAGES.map((p) => ownedPageDoc('CLAIM', p)),
    ...STANDARD_PAYMENT_PAGES.map((p) => ownedPageDoc('PAYMENT', p)),
  ];
}

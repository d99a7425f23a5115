// A standard contract's guarantees and documents, as the customer space would show them: the customer half of the
// evaluation corpus and of the tests. Labels and descriptions follow the policies seed.
import { type DocumentFacts, documentDoc, type GuaranteeFacts, guaranteeDoc } from './customer-docs.ts';
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
      'Attestation nominative pour votre logement, valable pour l’année en cours. Son QR code permet à votre bailleur ou à votre agence de vérifier qu’elle est authentique.',
    target: '/documents/attestation',
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

/** The customer half of the evaluation corpus: a standard contract's guarantees and documents. */
export function sampleCustomerDocs(): SearchDoc[] {
  return [
    ...STANDARD_GUARANTEES.map((g) => guaranteeDoc(g, `/contrat/garanties/${g.code}`)),
    ...STANDARD_DOCUMENTS.map(documentDoc),
  ];
}

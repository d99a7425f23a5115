// The covers of a contract as the customer reads them on the certificate: ceiling, deductible, exclusions, in plain
// French. Ceilings follow the home: contents grow with the rooms, and an owner's building with the surface.

import { eurosInText } from '@abri/platform/french';
import { type Coverage, type DwellingFacts, OPTION_CODES, OPTION_LABELS, OptionCode } from './catalogue.ts';
import { CAT_NAT_DEDUCTIBLE_CENTS, CAT_NAT_DROUGHT_DEDUCTIBLE_CENTS } from './legal.ts';
import { assertValid } from './validation.ts';

/** Codes of the covers; the first six are also the claim types. Option covers reuse the option code. */
export const GuaranteeCode = {
  FIRE: 'FIRE',
  WATER_DAMAGE: 'WATER_DAMAGE',
  THEFT: 'THEFT',
  GLASS_BREAKAGE: 'GLASS_BREAKAGE',
  STORM: 'STORM',
  NATURAL_DISASTER: 'NATURAL_DISASTER',
  TERRORISM: 'TERRORISM',
  LIABILITY: 'LIABILITY',
  ...OptionCode,
} as const;
export type GuaranteeCode = (typeof GuaranteeCode)[keyof typeof GuaranteeCode];

export interface GuaranteeTerms {
  code: string;
  label: string;
  description: string;
  /** Most paid per claim. */
  ceilingCents: number;
  deductibleCents: number;
  exclusions: string[];
  /** Legally bundled with fire cover (storm, natural disasters, terrorism): cannot be removed. */
  mandatory: boolean;
}

const EUR = (euros: number) => euros * 100;

/** Contents (mobilier) included in the base premium: a floor for a studio plus a share per main room. */
export const contentsCeilingCents = (d: Pick<DwellingFacts, 'rooms'>) => EUR(6_000) + EUR(4_000) * d.rooms;

/** The contents capital insured: the one the rooms include, or the declared one when it is higher. */
export const contentsCapitalCents = (d: Pick<DwellingFacts, 'rooms'>, c: Pick<Coverage, 'contentsCents'>) =>
  Math.max(contentsCeilingCents(d), c.contentsCents ?? 0);

/** An owner's building at rebuilding cost; for an apartment only the private parts (the co-ownership insures the rest). */
export const buildingCeilingCents = (d: DwellingFacts) =>
  d.occupancy === 'OWNER' ? d.surfaceM2 * (d.type === 'HOUSE' ? EUR(2_000) : EUR(800)) : 0;

const LIABILITY_CEILING_CENTS = EUR(4_500_000);

/** Every cover of the contract: the standard ones, the legal ones bundled with fire, then one per option. */
export function guaranteesFor(dwelling: DwellingFacts, coverage: Coverage): GuaranteeTerms[] {
  assertValid(dwelling, coverage);
  const d = dwelling;
  const contents = contentsCapitalCents(d, coverage);
  const building = buildingCeilingCents(d);
  const property = contents + building;
  // The chosen deductible is the one on the customer's own property. Liability has none (the victim is paid in full)
  // and neither have the service covers; the natural-disaster deductible is set by law.
  const own = coverage.deductibleCents;
  const tenant = d.occupancy === 'TENANT';
  const what = building > 0 ? `le bâtiment (jusqu’à ${eurosInText(building)}) et le mobilier` : 'le mobilier';
  const valuablesCovered = coverage.options.includes('VALUABLES');

  const standard: GuaranteeTerms[] = [
    {
      code: 'FIRE',
      label: 'Incendie et explosion',
      description: `Incendie, explosion, foudre et fumées : couvre ${what}.`,
      ceilingCents: property,
      deductibleCents: own,
      exclusions: [
        'Dommages causés intentionnellement par vous ou avec votre complicité',
        'Brûlures de fumeur ou d’appareil sans incendie',
      ],
      mandatory: false,
    },
    {
      code: 'WATER_DAMAGE',
      label: 'Dommages causés par l’eau',
      description: `Fuites, ruptures de canalisations, débordements et infiltrations par la toiture : couvre ${what}.`,
      ceilingCents: property,
      deductibleCents: own,
      exclusions: [
        'Défaut d’entretien connu et non réparé',
        'Remontées d’humidité par capillarité et condensation',
        'Frais de recherche de fuite au-delà de 1 000 €',
      ],
      mandatory: false,
    },
    {
      code: 'THEFT',
      label: 'Vol et vandalisme',
      description:
        'Vol avec effraction, escalade, violence ou fausses clés, et détériorations commises à cette occasion.',
      // Half the contents: a burglary rarely empties a home, and the ceiling keeps the premium for it low.
      ceilingCents: Math.round(contents / 2),
      deductibleCents: own,
      exclusions: [
        'Vol sans effraction ni violence, ou commis par un membre de votre famille',
        ...(d.type === 'APARTMENT' ? ['Vol dans les parties communes (caves, paliers, locaux à vélos)'] : []),
        ...(d.residence === 'SECONDARY' ? ['Vol pendant une inoccupation de plus de 90 jours consécutifs'] : []),
        ...(valuablesCovered ? [] : ['Bijoux et objets de valeur (couverts avec l’option Objets de valeur)']),
      ],
      mandatory: false,
    },
    {
      code: 'GLASS_BREAKAGE',
      label: 'Bris de glace',
      description: 'Vitres, baies vitrées, vérandas, miroirs fixés et plaques vitrocéramiques.',
      ceilingCents: d.type === 'HOUSE' ? EUR(5_000) : EUR(3_000),
      deductibleCents: own,
      exclusions: ['Rayures et écaillures', 'Vitrages en cours de pose ou de dépose'],
      mandatory: false,
    },
    {
      code: 'STORM',
      label: 'Tempête, grêle et poids de la neige',
      description: `Garantie obligatoirement liée à l’incendie (Code des assurances, art. L122-7) : couvre ${what}.`,
      ceilingCents: property,
      deductibleCents: own,
      exclusions: ['Clôtures, portails et antennes non fixés', 'Bâtiments en cours de construction non clos'],
      mandatory: true,
    },
    {
      code: 'NATURAL_DISASTER',
      label: 'Catastrophes naturelles',
      description:
        'Garantie légale (Code des assurances, art. L125-1) : dommages causés par un événement naturel reconnu par ' +
        `arrêté interministériel. Franchise légale : ${eurosInText(CAT_NAT_DEDUCTIBLE_CENTS)} par sinistre, ` +
        `${eurosInText(CAT_NAT_DROUGHT_DEDUCTIBLE_CENTS)} pour la sécheresse et la réhydratation des sols.`,
      ceilingCents: property,
      deductibleCents: CAT_NAT_DEDUCTIBLE_CENTS,
      exclusions: ['Événements sans arrêté de catastrophe naturelle publié au Journal officiel'],
      mandatory: true,
    },
    {
      code: 'TERRORISM',
      label: 'Attentats et actes de terrorisme',
      // L126-2: the same limits (ceiling and deductible) as the fire cover.
      description:
        'Garantie légale (Code des assurances, art. L126-2) : dommages matériels, dans les limites de l’incendie.',
      ceilingCents: property,
      deductibleCents: own,
      exclusions: ['Dommages corporels (indemnisés par le fonds de garantie des victimes)'],
      mandatory: true,
    },
    {
      code: 'LIABILITY',
      label: tenant ? 'Responsabilité civile locative et vie privée' : 'Responsabilité civile vie privée',
      description: tenant
        ? 'Dommages que vous causez à autrui, et au logement loué envers votre propriétaire (obligation du locataire).'
        : 'Dommages que vous, vos enfants ou vos animaux causez à autrui.',
      ceilingCents: LIABILITY_CEILING_CENTS,
      deductibleCents: 0,
      exclusions: ['Dommages causés intentionnellement', 'Dommages causés par un véhicule à moteur (assurance auto)'],
      mandatory: false,
    },
  ];
  const options = OPTION_CODES.filter((o) => coverage.options.includes(o));
  return [...standard, ...options.map((o) => optionTerms(o, d, coverage))];
}

function optionTerms(option: OptionCode, d: DwellingFacts, coverage: Coverage): GuaranteeTerms {
  const own = coverage.deductibleCents;
  const terms = (description: string, ceilingCents: number, deductibleCents: number, exclusions: string[]) => ({
    code: option,
    label: OPTION_LABELS[option],
    description,
    ceilingCents,
    deductibleCents,
    exclusions,
    mandatory: false,
  });
  switch (option) {
    case 'VALUABLES':
      return terms(
        'Bijoux, œuvres d’art, collections et objets précieux déclarés, contre le vol et les dommages au domicile.',
        coverage.valuablesCents,
        own,
        ['Objets laissés dans un véhicule', 'Bijoux portés hors du domicile', 'Disparition sans trace de vol'],
      );
    case 'SWIMMING_POOL':
      return terms('Bassin, liner, bâche, abri et équipements de filtration.', EUR(15_000), own, [
        'Dégâts du gel sur une piscine non hivernée',
        'Usure et défaut d’entretien du liner',
      ]);
    case 'GARDEN':
      return terms(
        'Arbres, arbustes, plantations et mobilier de jardin, y compris leur replantation.',
        EUR(5_000),
        own,
        ['Maladies, parasites et dégâts causés par les animaux', 'Gel et sécheresse hors catastrophe naturelle'],
      );
    case 'ASSISTANCE':
      return terms(
        'Serrurier, plombier ou électricien en urgence, 24 h/24 ; hébergement jusqu’à 5 nuits si le logement est inhabitable.',
        EUR(3_000),
        0,
        ['Interventions non organisées par notre service d’assistance'],
      );
    case 'SCHOOL_INSURANCE':
      return terms(
        'Accidents de vos enfants à l’école, sur le trajet et pendant les activités périscolaires.',
        EUR(50_000),
        0,
        ['Sports pratiqués en compétition'],
      );
    case 'NEW_FOR_OLD':
      return terms(
        'Mobilier et appareils de moins de 10 ans remboursés à leur valeur à neuf, sans déduction de vétusté.',
        contentsCapitalCents(d, coverage),
        own,
        ['Biens de plus de 10 ans', 'Linge et vêtements'],
      );
  }
}

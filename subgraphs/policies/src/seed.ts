// Demo contracts of CONTRACT.md. Runs only on an empty policies schema.
import { DEMO } from '@abri/platform';
import { issueAttestation, issueContractDocuments } from './app/documents.ts';
import type { PoliciesApp } from './context.ts';

/** The seed acts as staff would. */
const SEED = { sub: 'seed', sid: 'seed', roles: ['ADMIN' as const], exp: 0 };

export const policiesIsEmpty = async (app: PoliciesApp) => (await app.prisma.policy.count()) === 0;

const EUR = (euros: number) => euros * 100;

/** Covers of a standard contract, in plain French. */
const guarantees = (occupancy: 'OWNER' | 'TENANT') => [
  {
    code: 'FIRE',
    label: 'Incendie et explosion',
    description: 'Dommages causés par un incendie, une explosion ou la foudre.',
    ceilingCents: EUR(300_000),
    deductibleCents: EUR(150),
    exclusions: ['Dommages causés intentionnellement', 'Brûlures de fumeurs sans incendie'],
    mandatory: false,
  },
  {
    code: 'WATER_DAMAGE',
    label: 'Dommages causés par l’eau',
    description: 'Fuites, ruptures de canalisations, débordements, infiltrations par la toiture.',
    ceilingCents: EUR(50_000),
    deductibleCents: EUR(150),
    exclusions: ['Défaut d’entretien connu et non réparé', 'Remontées par capillarité'],
    mandatory: false,
  },
  {
    code: 'THEFT',
    label: 'Vol et vandalisme',
    description: 'Vol avec effraction ou violence, et détériorations commises à cette occasion.',
    ceilingCents: EUR(20_000),
    deductibleCents: EUR(200),
    exclusions: ['Vol sans effraction ni violence', 'Vol dans les parties communes'],
    mandatory: false,
  },
  {
    code: 'GLASS_BREAKAGE',
    label: 'Bris de glace',
    description: 'Vitres, baies vitrées, vérandas et plaques vitrocéramiques.',
    ceilingCents: EUR(3_000),
    deductibleCents: EUR(0),
    exclusions: ['Rayures et écaillures'],
    mandatory: false,
  },
  {
    code: 'STORM',
    label: 'Tempête, grêle et poids de la neige',
    description: 'Garantie légale liée à l’incendie.',
    ceilingCents: EUR(300_000),
    deductibleCents: EUR(150),
    exclusions: ['Clôtures et portails non fixés'],
    mandatory: true,
  },
  {
    code: 'NATURAL_DISASTER',
    label: 'Catastrophes naturelles',
    description:
      'Garantie légale, après publication d’un arrêté interministériel. Franchise légale : 380 €, 1 520 € pour la sécheresse.',
    ceilingCents: EUR(300_000),
    deductibleCents: EUR(380),
    exclusions: ['Événements sans arrêté de catastrophe naturelle'],
    mandatory: true,
  },
  {
    code: 'TERRORISM',
    label: 'Attentats et actes de terrorisme',
    description: 'Garantie légale liée à l’incendie.',
    ceilingCents: EUR(300_000),
    deductibleCents: EUR(0),
    exclusions: [],
    mandatory: true,
  },
  {
    code: 'LIABILITY',
    label: occupancy === 'TENANT' ? 'Responsabilité civile locative et vie privée' : 'Responsabilité civile vie privée',
    description: 'Dommages que vous causez à autrui et, locataire, au logement loué.',
    ceilingCents: EUR(4_500_000),
    deductibleCents: EUR(0),
    exclusions: ['Dommages causés intentionnellement'],
    mandatory: false,
  },
];

export async function seedPolicies(app: PoliciesApp): Promise<void> {
  const contracts = [
    {
      ...DEMO.camille,
      holder: 'Camille Martin',
      premium: 38_640,
      dwelling: {
        addressLine: '12 rue des Lilas',
        postalCode: '69003',
        city: 'Lyon',
        type: 'APARTMENT',
        surfaceM2: 68,
        rooms: 3,
        occupancy: 'TENANT',
        residence: 'MAIN',
      },
      start: '2019-03-01',
    },
    {
      ...DEMO.louis,
      holder: 'Louis Bernard',
      premium: 61_200,
      dwelling: {
        addressLine: '4 chemin du Moulin',
        postalCode: '44300',
        city: 'Nantes',
        type: 'HOUSE',
        surfaceM2: 112,
        rooms: 5,
        occupancy: 'OWNER',
        residence: 'MAIN',
      },
      start: '2021-09-15',
    },
  ] as const;
  for (const c of contracts) {
    const start = new Date(`${c.start}T00:00:00Z`);
    const renewal = new Date(Date.UTC(2027, start.getUTCMonth(), start.getUTCDate()));
    await app.prisma.policy.create({
      data: {
        id: c.policyId,
        number: c.contractNumber,
        customerId: c.customerId,
        holderName: c.holder,
        startDate: start,
        renewalDate: renewal,
        annualPremiumCents: c.premium,
        paymentFrequency: 'MONTHLY',
        dwelling: { create: { ...c.dwelling } },
        guarantees: { create: guarantees(c.dwelling.occupancy) },
      },
    });
    await issueContractDocuments(app, c.policyId);
    await issueAttestation(app, c.policyId, SEED);
  }
}

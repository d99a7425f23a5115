// Demo contracts of CONTRACT.md, priced by the pricing engine, with their documents. Runs only on an empty schema.
import { DEMO } from '@abri/platform';
import { issueAttestation } from './app/documents.ts';
import { registerContract } from './app/subscription.ts';
import type { PoliciesApp } from './context.ts';
import { type Coverage, type DwellingFacts, OptionCode } from './domain/pricing.ts';

/** The seed acts as staff would. */
const SEED = { sub: 'seed', sid: 'seed', roles: ['ADMIN' as const], exp: 0 };

export const policiesIsEmpty = async (app: PoliciesApp) => (await app.prisma.policy.count()) === 0;

interface DemoContract {
  policyId: string;
  customerId: string;
  contractNumber: string;
  holder: string;
  address: { addressLine: string; city: string };
  dwelling: DwellingFacts;
  coverage: Coverage;
  start: string;
}

const CONTRACTS: DemoContract[] = [
  {
    ...DEMO.camille,
    holder: 'Camille Martin',
    address: { addressLine: '12 rue des Lilas', city: 'Lyon' },
    dwelling: {
      type: 'APARTMENT',
      surfaceM2: 68,
      rooms: 3,
      postalCode: '69003',
      occupancy: 'TENANT',
      residence: 'MAIN',
    },
    coverage: { options: [OptionCode.ASSISTANCE], valuablesCents: 0, deductibleCents: 15_000 },
    start: DEMO.camille.contractStart,
  },
  {
    ...DEMO.louis,
    holder: 'Louis Bernard',
    address: { addressLine: '4 chemin du Moulin', city: 'Nantes' },
    dwelling: { type: 'HOUSE', surfaceM2: 112, rooms: 5, postalCode: '44300', occupancy: 'OWNER', residence: 'MAIN' },
    coverage: { options: [OptionCode.GARDEN, OptionCode.ASSISTANCE], valuablesCents: 0, deductibleCents: 30_000 },
    start: DEMO.louis.contractStart,
  },
];

export async function seedPolicies(app: PoliciesApp, now: Date): Promise<void> {
  for (const c of CONTRACTS) {
    await registerContract(app, { ...c, start: new Date(`${c.start}T00:00:00Z`) }, now);
    await issueAttestation(app, c.policyId, SEED);
  }
}

// Demo contracts of CONTRACT.md, priced by the pricing engine, with their documents. Runs only on an empty schema.
import { DEMO } from '@abri/platform';
import type { Prisma } from '../../../prisma/policies/generated/prisma/client.ts';
import { issueAttestation, issueContractDocuments } from './app/documents.ts';
import { announceTerms } from './app/terms-event.ts';
import type { PoliciesApp } from './context.ts';
import { type Coverage, type DwellingFacts, guaranteesFor, OptionCode, priceOf } from './domain/pricing.ts';

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
    start: '2019-03-01',
  },
  {
    ...DEMO.louis,
    holder: 'Louis Bernard',
    address: { addressLine: '4 chemin du Moulin', city: 'Nantes' },
    dwelling: { type: 'HOUSE', surfaceM2: 112, rooms: 5, postalCode: '44300', occupancy: 'OWNER', residence: 'MAIN' },
    coverage: { options: [OptionCode.GARDEN, OptionCode.ASSISTANCE], valuablesCents: 0, deductibleCents: 30_000 },
    start: '2021-09-15',
  },
];

export async function seedPolicies(app: PoliciesApp, now: Date): Promise<void> {
  for (const c of CONTRACTS) {
    const start = new Date(`${c.start}T00:00:00Z`);
    // Next anniversary after today.
    let renewal = new Date(Date.UTC(now.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
    if (renewal <= now) renewal = new Date(Date.UTC(now.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate()));
    const price = priceOf(c.dwelling, c.coverage);
    await app.prisma.policy.create({
      data: {
        id: c.policyId,
        number: c.contractNumber,
        customerId: c.customerId,
        holderName: c.holder,
        startDate: start,
        renewalDate: renewal,
        annualPremiumCents: price.annualPremiumCents,
        paymentFrequency: 'MONTHLY',
        options: c.coverage.options,
        valuablesCents: c.coverage.valuablesCents,
        deductibleCents: c.coverage.deductibleCents,
        dwelling: { create: { ...c.dwelling, ...c.address } },
        guarantees: { create: guaranteesFor(c.dwelling, c.coverage) },
        versions: {
          create: {
            version: 1,
            effectiveFrom: start,
            annualPremiumCents: price.annualPremiumCents,
            snapshot: {
              dwelling: c.dwelling,
              coverage: c.coverage,
              address: c.address,
              lines: price.lines,
            } as unknown as Prisma.InputJsonValue,
            reason: 'Souscription',
          },
        },
      },
    });
    await app.prisma.$transaction((tx) => announceTerms(app, tx, c.policyId));
    await issueContractDocuments(app, c.policyId);
    await issueAttestation(app, c.policyId, SEED);
  }
}

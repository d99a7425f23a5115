// Contracts and generators shared by the pricing tests. Not a test file: vitest only picks up *.test.ts.

import fc from 'fast-check';
import {
  type Coverage,
  DEDUCTIBLE_CHOICES_CENTS,
  type DwellingFacts,
  OPTION_CODES,
  type OptionCode,
  type Price,
} from '../src/domain/pricing.ts';

export interface Contract {
  dwelling: DwellingFacts;
  coverage: Coverage;
}

export const NO_OPTIONS: Coverage = { options: [], valuablesCents: 0, deductibleCents: 15_000 };

/** Camille's demo contract: a tenant's 3-room flat in Lyon. */
export const CAMILLE: Contract = {
  dwelling: {
    type: 'APARTMENT',
    surfaceM2: 68,
    rooms: 3,
    postalCode: '69003',
    occupancy: 'TENANT',
    residence: 'MAIN',
  },
  coverage: NO_OPTIONS,
};

/** Louis's demo contract: an owner's 5-room house near Nantes. */
export const LOUIS: Contract = {
  dwelling: {
    type: 'HOUSE',
    surfaceM2: 112,
    rooms: 5,
    postalCode: '44300',
    occupancy: 'OWNER',
    residence: 'MAIN',
  },
  coverage: NO_OPTIONS,
};

export const variant = (c: Contract, dwelling: Partial<DwellingFacts>, coverage: Partial<Coverage> = {}): Contract => ({
  dwelling: { ...c.dwelling, ...dwelling },
  coverage: { ...c.coverage, ...coverage },
});

export const LEVY_CODES = ['CAT_NAT', 'TAX', 'ATTENTATS'];
/** Lines that bear the cat-nat surcharge: the customer's own property. */
export const PROPERTY_CODES = [
  'BASE',
  'BUILDING',
  'ZONE',
  'SECOND_HOME',
  'DEDUCTIBLE',
  'OPTION_VALUABLES',
  'OPTION_SWIMMING_POOL',
  'OPTION_GARDEN',
  'OPTION_NEW_FOR_OLD',
];

export const amountOf = (price: Price, code: string) => price.lines.find((l) => l.code === code)?.amountCents ?? 0;
export const sumOf = (price: Price, keep: (code: string) => boolean) =>
  price.lines.filter((l) => keep(l.code)).reduce((total, l) => total + l.amountCents, 0);
/** The insurer's own premium: every line but the legal surcharge, tax and contribution. */
export const beforeLevies = (price: Price) => sumOf(price, (code) => !LEVY_CODES.includes(code));
export const propertyPart = (price: Price) => sumOf(price, (code) => PROPERTY_CODES.includes(code));

const departement = fc.oneof(
  fc.integer({ min: 1, max: 95 }).map((n) => n.toString().padStart(2, '0')),
  fc.constantFrom('2A', '2B', '971', '972', '973', '974', '976'),
);
export const postalCodeArb = departement.chain((d) =>
  fc.integer({ min: 0, max: 10 ** (5 - d.length) - 1 }).map((n) => d + n.toString().padStart(5 - d.length, '0')),
);

/** Any contract validateChange accepts. */
export const contractArb: fc.Arbitrary<Contract> = fc
  .record({
    type: fc.constantFrom('HOUSE' as const, 'APARTMENT' as const),
    surfaceM2: fc.integer({ min: 9, max: 1_000 }),
    postalCode: postalCodeArb,
    occupancy: fc.constantFrom('OWNER' as const, 'TENANT' as const),
    residence: fc.constantFrom('MAIN' as const, 'SECONDARY' as const),
    options: fc.subarray([...OPTION_CODES]),
    valuablesCents: fc.integer({ min: 1, max: 20_000_000 }),
    deductibleCents: fc.constantFrom(...DEDUCTIBLE_CHOICES_CENTS),
  })
  .chain((r) =>
    fc.integer({ min: 1, max: Math.min(30, Math.floor(r.surfaceM2 / 9)) }).map((rooms) => {
      const houseOnly: readonly OptionCode[] = ['SWIMMING_POOL', 'GARDEN'];
      const options = r.options.filter((o) => r.type === 'HOUSE' || !houseOnly.includes(o));
      return {
        dwelling: {
          type: r.type,
          surfaceM2: r.surfaceM2,
          rooms,
          postalCode: r.postalCode,
          occupancy: r.occupancy,
          residence: r.residence,
        },
        coverage: {
          options,
          valuablesCents: options.includes('VALUABLES') ? r.valuablesCents : 0,
          deductibleCents: r.deductibleCents,
        },
      };
    }),
  );

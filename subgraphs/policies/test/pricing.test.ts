import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTENTATS_CONTRIBUTION_CENTS, DEDUCTIBLE_CHOICES_CENTS, priceOf } from '../src/domain/pricing.ts';
import {
  amountOf,
  beforeLevies,
  CAMILLE,
  type Contract,
  contractArb,
  LOUIS,
  NO_OPTIONS,
  propertyPart,
  variant,
} from './pricing-fixtures.ts';

const price = (c: Contract) => priceOf(c.dwelling, c.coverage);

// The rates are repeated here on purpose: each row pins one factor of the tariff, so changing a rate has to be a
// deliberate edit in tariff.ts and here. Reference: Camille's flat moved to zone 2, where no zone line applies.
const REF = variant(CAMILLE, { postalCode: '44000' });
const WITH_VALUABLES = variant(REF, {}, { options: ['VALUABLES'], valuablesCents: 1_000_000 });
const BASE_REF = 17_520; // 6 000 + 68 × 90 + 3 × 1 800

interface FactorRow {
  behaviour: string;
  from: Contract;
  to: Contract;
  /** Change of the lines that cover the customer's property (they bear the 20 % cat-nat surcharge). */
  property: number;
  /** Change of the other lines before levies (liability, assistance, school insurance). */
  other: number;
}

const FACTORS: FactorRow[] = [
  {
    behaviour: 'a house costs 49,60 € more than a flat of the same size',
    from: REF,
    to: variant(REF, { type: 'HOUSE' }),
    property: 4_960,
    other: 0,
  },
  {
    behaviour: 'ten more m² cost 0,90 € each for the home and 0,50 € for the tenant’s liability',
    from: REF,
    to: variant(REF, { surfaceM2: 78 }),
    property: 900,
    other: 500,
  },
  { behaviour: 'one more main room costs 18 €', from: REF, to: variant(REF, { rooms: 4 }), property: 1_800, other: 0 },
  {
    behaviour: 'zone 1 takes 10 % off the home',
    from: REF,
    to: variant(REF, { postalCode: '23000' }),
    property: -1_752,
    other: 0,
  },
  {
    behaviour: 'zone 3 adds 15 % to the home',
    from: REF,
    to: variant(REF, { postalCode: '69003' }),
    property: 2_628,
    other: 0,
  },
  {
    behaviour: 'zone 4 adds 35 % to the home',
    from: REF,
    to: variant(REF, { postalCode: '75011' }),
    property: 6_132,
    other: 0,
  },
  {
    behaviour: 'an owner insures the building (0,60 €/m² for a flat) instead of the tenant’s liability (0,50 €/m²)',
    from: REF,
    to: variant(REF, { occupancy: 'OWNER' }),
    property: 4_080,
    other: -3_400,
  },
  {
    behaviour: 'a second home adds 20 % to the home',
    from: REF,
    to: variant(REF, { residence: 'SECONDARY' }),
    property: 3_504,
    other: 0,
  },
  {
    behaviour: 'valuables cost 1,2 % of their declared value',
    from: REF,
    to: WITH_VALUABLES,
    property: 12_000,
    other: 0,
  },
  {
    behaviour: 'doubling the declared valuables doubles their price',
    from: WITH_VALUABLES,
    to: variant(WITH_VALUABLES, {}, { valuablesCents: 2_000_000 }),
    property: 12_000,
    other: 0,
  },
  {
    behaviour: 'the swimming-pool option costs 35 €',
    from: LOUIS,
    to: variant(LOUIS, {}, { options: ['SWIMMING_POOL'] }),
    property: 3_500,
    other: 0,
  },
  {
    behaviour: 'the garden option costs 25 €',
    from: LOUIS,
    to: variant(LOUIS, {}, { options: ['GARDEN'] }),
    property: 2_500,
    other: 0,
  },
  {
    behaviour: 'the assistance option costs 24 €',
    from: REF,
    to: variant(REF, {}, { options: ['ASSISTANCE'] }),
    property: 0,
    other: 2_400,
  },
  {
    behaviour: 'the school-insurance option costs 12 €',
    from: REF,
    to: variant(REF, {}, { options: ['SCHOOL_INSURANCE'] }),
    property: 0,
    other: 1_200,
  },
  {
    behaviour: 'the new-for-old option costs 15 % of the base',
    from: REF,
    to: variant(REF, {}, { options: ['NEW_FOR_OLD'] }),
    property: 2_628,
    other: 0,
  },
  {
    behaviour: 'a 300 € deductible takes 10 % off the property premium',
    from: REF,
    to: variant(REF, {}, { deductibleCents: 30_000 }),
    property: -1_752,
    other: 0,
  },
  {
    behaviour: 'a 500 € deductible takes 18 % off the property premium',
    from: REF,
    to: variant(REF, {}, { deductibleCents: 50_000 }),
    property: -3_154,
    other: 0,
  },
  {
    behaviour: 'a 500 € deductible is cheaper than a 300 € one',
    from: variant(REF, {}, { deductibleCents: 30_000 }),
    to: variant(REF, {}, { deductibleCents: 50_000 }),
    property: -1_402,
    other: 0,
  },
];

describe('priceOf', () => {
  it('starts the reference flat from 6 000 + 68 m² × 90 + 3 rooms × 1 800 cents', () => {
    expect(amountOf(price(REF), 'BASE')).toBe(BASE_REF);
  });

  it.each(FACTORS)('$behaviour', ({ from, to, property, other }) => {
    const [before, after] = [price(from), price(to)];
    expect(propertyPart(after) - propertyPart(before)).toBe(property);
    expect(beforeLevies(after) - beforeLevies(before)).toBe(property + other);
    // Through the levies: property bears the 20 % cat-nat surcharge, everything the 9 % tax; rounding costs ≤ 2 cents.
    const total = after.annualPremiumCents - before.annualPremiumCents;
    expect(Math.sign(total)).toBe(Math.sign(property + other));
    expect(Math.abs(total - (property * 1.2 + other) * 1.09)).toBeLessThanOrEqual(2);
  });

  it('prices Camille’s flat in Lyon at 326,72 € a year, line by line', () => {
    expect(price(CAMILLE)).toEqual({
      annualPremiumCents: 32_672,
      lines: [
        { code: 'BASE', label: 'Base logement (appartement, 68 m², 3 pièces)', amountCents: 17_520 },
        { code: 'TENANT_LIABILITY', label: 'Responsabilité locative (locataire)', amountCents: 3_400 },
        { code: 'LIABILITY', label: 'Responsabilité civile vie privée', amountCents: 1_800 },
        { code: 'ZONE', label: 'Zone 3 : risque élevé (+15\u00a0% sur le logement)', amountCents: 2_628 },
        { code: 'CAT_NAT', label: expect.stringContaining('catastrophes naturelles'), amountCents: 4_030 },
        { code: 'TAX', label: expect.stringContaining('Taxe'), amountCents: 2_644 },
        { code: 'ATTENTATS', label: expect.stringContaining('attentats'), amountCents: 650 },
      ],
    });
  });

  it('prices Louis’s house near Nantes at 655,53 € a year, building included', () => {
    const louis = price(LOUIS);
    expect(louis.annualPremiumCents).toBe(65_553);
    expect(louis.lines.map((l) => [l.code, l.amountCents])).toEqual([
      ['BASE', 31_320],
      ['BUILDING', 16_800],
      ['LIABILITY', 1_800],
      ['CAT_NAT', 9_624],
      ['TAX', 5_359],
      ['ATTENTATS', 650],
    ]);
  });

  it('lands typical contracts in the usual French range (flat 150–400 €, house 400–800 €)', () => {
    expect(price(CAMILLE).annualPremiumCents).toBeGreaterThanOrEqual(15_000);
    expect(price(CAMILLE).annualPremiumCents).toBeLessThanOrEqual(40_000);
    expect(price(LOUIS).annualPremiumCents).toBeGreaterThanOrEqual(40_000);
    expect(price(LOUIS).annualPremiumCents).toBeLessThanOrEqual(80_000);
  });

  it('lists options in catalogue order whatever order they were chosen in', () => {
    const a = price(variant(LOUIS, {}, { options: ['NEW_FOR_OLD', 'GARDEN', 'ASSISTANCE'] }));
    const b = price(variant(LOUIS, {}, { options: ['ASSISTANCE', 'NEW_FOR_OLD', 'GARDEN'] }));
    expect(a).toEqual(b);
    expect(a.lines.filter((l) => l.code.startsWith('OPTION_')).map((l) => l.code)).toEqual([
      'OPTION_GARDEN',
      'OPTION_ASSISTANCE',
      'OPTION_NEW_FOR_OLD',
    ]);
  });

  it('refuses to price a contract validateChange rejects', () => {
    expect(() => priceOf({ ...CAMILLE.dwelling, surfaceM2: 5 }, NO_OPTIONS)).toThrow(RangeError);
    expect(() => priceOf(CAMILLE.dwelling, { ...NO_OPTIONS, deductibleCents: 1 })).toThrow(/coverage.deductibleCents/);
  });

  it('makes the lines add up to the premium, in whole positive cents, for any valid contract', () => {
    fc.assert(
      fc.property(contractArb, (c) => {
        const p = price(c);
        expect(p.lines.reduce((total, l) => total + l.amountCents, 0)).toBe(p.annualPremiumCents);
        expect(p.annualPremiumCents).toBeGreaterThan(0);
        for (const line of p.lines) {
          expect(Number.isSafeInteger(line.amountCents)).toBe(true);
          expect(line.label).not.toBe('');
        }
      }),
    );
  });

  it('adds 20 % cat-nat on the property lines, then 9 % tax on all, then the flat contribution', () => {
    fc.assert(
      fc.property(contractArb, (c) => {
        const p = price(c);
        const catNat = amountOf(p, 'CAT_NAT');
        expect(catNat).toBe(Math.round((propertyPart(p) * 2_000) / 10_000));
        expect(amountOf(p, 'TAX')).toBe(Math.round(((beforeLevies(p) + catNat) * 900) / 10_000));
        expect(amountOf(p, 'ATTENTATS')).toBe(ATTENTATS_CONTRIBUTION_CENTS);
      }),
    );
  });

  it('never charges less for more surface, nor more for a higher deductible', () => {
    fc.assert(
      fc.property(contractArb, (c) => {
        const p = price(c).annualPremiumCents;
        if (c.dwelling.surfaceM2 < 1_000) {
          expect(price(variant(c, { surfaceM2: c.dwelling.surfaceM2 + 1 })).annualPremiumCents).toBeGreaterThan(p);
        }
        const higher = DEDUCTIBLE_CHOICES_CENTS.filter((d) => d > c.coverage.deductibleCents);
        for (const deductibleCents of higher) {
          expect(price(variant(c, {}, { deductibleCents })).annualPremiumCents).toBeLessThan(p);
        }
      }),
    );
  });
});

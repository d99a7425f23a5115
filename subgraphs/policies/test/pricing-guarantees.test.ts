import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAT_NAT_DEDUCTIBLE_CENTS,
  DEDUCTIBLE_CHOICES_CENTS,
  guaranteesFor,
  OPTION_CODES,
  zoneOf,
} from '../src/domain/pricing.ts';
import { CAMILLE, type Contract, contractArb, LOUIS, variant } from './pricing-fixtures.ts';

describe('zoneOf', () => {
  it.each<[string, 1 | 2 | 3 | 4, string]>([
    ['69003', 3, 'Lyon'],
    ['75011', 4, 'Paris'],
    ['93200', 4, 'Seine-Saint-Denis'],
    ['13001', 4, 'Marseille'],
    ['44300', 2, 'Nantes'],
    ['23000', 1, 'Guéret'],
    ['01000', 2, 'Bourg-en-Bresse, leading zero'],
    ['20000', 3, 'Ajaccio, Corsica as a postal code'],
    ['20200', 3, 'Bastia, Haute-Corse'],
    ['2A004', 3, 'Ajaccio, Corsica as 2A'],
    ['2B033', 3, 'Bastia, Corsica as 2B'],
    ['97400', 4, 'Saint-Denis de La Réunion'],
    ['97200', 4, 'Fort-de-France'],
    ['97600', 4, 'Mamoudzou'],
  ])('puts %s in zone %i (%s)', (postalCode, zone) => {
    expect(zoneOf(postalCode)).toEqual({ zone, label: expect.stringMatching(new RegExp(`^Zone ${zone} : risque`)) });
  });

  it.each(['00100', '96000', '97500', '98000', '99000', '6900', '690031', 'ABCDE', '2C000', ''])(
    'throws RangeError on %j, which is no insurable French postal code',
    (postalCode) => {
      expect(() => zoneOf(postalCode)).toThrow(RangeError);
    },
  );
});

describe('guaranteesFor', () => {
  const codes = (c: Contract) => guaranteesFor(c.dwelling, c.coverage).map((g) => g.code);
  const terms = (c: Contract, code: string) => {
    const found = guaranteesFor(c.dwelling, c.coverage).find((g) => g.code === code);
    if (!found) throw new Error(`no ${code} guarantee`);
    return found;
  };

  it('always includes the standard covers and one for each claim type', () => {
    for (const c of [CAMILLE, LOUIS]) {
      expect(codes(c)).toEqual(
        expect.arrayContaining(['FIRE', 'WATER_DAMAGE', 'THEFT', 'GLASS_BREAKAGE', 'LIABILITY']),
      );
      // The claims subgraph's ClaimType values.
      const claimTypes = ['WATER_DAMAGE', 'FIRE', 'THEFT', 'GLASS_BREAKAGE', 'STORM', 'NATURAL_DISASTER'];
      expect(codes(c)).toEqual(expect.arrayContaining(claimTypes));
    }
  });

  it('bundles storm, natural disasters and terrorism with fire as mandatory covers', () => {
    const mandatory = guaranteesFor(LOUIS.dwelling, LOUIS.coverage).filter((g) => g.mandatory);
    expect(mandatory.map((g) => g.code)).toEqual(['STORM', 'NATURAL_DISASTER', 'TERRORISM']);
  });

  it('keeps the legal 380 € natural-disaster deductible, and says 1 520 € for drought, whatever deductible is chosen', () => {
    for (const deductibleCents of DEDUCTIBLE_CHOICES_CENTS) {
      const natCat = terms(variant(LOUIS, {}, { deductibleCents }), 'NATURAL_DISASTER');
      expect(natCat.deductibleCents).toBe(CAT_NAT_DEDUCTIBLE_CENTS);
      expect(natCat.deductibleCents).toBe(38_000);
      expect(natCat.description).toMatch(/380\s€/);
      expect(natCat.description).toMatch(/1\s520\s€.*sécheresse/);
    }
  });

  it('applies the chosen deductible to the property covers and none to liability', () => {
    const c = variant(LOUIS, {}, { deductibleCents: 50_000 });
    for (const code of ['FIRE', 'WATER_DAMAGE', 'THEFT', 'GLASS_BREAKAGE', 'STORM', 'TERRORISM']) {
      expect(terms(c, code).deductibleCents).toBe(50_000);
    }
    expect(terms(c, 'LIABILITY').deductibleCents).toBe(0);
  });

  it('raises the contents ceiling by 4 000 € per room and adds the building for an owner', () => {
    const flat = terms(CAMILLE, 'FIRE').ceilingCents;
    expect(flat).toBe(1_800_000);
    expect(terms(variant(CAMILLE, { rooms: 4 }), 'FIRE').ceilingCents - flat).toBe(400_000);
    expect(terms(LOUIS, 'FIRE').ceilingCents).toBe(2_600_000 + 112 * 200_000);
  });

  it('covers declared valuables up to their value, and excludes them from theft without the option', () => {
    const c = variant(CAMILLE, {}, { options: ['VALUABLES'], valuablesCents: 1_234_500 });
    expect(terms(c, 'VALUABLES').ceilingCents).toBe(1_234_500);
    expect(terms(CAMILLE, 'THEFT').exclusions.join(' ')).toMatch(/objets de valeur/i);
    expect(terms(c, 'THEFT').exclusions.join(' ')).not.toMatch(/objets de valeur/i);
  });

  it('adds one cover per chosen option and none otherwise', () => {
    expect(codes(LOUIS).filter((code) => (OPTION_CODES as readonly string[]).includes(code))).toEqual([]);
    const all = variant(LOUIS, {}, { options: [...OPTION_CODES], valuablesCents: 500_000 });
    expect(codes(all).slice(-OPTION_CODES.length)).toEqual([...OPTION_CODES]);
  });

  it('warns a second home about long absences in the theft exclusions', () => {
    const exclusions = terms(variant(LOUIS, { residence: 'SECONDARY' }), 'THEFT').exclusions.join(' ');
    expect(exclusions).toMatch(/inoccupation/);
    expect(terms(LOUIS, 'THEFT').exclusions.join(' ')).not.toMatch(/inoccupation/);
  });

  it('states every cover in French with exclusions and an integer ceiling', () => {
    fc.assert(
      fc.property(contractArb, (c) => {
        for (const g of guaranteesFor(c.dwelling, c.coverage)) {
          expect(g.label).not.toBe('');
          expect(g.description).not.toBe('');
          expect(g.exclusions.length).toBeGreaterThan(0);
          expect(Number.isSafeInteger(g.ceilingCents) && g.ceilingCents > 0).toBe(true);
          // Ceilings are stored in a 32-bit Int column.
          expect(g.ceilingCents).toBeLessThanOrEqual(2 ** 31 - 1);
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applicableDeductible,
  CAT_NAT_DEDUCTIBLE_CENTS,
  CAT_NAT_DROUGHT_DEDUCTIBLE_CENTS,
  computeIndemnity,
} from '../src/domain/indemnity.ts';

const terms = { ceilingCents: 1_800_000, deductibleCents: 15_000 };

describe('indemnity', () => {
  it.each([
    [250_000, 235_000],
    [15_000, 0],
    [10_000, 0],
    [2_000_000, 1_785_000],
    [0, 0],
  ])('pays %i cents of damage as %i cents (ceiling 18 000 €, deductible 150 €)', (damage, expected) => {
    expect(computeIndemnity(damage, terms)).toBe(expected);
  });

  it('applies the legal deductible to natural disasters, and 1 520 € for drought', () => {
    expect(applicableDeductible('NATURAL_DISASTER', terms, 'FLOOD')).toBe(CAT_NAT_DEDUCTIBLE_CENTS);
    expect(applicableDeductible('NATURAL_DISASTER', terms, 'DROUGHT_SUBSIDENCE')).toBe(
      CAT_NAT_DROUGHT_DEDUCTIBLE_CENTS,
    );
    expect(applicableDeductible('WATER_DAMAGE', terms, 'DROUGHT_SUBSIDENCE')).toBe(15_000);
    expect(computeIndemnity(500_000, terms, CAT_NAT_DEDUCTIBLE_CENTS)).toBe(462_000);
  });

  it('refuses a negative or fractional assessment', () => {
    expect(() => computeIndemnity(-1, terms)).toThrow(RangeError);
    expect(() => computeIndemnity(10.5, terms)).toThrow(RangeError);
  });

  it('never pays more than the ceiling, nor less than zero, nor more than the damage', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(5_000_000), fc.nat(200_000), (damage, ceiling, deductible) => {
        const paid = computeIndemnity(damage, { ceilingCents: ceiling, deductibleCents: deductible });
        expect(paid).toBeGreaterThanOrEqual(0);
        expect(paid).toBeLessThanOrEqual(Math.min(damage, ceiling));
      }),
    );
  });
});

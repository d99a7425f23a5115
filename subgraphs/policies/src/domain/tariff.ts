// Abri's own rates (what an actuary would set; illustrative, tuned so that a typical French contract lands in the
// usual 150–800 € a year). Amounts in cents, rates in basis points. Legal amounts are in legal.ts, not here.

import type { DeductibleChoiceCents, OptionCode } from './catalogue.ts';
import type { RiskZone } from './zones.ts';

/** Base premium of the dwelling: a fixed part, then per m² and per main room. */
export const BASE = {
  HOUSE: { fixedCents: 9_000, perM2Cents: 110, perRoomCents: 2_000 },
  APARTMENT: { fixedCents: 6_000, perM2Cents: 90, perRoomCents: 1_800 },
} as const;

/**
 * An owner insures the building itself (for an apartment only the private parts: the co-ownership insures the
 * structure); a tenant insures the liability towards the landlord (risques locatifs), which the law requires.
 */
export const BUILDING_PER_M2_CENTS = { HOUSE: 150, APARTMENT: 60 } as const;
export const TENANT_LIABILITY_PER_M2_CENTS = 50;

/** Personal liability (responsabilité civile vie privée), the same for every household. */
export const LIABILITY_CENTS = 1_800;

/** Applied to the property premium (base, and building for an owner): where the home is matters for damage. */
export const ZONE_ADJUSTMENT_BP: Record<RiskZone, number> = { 1: -1_000, 2: 0, 3: 1_500, 4: 3_500 };

/** An empty home is burgled more and a leak runs longer before anyone sees it. */
export const SECOND_HOME_SURCHARGE_BP = 2_000;

/** Contents capital declared above the one the rooms include: a rate on the excess (pricing of capital, per year). */
export const CONTENTS_EXTRA_RATE_BP = 60;

/** Option prices: VALUABLES is a rate on the declared value, NEW_FOR_OLD a rate on the base; the others are flat. */
export const OPTION_PRICES: Record<OptionCode, { flatCents: number } | { rateBp: number; of: 'VALUABLES' | 'BASE' }> = {
  VALUABLES: { rateBp: 120, of: 'VALUABLES' },
  SWIMMING_POOL: { flatCents: 3_500 },
  GARDEN: { flatCents: 2_500 },
  ASSISTANCE: { flatCents: 2_400 },
  SCHOOL_INSURANCE: { flatCents: 1_200 },
  NEW_FOR_OLD: { rateBp: 1_500, of: 'BASE' },
};

/** Options that cover the customer's property (they bear the cat-nat surcharge and the deductible discount). */
export const PROPERTY_OPTIONS: readonly OptionCode[] = ['VALUABLES', 'SWIMMING_POOL', 'GARDEN', 'NEW_FOR_OLD'];

/** Discount on the property premium for a higher deductible, keyed by the deductible in cents. */
export const DEDUCTIBLE_DISCOUNT_BP: Record<DeductibleChoiceCents, number> = { 15000: 0, 30000: 1_000, 50000: 1_800 };

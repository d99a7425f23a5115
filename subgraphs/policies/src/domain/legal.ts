// Amounts set by law or decree, not by Abri. Each must be kept current: when a decree changes one, change it here and
// in the test that pins it, and say from which date it applies.

/**
 * Surcharge financing the natural-disaster scheme, as a share of the property-damage premium (Code des assurances
 * L125-2, A125-2). 20 % for home contracts since 1 January 2025 (arrêté du 22 décembre 2023, JO du 28 décembre 2023);
 * it was 12 % from 1999 to 2024.
 */
export const CAT_NAT_SURCHARGE_BP = 2_000;

/**
 * Taxe sur les conventions d'assurance on a home contract (CGI art. 1001), 9 %. It applies to the premium including
 * the cat-nat surcharge, not to the terrorism-fund contribution, which is not a premium.
 */
export const INSURANCE_TAX_BP = 900;

/**
 * Flat contribution per property-damage contract to the FGTI (fonds de garantie des victimes des actes de terrorisme
 * et d'autres infractions), Code des assurances L422-1, set by decree (arrêté). 5,90 € from 2017 (arrêté du
 * 10 novembre 2016), 6,50 € since 1 July 2024 as insurers report it; check the current arrêté on Légifrance.
 */
export const ATTENTATS_CONTRIBUTION_CENTS = 650;

/** Legal natural-disaster deductible on a home, per claim (Code des assurances A125-1, annexe I). */
export const CAT_NAT_DEDUCTIBLE_CENTS = 38_000;

/** Legal natural-disaster deductible for subsidence from drought and rehydration of clay soils. */
export const CAT_NAT_DROUGHT_DEDUCTIBLE_CENTS = 152_000;

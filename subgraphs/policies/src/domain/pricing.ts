// The pricing engine's public entry: import from here. Pure functions only, no GraphQL and no Prisma, so every rule
// is unit-tested alone (test/pricing.test.ts). The premium formula is written out at the top of premium.ts.

export {
  type Coverage,
  DEDUCTIBLE_CHOICES_CENTS,
  type DeductibleChoiceCents,
  type DwellingFacts,
  DwellingType,
  dwellingSummary,
  isDeductibleChoice,
  isOptionCode,
  Occupancy,
  OPTION_CODES,
  OPTION_LABELS,
  OptionCode,
  Residence,
} from './catalogue.ts';
export {
  type ChangeLine,
  type ChangeQuote,
  type ContractFacts,
  changeLines,
  describeChanges,
  type InsuredAddress,
  proRataCents,
  quoteChange,
} from './change.ts';
export {
  buildingCeilingCents,
  contentsCapitalCents,
  contentsCeilingCents,
  GuaranteeCode,
  type GuaranteeTerms,
  guaranteesFor,
} from './guarantees.ts';
export {
  ATTENTATS_CONTRIBUTION_CENTS,
  CAT_NAT_DEDUCTIBLE_CENTS,
  CAT_NAT_DROUGHT_DEDUCTIBLE_CENTS,
  CAT_NAT_SURCHARGE_BP,
  INSURANCE_TAX_BP,
} from './legal.ts';
export { type Price, type PriceLine, PriceLineCode, priceOf } from './premium.ts';
export { type ValidationResult, validateChange } from './validation.ts';
export { departementOf, type RiskZone, zoneOf } from './zones.ts';

// The indemnity of a claim: the covered damage, capped by the guarantee's ceiling, less the deductible. For natural
// disasters the deductible is the legal one (380 €, 1 520 € for drought subsidence), whatever the contract says.

export const CAT_NAT_DEDUCTIBLE_CENTS = 38_000;
export const CAT_NAT_DROUGHT_DEDUCTIBLE_CENTS = 152_000;

export interface IndemnityTerms {
  ceilingCents: number;
  deductibleCents: number;
}

/** The deductible that applies: the contract's, or the legal one for a natural disaster. */
export function applicableDeductible(type: string, terms: IndemnityTerms, naturalEvent?: string | null): number {
  if (type !== 'NATURAL_DISASTER') return terms.deductibleCents;
  return naturalEvent === 'DROUGHT_SUBSIDENCE' ? CAT_NAT_DROUGHT_DEDUCTIBLE_CENTS : CAT_NAT_DEDUCTIBLE_CENTS;
}

/** min(damage, ceiling) − deductible, never below zero. All amounts in integer cents. */
export function computeIndemnity(
  assessedDamageCents: number,
  terms: IndemnityTerms,
  deductibleCents = terms.deductibleCents,
): number {
  if (!Number.isInteger(assessedDamageCents) || assessedDamageCents < 0)
    throw new RangeError('assessed damage must be a non-negative integer of cents');
  return Math.max(0, Math.min(assessedDamageCents, terms.ceilingCents) - deductibleCents);
}

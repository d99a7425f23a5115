// How a change of premium reshapes a schedule: the instalments left in the current period carry what was due plus
// the pro-rata amount, spread evenly; those after the renewal carry the new annual premium by twelfths (or whole, for
// an annual schedule). What the period's instalments cannot carry (none left, or a refund larger than they are) moves
// to the first instalments after the renewal, so no pro-rata is ever lost. The avenant describes exactly this
// (policies' `proRataSettlement`). Pure.

export interface Instalment {
  id: string;
  dueDate: Date;
  amountCents: number;
}

/** Splits `total` into `n` integer parts differing by at most one cent, the larger first. */
export function spread(totalCents: number, n: number): number[] {
  if (n <= 0) return [];
  const base = Math.trunc(totalCents / n);
  const remainder = totalCents - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < Math.abs(remainder) ? Math.sign(remainder) : 0));
}

export function reschedule(
  planned: Instalment[],
  change: {
    effectiveFrom: Date;
    periodEnd: Date;
    proRataCents: number;
    newAnnualPremiumCents: number;
    frequency?: 'ANNUAL' | 'MONTHLY';
  },
): { id: string; amountCents: number }[] {
  const affected = planned
    .filter((p) => p.dueDate >= change.effectiveFrom)
    .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime());
  const inPeriod = affected.filter((p) => p.dueDate < change.periodEnd);
  const afterRenewal = affected.filter((p) => p.dueDate >= change.periodEnd);
  const currentTotal = inPeriod.reduce((sum, p) => sum + p.amountCents, 0) + change.proRataCents;
  const inPeriodAmounts = spread(Math.max(0, currentTotal), inPeriod.length);
  // Left to carry: all of the pro-rata when no instalment remains in the period, else only a refund's excess.
  let carry = inPeriod.length ? Math.min(0, currentTotal) : change.proRataCents;
  // Monthly: twelfths of the new premium; annual: the whole premium at each renewal.
  const monthly =
    change.frequency === 'ANNUAL' ? [change.newAnnualPremiumCents] : spread(change.newAnnualPremiumCents, 12);
  const later = afterRenewal.map((p, i) => {
    const base = monthly[i % monthly.length]!;
    // A sum due is added to the first instalment; a refund is deducted from one instalment after another.
    const amountCents = Math.max(0, base + carry);
    carry -= amountCents - base;
    return { id: p.id, amountCents };
  });
  return [...inPeriod.map((p, i) => ({ id: p.id, amountCents: inPeriodAmounts[i]! })), ...later];
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reschedule, spread } from '../src/domain/reschedule.ts';

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const monthly = (from: string, n: number, amount: number) =>
  Array.from({ length: n }, (_, i) => {
    const d = day(from);
    d.setUTCMonth(d.getUTCMonth() + i);
    return { id: `p${i}`, dueDate: d, amountCents: amount };
  });

describe('spread', () => {
  it('splits a total into parts that add up exactly and differ by at most a cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 24 }), (total, n) => {
        const parts = spread(total, n);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('reschedule', () => {
  const planned = monthly('2027-01-05', 12, 3_220); // renewal on 2027-03-01: two instalments left in the period
  const change = {
    effectiveFrom: day('2026-12-20'),
    periodEnd: day('2027-03-01'),
    proRataCents: 1_501,
    newAnnualPremiumCents: 48_000,
  };

  it('adds the pro-rata amount to the instalments left in the period, and bills the new premium after renewal', () => {
    const next = reschedule(planned, change);
    expect(next.slice(0, 2).map((p) => p.amountCents)).toEqual([3_971, 3_970]);
    expect(next.slice(2).every((p) => p.amountCents === 4_000)).toBe(true);
    expect(next.slice(0, 2).reduce((a, p) => a + p.amountCents, 0)).toBe(2 * 3_220 + 1_501);
  });

  it('leaves instalments due before the change alone', () => {
    const next = reschedule(planned, { ...change, effectiveFrom: day('2027-02-10') });
    expect(next.map((p) => p.id)).not.toContain('p0');
    expect(next.find((p) => p.id === 'p1')).toBeUndefined();
  });

  it('never asks a negative instalment when the change lowers the premium by more than is left', () => {
    const next = reschedule(planned, { ...change, proRataCents: -100_000 });
    expect(next.every((p) => p.amountCents >= 0)).toBe(true);
  });

  it('bills the new premium at the renewal of an annual schedule, plus the pro-rata no instalment was left to carry', () => {
    const annual = [{ id: 'y1', dueDate: day('2027-03-01'), amountCents: 35_288 }];
    expect(reschedule(annual, { ...change, frequency: 'ANNUAL' })).toEqual([{ id: 'y1', amountCents: 48_000 + 1_501 }]);
    expect(reschedule(annual, { ...change, frequency: 'ANNUAL', proRataCents: -1_200 })).toEqual([
      { id: 'y1', amountCents: 48_000 - 1_200 },
    ]);
  });

  it('deducts a refund larger than the period’s instalments from the next ones, one after another', () => {
    const next = reschedule(planned, { ...change, proRataCents: -10_000 });
    // 2 × 32,20 € left in the period: both go to zero, the 35,60 € left are deducted from the renewal's instalments.
    expect(next.slice(0, 2).map((p) => p.amountCents)).toEqual([0, 0]);
    expect(next.slice(2, 4).map((p) => p.amountCents)).toEqual([4_000 - 3_560, 4_000]);
  });

  it('never loses or invents a cent: what the schedule collects changes by the pro-rata exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: 0, max: 11 }), (proRata, skip) => {
        const before = planned.slice(skip);
        const after = reschedule(before, { ...change, proRataCents: proRata });
        const sum = (xs: { amountCents: number }[]) => xs.reduce((a, p) => a + p.amountCents, 0);
        const newPremium = before.filter((p) => p.dueDate >= change.periodEnd).length * 4_000;
        const oldInPeriod = sum(before.filter((p) => p.dueDate < change.periodEnd));
        // Bounded below by zero: a refund larger than everything left can only empty the schedule.
        expect(sum(after)).toBe(Math.max(0, oldInPeriod + newPremium + proRata));
      }),
    );
  });
});

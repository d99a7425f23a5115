import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DueInstalment, nextDebitDate, rescheduleDueDay } from '../src/domain/due-day.ts';

const DAY_MS = 86_400_000;
const day = (s: string) => new Date(`${s}T00:00:00Z`);
/** Noon in Paris on that day, whatever the season: its Paris day is `s`. */
const at = (s: string) => new Date(`${s}T10:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthOf = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();

/** `n` monthly instalments from `first`, the first `paid` of them PAID. */
function schedule(first: string, n: number, paid: number, amount = 3_220): (DueInstalment & { id: string })[] {
  return Array.from({ length: n }, (_, i) => {
    const d = day(first);
    d.setUTCMonth(d.getUTCMonth() + i);
    return { id: `p${i}`, dueDate: d, amountCents: amount, status: i < paid ? 'PAID' : 'PLANNED' };
  });
}

describe('rescheduleDueDay', () => {
  it('moves every planned instalment to the new day in its own month', () => {
    const result = rescheduleDueDay(schedule('2026-04-05', 4, 0), 20, at('2026-03-28'));
    expect(result.map((r) => iso(r.dueDate))).toEqual(['2026-04-20', '2026-05-20', '2026-06-20', '2026-07-20']);
    expect(result.map((r) => r.id)).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(result.every((r) => r.amountCents === 3_220)).toBe(true);
  });

  it("after this month's instalment is paid, the next one is next month on the new day", () => {
    const result = rescheduleDueDay(schedule('2026-03-05', 3, 1), 25, at('2026-03-10'));
    expect(result.map((r) => iso(r.dueDate))).toEqual(['2026-04-25', '2026-05-25']);
  });

  it("keeps this month's planned debit on its old date when the new day has passed but the old one has not", () => {
    const result = rescheduleDueDay(schedule('2026-03-25', 3, 0), 5, at('2026-03-20'));
    expect(result.map((r) => iso(r.dueDate))).toEqual(['2026-03-25', '2026-04-05', '2026-05-05']);
  });

  it('moves a later day in the current month forward normally', () => {
    const result = rescheduleDueDay(schedule('2026-03-05', 2, 0), 15, at('2026-03-02'));
    expect(result.map((r) => iso(r.dueDate))).toEqual(['2026-03-15', '2026-04-15']);
  });

  it('takes a due-today debit tomorrow when the new day has passed, never today', () => {
    const result = rescheduleDueDay(schedule('2026-03-10', 2, 0), 3, at('2026-03-10'));
    expect(result.map((r) => iso(r.dueDate))).toEqual(['2026-03-11', '2026-04-03']);
  });

  it('on the last day of the month, pushes a due-today debit into next month and shifts the rest', () => {
    const result = rescheduleDueDay(schedule('2026-03-31', 2, 0), 3, at('2026-03-31'));
    expect(result.map((r) => iso(r.dueDate))).toEqual(['2026-04-03', '2026-05-03']);
  });

  it("takes today's day in Paris: 23:30 UTC on 9 March is already 10 March in Paris", () => {
    const result = rescheduleDueDay(schedule('2026-03-10', 1, 0), 5, new Date('2026-03-09T23:30:00Z'));
    expect(result.map((r) => iso(r.dueDate))).toEqual(['2026-03-11']);
  });

  it('rejects days a month may not have', () => {
    for (const bad of [0, 29, 31, 1.5, Number.NaN]) {
      expect(() => rescheduleDueDay(schedule('2026-03-05', 2, 0), bad, at('2026-03-01'))).toThrow(RangeError);
    }
  });
});

describe('nextDebitDate', () => {
  it('is the first rescheduled debit', () => {
    expect(nextDebitDate(schedule('2026-03-05', 3, 1), 12, at('2026-03-10'))).toEqual(day('2026-04-12'));
  });

  it('is null when everything is paid', () => {
    expect(nextDebitDate(schedule('2026-03-05', 3, 3), 12, at('2026-03-10'))).toBeNull();
  });
});

describe('rescheduleDueDay, for any schedule, new day and today', () => {
  const input = fc
    .record({
      firstMonth: fc.integer({ min: 0, max: 59 }), // Jan 2025 to Dec 2029
      firstDay: fc.integer({ min: 1, max: 28 }),
      amounts: fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 24 }),
      paidShare: fc.double({ min: 0, max: 1, noNaN: true }),
      newDay: fc.integer({ min: 1, max: 28 }),
      todayOffsetDays: fc.integer({ min: -90, max: 800 }),
      todayHour: fc.integer({ min: 0, max: 23 }),
    })
    .map(({ firstMonth, firstDay, amounts, paidShare, newDay, todayOffsetDays, todayHour }) => {
      const paid = Math.floor(amounts.length * paidShare);
      const instalments: DueInstalment[] = amounts.map((amountCents, i) => ({
        dueDate: new Date(Date.UTC(2025, firstMonth + i, firstDay)),
        amountCents,
        status: i < paid ? 'PAID' : 'PLANNED',
      }));
      const start = Date.UTC(2025, firstMonth, firstDay);
      const today = new Date(start + todayOffsetDays * DAY_MS + todayHour * 3_600_000);
      return { instalments, newDay, today };
    });

  it('debits each month at most once, leaves no planned month out, keeps amounts, never debits before tomorrow', () => {
    fc.assert(
      fc.property(input, ({ instalments, newDay, today }) => {
        const result = rescheduleDueDay(instalments, newDay, today);
        const planned = instalments.filter((i) => i.status === 'PLANNED');
        const paid = instalments.filter((i) => i.status === 'PAID');
        expect(result).toHaveLength(planned.length);

        const sum = (xs: { amountCents: number }[]) => xs.reduce((s, x) => s + x.amountCents, 0);
        expect(sum(result)).toBe(sum(planned));

        const months = [...paid.map((p) => monthOf(p.dueDate)), ...result.map((r) => monthOf(r.dueDate))];
        expect(new Set(months).size).toBe(months.length);

        // Planned debits take consecutive months, so none is skipped between the first and the last.
        const plannedMonths = result.map((r) => monthOf(r.dueDate));
        plannedMonths.forEach((m, i) => {
          if (i > 0) expect(m).toBe(plannedMonths[i - 1]! + 1);
        });

        // Never before tomorrow: every debit day is after today's day in Paris.
        const parisToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(today);
        for (const r of result) expect(iso(r.dueDate) > parisToday).toBe(true);

        // A schedule in good standing (next planned debit still to come) keeps every month: paid then planned
        // months are consecutive from the first to the last, and each planned debit stays in its own month.
        if (planned.length > 0 && iso(planned[0]!.dueDate) > parisToday) {
          expect(plannedMonths).toEqual(planned.map((p) => monthOf(p.dueDate)));
          const all = [...months].sort((a, b) => a - b);
          all.forEach((m, i) => {
            if (i > 0) expect(m).toBe(all[i - 1]! + 1);
          });
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

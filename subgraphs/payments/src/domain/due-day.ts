// Moving the monthly due day (1 to 28, so every month has it). The customer must never be debited twice in a
// calendar month nor have a month skipped, and must never be debited earlier than they could expect.
//
// Rule, for the PLANNED instalments in date order (PAID ones never move):
// 1. Each keeps its calendar month and takes the new day, except that it never shares a month with a previous debit
//    (paid or rescheduled) and never falls in a month already over: it then moves to the next free month.
// 2. A debit is never before tomorrow (a direct debit needs a day's notice to the bank). When the new day is already
//    past in the instalment's month, the instalment keeps its old date if that is still to come (the customer
//    expected it then), else it is taken tomorrow if tomorrow is still in that month, else it moves to next month.
// Rule 1 only moves an instalment to a later month when it was already overdue, which a schedule in good standing
// never is; then the following ones shift too, so months stay consecutive.
//
// Due dates are date-only values (UTC midnight, as Prisma returns `@db.Date`); `today` is an instant whose day is
// taken in Europe/Paris. Amounts are never changed.

import { addDays, parisDay } from '@abri/platform/french';

export interface DueInstalment {
  dueDate: Date;
  amountCents: number;
  status: 'PLANNED' | 'PAID';
}

export type Rescheduled<T extends DueInstalment> = Omit<T, 'status'>;

export const MIN_DUE_DAY = 1;
export const MAX_DUE_DAY = 28;

export const isDueDay = (day: number): boolean => Number.isInteger(day) && day >= MIN_DUE_DAY && day <= MAX_DUE_DAY;

/** Months since January 1970: consecutive months differ by exactly one. */
const monthIndex = (date: Date): number => date.getUTCFullYear() * 12 + date.getUTCMonth();
const dayInMonth = (month: number, day: number): Date => new Date(Date.UTC(Math.floor(month / 12), month % 12, day));

/**
 * New dates for the PLANNED instalments, in date order, other fields (id, amount) carried over unchanged.
 * Throws a RangeError for a day outside 1-28: the form only offers those, anything else is a bug.
 */
export function rescheduleDueDay<T extends DueInstalment>(
  instalments: readonly T[],
  newDay: number,
  today: Date,
): Rescheduled<T>[] {
  if (!isDueDay(newDay)) throw new RangeError(`due day must be an integer from 1 to 28, got ${newDay}`);
  const tomorrow = addDays(parisDay(today), 1);
  const paidMonths = instalments.filter((i) => i.status === 'PAID').map((i) => monthIndex(i.dueDate));
  let previousMonth = Math.max(Number.NEGATIVE_INFINITY, ...paidMonths);
  const planned = instalments
    .filter((i) => i.status === 'PLANNED')
    .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime());

  return planned.map(({ status: _status, ...rest }) => {
    const originalMonth = monthIndex(rest.dueDate);
    const month = Math.max(originalMonth, previousMonth + 1, monthIndex(tomorrow));
    let dueDate = dayInMonth(month, newDay);
    if (dueDate < tomorrow) {
      // Only possible in tomorrow's month (later months start after tomorrow), so both fallbacks stay in `month`.
      dueDate = month === originalMonth && rest.dueDate >= tomorrow ? rest.dueDate : tomorrow;
    }
    previousMonth = month;
    return { ...rest, dueDate };
  });
}

/** The first debit after the change, shown to the customer before they confirm; null when nothing is left to pay. */
export function nextDebitDate(instalments: readonly DueInstalment[], newDay: number, today: Date): Date | null {
  return rescheduleDueDay(instalments, newDay, today)[0]?.dueDate ?? null;
}

// French working days and the legal deadline to declare a claim (Code des assurances, art. L113-2 and L125-2).
// A late declaration is flagged for the adjuster, never refused: the insurer may only invoke lateness if it caused
// them a loss, which is a human decision.
//
// Date-only values (the day a claim occurred, the day a decree was published, the results here) are `Date`s at UTC
// midnight, as Prisma returns `@db.Date` and `new Date('2027-03-29')` builds them. Only `declaredAt` is an instant;
// its day is taken in Europe/Paris, so a declaration sent at 00:30 in Paris belongs to that day.

import { parisDay } from '@abri/platform/french';
import type { ClaimType } from './forms/types.ts';

const DAY_MS = 86_400_000;

// Whole days since 1970-01-01: arithmetic on integers cannot drift with daylight saving time.
const dayNumber = (date: Date): number => Math.floor(date.getTime() / DAY_MS);
const fromDayNumber = (day: number): Date => new Date(day * DAY_MS);
const utcDay = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / DAY_MS;

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): Date {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`Not a Gregorian year: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const monthAndDay = h + l - 7 * m + 114;
  return fromDayNumber(utcDay(year, Math.floor(monthAndDay / 31), (monthAndDay % 31) + 1));
}

// New Year, Labour Day, Victory in Europe, Bastille Day, Assumption, All Saints, Armistice, Christmas: [month, day].
const FIXED_HOLIDAYS: readonly (readonly [number, number])[] = [
  [1, 1],
  [5, 1],
  [5, 8],
  [7, 14],
  [8, 15],
  [11, 1],
  [11, 11],
  [12, 25],
];

/**
 * The eleven national public holidays (Code du travail, art. L3133-1), in date order. Whit Monday stays a holiday
 * even where it is the "journée de solidarité"; the extra days of Alsace-Moselle are not national and not counted.
 */
export function frenchPublicHolidays(year: number): Date[] {
  const easter = dayNumber(easterSunday(year));
  const fixed = FIXED_HOLIDAYS.map(([month, day]) => utcDay(year, month, day));
  // Easter Monday, Ascension Thursday, Whit Monday.
  const moveable = [easter + 1, easter + 39, easter + 50];
  return [...fixed, ...moveable].sort((x, y) => x - y).map(fromDayNumber);
}

const holidaysByYear = new Map<number, Set<number>>();
function isHolidayNumber(day: number): boolean {
  const year = fromDayNumber(day).getUTCFullYear();
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = new Set(frenchPublicHolidays(year).map(dayNumber));
    holidaysByYear.set(year, holidays);
  }
  return holidays.has(day);
}

function isWorkingDayNumber(day: number): boolean {
  const weekday = fromDayNumber(day).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHolidayNumber(day);
}

export const isFrenchPublicHoliday = (date: Date): boolean => isHolidayNumber(dayNumber(date));

/** Monday to Friday, public holidays excepted (jours ouvrés). */
export const isWorkingDay = (date: Date): boolean => isWorkingDayNumber(dayNumber(date));

/** The day `n` working days after `date` (before it when `n` < 0); `date` itself is never counted. */
export function addWorkingDays(date: Date, n: number): Date {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of working days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = dayNumber(date);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingDayNumber(day)) left--;
  }
  return fromDayNumber(day);
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: Date, to: Date): number {
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= dayNumber(to); day++) if (isWorkingDayNumber(day)) count++;
  return count;
}

export interface DeclarationDeadlineRule {
  /** Working days after the day the customer learned of the damage. */
  workingDays: number;
  /** Calendar days after the decree's publication in the Journal officiel, when there is one. */
  daysAfterDecree?: number;
}

/** The legal minimums a contract may not shorten: theft 2 working days, natural disaster 30 days after the decree. */
export const DECLARATION_DEADLINES: Record<ClaimType, DeclarationDeadlineRule> = {
  WATER_DAMAGE: { workingDays: 5 },
  FIRE: { workingDays: 5 },
  THEFT: { workingDays: 2 },
  GLASS_BREAKAGE: { workingDays: 5 },
  STORM: { workingDays: 5 },
  NATURAL_DISASTER: { workingDays: 5, daysAfterDecree: 30 },
};

export interface DeclarationDelay {
  /** The last day on which the declaration is on time; always a working day. */
  deadline: Date;
  late: boolean;
  /** 0 when on time; otherwise at least 1, so `late` ⇔ `lateByWorkingDays > 0`. */
  lateByWorkingDays: number;
  /** What the deadline counts from. */
  basis: 'OCCURRENCE' | 'DECREE';
}

/**
 * Whether a claim was declared within its legal deadline. Theft: 2 working days after `occurredOn` (the day the
 * customer learned of it); other types: 5. A natural disaster with a known decree: 30 calendar days after its
 * publication, moved to the next working day when that falls on a weekend or holiday (as art. 642 of the Code de
 * procédure civile does), so the customer never loses a day to the calendar. A declaration made on a non-working day
 * counts as made on the next working day, when it is handled.
 */
export function declarationDelay(
  type: ClaimType,
  occurredOn: Date,
  declaredAt: Date,
  decreePublishedOn?: Date,
): DeclarationDelay {
  const rule = DECLARATION_DEADLINES[type];
  const fromDecree = rule.daysAfterDecree !== undefined && decreePublishedOn !== undefined;
  const deadline = fromDecree
    ? nextWorkingDayFrom(dayNumber(decreePublishedOn) + (rule.daysAfterDecree ?? 0))
    : dayNumber(addWorkingDays(occurredOn, rule.workingDays));
  const declared = dayNumber(parisDay(declaredAt));
  const lateByWorkingDays =
    declared > deadline ? workingDaysBetween(fromDayNumber(deadline), fromDayNumber(nextWorkingDayFrom(declared))) : 0;
  return {
    deadline: fromDayNumber(deadline),
    late: lateByWorkingDays > 0,
    lateByWorkingDays,
    basis: fromDecree ? 'DECREE' : 'OCCURRENCE',
  };
}

function nextWorkingDayFrom(day: number): number {
  let next = day;
  while (!isWorkingDayNumber(next)) next++;
  return next;
}

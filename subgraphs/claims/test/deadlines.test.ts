import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  declarationDelay,
  easterSunday,
  frenchPublicHolidays,
  isFrenchPublicHoliday,
  isWorkingDay,
  workingDaysBetween,
} from '../src/domain/deadlines.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('easterSunday', () => {
  // Published Easter dates, including the earliest (22 March) and latest (25 April) possible ones.
  it.each([
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('finds Easter %i on %s', (year, expected) => {
    expect(iso(easterSunday(year))).toBe(expected);
  });

  it('refuses a year before the Gregorian calendar', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
  });
});

describe('frenchPublicHolidays', () => {
  it('lists the eleven holidays of 2027, with Easter Monday on 29 March, in date order', () => {
    expect(frenchPublicHolidays(2027).map(iso)).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
  });

  it('moves Easter Monday, Ascension and Whit Monday with Easter (2026)', () => {
    const holidays = frenchPublicHolidays(2026).map(iso);
    expect(holidays).toEqual(expect.arrayContaining(['2026-04-06', '2026-05-14', '2026-05-25']));
    expect(holidays).not.toContain('2026-03-29');
  });

  it('knows a holiday from an ordinary day', () => {
    expect(isFrenchPublicHoliday(day('2026-07-14'))).toBe(true);
    expect(isFrenchPublicHoliday(day('2026-07-15'))).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2027-03-26', true, 'a Friday'],
    ['2027-03-27', false, 'a Saturday'],
    ['2027-03-28', false, 'a Sunday'],
    ['2027-03-29', false, 'Easter Monday'],
    ['2027-05-06', false, 'Ascension Thursday'],
    ['2026-05-01', false, 'Labour Day on a Friday'],
    ['2026-07-14', false, 'Bastille Day on a Tuesday'],
  ])('says %s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(day(date))).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2027-03-19', 1, '2027-03-22', 'skips the weekend'],
    ['2027-03-26', 1, '2027-03-30', 'skips the weekend and Easter Monday'],
    ['2027-05-05', 2, '2027-05-10', 'skips Ascension and the weekend'],
    ['2026-04-30', 5, '2026-05-11', 'skips 1 May and 8 May, both Fridays in 2026'],
    ['2026-07-10', 5, '2026-07-20', 'skips 14 July'],
    ['2026-12-31', 1, '2027-01-04', 'skips New Year’s Day across the year'],
    ['2027-03-27', 1, '2027-03-30', 'starts counting after a non-working day'],
    ['2027-03-30', -1, '2027-03-26', 'counts backwards'],
    ['2027-03-27', 0, '2027-03-27', 'adds nothing'],
  ])('%s + %i working days = %s (%s)', (from, n, expected) => {
    expect(iso(addWorkingDays(day(from), n))).toBe(expected);
  });

  it('refuses a fraction of a working day', () => {
    expect(() => addWorkingDays(day('2027-03-26'), 1.5)).toThrow(RangeError);
  });

  const dates = fc.integer({
    min: day('2000-01-01').getTime() / 86_400_000,
    max: day('2100-12-31').getTime() / 86_400_000,
  });
  it('lands on a working day exactly n working days later, and comes back from a working day', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), (dayNumber, n) => {
        const from = new Date(dayNumber * 86_400_000);
        const to = addWorkingDays(from, n);
        expect(isWorkingDay(to)).toBe(true);
        expect(workingDaysBetween(from, to)).toBe(n);
        if (isWorkingDay(from)) expect(addWorkingDays(to, -n)).toEqual(from);
      }),
    );
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first day up to and including the last', () => {
    expect(workingDaysBetween(day('2027-03-26'), day('2027-04-02'))).toBe(4);
    expect(workingDaysBetween(day('2027-03-26'), day('2027-03-26'))).toBe(0);
    expect(workingDaysBetween(day('2027-04-02'), day('2027-03-26'))).toBe(0);
  });
});

describe('declarationDelay', () => {
  // Discovered on Friday 26 March 2027, the Friday before Easter Monday.
  const occurredOn = day('2027-03-26');

  it('gives a theft 2 working days and other claims 5', () => {
    const at = new Date('2027-03-26T10:00:00Z');
    expect(iso(declarationDelay('THEFT', occurredOn, at).deadline)).toBe('2027-03-31');
    for (const type of ['WATER_DAMAGE', 'FIRE', 'GLASS_BREAKAGE', 'STORM', 'NATURAL_DISASTER'] as const) {
      expect(iso(declarationDelay(type, occurredOn, at).deadline)).toBe('2027-04-05');
    }
  });

  it('keeps a theft declared on the last day on time', () => {
    expect(declarationDelay('THEFT', occurredOn, new Date('2027-03-31T16:00:00Z'))).toEqual({
      deadline: day('2027-03-31'),
      late: false,
      lateByWorkingDays: 0,
      basis: 'OCCURRENCE',
    });
  });

  it('flags a theft declared the next day as late by one working day', () => {
    const delay = declarationDelay('THEFT', occurredOn, new Date('2027-04-01T08:00:00Z'));
    expect(delay).toMatchObject({ late: true, lateByWorkingDays: 1 });
  });

  it('judges the declaration by its day in Paris, not in UTC', () => {
    // 23:30 and 00:30 in Paris (summer time, UTC+2) on either side of the deadline's midnight.
    expect(declarationDelay('THEFT', occurredOn, new Date('2027-03-31T21:30:00Z')).late).toBe(false);
    expect(declarationDelay('THEFT', occurredOn, new Date('2027-03-31T22:30:00Z')).late).toBe(true);
  });

  it('counts late working days only, a weekend declaration as of the next working day', () => {
    const thursday = declarationDelay('THEFT', occurredOn, new Date('2027-04-01T10:00:00Z'));
    const saturday = declarationDelay('THEFT', occurredOn, new Date('2027-04-03T10:00:00Z'));
    const monday = declarationDelay('THEFT', occurredOn, new Date('2027-04-05T10:00:00Z'));
    expect([thursday.lateByWorkingDays, saturday.lateByWorkingDays, monday.lateByWorkingDays]).toEqual([1, 3, 3]);
  });

  it('flags a water damage declared a week after its deadline, late by 5 working days', () => {
    // Deadline Monday 5 April 2027; Monday 12 April is 5 working days later.
    expect(declarationDelay('WATER_DAMAGE', occurredOn, new Date('2027-04-12T09:00:00Z'))).toMatchObject({
      deadline: day('2027-04-05'),
      late: true,
      lateByWorkingDays: 5,
    });
  });

  it('gives a natural disaster 30 days from the decree, moved off a Sunday', () => {
    // Published Friday 2 April 2027: 30 days later is Sunday 2 May, so the deadline is Monday 3 May.
    const decree = day('2027-04-02');
    const flood = day('2027-01-10');
    expect(declarationDelay('NATURAL_DISASTER', flood, new Date('2027-05-03T15:00:00Z'), decree)).toEqual({
      deadline: day('2027-05-03'),
      late: false,
      lateByWorkingDays: 0,
      basis: 'DECREE',
    });
    expect(declarationDelay('NATURAL_DISASTER', flood, new Date('2027-05-04T08:00:00Z'), decree)).toMatchObject({
      late: true,
      lateByWorkingDays: 1,
    });
  });

  it('ignores a decree date for other claim types', () => {
    const delay = declarationDelay('STORM', occurredOn, new Date('2027-03-29T10:00:00Z'), day('2027-04-02'));
    expect(delay).toMatchObject({ deadline: day('2027-04-05'), basis: 'OCCURRENCE' });
  });

  it('never calls late a declaration made the day it happened', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('WATER_DAMAGE', 'FIRE', 'THEFT', 'GLASS_BREAKAGE', 'STORM', 'NATURAL_DISASTER' as const),
        fc.integer({ min: 0, max: 3_000 }),
        (type, offset) => {
          const happened = new Date(day('2020-01-01').getTime() + offset * 86_400_000);
          const delay = declarationDelay(type, happened, new Date(happened.getTime() + 12 * 3_600_000));
          expect(delay.late).toBe(false);
          expect(isWorkingDay(delay.deadline)).toBe(true);
        },
      ),
    );
  });
});

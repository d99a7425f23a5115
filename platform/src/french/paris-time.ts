// Calendar days and wall-clock times in Europe/Paris, DST-aware through Intl rather than a hard-coded offset.
//
// Date-only values (due dates, signing dates) are `Date`s at UTC midnight, as Prisma returns `@db.Date`. Instants
// (now, paid at) have their day taken in Europe/Paris, so a payment made at 00:30 in Paris belongs to that day.

export const DAY_MS = 86_400_000;

const parisClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Paris wall-clock fields of an instant, month 1-12. */
function parisFields(instant: Date) {
  const parts = parisClock.formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** How far Paris wall-clock time is ahead of UTC at this instant, in ms (1 h in winter, 2 h in summer). */
function parisOffsetMs(instant: Date): number {
  const f = parisFields(instant);
  const wallAsUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The calendar day of an instant in Paris, as a date-only value (UTC midnight). */
export function parisDay(instant: Date): Date {
  const f = parisFields(instant);
  return new Date(Date.UTC(f.year, f.month - 1, f.day));
}

/**
 * The instant at which Paris clocks show `hour`:00 on the given date-only day. Two passes: the offset guessed at the
 * wall time read as UTC may be the wrong side of a DST change, the offset at the first answer is the right one.
 * Midnight and noon never fall in the 02:00-03:00 gap or overlap, so the answer is unique for them.
 */
export function parisWallTime(day: Date, hour: number): Date {
  const wallAsUtc = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour);
  const guess = wallAsUtc - parisOffsetMs(new Date(wallAsUtc));
  return new Date(wallAsUtc - parisOffsetMs(new Date(guess)));
}

/** `YYYY-MM-DD` of a date-only value. */
export const isoDay = (day: Date): string => day.toISOString().slice(0, 10);

/** Date-only arithmetic: whole days on UTC midnights cannot drift with daylight saving time. */
export const addDays = (day: Date, days: number): Date => new Date(day.getTime() + days * DAY_MS);

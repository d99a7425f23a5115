// The legal timeline of an unpaid premium (Code des assurances, art. L113-3): the insurer may send a formal notice
// (mise en demeure) 10 days after the due date; cover is suspended 30 days after the notice; the contract may be
// terminated 10 days after that. Paying before termination stops the procedure and, if cover was suspended,
// restores it at noon the day after payment. Pure and clock-injected: `now` is always a parameter.
//
// Each step takes effect at 00:00 Europe/Paris of its day, so the customer sees the same day the letter names.

import { addDays, DAY_MS, parisDay, parisWallTime } from '@abri/platform/french';

export const NOTICE_AFTER_DAYS = 10;
export const SUSPENSION_AFTER_NOTICE_DAYS = 30;
export const TERMINATION_AFTER_SUSPENSION_DAYS = 10;

export type UnpaidStage = 'DUE' | 'NOTICE_SENT' | 'SUSPENDED' | 'TERMINATED' | 'RESTORED';

export interface UnpaidTimeline {
  /** Earliest the formal notice may be sent. */
  noticeAt: Date;
  /** Cover suspended from this instant if still unpaid. */
  suspensionAt: Date;
  /** Contract terminated from this instant if still unpaid. */
  terminationAt: Date;
}

/** A date-only value at UTC midnight, whatever time of day was passed in. */
const dateOnly = (date: Date): Date => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);

/**
 * `dueDate` is a date-only value. `noticeSentAt`, when the notice actually went out later than the earliest legal
 * day, moves suspension and termination with it: the 30 days run from the sending, not from the due date.
 */
export function unpaidTimeline(dueDate: Date, noticeSentAt?: Date | null): UnpaidTimeline {
  const earliestNoticeDay = addDays(dateOnly(dueDate), NOTICE_AFTER_DAYS);
  const sentDay = noticeSentAt ? parisDay(noticeSentAt) : earliestNoticeDay;
  const noticeDay = new Date(Math.max(sentDay.getTime(), earliestNoticeDay.getTime()));
  const suspensionDay = addDays(noticeDay, SUSPENSION_AFTER_NOTICE_DAYS);
  const terminationDay = addDays(suspensionDay, TERMINATION_AFTER_SUSPENSION_DAYS);
  return {
    noticeAt: parisWallTime(noticeDay, 0),
    suspensionAt: parisWallTime(suspensionDay, 0),
    terminationAt: parisWallTime(terminationDay, 0),
  };
}

/** Noon, Paris time, of the day after the payment (its day taken in Paris): when suspended cover comes back. */
export function restorationAt(paidAt: Date): Date {
  return parisWallTime(addDays(parisDay(paidAt), 1), 12);
}

/**
 * Where the procedure stands at `now`. A payment not yet made at `now` is ignored, so the answer for a past `now` is
 * what the customer saw then.
 * - Paid before suspension: the procedure stops, cover never lapsed: RESTORED from the payment.
 * - Paid while suspended: still SUSPENDED until noon the next day, then RESTORED.
 * - Paid on or after termination: the contract is over, payment does not revive it: TERMINATED.
 */
export function unpaidStage(dueDate: Date, now: Date, paidAt?: Date | null, noticeSentAt?: Date | null): UnpaidStage {
  const { noticeAt, suspensionAt, terminationAt } = unpaidTimeline(dueDate, noticeSentAt);
  if (paidAt && paidAt <= now && paidAt < terminationAt) {
    if (paidAt < suspensionAt) return 'RESTORED';
    return now < restorationAt(paidAt) ? 'SUSPENDED' : 'RESTORED';
  }
  if (now >= terminationAt) return 'TERMINATED';
  if (now >= suspensionAt) return 'SUSPENDED';
  if (now >= noticeAt) return 'NOTICE_SENT';
  return 'DUE';
}

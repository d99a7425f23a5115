import { describe, expect, it } from 'vitest';
import { restorationAt, unpaidStage, unpaidTimeline } from '../src/domain/unpaid.ts';

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const t = (s: string) => new Date(s);
const before = (d: Date) => new Date(d.getTime() - 1);

describe('unpaidTimeline', () => {
  it('notice 10 days after the due date, suspension 30 days later, termination 10 days after that, at midnight in Paris', () => {
    expect(unpaidTimeline(day('2026-01-05'))).toEqual({
      noticeAt: t('2026-01-14T23:00:00Z'), // 15 January, 00:00 Paris (UTC+1)
      suspensionAt: t('2026-02-13T23:00:00Z'), // 14 February
      terminationAt: t('2026-02-23T23:00:00Z'), // 24 February
    });
  });

  it('follows the Paris clock across the change to summer time', () => {
    expect(unpaidTimeline(day('2026-03-01'))).toEqual({
      noticeAt: t('2026-03-10T23:00:00Z'), // 11 March, winter time
      suspensionAt: t('2026-04-09T22:00:00Z'), // 10 April, summer time (UTC+2)
      terminationAt: t('2026-04-19T22:00:00Z'), // 20 April
    });
  });

  it('runs the 30 days from the day the notice actually went out when it was late', () => {
    const timeline = unpaidTimeline(day('2026-01-05'), t('2026-01-20T09:00:00Z'));
    expect(timeline.noticeAt).toEqual(t('2026-01-19T23:00:00Z'));
    expect(timeline.suspensionAt).toEqual(t('2026-02-18T23:00:00Z'));
    expect(timeline.terminationAt).toEqual(t('2026-02-28T23:00:00Z'));
  });

  it('never runs from a notice dated earlier than the law allows', () => {
    expect(unpaidTimeline(day('2026-01-05'), t('2026-01-07T09:00:00Z'))).toEqual(unpaidTimeline(day('2026-01-05')));
  });
});

describe('unpaidStage', () => {
  const due = day('2026-01-05');
  const { noticeAt, suspensionAt, terminationAt } = unpaidTimeline(due);

  it('moves through each stage exactly at its boundary when nothing is paid', () => {
    expect(unpaidStage(due, due)).toBe('DUE');
    expect(unpaidStage(due, before(noticeAt))).toBe('DUE');
    expect(unpaidStage(due, noticeAt)).toBe('NOTICE_SENT');
    expect(unpaidStage(due, before(suspensionAt))).toBe('NOTICE_SENT');
    expect(unpaidStage(due, suspensionAt)).toBe('SUSPENDED');
    expect(unpaidStage(due, before(terminationAt))).toBe('SUSPENDED');
    expect(unpaidStage(due, terminationAt)).toBe('TERMINATED');
    expect(unpaidStage(due, t('2027-01-01T00:00:00Z'))).toBe('TERMINATED');
  });

  it('ignores a payment made after `now`', () => {
    expect(unpaidStage(due, t('2026-01-20T00:00:00Z'), t('2026-01-25T00:00:00Z'))).toBe('NOTICE_SENT');
  });

  it('stops the procedure when paid before suspension: cover never lapsed', () => {
    const paidAt = t('2026-01-20T10:00:00Z');
    expect(unpaidStage(due, paidAt, paidAt)).toBe('RESTORED');
    expect(unpaidStage(due, terminationAt, paidAt)).toBe('RESTORED');
  });

  it('keeps cover suspended until noon the day after a payment made while suspended', () => {
    const paidAt = t('2026-02-16T15:00:00Z');
    const back = t('2026-02-17T11:00:00Z');
    expect(unpaidStage(due, paidAt, paidAt)).toBe('SUSPENDED');
    expect(unpaidStage(due, before(back), paidAt)).toBe('SUSPENDED');
    expect(unpaidStage(due, back, paidAt)).toBe('RESTORED');
  });

  it('avoids termination when paid on its eve, even though cover only returns after the termination date', () => {
    const paidAt = before(terminationAt);
    expect(unpaidStage(due, terminationAt, paidAt)).toBe('SUSPENDED');
    expect(unpaidStage(due, restorationAt(paidAt), paidAt)).toBe('RESTORED');
  });

  it('does not revive a terminated contract', () => {
    expect(unpaidStage(due, t('2026-03-10T00:00:00Z'), terminationAt)).toBe('TERMINATED');
  });
});

describe('restorationAt', () => {
  it('is noon in Paris the next day in winter (11:00 UTC)', () => {
    expect(restorationAt(t('2026-01-20T15:00:00Z'))).toEqual(t('2026-01-21T11:00:00Z'));
  });

  it('is noon in Paris the next day in summer (10:00 UTC)', () => {
    expect(restorationAt(t('2026-07-10T08:00:00Z'))).toEqual(t('2026-07-11T10:00:00Z'));
  });

  it("takes the payment's day in Paris: 00:30 in Paris is already the next day there", () => {
    expect(restorationAt(t('2026-07-10T22:30:00Z'))).toEqual(t('2026-07-12T10:00:00Z'));
    expect(restorationAt(t('2026-01-20T23:30:00Z'))).toEqual(t('2026-01-22T11:00:00Z'));
  });

  it('uses the offset of the day of restoration when the clocks change overnight', () => {
    // Clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(restorationAt(t('2026-03-28T15:00:00Z'))).toEqual(t('2026-03-29T10:00:00Z'));
    expect(restorationAt(t('2026-10-24T15:00:00Z'))).toEqual(t('2026-10-25T11:00:00Z'));
  });
});

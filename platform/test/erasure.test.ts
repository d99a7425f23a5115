// The erasure rules as pure functions: terms from the register, the preview built from it, the purge's log line.
import { describe, expect, it } from 'vitest';
import { addMonths, addYears, erasureSection, latest, retainUntil, runPurge } from '../src/privacy/erasure.ts';
import { definePersonalDataRegister, LegalBasis, NOT_PERSONAL } from '../src/privacy/register.ts';

const category = {
  contains: '…',
  purpose: '…',
  legalBasis: LegalBasis.CONTRACT,
  recipients: [],
  retention: '…',
  source: '…',
};
const register = definePersonalDataRegister({
  service: 'test',
  title: 'Test',
  categories: {
    kept: {
      ...category,
      label: 'Gardé',
      erasure: { keep: true, years: 5, after: 'contractEnd', reason: 'la loi.' },
    },
    gone: { ...category, label: 'Parti' },
    staffOnly: { ...category, label: 'Personnel', about: 'staff' },
    absent: { ...category, label: 'Absent' },
  },
  models: { Row: { id: NOT_PERSONAL, a: 'kept', b: 'gone', c: 'staffOnly', d: 'absent' } },
});

describe('erasure rules', () => {
  it('counts terms in calendar years, 29 February becoming 1 March in a common year', () => {
    expect(addYears(new Date('2026-03-01T10:00:00Z'), 5).toISOString()).toBe('2031-03-01T10:00:00.000Z');
    expect(addYears(new Date('2028-02-29T00:00:00Z'), 1).toISOString()).toBe('2029-03-01T00:00:00.000Z');
    expect(retainUntil({ keep: false }, new Date())).toBeNull();
    expect(latest([null, new Date('2020-01-01'), undefined, new Date('2019-01-01')])).toEqual(new Date('2020-01-01'));
    expect(latest([])).toBeNull();
  });

  it('adds calendar months, ending on the last day of a shorter month', () => {
    expect(addMonths(new Date('2026-12-03T06:00:00Z'), -3).toISOString()).toBe('2026-09-03T06:00:00.000Z');
    expect(addMonths(new Date('2027-05-31T10:00:00Z'), -3).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2028-05-31T10:00:00Z'), -3).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(addMonths(new Date('2026-11-30T00:00:00Z'), 3).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2026-01-15T00:00:00Z'), 14).toISOString()).toBe('2027-03-15T00:00:00.000Z');
  });

  it('builds a preview from the register: held categories only, kept ones dated from their anchor, staff data left out', () => {
    const section = erasureSection(
      register,
      { kept: new Date('2026-01-15T00:00:00Z'), gone: null, staffOnly: null },
      [],
    );
    expect(section.deletedNow).toEqual([{ key: 'gone', label: 'Parti', retainUntil: null, reason: null }]);
    expect(section.kept).toEqual([
      { key: 'kept', label: 'Gardé', retainUntil: new Date('2031-01-15T00:00:00Z'), reason: 'la loi.' },
    ]);
    // A term not started yet (a contract still running): kept, no date.
    expect(erasureSection(register, { kept: null }, []).kept[0]!.retainUntil).toBeNull();
  });

  it('logs how many rows of each model a purge deleted, and nothing when it deleted none', async () => {
    const lines: [string, Record<string, unknown> | undefined][] = [];
    const log = {
      info: (m: string, f?: Record<string, unknown>) => void lines.push([m, f]),
      warn: () => {},
      error: () => {},
    };
    expect(await runPurge({ log }, 'claims', async () => ({ Claim: 2, Attachment: 0 }))).toEqual({
      Claim: 2,
      Attachment: 0,
    });
    await runPurge({ log }, 'claims', async () => ({ Claim: 0 }));
    expect(lines).toEqual([['retention purge', { service: 'claims', deleted: { Claim: 2 } }]]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type ClaimStatus,
  checkTransition,
  type Mover,
  nextStatuses,
  ClaimStatus as S,
} from '../src/domain/lifecycle.ts';

// The expected table, written independently of the module: the claim process as the business describes it.
const ALLOWED: Record<ClaimStatus, Partial<Record<ClaimStatus, Mover>>> = {
  DECLARED: { ACKNOWLEDGED: 'ADJUSTER', DOCUMENTS_REQUESTED: 'ADJUSTER', REFUSED: 'ADJUSTER' },
  ACKNOWLEDGED: {
    DOCUMENTS_REQUESTED: 'ADJUSTER',
    EXPERT_ASSIGNED: 'ADJUSTER',
    INDEMNITY_COMPUTED: 'ADJUSTER',
    REFUSED: 'ADJUSTER',
  },
  DOCUMENTS_REQUESTED: { ACKNOWLEDGED: 'ADJUSTER', EXPERT_ASSIGNED: 'ADJUSTER', REFUSED: 'ADJUSTER' },
  EXPERT_ASSIGNED: { EXPERT_REPORT: 'ADJUSTER', DOCUMENTS_REQUESTED: 'ADJUSTER' },
  EXPERT_REPORT: { INDEMNITY_COMPUTED: 'ADJUSTER', DOCUMENTS_REQUESTED: 'ADJUSTER', REFUSED: 'ADJUSTER' },
  INDEMNITY_COMPUTED: { PAID: 'SYSTEM', REFUSED: 'ADJUSTER' },
  PAID: { CLOSED: 'ADJUSTER' },
  CLOSED: { REOPENED: 'ADJUSTER' },
  REFUSED: { REOPENED: 'ADJUSTER', CLOSED: 'ADJUSTER' },
  REOPENED: {
    ACKNOWLEDGED: 'ADJUSTER',
    DOCUMENTS_REQUESTED: 'ADJUSTER',
    EXPERT_ASSIGNED: 'ADJUSTER',
    REFUSED: 'ADJUSTER',
  },
};

const STATUSES = Object.values(S);
const other = (mover: Mover): Mover => (mover === 'ADJUSTER' ? 'SYSTEM' : 'ADJUSTER');
const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => ({ from, to, mover: ALLOWED[from][to] })));
const allowed = pairs.filter((p): p is { from: ClaimStatus; to: ClaimStatus; mover: Mover } => p.mover !== undefined);
const forbidden = pairs.filter((p) => p.mover === undefined);

describe('checkTransition', () => {
  it('covers every (from, to) pair of the ten statuses', () => {
    expect(STATUSES).toHaveLength(10);
    expect(allowed.length + forbidden.length).toBe(100);
  });

  it.each(allowed)('lets $mover move a claim from $from to $to', ({ from, to, mover }) => {
    expect(checkTransition(from, to, mover, 'reason given')).toEqual({ ok: true });
  });

  it.each(allowed)('refuses a move from $from to $to by the wrong mover', ({ from, to, mover }) => {
    expect(checkTransition(from, to, other(mover), 'reason given')).toEqual({ ok: false, reason: 'WRONG_ACTOR' });
  });

  it.each(forbidden)('refuses a move from $from to $to for any mover', ({ from, to }) => {
    expect(checkTransition(from, to, 'ADJUSTER', 'reason given')).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
    expect(checkTransition(from, to, 'SYSTEM', 'reason given')).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
  });

  it('never lets a claim stay in its own status', () => {
    for (const status of STATUSES)
      expect(checkTransition(status, status, 'ADJUSTER', 'x')).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
  });

  it('lets only the system record a payment', () => {
    expect(checkTransition(S.INDEMNITY_COMPUTED, S.PAID, 'SYSTEM', null)).toEqual({ ok: true });
    expect(checkTransition(S.INDEMNITY_COMPUTED, S.PAID, 'ADJUSTER', null)).toEqual({
      ok: false,
      reason: 'WRONG_ACTOR',
    });
  });

  const refusals = allowed.filter((p) => p.to === S.REFUSED);

  it.each(refusals)('requires a note to refuse a claim from $from', ({ from }) => {
    for (const note of [null, '', '   ', '\n\t']) {
      expect(checkTransition(from, S.REFUSED, 'ADJUSTER', note)).toEqual({ ok: false, reason: 'NOTE_REQUIRED' });
    }
    expect(checkTransition(from, S.REFUSED, 'ADJUSTER', 'Sinistre antérieur à la souscription.')).toEqual({ ok: true });
  });

  it('does not require a note for moves other than a refusal', () => {
    for (const { from, to, mover } of allowed.filter((p) => p.to !== S.REFUSED)) {
      expect(checkTransition(from, to, mover, null)).toEqual({ ok: true });
    }
  });

  it('reports the wrong mover before a missing note', () => {
    expect(checkTransition(S.DECLARED, S.REFUSED, 'SYSTEM', null)).toEqual({ ok: false, reason: 'WRONG_ACTOR' });
  });

  it('walks the usual path from declaration to closing', () => {
    const path: [ClaimStatus, Mover][] = [
      [S.ACKNOWLEDGED, 'ADJUSTER'],
      [S.EXPERT_ASSIGNED, 'ADJUSTER'],
      [S.EXPERT_REPORT, 'ADJUSTER'],
      [S.INDEMNITY_COMPUTED, 'ADJUSTER'],
      [S.PAID, 'SYSTEM'],
      [S.CLOSED, 'ADJUSTER'],
    ];
    let current: ClaimStatus = S.DECLARED;
    for (const [to, mover] of path) {
      expect(checkTransition(current, to, mover, null), `${current} → ${to}`).toEqual({ ok: true });
      current = to;
    }
    expect(current).toBe(S.CLOSED);
  });
});

describe('nextStatuses', () => {
  it.each(STATUSES)('lists exactly the statuses that may follow %s', (from) => {
    expect([...nextStatuses(from)].sort()).toEqual(Object.keys(ALLOWED[from]).sort());
  });
});

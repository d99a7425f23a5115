// The claim state machine: which status may follow which, and who may make each move. Pure, unit-tested.

export const ClaimStatus = {
  DECLARED: 'DECLARED',
  ACKNOWLEDGED: 'ACKNOWLEDGED',
  DOCUMENTS_REQUESTED: 'DOCUMENTS_REQUESTED',
  EXPERT_ASSIGNED: 'EXPERT_ASSIGNED',
  EXPERT_REPORT: 'EXPERT_REPORT',
  INDEMNITY_COMPUTED: 'INDEMNITY_COMPUTED',
  PAID: 'PAID',
  CLOSED: 'CLOSED',
  REFUSED: 'REFUSED',
  REOPENED: 'REOPENED',
} as const;
export type ClaimStatus = (typeof ClaimStatus)[keyof typeof ClaimStatus];

/** Who moves a claim: a claims adjuster, or the system (payout recorded by payments). */
export type Mover = 'ADJUSTER' | 'SYSTEM';

const S = ClaimStatus;
/** For each status, the statuses that may follow and who may move there. */
const TRANSITIONS: Record<ClaimStatus, Partial<Record<ClaimStatus, Mover>>> = {
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

/** Why a move is refused: not a move of the lifecycle, a move the system makes, or a refusal without its reason. */
export const TRANSITION_REFUSALS = ['NOT_ALLOWED', 'WRONG_ACTOR', 'NOTE_REQUIRED'] as const;
export type TransitionRefusal = (typeof TRANSITION_REFUSALS)[number];
export type TransitionCheck = { ok: true } | { ok: false; reason: TransitionRefusal };

/** Whether `mover` may move a claim from `from` to `to` (a refusal must say why). */
export function checkTransition(
  from: ClaimStatus,
  to: ClaimStatus,
  mover: Mover,
  note: string | null,
): TransitionCheck {
  const allowed = TRANSITIONS[from][to];
  if (!allowed) return { ok: false, reason: 'NOT_ALLOWED' };
  if (allowed !== mover) return { ok: false, reason: 'WRONG_ACTOR' };
  if (to === S.REFUSED && !note?.trim()) return { ok: false, reason: 'NOTE_REQUIRED' };
  return { ok: true };
}

export const nextStatuses = (from: ClaimStatus): ClaimStatus[] => Object.keys(TRANSITIONS[from]) as ClaimStatus[];

/** Where `mover` may move a claim from `from` (a refusal still needs its note). */
export const movesFor = (from: ClaimStatus, mover: Mover): ClaimStatus[] =>
  nextStatuses(from).filter((to) => TRANSITIONS[from][to] === mover);

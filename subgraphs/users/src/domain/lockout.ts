/** Consecutive failures that lock an account. */
export const MAX_FAILED_SIGN_INS = 5;
/** How long a lock lasts. */
export const LOCK_DURATION_MS = 30 * 60_000;

export const isLocked = (lockedUntil: Date | null, now: Date): lockedUntil is Date =>
  !!lockedUntil && lockedUntil > now;

/** The lock end after a failure that brings the count to `failures`, or null when the account stays open. */
export const lockAfterFailure = (failures: number, now: Date): Date | null =>
  failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCK_DURATION_MS) : null;

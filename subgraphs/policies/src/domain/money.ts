// Integer-cent arithmetic. Rates are integer basis points so that no float ever reaches a stored amount. (Amounts
// are written in French by @abri/platform/french.)

/** `numerator / denominator` rounded to the nearest integer, halves away from zero; `denominator` > 0. */
export function divRound(numerator: number, denominator: number): number {
  const quotient = Math.trunc(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  const rounded = 2 * Math.abs(remainder) >= denominator ? quotient + Math.sign(numerator) : quotient;
  // `+ 0` turns -0 into 0: a refund of nothing is not a negative amount.
  return rounded + 0;
}

/** `amountCents` × `basisPoints` / 10 000, rounded to the cent (1 500 bp = 15 %). */
export const applyRate = (amountCents: number, basisPoints: number): number =>
  divRound(amountCents * basisPoints, 10_000);

// Integer-cent arithmetic and the French way of writing amounts. Rates are integer basis points so that no float
// ever reaches a stored amount.

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

// No-break spaces keep "1 520 €" on one line in PDFs; U+00A0 rather than the typographic U+202F because not every
// embedded font has a glyph for the latter.
const NBSP = '\u00a0';

/** `152000` → `1 520 €`, `1234` → `12,34 €`, `-500` → `-5 €` (no-break spaces). */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const rest = abs % 100;
  return `${sign}${euros}${rest === 0 ? '' : `,${rest.toString().padStart(2, '0')}`}${NBSP}€`;
}

/** `1500` → `15 %`, `1250` → `12,5 %`. */
export function formatRate(basisPoints: number): string {
  return `${(basisPoints / 100).toString().replace('.', ',')}${NBSP}%`;
}

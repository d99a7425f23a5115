// French formatting for the screens: amounts "1 234,56 €" and dates "1er décembre 2026", with the non-breaking
// spaces French typography wants.
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

export const money = (value: { amountCents: number; currency: string } | null | undefined) =>
  value
    ? value.currency === 'EUR'
      ? euros.format(value.amountCents / 100)
      : new Intl.NumberFormat('fr-FR', { style: 'currency', currency: value.currency }).format(value.amountCents / 100)
    : '—';

const dayMonthYear = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});

/** "1er décembre 2026" from a date ("2026-12-01") or an instant. */
export function date(value: string | null | undefined): string {
  if (!value) return '—';
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  const text = dayMonthYear.format(at);
  return text.replace(/^1 /, '1er ').replace(/ /g, '\u00a0');
}

/** "1er décembre 2026 à 14:05". */
export function dateTime(value: string): string {
  const at = new Date(value);
  const time = new Intl.DateTimeFormat('fr-FR', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Paris',
  }).format(at);
  return `${date(value)} à\u00a0${time}`;
}

/** "+12,34 €" or "−5,00 €" (a true minus sign): a difference, as a price change reads. */
export function signedMoney(value: { amountCents: number; currency: string } | null | undefined): string {
  if (!value) return '—';
  const sign = value.amountCents > 0 ? '+' : value.amountCents < 0 ? '\u2212' : '';
  return `${sign}${money({ ...value, amountCents: Math.abs(value.amountCents) })}`;
}

/** "40 %" (with the narrow non-breaking space French puts before the sign), from a share out of 100. */
export const percent = (value: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);

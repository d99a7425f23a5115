// How Abri writes amounts and dates in French, for every channel (GraphQL messages, e-mails, PDFs, search snippets).
//
// Spaces: U+00A0 (no-break space) between thousands and before "€" or "%". It keeps "1 520,00 €" on one line, and it
// is the one no-break space the standard PDF fonts can draw: they are encoded as WinAnsi, which lacks the narrow
// U+202F that Intl puts between thousands (pdfkit would print it as an unknown code of zero width, gluing "1520").

/** The no-break space of French typography that every font Abri prints with can draw. */
export const NBSP = '\u00a0';
/** `1000000` → `1 000 000`: a whole number with its thousands grouped. */
export const grouped = (whole: number): string => whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);

function checkedCents(cents: number): number {
  if (!Number.isInteger(cents)) throw new RangeError(`amounts are integer cents, got ${cents}`);
  return cents;
}

/** `152000` → `1 520,00 €`, `-1234` → `-12,34 €`: for documents, tables and anything read as an account. */
export function euros(cents: number): string {
  const abs = Math.abs(checkedCents(cents));
  const sign = cents < 0 ? '-' : '';
  return `${sign}${grouped(Math.trunc(abs / 100))},${(abs % 100).toString().padStart(2, '0')}${NBSP}€`;
}

/** `152000` → `1 520 €`, `1234` → `12,34 €`: in prose, where ",00" only weighs the sentence down. */
export function eurosInText(cents: number): string {
  const abs = Math.abs(checkedCents(cents));
  const sign = cents < 0 ? '-' : '';
  const rest = abs % 100;
  return `${sign}${grouped(Math.trunc(abs / 100))}${rest === 0 ? '' : `,${rest.toString().padStart(2, '0')}`}${NBSP}€`;
}

/** `1500` basis points → `15 %`, `1250` → `12,5 %`. */
export function percent(basisPoints: number): string {
  return `${(basisPoints / 100).toString().replace('.', ',')}${NBSP}%`;
}

// Calendar days are stored as UTC midnights; reading them in UTC keeps the printed day the stored one.
const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const withFirst = (parts: Intl.DateTimeFormatPart[]) =>
  parts.map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value)).join('');

/** A calendar day (UTC midnight): `2025-03-15` → `15 mars 2025`, the first of the month `1er mars 2025`. */
export function frenchDate(day: Date): string {
  if (Number.isNaN(day.getTime())) throw new RangeError('frenchDate() got an invalid date');
  return withFirst(LONG_DATE.formatToParts(day));
}

/** An instant as lived in Paris: `1er décembre 2026 à 14 h 05`. */
export function frenchDateTime(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('frenchDateTime() got an invalid date');
  const day = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).formatToParts(instant);
  const [hours, minutes] = PARIS_TIME.format(instant).split(':');
  return `${withFirst(day)} à ${Number(hours)}${NBSP}h${NBSP}${minutes}`;
}

// What the standard PDF fonts can draw: Latin-1 printable ranges plus the Windows-1252 extras pdfkit maps (€, œ, ’…).
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const isWinAnsi = (char: string) => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
};

/**
 * Text made drawable with the standard PDF fonts: any Unicode space becomes U+00A0, a name like "Dvořák" loses only
 * the accent the font lacks ("Dvorák"), and what cannot be approached (other scripts) becomes "?" rather than an
 * invisible glyph.
 */
export function printable(text: string): string {
  return Array.from(text.normalize('NFC').replace(/[\u202F\u2009\u00A0]/g, NBSP), (char) => {
    if (isWinAnsi(char)) return char;
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    return base !== '' && Array.from(base).every(isWinAnsi) ? base : '?';
  }).join('');
}

// French formatting for rendered documents. The PDFs use the standard 14 fonts, which pdfkit encodes as WinAnsi: the
// no-break space U+00A0 exists there (it renders as a space and keeps "1 520,00 €" on one line), but the narrow
// no-break space U+202F that Intl puts between thousands does not (pdfkit emits it as an unknown code of zero width,
// so "1520,00 €" would come out glued or garbled). Hence the replacement below.

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

// Calendar days of a contract are stored as UTC midnights; reading them in UTC keeps the printed day the stored one.
const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Any Unicode space Intl may emit, turned into the one space WinAnsi fonts have that does not break a line. */
const toWinAnsiSpaces = (text: string) => text.replace(/[\u202F\u2009\u00A0]/g, '\u00A0');

/** `152000` → `'1 520,00 €'` (spaces are U+00A0). Amounts are integer cents, as everywhere in Abri. */
export function euros(cents: number): string {
  if (!Number.isInteger(cents)) throw new RangeError(`euros() takes integer cents, got ${cents}`);
  return toWinAnsiSpaces(EUROS.format(cents / 100));
}

/** `2025-03-15` → `'15 mars 2025'`; the first of the month is written `'1er mars 2025'`, as French usage wants. */
export function frenchDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('frenchDate() got an invalid date');
  return LONG_DATE.formatToParts(date)
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}

// What the standard fonts can draw: Latin-1 printable ranges plus the Windows-1252 extras pdfkit maps (€, œ, ’, …).
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const isWinAnsi = (char: string) => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
};

/**
 * Text from the database made drawable with the standard fonts: a name like "Dvořák" loses only the accent the font
 * lacks ("Dvorák"), and what cannot be approached (other scripts) becomes "?" rather than an invisible glyph.
 */
export function printable(text: string): string {
  return Array.from(toWinAnsiSpaces(text.normalize('NFC')), (char) => {
    if (isWinAnsi(char)) return char;
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    return base !== '' && Array.from(base).every(isWinAnsi) ? base : '?';
  }).join('');
}

// IBAN check per ISO 13616: known country, exact length for that country, national account shape where we know it,
// then mod 97 = 1. Pure, so the SEPA mandate form and the payment-method mutation share one answer.

export type IbanCheck =
  | { ok: true; iban: string; country: string }
  | { ok: false; reason: 'FORMAT' | 'COUNTRY' | 'LENGTH' | 'CHECKSUM' };

/**
 * IBAN lengths of the SEPA scheme countries (SWIFT IBAN registry). French overseas departments and Monaco's banks use
 * FR/MC IBANs, so no separate entry is needed for them.
 */
const IBAN_LENGTH: Readonly<Record<string, number>> = {
  AD: 24,
  AL: 28,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  RS: 22,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

/**
 * Shape of the national part (BBAN) for the countries our customers use most, so a letter typed where the bank
 * expects a digit is reported as a format error rather than a puzzling checksum error. Other countries only get the
 * generic alphanumeric check.
 */
const BBAN_SHAPE: Readonly<Record<string, RegExp>> = {
  AT: /^\d{16}$/,
  BE: /^\d{12}$/,
  CH: /^\d{5}[A-Z0-9]{12}$/,
  DE: /^\d{18}$/,
  DK: /^\d{14}$/,
  ES: /^\d{20}$/,
  FI: /^\d{14}$/,
  FR: /^\d{10}[A-Z0-9]{11}\d{2}$/,
  GB: /^[A-Z]{4}\d{14}$/,
  IE: /^[A-Z]{4}\d{14}$/,
  IT: /^[A-Z]\d{10}[A-Z0-9]{12}$/,
  LU: /^\d{3}[A-Z0-9]{13}$/,
  MC: /^\d{10}[A-Z0-9]{11}\d{2}$/,
  NL: /^[A-Z]{4}\d{10}$/,
  NO: /^\d{11}$/,
  PL: /^\d{24}$/,
  PT: /^\d{21}$/,
  SE: /^\d{20}$/,
};

/** Removes every kind of white space (customers paste IBANs with spaces or non-breaking spaces) and upper-cases. */
export function normaliseIban(raw: string): string {
  return raw.replace(/\s+/gu, '').toUpperCase();
}

/**
 * ISO 7064 mod 97-10 over the rearranged IBAN, digit by digit: the number has up to ~70 digits, far beyond
 * Number precision, and carrying only the remainder keeps every intermediate value below 970.
 */
function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    // Letters count as 10 (A) to 35 (Z), i.e. two digits.
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

export function validateIban(raw: string): IbanCheck {
  const iban = normaliseIban(raw);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return { ok: false, reason: 'FORMAT' };
  const country = iban.slice(0, 2);
  const length = IBAN_LENGTH[country];
  if (length === undefined) return { ok: false, reason: 'COUNTRY' };
  if (iban.length !== length) return { ok: false, reason: 'LENGTH' };
  const shape = BBAN_SHAPE[country];
  if (shape !== undefined && !shape.test(iban.slice(4))) return { ok: false, reason: 'FORMAT' };
  if (mod97(iban) !== 1) return { ok: false, reason: 'CHECKSUM' };
  return { ok: true, iban, country };
}

/** Paper format: groups of four characters separated by a space. */
export function formatIban(iban: string): string {
  return normaliseIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Shows the country and check digits and the last few characters, enough for a customer to recognise their account
 * without exposing it: the tail is the last group when it has 3 or 4 characters, else the last 4 characters.
 */
export function maskIban(iban: string): string {
  const compact = normaliseIban(iban);
  const rest = compact.length % 4;
  const tail = rest === 3 ? 3 : 4;
  if (compact.length <= 4 + tail) return formatIban(compact);
  const hidden = '•'.repeat(compact.length - 4 - tail);
  return formatIban(compact.slice(0, 4) + hidden + compact.slice(-tail));
}

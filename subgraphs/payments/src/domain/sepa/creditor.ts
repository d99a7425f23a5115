// The SEPA creditor identifier (ICS, « identifiant créancier SEPA » in France): country, two check digits computed
// like an IBAN's over the national part and the country (the 3-character business code is left out), a business
// code, then the national identifier. Checked once, when the configuration is read.
import type { Creditor } from './pain008.ts';

const letterDigits = (text: string) =>
  [...text.toUpperCase()].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');

const mod97 = (digits: string) => [...digits].reduce((rest, d) => (rest * 10 + Number(d)) % 97, 0);

export function isCreditorIdentifier(id: string): boolean {
  const match = /^([A-Z]{2})(\d{2})([A-Z0-9]{3})([A-Z0-9]{1,28})$/.exec(id);
  if (!match) return false;
  const [, country, check, , national] = match;
  return mod97(letterDigits(`${national}${country}${check}`)) === 1;
}

/** The demo insurer's collecting account and creditor identifier: fictitious, like the demo insurer itself. */
export const DEMO_CREDITOR: Omit<Creditor, 'name'> = {
  creditorId: 'FR72ZZZ123456',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPPXXX',
};

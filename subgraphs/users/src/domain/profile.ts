// Rules for the fields a customer edits themself.

export interface ProfileInput {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  /** E.164 or French national format; empty string removes it. */
  phone?: string | null | undefined;
  postalAddress?: PostalAddress | null | undefined;
}

/** Where letters go: a French address (the insured home changes only by accepting a move quote). */
export interface PostalAddress {
  addressLine: string;
  postalCode: string;
  city: string;
}

export interface ProfileValues {
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  postalAddress?: PostalAddress;
}

/** Two addresses are the same place when they read the same, case and spacing aside. */
export const sameAddress = (a: PostalAddress | null | undefined, b: PostalAddress | null | undefined) => {
  const key = (x: PostalAddress) =>
    [x.addressLine, x.postalCode, x.city].map((v) => v.trim().replace(/\s+/g, ' ').toLowerCase()).join('|');
  return !!a && !!b && key(a) === key(b);
};

const NAME = /^[\p{L}][\p{L}\p{M}' .-]{0,99}$/u;

/** Normalises a phone number to E.164 (French numbers by default); null when it is not one. */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.()-]/g, '');
  if (/^0[1-9]\d{8}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (/^\+[1-9]\d{7,14}$/.test(compact)) return compact;
  return null;
}

export function validateProfile(
  input: ProfileInput,
): { kind: 'ok'; values: ProfileValues } | { kind: 'invalid'; field: string; message: string } {
  const values: ProfileValues = {};
  for (const field of ['firstName', 'lastName'] as const) {
    const raw = input[field];
    if (raw === undefined || raw === null) continue;
    const value = raw.trim().normalize('NFC');
    if (!NAME.test(value))
      return { kind: 'invalid', field, message: 'Ce nom contient des caractères non acceptés ou est trop long.' };
    values[field] = value;
  }
  if (input.phone !== undefined && input.phone !== null) {
    if (input.phone.trim() === '') values.phone = null;
    else {
      const phone = normalisePhone(input.phone);
      if (!phone) return { kind: 'invalid', field: 'phone', message: 'Numéro de téléphone invalide.' };
      values.phone = phone;
    }
  }
  if (input.postalAddress) {
    const tidy = (v: string) => v.trim().replace(/\s+/g, ' ').normalize('NFC');
    const address = {
      addressLine: tidy(input.postalAddress.addressLine),
      postalCode: tidy(input.postalAddress.postalCode),
      city: tidy(input.postalAddress.city),
    };
    if (!address.addressLine || address.addressLine.length > 200)
      return { kind: 'invalid', field: 'postalAddress.addressLine', message: 'Indiquez le numéro et la voie.' };
    if (!/^\d{5}$/.test(address.postalCode))
      return { kind: 'invalid', field: 'postalAddress.postalCode', message: 'Le code postal compte 5 chiffres.' };
    if (!address.city || address.city.length > 100)
      return { kind: 'invalid', field: 'postalAddress.city', message: 'Indiquez la commune.' };
    values.postalAddress = address;
  }
  return { kind: 'ok', values };
}

// Rules for the fields a customer edits themself.

export interface ProfileInput {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  /** E.164 or French national format; empty string removes it. */
  phone?: string | null | undefined;
}

export interface ProfileValues {
  firstName?: string;
  lastName?: string;
  phone?: string | null;
}

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
  return { kind: 'ok', values };
}

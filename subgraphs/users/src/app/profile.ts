// Profile edits: validated, written with their event in one transaction, pushed to every device of the customer.
import { encryptField } from '@abri/platform';
import { type ProfileInput, validateProfile } from '../domain/profile.ts';
import type { UsersApp } from './index.ts';
import { Topics } from './index.ts';

export const phoneContext = (customerId: string) => `customer:${customerId}:phone`;

export type UpdateProfileOutcome =
  | { kind: 'updated'; changedFields: string[] }
  | { kind: 'invalid'; field: string; message: string };

export async function updateProfile(
  app: UsersApp,
  customerId: string,
  input: ProfileInput,
): Promise<UpdateProfileOutcome> {
  const checked = validateProfile(input);
  if (checked.kind === 'invalid') return checked;
  const { values } = checked;
  const now = app.clock.now();
  const changedFields = await app.prisma.$transaction(async (tx) => {
    const current = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((field) => {
      if (field === 'phone') return true; // ciphertexts differ each time: a phone given is a phone changed
      return values[field] !== current[field];
    });
    if (!changed.length) return changed;
    await tx.customer.update({
      where: { id: customerId },
      data: {
        ...(values.firstName !== undefined ? { firstName: values.firstName } : {}),
        ...(values.lastName !== undefined ? { lastName: values.lastName } : {}),
        ...(values.phone !== undefined
          ? {
              phoneEncrypted: values.phone ? encryptField(app.keyring, values.phone, phoneContext(customerId)) : null,
              // A new number has not been confirmed yet (the security score says so).
              phoneVerifiedAt: null,
            }
          : {}),
      },
    });
    await app.outbox.add(tx, {
      topic: Topics.profileChanged,
      customerId,
      payload: { changedFields: changed },
      at: now,
    });
    return changed;
  });
  if (changedFields.length) app.outbox.kick();
  return { kind: 'updated', changedFields };
}

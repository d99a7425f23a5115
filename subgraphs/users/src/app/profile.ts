// Profile edits: validated, written with their event in one transaction, pushed to every device of the customer.
import { decryptField, encryptField } from '@abri/platform';
import { type ProfileInput, validateProfile } from '../domain/profile.ts';
import { sendPhoneCode } from './contact-change.ts';
import type { UsersApp } from './index.ts';
import { Topics } from './index.ts';
import { announceSecurityChange } from './step-up.ts';

export const phoneContext = (customerId: string) => `customer:${customerId}:phone`;

export type UpdateProfileOutcome =
  | { kind: 'updated'; changedFields: string[] }
  | { kind: 'invalid'; field: string; message: string }
  /** The phone (where recovery codes go) changes only after a recent proof of the password. */
  | { kind: 'reauthenticationRequired' };

/** Who asks: their session, and whether it proved the password in the last minutes (see step-up.ts). */
export interface Requester {
  sessionId: string;
  recentlyAuthenticated: boolean;
}

export async function updateProfile(
  app: UsersApp,
  customerId: string,
  input: ProfileInput,
  by: Requester,
): Promise<UpdateProfileOutcome> {
  const checked = validateProfile(input);
  if (checked.kind === 'invalid') return checked;
  const { values } = checked;
  const now = app.clock.now();
  const changedFields = await app.prisma.$transaction(async (tx) => {
    const current = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
    const currentPhone = current.phoneEncrypted
      ? decryptField(app.keyring, current.phoneEncrypted, phoneContext(customerId))
      : null;
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((field) =>
      field === 'phone' ? (values.phone ?? null) !== currentPhone : values[field] !== current[field],
    );
    if (changed.includes('phone') && !by.recentlyAuthenticated) return 'reauthenticationRequired' as const;
    if (!changed.length) return changed;
    await tx.customer.update({
      where: { id: customerId },
      data: {
        ...(values.firstName !== undefined ? { firstName: values.firstName } : {}),
        ...(values.lastName !== undefined ? { lastName: values.lastName } : {}),
        ...(values.phone !== undefined
          ? {
              phoneEncrypted: values.phone ? encryptField(app.keyring, values.phone, phoneContext(customerId)) : null,
              // A new number is not confirmed yet: recovery codes and SMS alerts still go to the previous confirmed
              // number (recoveryPhoneEncrypted) until the code sent to it comes back (confirmPhone). Removing the
              // number removes it from recovery too.
              phoneVerifiedAt: null,
              ...(values.phone ? {} : { recoveryPhoneEncrypted: null }),
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
    if (changed.includes('phone')) {
      await announceSecurityChange(app, tx, customerId, by.sessionId, 'phone', current.recoveryPhoneEncrypted);
      if (values.phone) await sendPhoneCode(app, tx, customerId, values.phone);
    }
    return changed;
  });
  if (changedFields === 'reauthenticationRequired') return { kind: changedFields };
  if (changedFields.length) app.outbox.kick();
  if (changedFields.includes('phone')) app.kickMessages();
  return { kind: 'updated', changedFields };
}

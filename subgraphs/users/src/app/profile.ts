// Profile edits: validated, written with their event in one transaction, pushed to every device of the customer.
// A name correction travels in the event to policies, which keeps the holder's name for the documents it issues and
// passes it on to claims and payments (their own copies): every document issued afterwards prints the new name, those
// issued before stay as issued. A new postal address is where letters go; the insured home does not move with it
// (see schema/customer.ts, `PostalAddressChange`).
import { randomUUID } from 'node:crypto';
import { decryptField, Events, encryptField, type ProfileChangedPayload } from '@abri/platform';
import type { Prisma } from '../../../../prisma/users/generated/prisma/client.ts';
import { type PostalAddress, type ProfileInput, sameAddress, validateProfile } from '../domain/profile.ts';
import { sendPhoneCode } from './contact-change.ts';
import type { UsersApp } from './index.ts';
import { noteSecurityChange } from './security-score.ts';
import { announceSecurityChange } from './step-up.ts';

export const phoneContext = (customerId: string) => `customer:${customerId}:phone`;

/**
 * Tells every device of the customer (and the subgraphs that keep a copy) that `fields` changed, inside the change's
 * transaction `tx`. `details` carries what the copies need (the new name).
 */
export async function announceProfileChange(
  app: UsersApp,
  tx: Prisma.TransactionClient,
  customerId: string,
  fields: string[],
  at: Date,
  details: Omit<ProfileChangedPayload, 'changedFields'> = {},
): Promise<void> {
  const payload: ProfileChangedPayload = { changedFields: fields, ...details };
  await app.outbox.add(tx, Events.profileChanged, { customerId, payload, at });
}

/** A new postal address, as other subgraphs resolve it (policies prices the move of the home it leaves). */
export interface AddressChange extends PostalAddress {
  id: string;
  customerId: string;
}

export type UpdateProfileOutcome =
  | { kind: 'updated'; changedFields: string[]; addressChange: AddressChange | null }
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
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((field) => {
      if (field === 'phone') return (values.phone ?? null) !== currentPhone;
      if (field === 'postalAddress')
        return !sameAddress(values.postalAddress, current.postalAddress as PostalAddress | null);
      return values[field] !== current[field];
    });
    if (changed.includes('phone') && !by.recentlyAuthenticated) return 'reauthenticationRequired' as const;
    if (!changed.length) return changed;
    await tx.customer.update({
      where: { id: customerId },
      data: {
        ...(values.firstName !== undefined ? { firstName: values.firstName } : {}),
        ...(values.lastName !== undefined ? { lastName: values.lastName } : {}),
        ...(values.postalAddress ? { postalAddress: { ...values.postalAddress } } : {}),
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
    const renamed = changed.includes('firstName') || changed.includes('lastName');
    await announceProfileChange(app, tx, customerId, changed, now, {
      ...(renamed
        ? { name: { firstName: values.firstName ?? current.firstName, lastName: values.lastName ?? current.lastName } }
        : {}),
    });
    if (changed.includes('phone')) {
      await announceSecurityChange(app, tx, customerId, by.sessionId, 'phone', current.recoveryPhoneEncrypted);
      if (values.phone) await sendPhoneCode(app, tx, customerId, values.phone);
    }
    return changed;
  });
  if (changedFields === 'reauthenticationRequired') return { kind: changedFields };
  if (changedFields.length) app.outbox.kick();
  if (changedFields.includes('phone')) {
    // An unconfirmed (or removed) number moves the score.
    await noteSecurityChange(app, customerId);
    app.kickMessages();
  }
  const addressChange =
    changedFields.includes('postalAddress') && values.postalAddress
      ? { id: randomUUID(), customerId, ...values.postalAddress }
      : null;
  return { kind: 'updated', changedFields, addressChange };
}

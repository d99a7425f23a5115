// Payment methods: cards (the payment provider's token, brand, last four digits, expiry; never the number) and SEPA
// mandates (IBAN checked by ISO 13616, encrypted at rest, shown masked; mandate reference generated). One default;
// the last active method cannot be removed while premiums are due. One bank account backs one active mandate at most,
// found through a keyed blind index of the IBAN (the IBAN itself is only stored encrypted).
import { blindIndexes, decryptField, Events, encryptField } from '@abri/platform';
import { parisDay } from '@abri/platform/french';
import type { PaymentsApp } from '../context.ts';
import { validateIban } from '../domain/iban.ts';
import { mandateCustomerPart, mandateReference } from '../domain/mandate.ts';

/** On the customer's stream (users copies it for their devices), and by e-mail: a method added, removed or made default. */
type Tx = Parameters<Parameters<PaymentsApp['prisma']['$transaction']>[0]>[0];
const announce = (
  app: PaymentsApp,
  tx: Tx,
  customerId: string,
  change: 'added' | 'removed' | 'defaultChanged',
  methodId: string,
) =>
  app.outbox.add(tx, Events.paymentMethodsChanged, { customerId, payload: { change, methodId }, at: app.clock.now() });

export const ibanContext = (methodId: string) => `payment-method:${methodId}:iban`;
/** The blind indexes of a normalised IBAN (`validateIban`'s output), one per key of the ring. */
export const ibanIndexes = (app: PaymentsApp, iban: string) => blindIndexes(app.keyring, iban, 'iban');

/** SEPA core: the debtor is notified at least 14 calendar days before a debit unless agreed otherwise. */
export const PRE_NOTIFICATION_DAYS = 14;

/** Why a method was refused: the schema layer turns each into its French message. */
export type InvalidMethodReason =
  | 'ibanInvalid'
  | 'holderNameLength'
  | 'cardTokenInvalid'
  | 'cardLast4Invalid'
  | 'cardExpired'
  | 'cardBrandUnknown'
  | 'ibanAlreadyRegistered';

export type MethodOutcome =
  | { kind: 'added'; methodId: string }
  | { kind: 'invalid'; field: string; reason: InvalidMethodReason };

async function makeDefaultIfFirst(app: PaymentsApp, customerId: string, methodId: string, makeDefault: boolean) {
  const others = await app.prisma.paymentMethod.count({
    where: { customerId, removedAt: null, id: { not: methodId } },
  });
  if (makeDefault || others === 0) await setDefault(app, customerId, methodId);
}

export async function addSepaMandate(
  app: PaymentsApp,
  customerId: string,
  input: { iban: string; holderName: string; makeDefault?: boolean | null },
): Promise<MethodOutcome> {
  const checked = validateIban(input.iban);
  if (!checked.ok) return { kind: 'invalid', field: 'iban', reason: 'ibanInvalid' };
  const holder = input.holderName.trim();
  if (holder.length < 2 || holder.length > 70)
    return { kind: 'invalid', field: 'holderName', reason: 'holderNameLength' };
  const now = app.clock.now();
  const id = crypto.randomUUID();
  const sequence = (await app.prisma.paymentMethod.count({ where: { customerId, kind: 'SEPA_DEBIT' } })) + 1;
  const index = ibanIndexes(app, checked.iban);
  // Whoever holds it (this customer or another), the answer is the same and names nobody: the customer only learns
  // that the account they typed is already in use here.
  const taken: MethodOutcome = { kind: 'invalid', field: 'iban', reason: 'ibanAlreadyRegistered' };
  if (await app.prisma.paymentMethod.count({ where: { ibanIndex: { in: index.all }, removedAt: null } })) return taken;
  try {
    await app.prisma.$transaction(async (tx) => {
      await tx.paymentMethod.create({
        data: {
          id,
          customerId,
          kind: 'SEPA_DEBIT',
          ibanEncrypted: encryptField(app.keyring, checked.iban, ibanContext(id)),
          ibanLast4: checked.iban.slice(-4),
          ibanIndex: index.current,
          holderName: holder,
          mandateReference: mandateReference(mandateCustomerPart(customerId), sequence, parisDay(now)),
          mandateSignedOn: parisDay(now),
          createdAt: now,
        },
      });
      await announce(app, tx, customerId, 'added', id);
    });
  } catch (error) {
    // Two registrations of one account at the same moment: the unique index lets one through.
    if (isUniqueViolation(error) && (await app.prisma.paymentMethod.count({ where: { ibanIndex: { in: index.all } } })))
      return taken;
    throw error;
  }
  app.outbox.kick();
  await makeDefaultIfFirst(app, customerId, id, input.makeDefault ?? false);
  return { kind: 'added', methodId: id };
}

export async function addCard(
  app: PaymentsApp,
  customerId: string,
  input: { pspToken: string; brand: string; last4: string; expiry: string; makeDefault?: boolean | null },
): Promise<MethodOutcome> {
  if (!/^[\w-]{8,200}$/.test(input.pspToken)) return { kind: 'invalid', field: 'pspToken', reason: 'cardTokenInvalid' };
  if (!/^\d{4}$/.test(input.last4)) return { kind: 'invalid', field: 'last4', reason: 'cardLast4Invalid' };
  const expiry = /^(0[1-9]|1[0-2])\/(\d{2})$/.exec(input.expiry);
  const now = app.clock.now();
  if (!expiry || new Date(Date.UTC(2000 + Number(expiry[2]), Number(expiry[1]), 1)) <= now)
    return { kind: 'invalid', field: 'expiry', reason: 'cardExpired' };
  if (!/^[\p{L} ]{2,20}$/u.test(input.brand)) return { kind: 'invalid', field: 'brand', reason: 'cardBrandUnknown' };
  const id = crypto.randomUUID();
  await app.prisma.$transaction(async (tx) => {
    await tx.paymentMethod.create({
      data: {
        id,
        customerId,
        kind: 'CARD',
        pspToken: input.pspToken,
        cardBrand: input.brand,
        cardLast4: input.last4,
        cardExpiry: input.expiry,
        createdAt: now,
      },
    });
    await announce(app, tx, customerId, 'added', id);
  });
  app.outbox.kick();
  await makeDefaultIfFirst(app, customerId, id, input.makeDefault ?? false);
  return { kind: 'added', methodId: id };
}

export type SetDefaultOutcome = { kind: 'set'; methodId: string } | { kind: 'methodNotFound' };

/** Makes one of the customer's methods the default; `methodNotFound` when it is not theirs or removed. */
export async function setDefault(app: PaymentsApp, customerId: string, methodId: string): Promise<SetDefaultOutcome> {
  const outcome = await app.prisma.$transaction(async (tx): Promise<SetDefaultOutcome> => {
    const method = await tx.paymentMethod.findFirst({ where: { id: methodId, customerId, removedAt: null } });
    if (!method) return { kind: 'methodNotFound' };
    await tx.paymentMethod.updateMany({ where: { customerId, isDefault: true }, data: { isDefault: false } });
    await tx.paymentMethod.update({ where: { id: methodId }, data: { isDefault: true } });
    await announce(app, tx, customerId, 'defaultChanged', methodId);
    return { kind: 'set', methodId };
  });
  app.outbox.kick();
  return outcome;
}

export type RemoveOutcome =
  | { kind: 'removed'; methodId: string }
  | { kind: 'methodNotFound' }
  | { kind: 'lastMethodWhilePremiumsDue' };

/** Serialises what changes a customer's methods or plans a debit on one (removeMethod, payArrear). */
export const lockMethods = (tx: Tx, customerId: string) =>
  tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `methods:${customerId}`);

export async function removeMethod(app: PaymentsApp, customerId: string, methodId: string): Promise<RemoveOutcome> {
  const outcome = await app.prisma.$transaction(async (tx): Promise<RemoveOutcome> => {
    // Serialise removals of one customer, so two concurrent removals cannot leave nothing.
    await lockMethods(tx, customerId);
    const method = await tx.paymentMethod.findFirst({ where: { id: methodId, customerId, removedAt: null } });
    if (!method) return { kind: 'methodNotFound' };
    const others = await tx.paymentMethod.findMany({
      where: { customerId, removedAt: null, id: { not: methodId } },
      orderBy: { createdAt: 'asc' },
    });
    const due = await tx.scheduledPayment.count({ where: { customerId, status: 'PLANNED' } });
    if (!others.length && due > 0) return { kind: 'lastMethodWhilePremiumsDue' };
    await tx.paymentMethod.update({
      where: { id: methodId },
      data: { removedAt: app.clock.now(), isDefault: false, ibanIndex: null },
    });
    if (method.isDefault && others[0])
      await tx.paymentMethod.update({ where: { id: others[0].id }, data: { isDefault: true } });
    // A debit planned on this mandate (an arrear the customer chose to pay with it) goes back to the default mandate,
    // as every other instalment; one already in a bank file stays on it there (its collection row says so).
    await tx.scheduledPayment.updateMany({
      where: { paymentMethodId: methodId, status: 'PLANNED' },
      data: { paymentMethodId: null },
    });
    await announce(app, tx, customerId, 'removed', methodId);
    return { kind: 'removed', methodId };
  });
  app.outbox.kick();
  return outcome;
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';

/**
 * Indexes the active mandates saved before the blind index existed (run at start, idempotent). An account already
 * indexed for another active mandate is left unindexed and logged: staff decide which mandate stays.
 */
export async function indexExistingIbans(app: PaymentsApp): Promise<number> {
  const rows = await app.prisma.paymentMethod.findMany({
    where: { kind: 'SEPA_DEBIT', removedAt: null, ibanIndex: null, ibanEncrypted: { not: null } },
    select: { id: true, ibanEncrypted: true },
  });
  let indexed = 0;
  for (const row of rows) {
    const iban = decryptField(app.keyring, row.ibanEncrypted!, ibanContext(row.id));
    const index = ibanIndexes(app, iban);
    const clash = await app.prisma.paymentMethod.count({ where: { ibanIndex: { in: index.all }, removedAt: null } });
    if (clash) {
      app.log.warn('an IBAN backs two active mandates', { paymentMethodId: row.id });
      continue;
    }
    await app.prisma.paymentMethod.update({ where: { id: row.id }, data: { ibanIndex: index.current } });
    indexed++;
  }
  return indexed;
}
